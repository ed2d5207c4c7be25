"""Reading tables of units: .xlsx (the only module that uses openpyxl), .csv, tab-separated text
and YAML lists."""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import Problem, ReportgenError
from ..files.docx_kind import archive_kind
from ..load.located_data import Source
from ..load.text_file import decode, read_bytes
from ..load.yaml_file import load_rows
from ..load.yaml_limits import Limits
from .sheet_rows import Row, Sheet, cell_value, table
from .sheet_shape import Shape, refuse_unsized, sheet_shape

WORKBOOK = (".xlsx", ".xlsm")
DELIMITED = (".csv", ".tsv", ".txt")  # .txt: Excel's 文本文件（制表符分隔） and Unicode 文本
TABLE = Limits(64_000_000, 0, "单位名单不会有这么大，请检查是否选错了文件")
ODD_ZIP = ("这个 Excel 文件的压缩包异常（文件过多、解压后过大或含不安全的文件名），可能是恶意构造的："
           "请不要使用它；如确需使用，请在 Excel 或 WPS 中打开后“另存为”.xlsx")
NOT_COMPUTED = ("这个单元格是公式（{}），文件中没有保存计算结果：请在 Excel 或 WPS 中打开并保存一次，"
                "或复制后“选择性粘贴 → 数值”")
OLD_FORMATS = {".xls": "Excel 97-2003（.xls）", ".et": "WPS 表格（.et）", ".ods": "OpenDocument（.ods）"}


def read_sheet(path: Path, sheet: str | None = None) -> Sheet:
    """Read ``path`` by its extension: an Excel workbook, a CSV file, or a YAML list."""
    suffix = path.suffix.lower()
    if suffix in OLD_FORMATS:
        raise ReportgenError(Problem(str(path), f"不支持{OLD_FORMATS[suffix]}格式：请在 Excel 或 WPS "
                                     "中“另存为”.xlsx 或 .csv 后再用"))
    if suffix in WORKBOOK:
        return _workbook(path, sheet)
    if suffix in DELIMITED:
        return _csv(path)
    if suffix in (".yaml", ".yml"):
        return _yaml_list(path)
    raise ReportgenError(Problem(str(path), "单位名单应为 .xlsx、.csv、.txt（制表符分隔）或 .yaml "
                                 "文件，或放各单位 YAML 文件的文件夹"))


def _csv(path: Path) -> Sheet:
    """UTF-8 (with or without BOM), UTF-16, or GBK as Excel on Chinese Windows saves it. Cells are
    split at tabs when the header line has tabs and, in a .csv file, no commas."""
    text = decode(str(path), read_bytes(path, TABLE))
    first = text.split("\n", 1)[0]
    tabbed = "\t" in first and ("," not in first or path.suffix.lower() != ".csv")
    delimiter = "\t" if tabbed else ","
    with contextlib.closing(_records(str(path), text, delimiter)) as records:  # its field size
        return table(str(path), records, 1)  # limit is given back even if reading stops early


def _records(file: str, text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Every record with the line it starts on, one at a time. Broken quoting is a located error,
    never a cell that swallows the rest of the file; a cell may be as long as the file."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    end = 0
    limit = csv.field_size_limit(len(text) + 1)
    try:
        for record in reader:
            yield end + 1, record
            end = reader.line_num
    except csv.Error as exc:  # its English message is not shown, only told apart
        unclosed = reader.line_num > end + 1 or "end of data" in str(exc)
        raise ReportgenError(Problem(file, _quoting(end + 1, unclosed), end + 1)) from None
    finally:
        csv.field_size_limit(limit)


def _quoting(start: int, unclosed: bool) -> str:
    """What is wrong with the quotes of the record that starts on line ``start``."""
    fix = "含逗号或换行的格要整格加引号，格内的引号写作两个（\"\"）；可在 Excel 中打开检查后“另存为”.csv"
    if unclosed:
        return f"第{start}行：引号没有闭合，其后的内容会都读进这一格：{fix}"
    return f"第{start}行：引号用法有误（引号后应紧跟逗号或换行）：{fix}"


def _workbook(path: Path, name: str | None) -> Sheet:
    import openpyxl  # imported here: only batches read workbooks, and it is slow to import
    from openpyxl.utils.exceptions import InvalidFileException

    raw = read_bytes(path, TABLE)
    try:
        if zipfile.is_zipfile(io.BytesIO(raw)) and archive_kind(zipfile.ZipFile(io.BytesIO(raw))):
            raise ReportgenError(Problem(str(path), ODD_ZIP))
        refuse_unsized(str(path), zipfile.ZipFile(io.BytesIO(raw)))
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        sheet = _chosen_sheet(str(path), book.worksheets, name)
        shape = _shape(str(path), raw, sheet)
        values = _rows(sheet, shape)
        if shape.formulas:
            _refuse_uncomputed(str(path), raw, sheet.title, values, shape)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError,
            SyntaxError):  # what a damaged workbook raises; ElementTree's ParseError is a SyntaxError
        raise ReportgenError(Problem(str(path), "无法读取这个 Excel 文件（文件已损坏，或不是 .xlsx 格式）："
                                     "请在 Excel 或 WPS 中打开后“另存为”.xlsx")) from None
    return replace(table(str(path), enumerate(values, start=1), 2 if shape.grouped_header else 1),
                   sheet=sheet.title)


def _chosen_sheet(file: str, sheets: list, name: str | None):
    """The worksheet named ``name``, else the first one Excel shows: a hidden sheet before it
    (last year's list, a lookup table) is never read unasked. Chart sheets are not listed."""
    shown = [s for s in sheets if s.sheet_state == "visible"]
    found = [s for s in sheets if s.title == name] if name is not None else shown
    if not found:
        titles = "、".join(s.title + ("" if s in shown else "（隐藏）") for s in sheets)
        raise ReportgenError(Problem(file, f"没有名为“{name}”的工作表；有：{titles}" if name is not None
                                     else f"没有显示的工作表：请用 --sheet 指定要读的工作表；有：{titles}"))
    return found[0]


def _shape(file: str, raw: bytes, sheet) -> Shape:
    """The worksheet's shape, streamed from its part before openpyxl reads it (sheet_shape.py)."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive, archive.open(sheet._worksheet_path) as part:
        return sheet_shape(file, part)


def _rows(sheet, shape: Shape) -> list[list[Any]]:
    """The values of the rows and columns that hold any, streamed (openpyxl's read-only mode)."""
    if not shape.last_row:
        return []
    return [[_cell(c) for c in row] for row in sheet.iter_rows(
        max_row=shape.last_row, max_col=shape.last_column, values_only=True)]


def _refuse_uncomputed(file: str, raw: bytes, title: str, values: list[list[Any]], shape: Shape) -> None:
    """Formula cells are read as the value Excel saved with them; a formula saved without one
    (a workbook written by a program) is an error, never an empty cell or a formula's text."""
    import openpyxl

    formulas = openpyxl.load_workbook(io.BytesIO(raw), read_only=True)[title]
    problems = [Problem(file, NOT_COMPUTED.format(cell.value), row, column)
                for row, cells in enumerate(formulas.iter_rows(
                    max_row=shape.last_row, max_col=shape.last_column), start=1)
                for column, cell in enumerate(cells, start=1)
                if cell.data_type == "f" and values[row - 1][column - 1] is None]
    if problems:
        raise ReportgenError(problems)


def _cell(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _yaml_list(path: Path) -> Sheet:
    """A YAML list of mappings, one unit each; the keys play the part of column names."""
    source = load_rows(path)
    for index, item in enumerate(source.data):
        if not isinstance(item, dict):
            _, line, col = source.where((index,))
            raise ReportgenError(Problem(source.file, "每一项应是一个单位的“键: 值”映射", line, col))
    names = list(dict.fromkeys(str(k) for item in source.data for k in item))
    columns = {name: (index, 1) for index, name in enumerate(names)}
    return Sheet(source.file, names, [_yaml_row(source, index, item, columns)
                                      for index, item in enumerate(source.data)])


def _yaml_row(source: Source, index: int, item: dict, columns: dict[str, tuple[int, int]]) -> Row:
    """The ``index``th unit of a YAML list, each value where it was written."""
    cells: list[Any] = [None] * len(columns)
    spots: list[tuple[int, int] | None] = [None] * len(columns)
    for key, value in item.items():
        at = columns[str(key)][0]
        cells[at], spots[at] = cell_value(value), source.where((index, key))[1:]
    return Row(source.where((index,))[1], tuple(cells), columns, tuple(spots))
