"""Documents made elsewhere, for reportgen import: 方案, 总结 and 通知 shaped as Word, WPS,
python-docx and pandoc write them, with 红头, tables, 领导小组, stages and attachments.

Most are made here in code (docx_shapes); the pandoc ones are committed next to the script that
made them (pandoc/make_pandoc_documents.py), since pandoc is not needed to run the tests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import made_in_word, made_in_wps

HERE = Path(__file__).resolve().parent

FOREIGN: dict[str, Callable | Path] = {
    "word-plan-red-header": made_in_word.plan_with_red_header,
    "word-summary-table": made_in_word.summary_with_table,
    "word-notice-run-in": made_in_word.notice_with_run_in_headings,
    "wps-plan-stages": made_in_wps.plan_with_stages,
    "wps-summary-attachments": made_in_wps.summary_with_attachments,
    "python-docx-plan": made_in_wps.python_docx_plan,
    "pandoc-plan": HERE / "pandoc" / "pandoc-方案.docx",
    "pandoc-summary": HERE / "pandoc" / "pandoc-总结.docx",
}


def build(folder: Path) -> dict[str, Path]:
    """Every document of the corpus as a .docx in ``folder`` (the committed ones as they are)."""
    made = {}
    for name, source in FOREIGN.items():
        if isinstance(source, Path):
            made[name] = source
        else:
            made[name] = folder / f"{name}.docx"
            source().save(made[name])
    return made
