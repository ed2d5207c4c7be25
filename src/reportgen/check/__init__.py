"""Checking any .docx against GB/T 9704-2012: read it, find each paragraph's role, apply the rules."""

from __future__ import annotations

from pathlib import Path

from .docx_read import Reading, read_docx
from .report import Finding, in_reading_order
from .roles import assign_roles
from .rules_fonts import font_findings
from .rules_footer import footer_findings
from .rules_ordinals import ordinal_findings
from .rules_page import page_findings
from .rules_text import text_findings

__all__ = ["Finding", "check", "check_files"]


def check(path: str | Path) -> list[Finding]:
    """Findings for one .docx, in reading order."""
    return findings_of(read_docx(Path(path)))


def findings_of(reading: Reading) -> list[Finding]:
    roles = assign_roles(reading.paragraphs)
    findings = page_findings(reading, roles) + footer_findings(reading)
    for rules in (font_findings, ordinal_findings, text_findings):
        findings += rules(reading, roles)
    return in_reading_order(findings)


def check_files(paths: list[Path]) -> dict[str, list[Finding]]:
    """Findings per file; every file is read first, so an unreadable one stops the run early."""
    readings = {str(p): read_docx(Path(p)) for p in paths}
    return {name: findings_of(reading) for name, reading in readings.items()}
