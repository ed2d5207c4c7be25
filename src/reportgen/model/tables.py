"""Tables (表格) as the YAML writes them: 列, 行, 列宽 and 合计, checked cell by cell."""

from __future__ import annotations

import re
from typing import Any

from pydantic import PositiveFloat, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from ..chinese.measure_words import is_measure
from ..chinese.written_numbers import WRITTEN_NUMBER
from .keys import Node, key
from .value_types import Names, YesNo

NUMBER = re.compile(rf"^{WRITTEN_NUMBER.pattern}%?$")  # 1,326 and 95% count; 0311 is a code
SERIAL_COLUMNS = {"序号", "编号", "No.", "No"}
MEASURE_COLUMNS = ("计量单位", "单位")  # a 单位 column counts when its cells are units: 件, 台, 万元


def _cell_error(value: Any, loc: tuple) -> list[InitErrorDetails]:
    if value is None or (isinstance(value, (str, int, float)) and not isinstance(value, bool)):
        return []
    kind = "列表" if isinstance(value, list) else "映射" if isinstance(value, dict) else \
        f"是/否“{str(value).lower()}”（要写文字请加引号）" if isinstance(value, bool) else "其他值"
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


def measure_column(table: Table) -> tuple[int, list[str]] | None:
    """The column naming each row's unit of measure, and its different units in order."""
    grid = table.grid()
    for name in MEASURE_COLUMNS:
        if name in table.columns:
            j = table.columns.index(name)
            units = [str(row[j]).strip() for row in grid if row[j] not in (None, "")]
            if name == "计量单位" or all(map(is_measure, units)):
                return j, list(dict.fromkeys(units))
    return None


def _total_errors(table: Table) -> list[InitErrorDetails]:
    measures = measure_column(table) if table.total else None
    if measures and len(measures[1]) > 1:
        return [_error("total", "“{column}”列的计量单位不同（{units}），不能相加：请按计量单位分开"
                       "列表，或删去“合计”", ("total",), table.total,
                       column=table.columns[measures[0]], units="、".join(measures[1]))]
    if not isinstance(table.total, list):
        return []
    errors = []
    grid = table.grid()
    for name in table.total:
        if name not in table.columns:
            errors.append(_error("total", "没有名为“{name}”的列；列有：{names}", ("total",),
                                 name, name=name, names="、".join(table.columns)))
        elif not summable([row[table.columns.index(name)] for row in grid]):
            errors.append(_error("total", "“{name}”列有非数字的格，不能合计", ("total",),
                                 name, name=name))
    return errors


def summable(column: list) -> bool:
    """Whether every filled cell of ``column`` is a number that can be added (not a percentage)."""
    return all(v in (None, "") or isinstance(v, (int, float))
               or (NUMBER.match(str(v).strip()) and "%" not in str(v)) for v in column)
