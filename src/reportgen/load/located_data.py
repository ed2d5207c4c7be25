"""Loaded YAML data and, for every key and list item, the file, line and column that wrote it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple


class Where(NamedTuple):
    """Where a value was written: file name as shown to the user, line and column (1-based)."""

    file: str
    line: int
    col: int


@dataclass
class Source:
    """Parsed YAML data with the origin of each key and list item.

    ``file`` is the file the user named (for a file that extends another, the extending one);
    ``positions`` maps a path of keys and list indexes to where that key or item was written,
    which for inherited values is the base file. ``folder`` is ``file``'s folder; ``project`` is
    the folder that paths written in the file must stay in (see load/written_paths.py), ``folder`` if None.
    """

    file: str
    data: Any
    positions: dict[tuple, Where] = field(default_factory=dict)
    folder: Path = Path(".")
    project: Path | None = None

    def where(self, path: tuple) -> Where:
        """Where the deepest existing part of ``path`` was written (the file's start if none)."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return Where(self.file, 1, 1)

    @property
    def project_folder(self) -> Path:
        """The folder that paths written in this file must stay in."""
        return self.project if self.project is not None else self.folder

    def folder_of(self, path: tuple) -> Path:
        """The folder of the file that wrote ``path``: paths written there are relative to it."""
        written_in = self.where(path).file
        return self.folder if written_in == self.file else Path(written_in).resolve().parent
