"""The rows of a filled body's tables kept apart from its tree, parsed and finished a few at a time.

Why: a 汇总 has one table row per unit, and a parsed row costs about 16 kB (10,000 units: 160 MB),
while nothing that finishes a body (word/geometry.py, word/notice_fit.py) reads a row; only the
cell widths of a data table are set in every row. So the rows of each top-level table are cut out
of the filled text and a marker row stands in for them; once the rest is finished and serialized,
the rows are parsed GROUP at a time (under the body's own start tag, so their namespaces are the
same), given the widths their table got, serialized and put where their marker is: the same bytes
as when the whole body is one tree. A table that is not plainly a run of rows (a nested table, a row
inside another element, anything between rows, a drawing), and a body with comments, CDATA or processing
instructions, is left whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from docx.oxml.ns import nsmap
from lxml import etree

from .geometry import W_TR, W_W, size_cells

MARK = "reportgen-rows"
MARK_ROW = '<w:tr reportgen-rows="{}"/>'
MARK_BYTES = re.compile(rb'<w:tr reportgen-rows="(\d+)"/>')
TABLE_TAG = re.compile(r"<w:tbl[\s>]|</w:tbl>")
ROW = re.compile(r"<w:tr[\s>].*?</w:tr>", re.DOTALL)
ROW_START = re.compile(r"<w:tr[\s>]")
SELF_CLOSED_ROW = re.compile(r"<w:tr(\s[^>]*)?/>")
GROUP = 64  # rows parsed together: twice as fast as one at a time, and still a small tree
ROW_CELLS = etree.XPath("./w:tc", namespaces=nsmap)
ROW_CELL_WIDTHS = etree.XPath("./w:tc/w:tcPr/w:tcW[@w:type='dxa']", namespaces=nsmap)


@dataclass
class RowsApart:
    """A filled body (``text``) whose tables' rows (``rows``: spans of ``text``) are cut out
    of ``rest``, each table's rows behind one marker row numbered as in ``rows``."""

    text: str
    rest: str
    rows: list[list[tuple[int, int]]]

    @classmethod
    def cut(cls, text: str) -> RowsApart | None:
        """The rows of ``text``'s plain top-level tables apart, or None when there are none."""
        if not text.startswith("<w:body") or MARK in text or re.search(r"<!--|<!\[CDATA\[|<\?", text):
            return None
        pieces, rows, done = [], [], 0
        for start, end in _row_runs(text):
            pieces += [text[done:start], MARK_ROW.format(len(rows))]
            rows.append(list(_rows(text, start, end)))
            done = end
        return cls(text, "".join([*pieces, text[done:]]), rows) if rows else None

    def parsed_rows(self, number: int) -> Iterator:
        """The rows behind marker ``number``, in order."""
        for rows in self._parsed_groups(number):
            yield from rows

    def _parsed_groups(self, number: int) -> Iterator[list]:
        """The rows behind marker ``number``, GROUP at a time, each group parsed in a table of its
        own under the body's own start tag (the rows of a table are one run of text: _run)."""
        head = self.text[:self.text.index(">") + 1]
        spans = self.rows[number]
        for at in range(0, len(spans), GROUP):
            start, end = spans[at][0], spans[min(at + GROUP, len(spans)) - 1][1]
            yield list(etree.fromstring(f"{head}<w:tbl>{self.text[start:end]}</w:tbl></w:body>")[0])

    def check(self) -> None:
        """Parse every row once: a row that is not well-formed raises XMLSyntaxError here."""
        for number in range(len(self.rows)):
            for _ in self.parsed_rows(number):
                pass

    def spliced(self, pieces: list, widths: dict[int, list[int]]) -> Iterator:
        """``pieces`` of the serialized rest (emptied as they go) with each marker row replaced by
        its rows, finished with the column widths of its table (``widths``, by marker) if sized."""
        while pieces:
            piece = pieces.pop(0)
            done = 0
            for found in MARK_BYTES.finditer(piece):
                yield piece[done:found.start()]
                yield from self._finished_rows(int(found[1]), widths.get(int(found[1])))
                done = found.end()
            yield piece[done:]

    def _finished_rows(self, number: int, twips: list[int] | None) -> Iterator[bytes]:
        uniform = twips is not None and _uniform(self.parsed_rows(number), twips)
        seen = 0
        for rows in self._parsed_groups(number):
            for row in rows if twips is not None else ():
                seen = _size_row(row, twips, seen if uniform else None)
            out = etree.tostring(rows[0].getparent().getparent(), encoding="UTF-8")
            yield out[out.index(b"<w:tbl>") + len(b"<w:tbl>"):out.rindex(b"</w:tbl>")]


def marker_widths(sized: list) -> dict[int, list[int]]:
    """The column widths given to each sized table that stands behind a marker row, by marker."""
    found = {}
    for tbl, twips in sized:
        for row in tbl.iterchildren(W_TR):
            if row.get(MARK) is not None:
                found[int(row.get(MARK))] = twips
    return found


def _uniform(rows: Iterator, twips: list[int]) -> bool:
    """Whether the table's cells are as a {%tc %} loop makes them (as word/geometry.py judges),
    counted one row at a time."""
    count = widths = cells = 0
    for row in rows:
        count, widths, cells = count + 1, widths + len(ROW_CELL_WIDTHS(row)), cells + len(ROW_CELLS(row))
    return widths == len(twips) * count == cells


def _size_row(row, twips: list[int], seen: int | None) -> int:
    """Set one row's cell widths; with ``seen`` (cell widths set before it in the table) the
    table's widths are set in order, cycling through ``twips``, as word/geometry.py does."""
    if seen is None:
        size_cells(row, twips)
        return 0
    for element in ROW_CELL_WIDTHS(row):
        element.set(W_W, str(twips[seen % len(twips)]))
        seen += 1
    return seen


def _row_runs(text: str) -> Iterator[tuple[int, int]]:
    """Where the rows of each plain top-level table begin and end in ``text``."""
    depth, start, nested = 0, 0, False
    for tag in TABLE_TAG.finditer(text):
        if tag[0] != "</w:tbl>":
            if depth == 0:
                start, nested = tag.start(), False
            else:
                nested = True
            depth += 1
            continue
        depth -= 1
        if depth == 0 and not nested:
            run = _run(text, start, tag.start())
            if run:
                yield run


def _run(text: str, table: int, end: int) -> tuple[int, int] | None:
    """The rows of the table from ``table`` to ``end``, if they are all that ends it."""
    first = ROW_START.search(text, table, end)
    if first is None or SELF_CLOSED_ROW.search(text, table, end) \
            or "xmlns" in text[table:text.index(">", table)] \
            or text.find("docPr", table, end) >= 0:  # drawings are numbered across the whole body
        return None
    spans = list(_rows(text, first.start(), end))
    joined = all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    return (spans[0][0], end) if joined and spans[-1][1] == end else None


def _rows(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for row in ROW.finditer(text, start, end):
        yield row.start(), row.end()
