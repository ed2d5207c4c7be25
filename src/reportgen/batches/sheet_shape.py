"""The shape of a worksheet, read as it streams, stopping as soon as it passes a limit.

A 5 KB workbook may hold one cell at XFD1048576, a million rows, or one row of a million cells;
a reader that lays the sheet out as a grid, or parses a row whole, needs gigabytes for it. So
before openpyxl reads a worksheet, its XML is streamed once through a parser that builds nothing
(lxml with a target): it counts rows with values, cells in a row and elements in all, and stops
with a located message at the first that passes a limit. openpyxl then reads only the rows and
columns that hold values.

openpyxl also reads each worksheet whole when opening a workbook if the sheet does not say its
size (``<dimension>``, which Excel, WPS and the libraries that write .xlsx always write), so
sheets that do not may hold at most UNSIZED bytes together.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from typing import IO

from lxml import etree

from ..errors import Problem, ReportgenError

MAX_ROWS = 100_002  # rows with values: 100,000 units (units.MAX_UNITS) under a two-row header
MAX_COLUMNS = 1_000  # the last column with a value; real lists have tens
MAX_CELLS_IN_ROW = 16_384  # cells written in one row, values or not: Excel's widest row
MAX_ELEMENTS = 20_000_000  # XML elements of a worksheet: 100,000 rows of 50 cells, four each
UNSIZED = 16_000_000  # bytes of worksheets without <dimension>, which openpyxl reads whole at once
CHUNK = 1 << 20
SIZED = re.compile(rb"<(?:\w+:)?dimension\b")


@dataclass
class Shape:
    """Where a sheet's values end, whether it has formulas, and its header's merged cells."""

    last_row: int = 0
    last_column: int = 0
    formulas: bool = False
    grouped_header: bool = False  # the first row groups columns under merged cells


def sheet_shape(file: str, part: IO[bytes]) -> Shape:
    """The shape of the worksheet XML ``part`` of the workbook ``file``; ReportgenError, located
    at the row or cell, past a limit. A part that is not XML is left for openpyxl to refuse."""
    counter = _Counter(file)
    parser = etree.XMLParser(target=counter, resolve_entities=False, no_network=True)
    try:
        while chunk := part.read(CHUNK):
            parser.feed(chunk)
        parser.close()
    except etree.XMLSyntaxError:
        pass
    return counter.shape


def refuse_unsized(file: str, archive: zipfile.ZipFile) -> None:
    """Refuse worksheets that do not say their size, if together they pass UNSIZED bytes."""
    unsized = 0
    for name in (n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")):
        with archive.open(name) as part:
            head = part.read(CHUNK)
            if not SIZED.search(head.split(b"sheetData", 1)[0]):
                unsized += len(head) + sum(len(chunk) for chunk in iter(lambda: part.read(CHUNK), b""))
        if unsized > UNSIZED:
            raise ReportgenError(Problem(file, "工作表没有写明大小（Excel 保存的文件都有），又很大："
                                         "请在 Excel 或 WPS 中打开并保存一次后再用"))


class _Counter:
    """An lxml parser target: sees each element's start, keeps nothing but counts."""

    def __init__(self, file: str):
        self.file, self.shape = file, Shape()
        self.row = self.column = self.cells = self.elements = self.valued_rows = 0
        self.row_valued = False

    def start(self, tag: str, attrib: dict) -> None:
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            self._refuse(f"工作表过大（超过 {MAX_ELEMENTS:,} 个 XML 元素）：请只保留单位名单", 1)
        name = tag.rpartition("}")[2]
        if name == "row":
            self.row = _number(attrib.get("r")) or self.row + 1
            self.column = self.cells = 0
            self.row_valued = False
        elif name == "c":
            self._cell(attrib.get("r"))
        elif name in ("v", "is"):
            self._value()
        elif name == "f":
            self.shape.formulas = True
        elif name == "mergeCell":
            self._merged(attrib.get("ref", ""))

    def close(self) -> Shape:
        return self.shape

    def _cell(self, reference: str | None) -> None:
        self.cells += 1
        if self.cells > MAX_CELLS_IN_ROW:
            self._refuse(f"这一行的单元格超过 {MAX_CELLS_IN_ROW:,} 个，不像 Excel 保存的文件", self.row)
        self.column = _column(reference) or self.column + 1

    def _value(self) -> None:
        if self.column > MAX_COLUMNS:
            self._refuse(f"这个单元格在第 {self.column:,} 列，超过上限 {MAX_COLUMNS:,} 列："
                         "请删除名单右侧多余的内容", self.row, self.column)
        if not self.row_valued:
            self.row_valued, self.valued_rows = True, self.valued_rows + 1
            if self.valued_rows > MAX_ROWS:
                self._refuse(f"名单超过 {MAX_ROWS - 2:,} 个单位：请分成几个名单分别生成", self.row)
        self.shape.last_row = self.row
        self.shape.last_column = max(self.shape.last_column, self.column)

    def _merged(self, ref: str) -> None:
        first, _, last = ref.partition(":")
        if _number("".join(filter(str.isdigit, first))) == 1 and _column(last) > _column(first):
            self.shape.grouped_header = True

    def _refuse(self, message: str, row: int, column: int = 1) -> None:
        raise ReportgenError(Problem(self.file, message, row, column))


def _number(text: str | None) -> int:
    return int(text) if text and text.isdigit() and len(text) < 10 else 0


def _column(reference: str | None) -> int:
    """The column of a cell reference (A1 → 1, XFD1048576 → 16384); 0 when there is none."""
    letters = "".join(c for c in (reference or "")[:8] if "A" <= c.upper() <= "Z").upper()
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number
