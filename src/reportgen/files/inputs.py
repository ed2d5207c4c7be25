"""Outputs never replace inputs: the file a run writes is never one that it reads."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import Problem, ReportgenError


def input_at(target: Path, reads: dict[Path, str]) -> str | None:
    """What the existing file ``target`` is among the files a run reads (``reads``: each with
    what it is, such as 模板), if it is one of them: the same file by any name or link."""
    if not target.exists():
        return None
    return next((what for path, what in reads.items() if _same(path, target)), None)


def refuse_inputs(target: Path, reads: dict[Path, str]) -> None:
    """Raise if writing ``target`` would replace a file the run reads."""
    what = input_at(target, reads)
    if what is not None:
        raise ReportgenError(Problem(str(target), f"这是本次读取的{what}，输出不能覆盖它："
                                     "请用 -o 指定另一个输出文件或文件夹"))


def _same(path: Path, target: Path) -> bool:
    try:
        return os.path.samefile(path, target)
    except OSError:
        return False
