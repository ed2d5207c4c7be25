"""What a check needs from any .docx: paragraphs with effective fonts, page setup and footers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DocumentUnreadable, Problem
from .docx_borders import Line, paragraph_lines, row_lines
from .docx_fields import Piece, run_pieces
from .docx_layout import box_align, indents, list_label
from .docx_numbering import Numbering
from .docx_open import open_docx
from .docx_styles import Font, Props, StyleSheet, first_value, qn, size_points

FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
FOOTER_KINDS = ("default", "even", "first")
MAX_READ = 300_000  # paragraphs and runs together: about ten seconds' reading at most


@dataclass(frozen=True)
class Run:
    """A stretch of text with the formatting in force; ``field`` names the field it shows (PAGE)."""

    text: str
    east_asia: Font
    latin: Font
    size: float
    tracking: float
    color: str | None
    char_styles: tuple[str, ...]
    field: str = ""
    hidden: bool = False  # w:vanish: not shown, not printed


@dataclass
class Para:
    """A paragraph with its resolved formatting; ``number`` counts paragraphs with text, from 1."""

    number: int
    text: str
    styles: tuple[str, ...]
    align: str | None
    frame_align: str | None
    outline_level: int | None
    auto_numbered: bool
    in_table: bool
    line: tuple[int | None, str]
    runs: list[Run]
    label: str = ""  # the number Word shows before an auto-numbered paragraph ("一、")
    indent: tuple[float, float, float] = (0.0, 0.0, 0.0)  # left, first line, right in points
    table: int = 0  # which table holds it, counted from 1 in document order; 0: none
    cell: int = 0  # in a table: which cell of its row holds it, from 0
    number_spacing: bool = True  # w:autoSpaceDN: space where Chinese meets digits (Word's default)
    lines: dict[str, Line] = field(default_factory=dict)  # its borders: top, between, bottom
    row: int = 0  # which row of its table holds it, from 1; 0: none
    row_edges: tuple[Line | None, Line | None] = (None, None)  # the lines atop and below that row


@dataclass
class Section:
    """Page size, margins (twips), document grid, and the footer paragraphs by kind."""

    width: int
    height: int
    margins: dict[str, int]
    grid: dict[str, str]
    footers: dict[str, list[Para]] = field(default_factory=dict)


@dataclass
class Reading:
    """Everything the rules look at in one document."""

    path: Path
    paragraphs: list[Para]
    sections: list[Section]
    even_and_odd: bool


def read_docx(path: Path) -> Reading:
    """Open ``path`` (DocumentUnreadable if it cannot be) and resolve its formatting."""
    doc = open_docx(path)
    _refuse_if_too_long(doc, path)
    sheet = StyleSheet(doc, str(path))
    paragraphs = read_paragraphs(doc.element.body, sheet, Numbering.of(doc))
    sections = read_sections(doc, sheet)
    return Reading(path, paragraphs, sections, doc.settings.odd_and_even_pages_header_footer)


def _refuse_if_too_long(doc, path: Path) -> None:
    """A check reads each paragraph and run: at most MAX_READ of them, a few seconds' work."""
    if sum(1 for _ in doc.element.body.iter(qn("w:p"), qn("w:r"))) > MAX_READ:
        raise DocumentUnreadable(Problem(str(path), f"文档过长：段落和文字块超过 {MAX_READ:,} 个"
                                         "（一份公文通常不到一万个），reportgen 不检查这样的文档"))


def read_paragraphs(container, sheet: StyleSheet, numbering: Numbering | None = None) -> list[Para]:
    """Every paragraph in document order, tables and text boxes included, fallbacks skipped;
    ``numbering`` gives auto-numbered paragraphs their labels (the body's, counted in order)."""
    paragraphs, number, tables = [], 0, {}
    for p in container.iter(qn("w:p")):
        if any(a.tag == FALLBACK for a in p.iterancestors()):
            continue
        para = read_paragraph(p, sheet, numbering)
        _place_in_table(para, p, sheet, tables)
        if para.text.strip():
            number += 1
            para.number = number
        paragraphs.append(para)
    return paragraphs


def _place_in_table(para: Para, p, sheet: StyleSheet, tables: dict) -> None:
    """Which table (counted in document order), row and cell hold ``para``, and that row's edges;
    ``tables`` keeps each table's rows and cells once counted, not once a paragraph."""
    table = next(p.iterancestors(qn("w:tbl")), None)
    if table is None:
        return
    if table not in tables:
        cells = {tc: j for tr in table.findall(qn("w:tr")) for j, tc in enumerate(tr.findall(qn("w:tc")))}
        tables[table] = (len(tables) + 1, row_lines(table, sheet), cells)
    para.table, rows, cells = tables[table]
    para.row, *edges = rows.get(next(p.iterancestors(qn("w:tr")), None), (0, None, None))
    para.row_edges = tuple(edges)
    para.cell = cells.get(next(p.iterancestors(qn("w:tc")), None), 0)


def read_paragraph(p, sheet: StyleSheet, numbering: Numbering | None = None) -> Para:
    pprs = sheet.paragraph_props(p)
    runs = [read_run(p, piece, sheet) for piece in run_pieces(p, lambda r: _own(p, r))]
    level = first_value(pprs, "outlineLvl")
    return Para(
        number=0, text="".join(r.text for r in runs),
        styles=sheet.names(sheet.paragraph_style(p)), align=first_value(pprs, "jc"),
        frame_align=first_value(pprs, "framePr", "xAlign") or box_align(p),
        outline_level=int(level) if _is_int(level) else None, auto_numbered=_numbered(pprs),
        in_table=any(a.tag == qn("w:tbl") for a in p.iterancestors()),
        line=_line_spacing(pprs), runs=runs,
        label=list_label(pprs, sheet.paragraph_style(p), numbering) if numbering else "",
        indent=indents(pprs, _usual_size(runs)), number_spacing=_flag(pprs, "autoSpaceDN"),
        lines=paragraph_lines(pprs))


def _line_spacing(pprs: list) -> tuple[int | None, str]:
    """w:spacing's line (twips or 240ths of a line) and its rule (auto, exact, atLeast)."""
    line = first_value(pprs, "spacing", "line")
    return (int(line) if _is_int(line) else None), first_value(pprs, "spacing", "lineRule") or "auto"


def _usual_size(runs: list[Run]) -> float:
    """The size of the paragraph's first text, the unit of indents set in characters."""
    return next((r.size for r in runs if r.text.strip()), 16.0)


def _own(p, r) -> bool:
    """A run of ``p`` itself (not of a text box inside it), not deleted."""
    return next(r.iterancestors(qn("w:p"))) is p and not _deleted(r)


def read_run(p, piece: Piece, sheet: StyleSheet) -> Run:
    rprs = sheet.run_props(p, piece.run)
    tracking = first_value(rprs, "spacing")
    return Run(piece.text, sheet.font(rprs, "eastAsia"), sheet.font(rprs, "ascii"),
               size_points(rprs), int(tracking) / 20 if _is_int(tracking) else 0.0,
               first_value(rprs, "color"), sheet.names(sheet.char_style(piece.run)), piece.field,
               _vanish(rprs))


def _vanish(rprs: list) -> bool:
    """Hidden text: the nearest w:vanish in force."""
    return _flag(rprs, "vanish", default=False)


def _flag(elements: list, tag: str, default: bool = True) -> bool:
    """An on/off property: the nearest element setting it, on unless its w:val says off."""
    if isinstance(elements, Props):  # looked up once for each way paragraphs (runs) are formatted
        return elements.value(("flag", tag, default), lambda: _flag(list(elements), tag, default))
    flag = next((f for e in elements if (f := e.find(qn(f"w:{tag}"))) is not None), None)
    return default if flag is None else flag.get(qn("w:val"), "1") not in ("0", "false", "off")



def read_sections(doc, sheet: StyleSheet) -> list[Section]:
    """Each section's page setup; footers a section does not define are inherited from the last."""
    sections, footers = [], {}
    for sect in doc.element.body.iter(qn("w:sectPr")):
        for ref in sect.findall(qn("w:footerReference")):
            part = doc.part.related_parts.get(ref.get(qn("r:id")))
            if part is not None:
                footers[ref.get(qn("w:type")) or "default"] = read_paragraphs(part.element, sheet)
        sections.append(_section(sect, dict(footers)))
    return sections or [_section(None, {})]  # no w:sectPr at all: nothing set


def _section(sect, footers: dict) -> Section:
    """Page size, margins and grid of a w:sectPr (None: a document that sets none)."""
    size, margins, grid = (sect.find(qn(f"w:{tag}")) if sect is not None else None
                           for tag in ("pgSz", "pgMar", "docGrid"))
    values = {k: _twips(margins, k) for k in ("top", "bottom", "left", "right")}
    grid_values = {k.split("}")[1]: v for k, v in (grid.attrib.items() if grid is not None else [])}
    return Section(_twips(size, "w"), _twips(size, "h"), values, grid_values, footers)


def _twips(element, attr: str) -> int:
    value = element.get(qn(f"w:{attr}")) if element is not None else None
    return abs(int(value)) if _is_int(value) else 0


def _is_int(value: str | None) -> bool:
    return bool(value) and value.lstrip("-").isdigit()


def _numbered(pprs: list) -> bool:
    if isinstance(pprs, Props):  # looked up once for each way paragraphs are formatted
        return pprs.value(("numbered",), lambda: _numbered(list(pprs)))
    for ppr in pprs:
        num = ppr.find(f"{qn('w:numPr')}/{qn('w:numId')}")
        if num is not None:
            return num.get(qn("w:val")) not in ("0", None)
    return False


def _deleted(r) -> bool:
    return any(a.tag in (qn("w:del"), qn("w:moveFrom")) for a in r.iterancestors())
