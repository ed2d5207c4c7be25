"""Next year's file: a thin YAML file that extends last year's, with 年度 and the dates moved on.

Only what changes every year is written: ``继承`` (the old file), ``变量.年度`` and each date
(成文日期, 印发日期, the stages' 开始/结束) moved on by the difference in years. Lists replace
as a whole, so stages with dates are written out in full. Text that still names the old year is
listed for the user to check, since only they know whether "2024年" means this year.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..chinese.widths import is_wide
from ..errors import Problem, ReportgenError, display_path
from ..files.atomic_write import write_atomic
from ..load.extends import merge_sources, without_extends
from ..load.located_data import Source
from ..load.written_paths import within
from ..load.yaml_file import dump_yaml, load_yaml, read_yaml
from ..model.value_types import parse_date
from ..validation.document import validate
from .starter_files import SCHEMA_FILE, SCHEMA_LINE, refuse_existing

DATE_KEYS = ("date", "成文日期", "printed_on", "印发日期")
STAGE_KEYS = ("stages", "阶段安排")
STAGE_DATES = ("start", "开始", "end", "结束")
VARS_KEYS, YEAR_KEYS = ("变量", "vars"), ("年度", "year")


@dataclass
class NextYear:
    """The written file, its year, the old year, and where text still names the old year.

    ``project`` is the folder to build the new file with (``--project``) when the old file is
    outside the new file's folder, which the path rule (load/written_paths.py) would otherwise refuse.
    """

    path: Path
    year: int
    old_year: int
    mentions: list[str]
    project: Path | None = None


def write_next_year(old: Path, out: Path | None = None, year: int | None = None,
                    project: Path | None = None) -> NextYear:
    """Check ``old`` (its paths within ``project``, by default its folder; see load/written_paths.py), then
    write next year's thin file (default: ``2024`` → ``2025`` in its name)."""
    source = load_yaml(old, project)
    validate(source)
    old_year = _old_year(source, year)
    year = year if year is not None else old_year + 1
    out = out or _default_name(old, old_year, year)
    refuse_existing(out)
    data = _thin(source, read_yaml(old).data, Path(os.path.relpath(old, out.parent)).as_posix(),
                 old_year, year)
    validate(merge_sources(source, without_extends(Source(str(out), data, folder=out.parent))))
    mentions = _mentions(source, data, old_year)
    write_atomic(out, _text(out, data, mentions, old_year, year).encode("utf-8"))
    return NextYear(out, year, old_year, mentions, _project(old, out, project))


def _project(old: Path, out: Path, project: Path | None) -> Path | None:
    """The smallest folder holding ``out`` and the files it extends (``old`` and its bases, in
    ``project`` or ``old``'s folder), when that is more than ``out``'s folder."""
    reach = Path(project) if project is not None else old.parent
    if within(reach, out.parent):
        return None
    folders = [os.path.normpath(reach), os.path.normpath(out.parent)]
    try:
        return Path(os.path.commonpath(folders))
    except ValueError:  # one relative, one absolute
        return Path(os.path.commonpath([os.path.abspath(f) for f in folders]))


def _old_year(source: Source, year: int | None) -> int:
    """The old file's 变量.年度, else the year of its 成文日期 or first date."""
    years = [_as_year(v) for k, v in _vars(source.data).items() if k in YEAR_KEYS]
    years += [d.year for _, d in _dates(source.data)]
    found = next((y for y in years if y is not None), None)
    if found is None and year is None:
        raise ReportgenError(Problem(source.file, "无法确定原文件的年度（没有“变量.年度”或日期）："
                                                  "请用 --year 指定新的年度"))
    return found if found is not None else year - 1


def _as_year(value: Any) -> int | None:
    text = str(value).strip()
    return int(text) if re.fullmatch(r"\d{4}", text) else None


def _vars(data: dict) -> dict:
    return next((data[k] for k in VARS_KEYS if isinstance(data.get(k), dict)), {})


def _dates(data: dict) -> list[tuple[str, date]]:
    """The top-level dates as (key, date), those written as placeholders left out."""
    return [(k, d) for k in data if k in DATE_KEYS and (d := _date(data[k])) is not None]


def _date(value: Any) -> date | None:
    try:
        return parse_date(value) if isinstance(value, str) else None
    except ValueError:
        return None


def moved(text: str, years: int) -> str:
    """The date ``text`` ``years`` later, written the same way (29 February becomes the 28th)."""
    old = _date(text)
    if old is None:
        return text
    try:
        old.replace(year=old.year + years)
    except ValueError:
        return f"{old.year + years}-02-28"
    return re.sub(r"^\s*\d{4}", str(old.year + years), text.strip(), count=1)


def _default_name(old: Path, old_year: int, year: int) -> Path:
    """``2024.yaml`` → ``2025.yaml``, ``安全月2024.yaml`` → ``安全月2025.yaml``, else ``x-2025.yaml``."""
    stem = old.stem.replace(str(old_year), str(year)) if str(old_year) in old.stem \
        else f"{old.stem}-{year}"
    return old.with_name(stem + old.suffix)


def _thin(source: Source, written: dict, base: str, old_year: int, year: int) -> dict:
    """The new file's data: 继承, 变量.年度, the dates moved on, the stages if they hold dates."""
    chinese = sum(1 for k in written if is_wide(str(k)[:1] or "a")) * 2 >= len(written)
    data = source.data
    vars_key = next((k for k in VARS_KEYS if k in data), VARS_KEYS[0 if chinese else 1])
    year_key = next((k for k in YEAR_KEYS if k in _vars(data)), YEAR_KEYS[0 if chinese else 1])
    thin: dict = {("继承" if chinese else "extends"): base, vars_key: {year_key: year}}
    thin.update({k: moved(data[k], year - old_year) for k, _ in _dates(data)})
    thin.update(_stages(data, year - old_year))
    return thin


def _stages(data: dict, years: int) -> dict:
    """阶段安排 with its stages' dates moved on, if any stage has dates (the list is replaced)."""
    key = next((k for k in STAGE_KEYS if k in data), None)
    stages = data.get(key)
    items_key = next((k for k in ("items", "条目") if isinstance(stages, dict) and k in stages), None)
    items = stages[items_key] if items_key else stages
    if not isinstance(items, list) or not any(
            isinstance(s, dict) and set(s) & set(STAGE_DATES) for s in items):
        return {}
    moved_items = [{k: moved(v, years) if k in STAGE_DATES and isinstance(v, str) else v
                    for k, v in s.items()} if isinstance(s, dict) else s for s in items]
    return {key: {items_key: moved_items} if items_key else moved_items}


def _mentions(source: Source, thin: dict, old_year: int) -> list[str]:
    """Where text the new file inherits still names the old year, compiler-style."""
    found: list[str] = []

    def walk(value: Any, path: tuple) -> None:
        if _covered(thin, path):
            return
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, (*path, k))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, (*path, i))
        elif str(old_year) in str(value):
            file, line, col = source.where(path)
            found.append(f"{file}:{line}:{col}: {display_path(list(path))}: 写着“{old_year}”")

    walk(source.data, ())
    return found


def _covered(thin: dict, path: tuple) -> bool:
    """True when the new file itself writes the value at ``path`` (or a list holding it)."""
    node: Any = thin
    for part in path:
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
        if not isinstance(node, dict):
            return True
    return False


def _text(out: Path, data: dict, mentions: list[str], old_year: int, year: int) -> str:
    """The new file: a short explanation, the values, and the lines to check as comments."""
    base = next(iter(data.values()))
    head = SCHEMA_LINE if (out.parent / SCHEMA_FILE).exists() else ""
    head += (f"# {year}年的文件：继承 {base}，只写与{old_year}年不同的内容。\n"
             f"# 没有写的都沿用 {base}；要改哪一项，就在这里写同名的键：映射逐项合并，\n"
             "# 列表和文字整体替换，写 null 删除。日期已顺延，请核对。\n")
    body = dump_yaml(data)
    if mentions:
        body += f"\n# 以下继承来的内容写着“{old_year}”，请核对（要改就在这里重写该项）：\n"
        body += "".join(f"#   {m}\n" for m in mentions)
    return head + body
