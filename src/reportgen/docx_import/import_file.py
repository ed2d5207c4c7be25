"""reportgen import: a .docx read as check reads it, written as a YAML file beside it (or at -o)
after the YAML is read back and validated as build would, so that what is written builds."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from ..check.document_kind import not_official
from ..check.docx_read import read_docx
from ..check.roles import assign_roles
from ..errors import DocumentUnreadable, Problem, ReportgenError
from ..files.atomic_write import write_atomic
from ..files.inputs import refuse_inputs
from ..load.yaml_file import DOCUMENT, read_yaml_text
from ..validation.document import validate
from .document_data import document_data
from .document_parts import document_parts, pieces
from .metrics import with_metrics
from .yaml_text import yaml_text

HEADER = ("由 {name} 导入（reportgen import）。", "请核对后再生成：reportgen build {yaml}",
          "标有“请核对”的地方，导入时无法确定原文的写法或位置。")


@dataclass
class Imported:
    """The YAML file written and how many places it asks the user to check."""

    path: Path
    checks: int


def import_docx(source: Path, out: Path | None = None, *, force: bool = False,
                metrics: bool = False) -> Imported:
    """Read ``source`` and write its YAML to ``out`` (a file, or a folder to write ``<stem>.yaml``
    into; default: beside ``source``); an existing
    file is replaced only with ``force``, and never ``source`` itself; with ``metrics``, figures
    with a unit after them become 指标 (docx_import/metrics.py)."""
    target = _target(source, out)
    refuse_inputs(target, {source: "Word 文档"})
    if target.exists() and not force:
        raise ReportgenError(Problem(str(target), "文件已存在，未覆盖：请用 -o 另写一个文件名，"
                                                  "或加 --force 覆盖它"))
    data = document_data(document_parts(pieces(_reading(source))))
    if metrics:
        data = with_metrics(data)
    text = yaml_text(data, [line.format(name=source.name, yaml=target.name) for line in HEADER])
    _validated(target, text, source)
    write_atomic(target, text.encode("utf-8"))
    return Imported(target, text.count("# 请核对："))


def _target(source: Path, out: Path | None) -> Path:
    """``out``, or ``<stem>.yaml`` in the folder ``out`` names, or beside ``source``."""
    if out is None:
        return source.with_suffix(".yaml")
    return Path(out) / f"{source.stem}.yaml" if Path(out).is_dir() else Path(out)


def _reading(source: Path):
    """The document read as check reads it; refused when unreadable, empty or no 公文."""
    try:
        reading = read_docx(source)
    except DocumentUnreadable as exc:
        raise ReportgenError([Problem(p.file, p.message.replace("再检查", "再导入"))
                              for p in exc.problems]) from None
    texts = [p for p in reading.paragraphs if p.text.strip()]
    if not texts:
        raise ReportgenError(Problem(str(source), "文档是空的：没有文字，无法导入"))
    roles = assign_roles(reading.paragraphs)
    why = not_official(reading, roles)
    if why or not any(r.kind == "title" for r in roles):
        raise ReportgenError(Problem(str(source), f"不是公文，无法导入：{why or '没有公文标题'}"
                                                  "（reportgen import 读取方案、总结、通知等公文）"))
    return reading


def _validated(target: Path, text: str, source: Path) -> None:
    """Read ``text`` back and validate it as build would; a problem is the document's."""
    size = len(text.encode("utf-8"))
    if size > DOCUMENT.size:
        raise ReportgenError(Problem(str(source), f"文档过长：写成 YAML 有 {size / 1e6:.1f} MB，超过 "
                                                  f"reportgen 读取一份 YAML 文件的上限（{DOCUMENT.size / 1e6:.0f} MB）"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # what a reviewer would mark is the document's own
        try:
            validate(read_yaml_text(str(target), text, target.resolve().parent))
        except ReportgenError as exc:
            raise ReportgenError([Problem(str(source), f"导入后无法生成公文：{p}")
                                  for p in exc.problems]) from None

