"""Starter files for ``reportgen init``: a plan, summary or campaign with a Chinese comment on every key.

Each starter is a complete example that validates and builds as written; its year is the one
given (the current year on the command line). Its first line points the VS Code YAML extension
at ``reportgen.schema.json`` in the same folder, which ``init`` writes unless one is there.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from string import Template

from ..errors import Problem, ReportgenError
from ..files.atomic_write import write_atomic
from .json_schema import schema_text

KINDS = ("plan", "summary", "campaign")
SCHEMA_FILE = "reportgen.schema.json"
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILE}\n"


def starter_text(kind: str, year: int) -> str:
    """The starter YAML of ``kind`` (plan, summary or campaign) for ``year``."""
    text = (resources.files("reportgen.authoring") / "starters" / f"{kind}.yaml").read_text("utf-8")
    return SCHEMA_LINE + Template(text).safe_substitute(year=year)


def write_starter(kind: str, out: Path, year: int) -> list[Path]:
    """Write the starter to ``out`` (never over an existing file), and the schema beside it."""
    refuse_existing(out)
    written = [write_atomic(out, starter_text(kind, year).encode("utf-8"))]
    schema = out.parent / SCHEMA_FILE
    if not schema.exists():
        written.append(write_atomic(schema, schema_text().encode("utf-8")))
    return written


def refuse_existing(out: Path) -> None:
    """A user's file is never overwritten: stop with a message naming it."""
    if out.exists():
        raise ReportgenError(Problem(str(out), "文件已存在，未覆盖：请用 -o 另写一个文件名，或先删除它"))
