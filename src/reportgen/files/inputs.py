"""Outputs never replace inputs: the file a run writes is never one that it reads."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import Problem, ReportgenError


class FilesRead:
    """The files a run reads, each with what it is (such as 模板), known by identity: the same
    file under another name, through a link or in another case is the same file."""

    def __init__(self, reads: dict[Path, str]):
        self.by_identity = {}
        for path, what in reads.items():
            identity = _identity(path)
            if identity is not None:
                self.by_identity.setdefault(identity, what)

    def what_is(self, target: Path) -> str | None:
        """What ``target`` is among the files read, if it is one of them."""
        identity = _identity(target)
        return self.by_identity.get(identity) if identity is not None else None


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return found.st_dev, found.st_ino


def refuse_inputs(target: Path, reads: dict[Path, str]) -> None:
    """Raise if writing ``target`` would replace a file the run reads."""
    what = FilesRead(reads).what_is(target)
    if what is not None:
        raise ReportgenError(Problem(str(target), f"这是本次读取的{what}，输出不能覆盖它："
                                     "请用 -o 指定另一个输出文件或文件夹"))
