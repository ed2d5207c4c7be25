"""Ordinals of headings: the prescribed forms, no gaps or repeats, restarting under each parent."""

from __future__ import annotations

from ..chinese.numerals import ordinal
from .docx_read import Para, Reading
from .ordinal_parse import Ordinal, parse_ordinal
from .report import Finding, at, error, warning
from .roles import Role, paired


class Counter:
    """The last number used at each level under the current parents, and under the previous ones."""

    def __init__(self) -> None:
        self.last: dict[int, int] = {}
        self.ended: dict[int, int] = {}
        self.before: dict[int, int] = {}  # the last numbers before the attachment that started

    def restart(self) -> None:
        """An attachment starts: numbering starts afresh, remembering where it stood."""
        self.before = {**self.ended, **self.last}
        self.last.clear()
        self.ended.clear()

    def step(self, level: int, number: int) -> int | None:
        """Record ``number`` at ``level``; deeper levels end. Returns the previous sibling's number."""
        for deeper in range(level + 1, 5):
            if deeper in self.last:
                self.ended[deeper] = self.last.pop(deeper)
        previous, self.last[level] = self.last.get(level), number
        return previous


def ordinal_findings(reading: Reading, roles: list[Role]) -> list[Finding]:
    """Auto-numbering, wrong forms and broken sequences; attachments start their own numbering."""
    findings, counter = [], Counter()
    for para, role in paired(reading.paragraphs, roles):
        if para.auto_numbered and para.number:
            findings.append(error("ordinal.auto", at(para), "使用了 Word 自动编号，序号应直接写成文字"))
        if role.kind == "attachment_label":
            counter.restart()
        found = parse_ordinal(para.text) if role.kind == "heading" else None
        if found is not None:
            findings += form(para, found) + sequence(para, found, counter)
    return findings


def form(para: Para, found: Ordinal) -> list[Finding]:
    """The prescribed form; "1．" with a full-width full stop is only a warning."""
    if found.written == found.correct:
        return []
    if found.written == found.correct.replace(".", "．"):
        return [warning("ordinal.form", at(para), f"序号“{found.written}”宜写作“{found.correct}”（半角点）")]
    return [error("ordinal.form", at(para), f"序号“{found.written}”应写作“{found.correct}”")]


def sequence(para: Para, found: Ordinal, counter: Counter) -> list[Finding]:
    """Compare with the previous sibling: next number, repeat, going back, or skipping some."""
    previous = counter.step(found.level, found.number)
    if previous is None:
        carried = None if any(level < found.level for level in counter.last) else \
            counter.before.get(found.level)  # no parent yet in the attachment
        return [] if found.number == 1 else [
            first_number(para, found, counter.ended.get(found.level), carried)]
    verdict = after_sibling(found.level, previous, found.number)
    return [error(verdict[0], at(para), verdict[1])] if verdict else []


def after_sibling(level: int, previous: int, number: int) -> tuple[str, str] | None:
    """Rule id and message when ``number`` does not follow ``previous`` at ``level``."""
    shown, before = ordinal(level, number), ordinal(level, previous)
    if number == previous + 1:
        return None
    if number == previous:
        return "ordinal.repeat", f"序号“{shown}”重复"
    if number < previous:
        return "ordinal.order", f"序号“{shown}”排在“{before}”之后"
    missing = number - previous - 1
    lacking = f"“{ordinal(level, previous + 1)}”" if missing == 1 else f"{missing}个序号"
    return "ordinal.gap", f"序号从“{before}”跳到“{shown}”，缺少{lacking}"


def first_number(para: Para, found: Ordinal, under_previous_parent: int | None,
                 before_attachment: int | None) -> Finding:
    """The first sibling is not 1: numbering carried on from the last parent or from before the
    attachment, or simply skipped."""
    shown, first = ordinal(found.level, found.number), ordinal(found.level, 1)
    if under_previous_parent == found.number - 1:
        return error("ordinal.restart", at(para),
                     f"序号应在上一级标题下重新从“{first}”编起，实为“{shown}”")
    if under_previous_parent is None and before_attachment == found.number - 1:
        return error("ordinal.restart", at(para), f"序号应在附件中重新从“{first}”编起，实为“{shown}”")
    return error("ordinal.gap", at(para), f"序号应从“{first}”开始，实为“{shown}”")
