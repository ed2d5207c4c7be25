"""A check of .docx files: read, give each paragraph its role, apply every family of rules."""

from __future__ import annotations

import contextlib
import gc
import tempfile
from pathlib import Path

from ..errors import DocumentUnreadable, Problem
from ..office.convert import convert_to_pdf
from ..office.pdf_text import drawn_words, pdf_pages
from .document_kind import not_official, summarised
from .docx_read import Reading, read_docx
from .render_copy import rendering_steps
from .report import Finding, in_reading_order
from .roles import assign_roles
from .rules_fonts import font_findings
from .rules_footer import footer_findings
from .rules_layout import date_findings, indent_findings
from .rules_lines import line_findings
from .rules_links import link_findings
from .rules_lost import lost_findings
from .rules_ordinals import ordinal_findings
from .rules_page import page_findings
from .rules_render import render_findings
from .rules_signature import signature_findings
from .rules_text import text_findings


def check(path: str | Path, pdf: Path | None = None, everything: bool = False) -> list[Finding]:
    """Findings for one .docx; with ``pdf`` (its LibreOffice rendering) also the page-aware ones.

    A document not laid out as a 公文 at all gets a line saying so and its three most important
    findings, unless ``everything`` is asked for.
    """
    return findings_of(read_docx(Path(path)), pdf, everything)


def findings_of(reading: Reading, pdf: Path | None = None, everything: bool = False) -> list[Finding]:
    roles = assign_roles(reading.paragraphs)
    findings = page_findings(reading, roles) + footer_findings(reading) + link_findings(reading)
    for rules in (font_findings, ordinal_findings, text_findings, indent_findings, date_findings,
                  line_findings):
        findings += rules(reading, roles)
    if pdf is not None:
        findings += rendered(reading, roles, pdf, findings)
    findings = in_reading_order(findings)
    why = "" if everything else not_official(reading, roles)
    return summarised(findings, why) if why else findings


def rendered(reading: Reading, roles: list, pdf: Path, static: list[Finding]) -> list[Finding]:
    """The findings on the rendering ``pdf``; 署名 and 成文日期 measured on the page only when
    their indents looked right (else the same fault would be reported twice)."""
    pages = pdf_pages(pdf)
    found = render_findings(reading, roles, pages) + lost_findings(reading, drawn_words(pdf))
    if not any(f.rule == "layout.date" for f in static):
        found += signature_findings(reading, roles, pages)
    return found


@contextlib.contextmanager
def _no_collections():
    """Reading a document makes objects that all live until the check ends: Python's cycle
    collector would only walk them again and again (a tenth of a long check). Memory stays bounded
    by the reader's limits (MAX_READ); what is garbage is collected once, at the end."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@_no_collections()
def check_files(paths: list[Path], render: bool = False, everything: bool = False
                ) -> tuple[dict[str, list[Finding]], list[Problem]]:
    """Findings per readable file, and why each of the others could not be read.

    Every file is read before anything is rendered; ``render`` converts the readable ones in one
    LibreOffice run. An unreadable file does not stop the others from being checked.
    """
    readings, unreadable = _readings(paths)
    if not render or not readings:
        return ({name: findings_of(reading, None, everything) for name, reading in readings.items()},
                unreadable)
    with tempfile.TemporaryDirectory(prefix="reportgen-check-") as tmp:
        targets = {r.path: Path(tmp) / f"{n}.pdf" for n, r in enumerate(readings.values())}
        convert_to_pdf(targets, steps={r.path: rendering_steps(r) for r in readings.values()})
        return ({name: findings_of(r, targets[r.path], everything)
                 for name, r in readings.items()}, unreadable)


def _readings(paths: list[Path]) -> tuple[dict[str, Reading], list[Problem]]:
    readings: dict[str, Reading] = {}
    unreadable: list[Problem] = []
    for path in paths:
        try:
            readings[str(path)] = read_docx(Path(path))
        except DocumentUnreadable as exc:
            unreadable += exc.problems
    return readings, unreadable
