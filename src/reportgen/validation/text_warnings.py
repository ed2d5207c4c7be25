"""What a reviewer (核稿) marks, found while the YAML is still open: warnings located at the key.

Every text of the file, placeholders filled, goes through the text rules ``reportgen check``
applies to a .docx (chinese/text_rules.py): half-width punctuation between Chinese characters,
发文字号 with square brackets, dates such as 2021年06月10日, ××/XX blanks left over. Values that
reportgen reads rather than prints as written (dates, 发文字号, yes/no, names of settings, the
data placeholders read) are not texts. The document as a whole is also looked at: a 成文日期,
and a 版记 with both 印发机关 and 印发日期. ``--strict`` makes every warning an error.
"""

from __future__ import annotations

from typing import Any

from ..chinese.text_rules import text_faults
from ..errors import Problem, display_path
from ..load.located_data import Source
from ..model.documents import Document
from ..model.spellings import english_to_chinese

DATA_KEYS = ("unit", "metrics", "vars", "period", "template", "type", "extends", "rollup")
READ_KEYS = ("date", "printed_on", "start", "end", "doc_number", "red_header", "sealed",
             "format", "ordinals", "widths", "total", "run_in", "inline")
ROWS = ("rows", "行")
IMPRINT = (("cc", "抄送"), ("printed_by", "印发机关"), ("printed_on", "印发日期"))


def _spellings(names: tuple[str, ...]) -> frozenset[str]:
    chinese = english_to_chinese()
    return frozenset(n for name in names for n in (name, chinese.get(name, name)))


def text_warnings(source: Source, data: Any) -> list[Problem]:
    """A located warning for each fault of each text in ``data`` (``source.data`` filled).

    A text whose placeholders were not filled (they failed, which is an error of its own, or
    were left once the document's placeholders passed a limit) is not final: it is not judged.
    """
    top, read = _spellings(DATA_KEYS) | {"继承", "汇总"}, _spellings(READ_KEYS)
    found: list[Problem] = []

    def walk(value: Any, written: Any, path: tuple, in_rows: bool) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                if (path or k not in top) and (in_rows or k not in read):
                    walk(v, _at(written, k), (*path, k), in_rows or k in ROWS)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, _at(written, i), (*path, i), in_rows)
        elif isinstance(value, str) and not (value == written and _has_tags(value)):
            found.extend(_located(source, path, f.message) for f in text_faults(value))

    walk(data, source.data, (), False)
    return found


def _at(container: Any, key: Any) -> Any:
    """``container[key]`` in the data as written, or None where it has no such part."""
    if isinstance(container, dict):
        return container.get(key)
    if isinstance(container, list) and isinstance(key, int) and key < len(container):
        return container[key]
    return None


def _has_tags(text: str) -> bool:
    return "{{" in text or "{%" in text or "{#" in text


def document_warnings(document: Document, source: Source) -> list[Problem]:
    """成文日期 missing; a 版记 without its 印发机关 or 印发日期."""
    found = []
    if document.date is None:
        found.append(_located(source, (), "没有“成文日期”：公文应写明成文日期（如 成文日期: 2024-03-05）"))
    written = [names for names in IMPRINT if any(n in source.data for n in names)]
    missing = [names[1] for names in IMPRINT[1:] if names not in written]
    if written and missing:
        where = next(n for n in written[0] if n in source.data)
        found.append(_located(source, (where,), f"版记缺少“{'”和“'.join(missing)}”："
                              "版记末行应写印发机关和印发日期"))
    return found


def _located(source: Source, path: tuple, message: str) -> Problem:
    file, line, col = source.where(path)
    return Problem(file, message, line, col, display_path(list(path)))


def as_warning(problem: Problem) -> Problem:
    """The problem as a warning is shown: its message after “警告：”."""
    return Problem(problem.file, f"警告：{problem.message}", problem.line, problem.col, problem.path)
