"""Tables laid out for the template: cells as printed, numeric columns, the 合计 row, column weights."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..chinese.widths import text_width
from ..model.tables import NUMBER, SERIAL_COLUMNS, Table, measure_column, summable

TOTAL_LABEL = "合计"
WIDEST_DEFAULT = 12  # 字: beyond this a column's text wraps rather than widening the column


@dataclass(frozen=True)
class CellView:
    """One cell as printed: its text, and whether it holds a number (set flush right)."""

    text: str
    num: bool = False
    centred: bool = False  # 序号 and 编号 cells, centred in their column


@dataclass(frozen=True)
class TableView:
    """A table ready for the template: header, body rows, total row and column weights."""

    header: list[CellView]
    rows: list[list[CellView]]
    widths: list[float]  # relative widths as given (列宽), or each column's natural width in 字
    total: list[CellView] = field(default_factory=list)
    title: str = ""
    natural: bool = False  # widths are natural widths, to be fitted to the page (see word/geometry.py)


def table_view(table: Table) -> TableView:
    """Lay out ``table``: numeric columns flush right, totals summed, column widths."""
    grid = table.grid()
    columns = list(zip(*grid, strict=True)) if grid else [() for _ in table.columns]
    numeric = [_numeric(col) and name not in SERIAL_COLUMNS
               for col, name in zip(columns, table.columns, strict=True)]
    serial = [name in SERIAL_COLUMNS for name in table.columns]
    rows = [[CellView(cell_text(v), numeric[j], serial[j]) for j, v in enumerate(row)] for row in grid]
    return TableView(
        header=[CellView(c) for c in table.columns], rows=rows,
        widths=table.widths or _natural_widths(table.columns, rows),
        total=_total_row(table, columns, numeric), title=table.title or "",
        natural=table.widths is None)


def cell_text(value: Any) -> str:
    """A cell value as written: numbers without a trailing .0 added, empty for null."""
    return "" if value is None else str(value)


def _numeric(column: tuple) -> bool:
    filled = [v for v in column if v not in (None, "")]
    return bool(filled) and all(isinstance(v, (int, float)) or NUMBER.match(str(v).strip())
                                for v in filled)


def _total_row(table: Table, columns: list[tuple], numeric: list[bool]) -> list[CellView]:
    if not table.total:
        return []
    names = table.total if isinstance(table.total, list) else [
        c for j, c in enumerate(table.columns) if j and numeric[j] and c not in SERIAL_COLUMNS
        and summable(list(columns[j]))]
    row = [CellView(format_sum(columns[j]), True) if c in names else CellView("", numeric[j])
           for j, c in enumerate(table.columns)]
    measures = measure_column(table)
    if measures and len(measures[1]) == 1:  # every row in 件: the total is in 件 too
        row[measures[0]] = CellView(measures[1][0])
    return [CellView(TOTAL_LABEL, centred=table.columns[0] in SERIAL_COLUMNS), *row[1:]]


def format_sum(values: tuple) -> str:
    """The exact decimal sum of ``values`` (numbers or "1,234" text), with their decimal places."""
    numbers = [Decimal(str(v).replace(",", "")) for v in values if v not in (None, "")]
    places = max((-n.as_tuple().exponent for n in numbers), default=0)
    return f"{sum(numbers, Decimal(0)):.{max(places, 0)}f}"


def _natural_widths(columns: list[str], rows: list[list[CellView]]) -> list[float]:
    """Without 列宽: each column as wide as its header or its longest cell, up to 12 字."""
    longest = [max([text_width(c)] + [text_width(r[j].text) for r in rows])
               for j, c in enumerate(columns)]
    return [min(w, WIDEST_DEFAULT) + 1 for w in longest]
