"""Tables (表格): the YAML model, and the laid-out rows, totals and column weights the template fills."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import PositiveFloat, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from .fields import Names, YesNo, text_width
from .node import Node, key

NUMBER = re.compile(r"^[+-]?\d{1,3}(,\d{3})*(\.\d+)?%?$|^[+-]?\d+(\.\d+)?%?$")
SERIAL_COLUMNS = {"序号", "编号", "No.", "No"}
TOTAL_LABEL = "合计"
WIDEST_DEFAULT = 12  # 字: beyond this a column's text wraps rather than widening the column


def _cell_error(value: Any, loc: tuple) -> list[InitErrorDetails]:
    if value is None or (isinstance(value, (str, int, float)) and not isinstance(value, bool)):
        return []
    kind = "列表" if isinstance(value, list) else "映射" if isinstance(value, dict) else f"“{value}”"
    return [_error("cell", "单元格应为文本或数字，实际为{kind}", loc, value, kind=kind)]


class Table(Node):
    """列 (column names), 行 (rows as lists or mappings by column), 列宽 (relative widths), 合计."""

    title: str | None = key("title", "标题")
    columns: Names = key("columns", "列", ...)
    rows: list[Any] = key("rows", "行", [])
    widths: list[PositiveFloat] | None = key("widths", "列宽")
    total: YesNo | list[str] = key("total", "合计", False)

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> Table:
        errors = [e for i, row in enumerate(self.rows) for e in _row_errors(self.columns, row, i)]
        errors += _width_errors(self)
        errors += [] if errors else _total_errors(self)
        if errors:
            raise ValidationError.from_exception_data("Table", errors)
        return self

    def grid(self) -> list[list[Any]]:
        """Every row as a list in column order."""
        return [row if isinstance(row, list) else [row.get(c) for c in self.columns]
                for row in self.rows]


def _error(code: str, message: str, loc: tuple, value: Any, **ctx: Any) -> InitErrorDetails:
    return InitErrorDetails(type=PydanticCustomError(code, message, ctx), loc=loc, input=value)


def _row_errors(columns: list[str], row: Any, i: int) -> list[InitErrorDetails]:
    if isinstance(row, list):
        cells = [e for j, v in enumerate(row) for e in _cell_error(v, ("rows", i, j))]
        if len(row) == len(columns):
            return cells
        return [_error("row", "这一行有 {n} 格，表格有 {m} 列（{names}）", ("rows", i), row,
                       n=len(row), m=len(columns), names="、".join(columns)), *cells]
    if not isinstance(row, dict):
        return [_error("row", "每一行应为列表（如 [1, 城关街道, 326]）或“列名: 值”形式的映射",
                       ("rows", i), row)]
    return _mapping_row_errors(columns, row, i)


def _mapping_row_errors(columns: list[str], row: dict, i: int) -> list[InitErrorDetails]:
    errors = [_error("column", "没有名为“{name}”的列；列有：{names}", ("rows", i, k), row,
                     name=k, names="、".join(columns)) for k in row if k not in columns]
    errors += [e for k, v in row.items() for e in _cell_error(v, ("rows", i, k))]
    missing = [c for c in columns if c not in row]
    if missing:
        errors.append(_error("row", "缺少列：{names}（空格请写“{first}: ''”）", ("rows", i), row,
                             names="、".join(missing), first=missing[0]))
    return errors


def _width_errors(table: Table) -> list[InitErrorDetails]:
    if table.widths is None or len(table.widths) == len(table.columns):
        return []
    return [_error("widths", "列宽有 {n} 个数，表格有 {m} 列", ("widths",), table.widths,
                   n=len(table.widths), m=len(table.columns))]


def _total_errors(table: Table) -> list[InitErrorDetails]:
    if not isinstance(table.total, list):
        return []
    errors = []
    grid = table.grid()
    for name in table.total:
        if name not in table.columns:
            errors.append(_error("total", "没有名为“{name}”的列；列有：{names}", ("total",),
                                 name, name=name, names="、".join(table.columns)))
        elif not _summable([row[table.columns.index(name)] for row in grid]):
            errors.append(_error("total", "“{name}”列有非数字的格，不能合计", ("total",),
                                 name, name=name))
    return errors


@dataclass(frozen=True)
class CellView:
    """One cell as printed: its text, and whether it holds a number (set flush right)."""

    text: str
    num: bool = False


@dataclass(frozen=True)
class TableView:
    """A table ready for the template: header, body rows, total row and column weights."""

    header: list[CellView]
    rows: list[list[CellView]]
    widths: list[float]  # relative widths as given (列宽), or each column's natural width in 字
    total: list[CellView] = field(default_factory=list)
    title: str = ""
    natural: bool = False  # widths are natural widths, to be fitted to the page (see finish.py)


def table_view(table: Table) -> TableView:
    """Lay out ``table``: numeric columns flush right, totals summed, column widths."""
    grid = table.grid()
    columns = list(zip(*grid, strict=True)) if grid else [() for _ in table.columns]
    numeric = [_numeric(col) and name not in SERIAL_COLUMNS
               for col, name in zip(columns, table.columns, strict=True)]
    rows = [[CellView(cell_text(v), numeric[j]) for j, v in enumerate(row)] for row in grid]
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


def _summable(column: list) -> bool:
    return all(v in (None, "") or isinstance(v, (int, float))
               or (NUMBER.match(str(v).strip()) and "%" not in str(v)) for v in column)


def _total_row(table: Table, columns: list[tuple], numeric: list[bool]) -> list[CellView]:
    if not table.total:
        return []
    names = table.total if isinstance(table.total, list) else [
        c for j, c in enumerate(table.columns) if j and numeric[j] and c not in SERIAL_COLUMNS
        and _summable(list(columns[j]))]
    row = [CellView(format_sum(columns[j]), True) if c in names else CellView("", numeric[j])
           for j, c in enumerate(table.columns)]
    return [CellView(TOTAL_LABEL), *row[1:]]


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
