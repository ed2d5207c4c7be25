"""The one user-facing error: a list of located problems, printed compiler-style."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing the user must fix, located in their file (line and column are 1-based)."""

    file: str
    message: str
    line: int | None = None
    col: int | None = None
    path: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.col or 1}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class ReportgenError(Exception):
    """Raised for anything the user can fix; the CLI prints it and exits with status 1."""

    exit_status = 1
    outcome = "未生成文件。"  # the CLI's closing line after the problems ("" for none)

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = Problem("reportgen", problems)
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class DiskFull(ReportgenError):
    """The disk (or the user's quota) is full: a batch stops, since every unit after would fail too."""


class DocumentUnreadable(ReportgenError):
    """The file to check is not a readable .docx (missing, .doc, encrypted, not a zip): status 2."""

    exit_status = 2
    outcome = "未检查。"


class ToolMissing(ReportgenError):
    """A program reportgen runs (LibreOffice, poppler) is not installed; the message names it."""

    outcome = ""


class ReportgenWarning(UserWarning):
    """Something reportgen repaired on the user's behalf; the document is still produced."""


class TextWarning(ReportgenWarning):
    """What a reviewer (核稿) would mark in the file's text; the document is still produced,
    unless ``strict`` makes it an error."""


def display_path(parts: list) -> str:
    """A location inside the file as the user reads it: 阶段安排.条目[1].时间 (lists count from 1)."""
    text = ""
    for part in parts:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def described(value: object) -> str:
    """A value as a message names it: text and numbers quoted as written, never a Python repr."""
    if isinstance(value, bool):
        return f"是/否“{str(value).lower()}”"
    if isinstance(value, (str, int, float)):
        return f"{'文本' if isinstance(value, str) else '数字'}“{value}”"
    kinds = ((list, "列表"), (tuple, "列表"), (dict, "映射"), (type(None), "空值"))
    return next((name for kind, name in kinds if isinstance(value, kind)), "其他值")
