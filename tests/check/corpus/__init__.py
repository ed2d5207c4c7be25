"""A corpus of .docx files made the way other programs make them, each with the findings a
reviewer would agree with written down in ``expected/<name>.txt``.

Most are made here in code (python-docx and raw WordprocessingML, shaped as Word, WPS and
python-docx write them); the pandoc one is committed next to the script that made it. The
expected files list, one per line, ``rule | level | where | message``; ``#`` starts a comment
saying why a finding is right. Findings of ``render.`` rules need the LibreOffice rendering.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from . import other_programs, word_made

HERE = Path(__file__).resolve().parent
Expected = tuple[str, str, str, str]  # rule, level, where, message

CORPUS: dict[str, Callable | Path] = {
    "pandoc-reference": HERE / "pandoc" / "pandoc-通知.docx",
    "python-docx-defaults": other_programs.python_docx_defaults,
    "wps-red-header": other_programs.wps_red_header,
    "fields-in-one-run": word_made.fields_in_one_run,
    "numbered-heading-styles": word_made.numbered_heading_styles,
    "missing-styles": word_made.missing_styles,
    "imprint-table": word_made.imprint_table,
    "imprint-paragraphs": word_made.imprint_paragraphs,
    "attachment-note": word_made.attachment_note,
    "minutes-and-captions": word_made.minutes_and_captions,
    "placeholder-doc-number": word_made.placeholder_doc_number,
    "bracket-blanks": word_made.bracket_blanks,
    "misses": word_made.misses,
    "news-article": other_programs.news_article,
    "letter-report": other_programs.letter_report,
}


def build(folder: Path) -> dict[str, Path]:
    """Every corpus document written into ``folder`` as ``<name>.docx``."""
    paths = {}
    for name, made in CORPUS.items():
        paths[name] = folder / f"{name}.docx"
        if isinstance(made, Path):
            shutil.copyfile(made, paths[name])
        else:
            made().save(paths[name])
    return paths


def expected(name: str) -> list[Expected]:
    """The findings written down for the document ``name``, in order."""
    lines = (HERE / "expected" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return [tuple(part.strip() for part in line.split(" | ", 3))  # type: ignore[misc]
            for line in lines if line.strip() and not line.startswith("#")]
