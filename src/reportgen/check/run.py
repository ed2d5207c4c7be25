"""A check of .docx files: read, give each paragraph its role, apply every family of rules."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..office.convert import convert_to_pdf
from ..office.pdf_text import pdf_pages
from .docx_read import Reading, read_docx
from .report import Finding, in_reading_order
from .roles import assign_roles
from .rules_fonts import font_findings
from .rules_footer import footer_findings
from .rules_links import link_findings
from .rules_ordinals import ordinal_findings
from .rules_page import page_findings
from .rules_render import render_findings
from .rules_text import text_findings


def check(path: str | Path, pdf: Path | None = None) -> list[Finding]:
    """Findings for one .docx; with ``pdf`` (its LibreOffice rendering) also the page-aware ones."""
    return findings_of(read_docx(Path(path)), pdf)


def findings_of(reading: Reading, pdf: Path | None = None) -> list[Finding]:
    roles = assign_roles(reading.paragraphs)
    findings = page_findings(reading, roles) + footer_findings(reading) + link_findings(reading)
    for rules in (font_findings, ordinal_findings, text_findings):
        findings += rules(reading, roles)
    if pdf is not None:
        findings += render_findings(reading, roles, pdf_pages(pdf))
    return in_reading_order(findings)


def check_files(paths: list[Path], render: bool = False) -> dict[str, list[Finding]]:
    """Findings per file; ``render`` converts them all in one LibreOffice run first.

    Every file is read before anything is rendered, so an unreadable one stops the run early.
    """
    readings = {str(p): read_docx(Path(p)) for p in paths}
    if not render:
        return {name: findings_of(reading) for name, reading in readings.items()}
    with tempfile.TemporaryDirectory(prefix="reportgen-check-") as tmp:
        targets = {r.path: Path(tmp) / f"{n}.pdf" for n, r in enumerate(readings.values())}
        convert_to_pdf(targets)
        return {name: findings_of(r, targets[r.path]) for name, r in readings.items()}
