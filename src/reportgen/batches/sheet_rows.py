"""A unit list once read, whatever its file: column names, and rows of cells held compactly."""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..errors import Problem, ReportgenError, ReportgenWarning
from ..load.text_file import ILLEGAL_CHARS, controls_removed


@dataclass(frozen=True, slots=True)
class Row:
    """One unit's row: its cells, in the order of ``columns`` (column name → index among the cells,
    and the column's number), and where each cell was written: ``spots`` gives (line, column) for
    each (None where the row has no such cell), or is None when every cell is on ``line``, in its
    column. The rows of a table share one ``columns``: a row holds little more than its cells."""

    line: int
    cells: tuple[Any, ...]
    columns: dict[str, tuple[int, int]]
    spots: tuple[tuple[int, int] | None, ...] | None = None

    def value(self, name: str) -> Any:
        """The cell of column ``name``; None if it is empty or the row has none."""
        found = self.columns.get(name)
        return None if found is None else self.cells[found[0]]

    def place(self, name: str) -> tuple[int, int] | None:
        """Where the cell of column ``name`` was written; None if the row has no such cell."""
        found = self.columns.get(name)
        if found is None:
            return None
        return (self.line, found[1]) if self.spots is None else self.spots[found[0]]

    @property
    def values(self) -> dict[str, Any]:
        """The row's cells by column name."""
        return {name: self.cells[i] for name, (i, _) in self.columns.items() if self._has(i)}

    @property
    def places(self) -> dict[str, tuple[int, int]]:
        """Where each of the row's cells was written, by column name."""
        return {name: self.place(name) for name, (i, _) in self.columns.items() if self._has(i)}

    def _has(self, index: int) -> bool:
        return self.spots is None or self.spots[index] is not None


@dataclass(frozen=True)
class Sheet:
    """A table as read: its column names, each row that is not empty, and the worksheet's name."""

    file: str
    names: list[str]
    rows: list[Row]
    sheet: str = ""


def table(file: str, lines: Iterable[tuple[int, list[Any]]], header_rows: int) -> Sheet:
    """Column names from the header row(s), then every row that is not empty. ``lines``: each line
    with the line it starts on (a CSV cell may hold line breaks), taken one at a time, so that
    only the rows made of them are held."""
    lines = iter(lines)
    names = _header(file, itertools.islice(lines, header_rows))
    headers = [(col, name) for col, name in enumerate(names, start=1) if name]
    rows, unnamed = _rows(file, lines, names, headers)
    problems = [Problem(file, "这一列有内容但没有列名：请在第一行填写列名", line, col)
                for col, line in sorted(unnamed.items())]
    problems += _same_names(file, names, header_rows)
    if problems:
        raise ReportgenError(problems)
    return Sheet(file, [name for _, name in headers], rows)


def _header(file: str, lines: Iterable[tuple[int, list[Any]]]) -> list[str]:
    """The name of each column of the header row(s) ``lines``, "" where it has none."""
    header = [_cleaned_line(file, number, line) for number, line in lines]
    width = max(map(len, header), default=0)
    return _names([line + [None] * (width - len(line)) for line in header], width)


def _rows(file: str, lines: Iterable[tuple[int, list[Any]]], names: list[str],
          headers: list[tuple[int, str]]) -> tuple[list[Row], dict[int, int]]:
    """The rows of ``lines`` that are not empty, each with the cells of the named columns
    (``headers``), and the first line filling each column without a name (a stray tab or comma
    in that line, more often than not)."""
    columns = {name: (index, col) for index, (col, name) in enumerate(headers)}
    unnamed = [col for col, name in enumerate(names, start=1) if not name]
    rows, first_filled = [], {}
    for number, line in lines:
        cells = _cleaned_line(file, number, line)
        for col in [*unnamed, *range(len(names) + 1, len(cells) + 1)]:
            if col <= len(cells) and _filled(cells[col - 1]):
                first_filled.setdefault(col, number)
        if any(_filled(v) for v in cells):
            rows.append(Row(number, tuple(cell_value(cells[col - 1]) if col <= len(cells) else None
                                          for col, _ in headers), columns))
    return rows, first_filled


def _cleaned_line(file: str, number: int, line: list[Any]) -> list[Any]:
    return [_cleaned(file, value, number, col) for col, value in enumerate(line, start=1)]


def _same_names(file: str, names: list[str], line: int) -> list[Problem]:
    """A problem for each column named as an earlier one (two 单位名称 columns), naming both."""
    first: dict[str, int] = {}
    return [Problem(file, f"第 {first[name]} 列和第 {col} 列都叫“{name}”：请删去其中一列，或给它改名",
                    line, col)
            for col, name in enumerate(names, start=1)
            if name and first.setdefault(name, col) != col]


def _cleaned(file: str, value: Any, line: int, col: int) -> Any:
    """A cell without the control characters a .docx cannot hold (NUL, bell …), with a warning."""
    if isinstance(value, str) and ILLEGAL_CHARS.search(value):
        warnings.warn(ReportgenWarning(controls_removed(f"{file}:{line}:{col}", value)), stacklevel=4)
        return ILLEGAL_CHARS.sub("", value)
    return value


def _names(header: list[list[Any]], width: int) -> list[str]:
    """Each column's name: the lower header row where it has one, else the (merged) cell above."""
    names, group = [], ""
    for col in range(width):
        top = _text(header[0][col]) if header else ""
        group = top or (group if len(header) > 1 else "")
        below = _text(header[1][col]) if len(header) > 1 else ""
        names.append(below or top or (group if len(header) > 1 else ""))
    return names


def _text(value: Any) -> str:
    return "".join(str(value).split()) if value is not None else ""


def _filled(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def cell_value(value: Any) -> Any:
    """A cell's value as a unit sees it: text without the spaces around it, empty text None."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value
