"""Building blocks for .docx files made in tests: raw WordprocessingML as other programs write it.

Paragraphs and runs are written as XML strings so that each document carries exactly the
shape its program gives it (styles named or not, fields in one run or several, frames, grids),
not python-docx's idea of it.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W_NS}"'
FS, KT, HT, XBS, SONG = "仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体"
A4, LETTER = (11906, 16838), (12240, 15840)
GB_MARGINS = (2098, 1984, 1587, 1474)  # top, bottom, left, right in twips: 37, 35, 28, 26 mm
SENTENCE = "各单位要把安全检查作为当前的重要工作，认真组织，严格把关，确保各项措施落到实处。"


def rpr(east: str | None = None, size: float | None = None, *, latin: str | None = None,
        color: str | None = None, bold: bool = False, tracking: int | None = None,
        style: str | None = None) -> str:
    """Run properties in schema order; ``latin`` defaults to Times New Roman beside a Chinese font."""
    parts = [f'<w:rStyle w:val="{style}"/>' if style else ""]
    if east or latin:
        latin = latin or "Times New Roman"
        east_attr = f' w:eastAsia="{east}"' if east else ""
        parts.append(f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}"{east_attr} w:cs="{latin}"/>')
    parts += ["<w:b/>" if bold else "", f'<w:color w:val="{color}"/>' if color else "",
              f'<w:spacing w:val="{tracking}"/>' if tracking is not None else "",
              f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>' if size else ""]
    inner = "".join(parts)
    return f"<w:rPr>{inner}</w:rPr>" if inner else ""


def run(text: str, east: str | None = FS, size: float | None = 16, **fmt) -> str:
    """A run of text; tabs become w:tab."""
    pieces = "".join("<w:tab/>" if piece == "\t" else f'<w:t xml:space="preserve">{escape(piece)}</w:t>'
                     for piece in _split_tabs(text))
    return f"<w:r>{rpr(east, size, **fmt)}{pieces}</w:r>"


def plain(text: str) -> str:
    """A run with no formatting of its own: it takes the paragraph style's."""
    return run(text, None, None)


def para(*runs: str, style: str | None = None, jc: str | None = None, ind: str = "",
         spacing: str = "", extra: str = "") -> str:
    """A paragraph: pStyle, ``extra`` (framePr, borders …), spacing, indent, alignment, runs."""
    ppr = "".join([f'<w:pStyle w:val="{style}"/>' if style else "", extra,
                   f"<w:spacing {spacing}/>" if spacing else "", f"<w:ind {ind}/>" if ind else "",
                   f'<w:jc w:val="{jc}"/>' if jc else ""])
    return f"<w:p {NS}>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def table(rows: list[list[str]], borders: str = "", width: int = 8845) -> str:
    """A table of one column per cell list; each cell holds paragraph XML strings."""
    cols = max(len(r) for r in rows)
    grid = "".join(f'<w:gridCol w:w="{width // cols}"/>' for _ in range(cols))
    body = "".join("<w:tr>" + "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{width // cols}" w:type="dxa"/></w:tcPr>'
        + "".join(p.replace(f" {NS}", "") for p in cell) + "</w:tc>" for cell in row) + "</w:tr>"
        for row in rows)
    return (f'<w:tbl {NS}><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/>'
            f"{f'<w:tblBorders>{borders}</w:tblBorders>' if borders else ''}</w:tblPr>"
            f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>")


def typed_line(doc, text: str, font: str = FS, size: float = 16, indent: bool = True, align=None):
    """A paragraph as code using python-docx adds one: a run naming its font for Latin and Chinese,
    its size, a 2-字 first-line indent (none if not ``indent``) and ``align``."""
    p = doc.add_paragraph()
    r = p.add_run(text)
    r.font.name, r.font.size = font, Pt(size)
    r._element.rPr.rFonts.set(qn("w:eastAsia"), font)
    p.paragraph_format.first_line_indent = Pt(32) if indent else Pt(0)
    p.alignment = align
    return p


def new_document(paper=A4, margins=GB_MARGINS, grid: str | None = None):
    """A python-docx document emptied of its sample paragraph, with this page setup."""
    doc = Document()
    body = doc.element.body
    for child in list(body)[:-1]:
        body.remove(child)
    set_page(doc, paper, margins, grid)
    return doc


def set_page(doc, paper=A4, margins=GB_MARGINS, grid: str | None = None) -> None:
    """Paper size and margins (twips); ``grid`` the docGrid's attributes as XML, e.g. 'w:type="lines"'."""
    sect = doc.element.body[-1]
    for tag in ("pgSz", "pgMar", "docGrid"):
        old = sect.find(qn(f"w:{tag}"))
        if old is not None:
            sect.remove(old)
    top, bottom, left, right = margins
    cols = sect.find(qn("w:cols"))
    place = cols.addprevious if cols is not None else sect.append
    place(parse_xml(f'<w:pgSz {NS} w:w="{paper[0]}" w:h="{paper[1]}"/>'))
    place(parse_xml(f'<w:pgMar {NS} w:top="{top}" w:right="{right}" w:bottom="{bottom}" '
                    f'w:left="{left}" w:header="851" w:footer="1417" w:gutter="0"/>'))
    if grid:
        sect.append(parse_xml(f"<w:docGrid {NS} {grid}/>"))


def add(doc, *xml: str) -> None:
    """Append paragraphs or tables (XML) to the body, before its section properties."""
    sect = doc.element.body[-1]
    for piece in xml:
        sect.addprevious(parse_xml(piece))


def set_style(doc, xml: str) -> None:
    """Add a style (w:style XML), replacing one with the same styleId."""
    element = parse_xml(xml)
    styles = doc.styles.element
    old = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{element.get(qn('w:styleId'))}']")
    if old is not None:
        styles.remove(old)
    styles.append(element)


def style(sid: str, name: str, kind: str = "paragraph", *, based: str | None = None,
          ppr: str = "", rpr_xml: str = "") -> str:
    basis = f'<w:basedOn w:val="{based}"/>' if based else ""
    return (f'<w:style {NS} w:type="{kind}" w:styleId="{sid}"><w:name w:val="{name}"/>{basis}'
            f"{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{rpr_xml}</w:style>")


def set_footer(doc, kind: str, *paragraphs: str) -> None:
    """Replace the footer of ``kind`` (default, even) with these paragraphs."""
    section = doc.sections[0]
    footer = section.even_page_footer if kind == "even" else section.footer
    footer.is_linked_to_previous = False
    element = footer._element
    for child in list(element):
        element.remove(child)
    for piece in paragraphs:
        element.append(parse_xml(piece))


def even_and_odd(doc) -> None:
    doc.settings.odd_and_even_pages_header_footer = True


PAGE_CODE = '<w:instrText xml:space="preserve"> PAGE </w:instrText>'


def page_field(shape: str, fmt: str) -> str:
    """A PAGE field as programs write it: ``split`` (Word: five runs), ``one_run`` (every part in
    one run), ``no_result`` (no separate, no cached number), ``simple`` (w:fldSimple)."""
    def char(kind: str) -> str:
        return f'<w:fldChar w:fldCharType="{kind}"/>'
    if shape == "split":
        return "".join(f"<w:r>{fmt}{piece}</w:r>" for piece in (
            char("begin"), PAGE_CODE, char("separate"), "<w:t>1</w:t>", char("end")))
    if shape == "one_run":
        return f"<w:r>{fmt}{char('begin')}{PAGE_CODE}{char('separate')}<w:t>1</w:t>{char('end')}</w:r>"
    if shape == "no_result":
        return "".join(f"<w:r>{fmt}{piece}</w:r>" for piece in (char("begin"), PAGE_CODE, char("end")))
    return f'<w:fldSimple w:instr=" PAGE "><w:r>{fmt}<w:t>1</w:t></w:r></w:fldSimple>'


def page_number(shape: str = "split", jc: str = "right", font: str = SONG, frame: str = "",
                ind: str = "") -> str:
    """A footer paragraph "— N —" in 4号 ``font``: ``frame`` an xAlign for a w:framePr."""
    fmt = rpr(font, 14, latin=font)
    extra = (f'<w:framePr w:wrap="around" w:vAnchor="text" w:hAnchor="margin" w:xAlign="{frame}" '
             'w:y="1"/>' if frame else "")
    return para(run("— ", font, 14, latin=font), page_field(shape, fmt), run(" —", font, 14, latin=font),
                jc=None if frame else jc, ind=ind, extra=extra)


def gb_footers(doc, shape: str = "split") -> None:
    """Odd pages right, even pages left, one 4号 character in: as GB/T 9704 asks."""
    even_and_odd(doc)
    set_footer(doc, "default", page_number(shape, "right", ind='w:right="280"'))
    set_footer(doc, "even", page_number(shape, "left", ind='w:left="280"'))


def _split_tabs(text: str) -> list[str]:
    pieces: list[str] = []
    for n, part in enumerate(text.split("\t")):
        pieces += (["\t"] if n else []) + ([part] if part else [])
    return pieces


def gb_styles(doc, style_id: str = "Normal", line: int = 579, tracking: int = -5) -> None:
    """Normal as the standard asks: 3号仿宋, exact lines, 2 字 first-line indent, justified."""
    set_style(doc, f'<w:style {NS} w:type="paragraph" w:default="1" w:styleId="{style_id}">'
                   '<w:name w:val="Normal"/><w:pPr><w:widowControl w:val="0"/>'
                   f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>'
                   '<w:ind w:firstLine="640"/><w:jc w:val="both"/></w:pPr>'
                   f"{rpr(FS, 16, tracking=tracking)}</w:style>")


def title(text: str) -> str:
    return para(run(text, XBS, 22), jc="center", ind='w:firstLine="0"', spacing='w:after="579"')


def body(text: str, **fmt) -> str:
    return para(run(text, **fmt))


def no_indent(text: str, **fmt) -> str:
    return para(run(text, **fmt), ind='w:firstLine="0"')


def heading(text: str, level: int) -> str:
    """A heading as text in its level's font (黑体, 楷体, 仿宋, 仿宋)."""
    return para(run(text, (HT, KT, FS, FS)[level - 1]))


def signed(name: str, day: str, date_right: int) -> list[str]:
    """署名 2 字 from the right and the date under it, right indent ``date_right`` twips."""
    return [para(run(name), jc="right", ind='w:right="640" w:firstLine="0"', spacing='w:before="579"'),
            para(run(day), jc="right", ind=f'w:right="{date_right}" w:firstLine="0"')]


def rule_lines(top: int = 8, bottom: int = 8) -> str:
    """Paragraph borders above and below, as a 版记 drawn with paragraph rules."""
    return (f'<w:pBdr><w:top w:val="single" w:sz="{top}" w:space="1" w:color="000000"/>'
            f'<w:bottom w:val="single" w:sz="{bottom}" w:space="1" w:color="000000"/></w:pBdr>')


def bottom_text_box(inner: str, height: int = 1158) -> str:
    """A text box anchored to the foot of the 版心, holding ``inner`` (paragraphs or a table)."""
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    cx, cy = 8845 * 635, height * 635
    inner = inner.replace(f" {NS}", "")
    if inner.endswith("</w:tbl>"):  # a text box ends with a paragraph, as Word writes it: 1 pt high
        inner += ('<w:p><w:pPr><w:spacing w:line="20" w:lineRule="exact"/></w:pPr>'
                  '<w:r><w:rPr><w:sz w:val="2"/></w:rPr></w:r></w:p>')
    return (
        f'<w:p {NS} xmlns:wp="{wp}" xmlns:a="{a}" xmlns:wps="{wps}"><w:r><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="0"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapTopAndBottom/><wp:docPr id="7" name="版记"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{wps}"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
        f"</wps:spPr><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
        'anchor="b"><a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
        "</wp:anchor></w:drawing></w:r></w:p>")


IMPRINT_BORDERS = ('<w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
                   '<w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
                   '<w:insideH w:val="single" w:sz="6" w:space="0" w:color="000000"/>')


def made_with_pandoc(markdown: str, reference, out: Path) -> Path:
    """``markdown`` converted by pandoc with the reference.docx ``reference(path)`` writes, as
    ``out`` (the scripts that made the committed pandoc files; needs pandoc)."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "source.md"
        source.write_text(markdown, encoding="utf-8")
        subprocess.run(["pandoc", str(source), "--reference-doc", str(reference(Path(tmp) / "ref.docx")),
                        "-o", str(out)], check=True)
    return out


def border(side: str, width: int, color: str = "000000", style: str = "single") -> str:
    """One border (w:top, w:bottom, w:insideH …): ``width`` in eighths of a point."""
    return f'<w:{side} w:val="{style}" w:sz="{width}" w:space="1" w:color="{color}"/>'


def cell_borders(*borders: str) -> str:
    """A cell's own borders, as WPS writes them on each cell of a 版记 or 红头 table."""
    return f"<w:tcBorders>{''.join(borders)}</w:tcBorders>"


def line_shape(color: str = "FF0000") -> str:
    """A paragraph holding a straight line drawn with Word's shape tool (DrawingML, then VML for
    older readers), as wide as the 版心."""
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    return (
        f'<w:p {NS} xmlns:wp="{wp}" xmlns:a="{a}" xmlns:wps="{wps}" xmlns:mc="{mc}" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" '
        'simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
        '</wp:positionV><wp:extent cx="5616575" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapNone/><wp:docPr id="9" name="直接连接符 9"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{wps}"><wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm>'
        '<a:off x="0" y="0"/><a:ext cx="5616575" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/>'
        f'</a:prstGeom><a:ln w="19050"><a:solidFill><a:srgbClr val="{color}"/></a:solidFill></a:ln>'
        '</wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
        '</mc:Choice><mc:Fallback><w:pict><v:line from="0,0" to="442.25pt,0" '
        f'strokecolor="#{color}" strokeweight="1.5pt"/></w:pict></mc:Fallback></mc:AlternateContent>'
        "</w:r></w:p>")
