"""Lines drawn as borders: a paragraph's rules above and below it, and a table's between its rows."""

from __future__ import annotations

from dataclasses import dataclass

from .docx_styles import Props, StyleSheet, qn

NO_LINE = ("nil", "none")
PARAGRAPH_SIDES = ("top", "between", "bottom")


@dataclass(frozen=True)
class Line:
    """A border line: its style (single, double …), width in eighths of a point (None: not
    given) and colour (None: automatic, drawn black; "theme": a theme colour, not read here)."""

    style: str
    width: int | None
    color: str | None

    @property
    def millimetres(self) -> float:
        return (self.width or 0) / 8 * 25.4 / 72


def line(border) -> Line | None:
    """The line a border element draws, or None when it draws none."""
    if border is None or border.get(qn("w:val")) in (None, *NO_LINE):
        return None
    width, color = border.get(qn("w:sz")), border.get(qn("w:color"))
    if border.get(qn("w:themeColor")):
        color = "theme"
    return Line(border.get(qn("w:val")), int(width) if width and width.isdigit() else None,
                None if color in (None, "auto") else color)


def paragraph_lines(pprs: list) -> dict[str, Line]:
    """The lines above (top), between and below (bottom) a paragraph: each side from the nearest
    level (direct, style chain, defaults) that sets it."""
    if isinstance(pprs, Props):  # looked up once for each way paragraphs are formatted
        return pprs.value(("lines",), lambda: paragraph_lines(list(pprs)))
    found = {}
    for side in PARAGRAPH_SIDES:
        border = next((b for ppr in pprs if (b := _grandchild(ppr, "w:pBdr", f"w:{side}")) is not None),
                      None)
        if (drawn := line(border)) is not None:
            found[side] = drawn
    return found


def row_lines(table, sheet: StyleSheet) -> dict:
    """Each row of ``table`` with its number (from 1) and the lines at its top and bottom edges, as
    drawn along its first cell: a cell's own border wins over the table's, the heavier of two
    cells' over the lighter."""
    rows = table.findall(qn("w:tr"))
    edges = [_edge(table, sheet, rows, k) for k in range(len(rows) + 1)]
    return {row: (k + 1, edges[k], edges[k + 1]) for k, row in enumerate(rows)}


def _edge(table, sheet: StyleSheet, rows: list, k: int) -> Line | None:
    """The line between row k − 1 and row k (k = 0: the table's top; len(rows): its bottom)."""
    cells = [(rows[k - 1], "bottom")] if k > 0 else []
    cells += [(rows[k], "top")] if k < len(rows) else []
    own = [b for row, side in cells if (b := _cell_border(row, side)) is not None]
    if own:
        drawn = [d for b in own if (d := line(b)) is not None]
        return max(drawn, key=lambda d: d.width or 0) if drawn else None
    side = "top" if k == 0 else "bottom" if k == len(rows) else "insideH"
    return line(_table_border(table, sheet, side))


def _cell_border(row, side: str):
    cell = row.find(qn("w:tc"))
    borders = _grandchild(cell, "w:tcPr", "w:tcBorders") if cell is not None else None
    return borders.find(qn(f"w:{side}")) if borders is not None else None


def _table_border(table, sheet: StyleSheet, side: str):
    """The table's own border on ``side``, else its table style's (based-on chain included)."""
    style = _grandchild(table, "w:tblPr", "w:tblStyle")
    chain = sheet.chain(style.get(qn("w:val"))) if style is not None else []
    for props in [table.find(qn("w:tblPr"))] + [s.find(qn("w:tblPr")) for s in chain]:
        border = _grandchild(props, "w:tblBorders", f"w:{side}") if props is not None else None
        if border is not None:
            return border
    return None


def _grandchild(element, child: str, grandchild: str):
    found = element.find(qn(child))
    return found.find(qn(grandchild)) if found is not None else None
