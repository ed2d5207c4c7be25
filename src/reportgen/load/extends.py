"""Inheritance: a file that extends another (继承), and the deep merge that batch files share.

Semantics, the same for ``extends`` chains and for anything else laid over a base file:
mappings merge key by key (an English and a Chinese spelling of one key are the same key),
lists, text and numbers replace, and ``null`` removes an inherited key. Each value keeps the
file and line where it was written, so problems in inherited values name the base file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

from ..errors import Problem, ReportgenError
from ..model.spellings import EXTENDS_KEYS, other_spellings
from .located_data import Source
from .written_paths import written_path

FREE_KEYS = ("vars", "变量")  # values under 变量 have the user's own names, never aliases
# A chain of 继承 is merged file by file, each merge copying all before it: its length and its
# items together bound the work (a chain grows a file a year; real documents have thousands of items).
MAX_EXTENDS = 20
MAX_ITEMS = 50_000


def merge_sources(base: Source, over: Source) -> Source:
    """``over`` laid on ``base``: ``over``'s values win, and every value keeps its origin.

    The result has ``over``'s file and folder. A key written in both keeps ``base``'s place in
    the order (so sections stay where the base put them) and ``over``'s spelling.
    """
    merging = _Merge(base, over)
    data = merging.value(base.data, over.data, (), (), ())
    return Source(over.file, data, merging.positions, over.folder, over.project)


def resolve_extends(source: Source, read: Callable[[Path], Source]) -> Source:
    """``source`` merged over the chain of files it extends, each read with ``read``.

    An ``extends`` path is relative to the folder of the file that wrote it and must stay in
    ``source``'s project folder (load/written_paths.py). A missing base is reported at the ``extends`` key;
    so is a cycle, naming the whole chain, a chain of more than MAX_EXTENDS bases, and one whose
    files hold more than MAX_ITEMS items together.
    """
    chain, seen, items = [source], {Path(source.file).resolve()}, len(source.positions)
    while (base := _base_path(chain[-1], source.project_folder)) is not None:
        if base.resolve() in seen:
            _fail(chain[-1], f"循环继承：{' → '.join([*(c.file for c in chain), str(base)])}")
        if len(chain) > MAX_EXTENDS:
            _fail(chain[-1], f"继承超过 {MAX_EXTENDS} 层：请把较早的年份合并为一个文件（每年的文件只继承上一年的）")
        chain.append(read(base))
        seen.add(base.resolve())
        items += len(chain[-1].positions)
        if items > MAX_ITEMS:
            _fail(chain[-2], f"连同继承的文件共超过 {MAX_ITEMS:,} 项：一份文档用不了这么多内容")
    merged = without_extends(chain[-1])
    for child in reversed(chain[:-1]):
        merged = merge_sources(merged, without_extends(child))
    return merged


def extends_key(source: Source) -> str | None:
    """The spelling of the ``extends`` key ``source`` uses, if it has one."""
    written = [k for k in source.data if k in EXTENDS_KEYS]
    if len(written) > 1:
        _fail(source, f"“{written[1]}”与“{written[0]}”是同一项，只能写一个", written[1])
    return written[0] if written else None


def without_extends(source: Source) -> Source:
    """``source`` without its ``extends`` key, which is for loading only and never validated."""
    key = extends_key(source)
    if key is None:
        return source
    return replace(source, data={k: v for k, v in source.data.items() if k != key},
                   positions={p: w for p, w in source.positions.items() if p[:1] != (key,)})


def _base_path(source: Source, project: Path) -> Path | None:
    key = extends_key(source)
    if key is None:
        return None
    value = source.data[key]
    if not isinstance(value, str) or not value.strip():
        given = "空值" if value is None else "列表" if isinstance(value, list) else \
            "映射" if isinstance(value, dict) else f"“{value}”"
        _fail(source, f"应为被继承文件的路径（文本，如 2024.yaml），实际为{given}", key)
    try:
        path = written_path(value, Path(source.file).parent, project)
    except ValueError as exc:
        _fail(source, str(exc), key)
    if not path.is_file():
        _fail(source, f"找不到被继承的文件 {path}", key)
    return path


def _fail(source: Source, message: str, key: str | None = None) -> NoReturn:
    key = key or extends_key(source)
    file, line, col = source.where((key,))
    raise ReportgenError(Problem(file, message, line, col, key))


class _Merge:
    """One deep merge: the merged data is returned, the origin of each part kept in positions."""

    def __init__(self, base: Source, over: Source):
        self.base, self.over = base, over
        self.positions = {(): over.where(())}

    def value(self, base: Any, over: Any, bpath: tuple, opath: tuple, rpath: tuple) -> Any:
        """``over`` on ``base``, found at ``bpath``/``opath`` in them and ``rpath`` in the result."""
        if not (isinstance(base, dict) and isinstance(over, dict)):
            return self.copy(self.over, over, opath, rpath)
        if rpath:
            self.positions[rpath] = self.over.where(opath)
        matched = {b: o for o in over if (b := _same_key(base, o, rpath)) is not None}
        result: dict = {}
        for b, value in base.items():
            o = matched.get(b)
            if o is None:
                result[b] = self.copy(self.base, value, (*bpath, b), (*rpath, b))
            elif over[o] is not None:
                result[o] = self.value(value, over[o], (*bpath, b), (*opath, o), (*rpath, o))
        for o, value in over.items():
            if o not in matched.values():
                result[o] = self.copy(self.over, value, (*opath, o), (*rpath, o))
        return result

    def copy(self, source: Source, value: Any, spath: tuple, rpath: tuple) -> Any:
        """``value`` as written in ``source`` at ``spath``, with its origins, placed at ``rpath``."""
        if spath in source.positions:
            self.positions[rpath] = source.positions[spath]
        if isinstance(value, dict):
            return {k: self.copy(source, v, (*spath, k), (*rpath, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [self.copy(source, v, (*spath, i), (*rpath, i)) for i, v in enumerate(value)]
        return value


def _same_key(mapping: dict, key: str, path: tuple) -> str | None:
    """The key of ``mapping`` that is ``key``, or its other-language spelling."""
    if key in mapping:
        return key
    if path[:1] and path[0] in FREE_KEYS:
        return None
    return next((k for k in other_spellings().get(key, ()) if k in mapping), None)
