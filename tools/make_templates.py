"""Build templates/plan.docx and summary.docx from code, so every property is explained here.

Run ``python tools/make_templates.py`` after changing this file; a test checks the committed
template against a fresh build. Values follow GB/T 9704-2012 (README, "版式"), and
tests/word/template_values.py writes each of them down from the standard: a value changed here on
purpose is changed there too, or the tests fail.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.shared import Mm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from reportgen.word.docx_zip import stable_zip  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_DECL = f' xmlns:w="{W_NS}"'
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
EMU_PER_TWIP = 635
LINE = 579  # 22 lines fill the 225 mm 版心: exact 28.95 pt per line
CHAR = 320  # one 3号 (16 pt) character, in twips
SMALL_CHAR = 280  # one 4号 (14 pt) character, in twips
TABLE_LINE = 440  # 22 pt exact: table rows stay compact (4号 text)
CELL_MARGIN = 85  # 1.5 mm left and right inside each cell
TEXT_WIDTH = 11906 - 1587 - 1474  # 版心 width: A4 less the 28 mm and 26 mm side margins
FANGSONG, KAITI, HEITI, XIAOBIAOSONG, SONGTI = (
    "仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体")
BUILT_IN = {"Normal", "Title", "heading 1", "heading 2", "heading 3", "heading 4", "footer",
            "Normal Table"}


def fonts(east_asia: str, latin: str = "Times New Roman") -> str:
    """All four font slots named and the eastAsia hint, so Word never falls back to a theme."""
    return (f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" '
            f'w:cs="{latin}" w:hint="eastAsia"/>')


def rpr(east_asia: str, size: int = 16, spacing: int | None = None, color: str = "000000",
        latin: str = "Times New Roman") -> str:
    """Run properties in schema order; ``size`` in points, ``spacing`` in twentieths of a point."""
    tracking = f'<w:spacing w:val="{spacing}"/>' if spacing is not None else ""
    return (f'<w:rPr>{fonts(east_asia, latin)}<w:b w:val="0"/><w:bCs w:val="0"/>'
            f'<w:color w:val="{color}"/>{tracking}<w:sz w:val="{size * 2}"/>'
            f'<w:szCs w:val="{size * 2}"/></w:rPr>')


def ppr(*, keep_next=False, page_break=False, border="", tabs="", plain_spacing=False, spacing="",
        ind="", contextual=False, jc="", outline=None, grid=True) -> str:
    """Paragraph properties, emitted in the order the OOXML schema requires."""
    parts = [
        "<w:keepNext/>" if keep_next else "",
        "<w:pageBreakBefore/>" if page_break else "",
        '<w:widowControl w:val="0"/>' if plain_spacing else "",
        f"<w:pBdr>{border}</w:pBdr>" if border else "",
        f"<w:tabs>{tabs}</w:tabs>" if tabs else "",
        '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>' if plain_spacing else "",
        "" if grid else '<w:snapToGrid w:val="0"/>',
        f"<w:spacing {spacing}/>" if spacing else "",
        f"<w:ind {ind}/>" if ind else "",
        "<w:contextualSpacing/>" if contextual else "",
        f'<w:jc w:val="{jc}"/>' if jc else "",
        f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else "",
    ]
    return f"<w:pPr>{''.join(parts)}</w:pPr>"


def style(kind: str, sid: str, name: str, *, based: str | None = "Normal", next_: str = "",
          p: str = "", r: str = "", table: str = "") -> str:
    """One w:style element; styles not built into Word are marked custom."""
    custom = "" if name in BUILT_IN else ' w:customStyle="1"'
    parts = [f'<w:name w:val="{name}"/>', f'<w:basedOn w:val="{based}"/>' if based else "",
             f'<w:next w:val="{next_}"/>' if next_ else "", "<w:qFormat/>", p, r, table]
    return f'<w:style w:type="{kind}"{custom} w:styleId="{sid}">{"".join(parts)}</w:style>'


CENTRED = 'w:left="0" w:right="0" w:firstLine="0"'


THICK, THIN = 8, 6  # rule widths in eighths of a point: 0.35 mm and 0.25 mm


TABLE_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def rule(side: str, width: int) -> str:
    """A black paragraph rule as wide as the 版心, as the 版记 uses."""
    return f'<w:{side} w:val="single" w:sz="{width}" w:space="1" w:color="000000"/>'


def heading(level: int, east_asia: str) -> str:
    return style("paragraph", f"Heading{level}", f"heading {level}", next_="Normal",
                 p=ppr(keep_next=True, outline=level - 1), r=rpr(east_asia))


def char_style(sid: str, name: str, east_asia: str) -> str:
    return style("character", sid, name, based=None, r=rpr(east_asia))


STYLES = [
    style("paragraph", "Normal", "Normal", based=None, r=rpr(FANGSONG, spacing=-5), p=ppr(
        plain_spacing=True, spacing=f'w:before="0" w:after="0" w:line="{LINE}" w:lineRule="exact"',
        ind=f'w:firstLine="{2 * CHAR}"', jc="both")),
    # Off the line grid: LibreOffice gives a 22 pt line on the grid two grid lines.
    style("paragraph", "Title", "Title", r=rpr(XIAOBIAOSONG, 22), p=ppr(
        grid=False, spacing=f'w:after="{LINE}"', ind=CENTRED, contextual=True, jc="center")),
    heading(1, HEITI), heading(2, KAITI), heading(3, FANGSONG), heading(4, FANGSONG),
    char_style("Heading1Char", "标题 1 字符", HEITI),
    char_style("Heading2Char", "标题 2 字符", KAITI),
    char_style("Heading3Char", "标题 3 字符", FANGSONG),
    char_style("Heading4Char", "标题 4 字符", FANGSONG),
    char_style("SignerName", "签发人姓名", KAITI),
    style("paragraph", "Recipients", "主送机关", p=ppr(ind='w:firstLine="0"')),
    style("paragraph", "AttachmentNote", "附件说明", p=ppr(
        spacing=f'w:before="{LINE}"', ind=f'w:left="{5 * CHAR}" w:hanging="{3 * CHAR}"',
        contextual=True)),
    style("paragraph", "NameList", "名单", p=ppr(
        ind=f'w:left="{6 * CHAR}" w:hanging="{4 * CHAR}"')),
    style("paragraph", "Signature", "发文机关署名", p=ppr(
        keep_next=True, spacing=f'w:before="{LINE}"', ind='w:right="0" w:firstLine="0"',
        jc="right")),
    style("paragraph", "SignatureSealed", "发文机关署名（用印）", based="Signature",
          p=ppr(spacing=f'w:before="{3 * LINE}"')),
    style("paragraph", "SignDate", "成文日期", p=ppr(ind='w:right="0" w:firstLine="0"', jc="right")),
    style("paragraph", "Note", "附注"),
    style("paragraph", "IssuerMark", "发文机关标志", r=rpr(XIAOBIAOSONG, 36, color="FF0000"), p=ppr(
        spacing='w:before="1984" w:after="0" w:line="240" w:lineRule="auto"', ind=CENTRED,
        jc="center")),
    style("paragraph", "DocNumber", "发文字号", p=ppr(
        border='<w:bottom w:val="single" w:sz="11" w:space="11" w:color="FF0000"/>',
        spacing=f'w:before="{2 * LINE}" w:after="{2 * LINE}"', ind=CENTRED, jc="center")),
    # 1 字 in on its first (only) line: a left indent would shorten the red line under it.
    style("paragraph", "DocNumberUpward", "发文字号（上行文）", based="DocNumber", p=ppr(
        tabs=f'<w:tab w:val="right" w:pos="{TEXT_WIDTH - CHAR}"/>',
        ind=f'w:left="0" w:right="0" w:firstLine="{CHAR}"', jc="left")),
    style("paragraph", "Imprint", "版记", r=rpr(FANGSONG, 14, spacing=0), p=ppr(
        tabs=f'<w:tab w:val="right" w:pos="{TEXT_WIDTH - SMALL_CHAR}"/>',
        ind=f'w:left="{SMALL_CHAR}" w:right="{SMALL_CHAR}" w:firstLine="0"', jc="left")),
    style("paragraph", "ImprintCc", "版记抄送", based="Imprint", p=ppr(
        ind=f'w:left="{4 * SMALL_CHAR}" w:hanging="{3 * SMALL_CHAR}"')),
    style("paragraph", "ImprintAnchor", "版记定位", r=rpr(FANGSONG, 1), p=ppr(
        spacing='w:before="0" w:after="0" w:line="20" w:lineRule="exact"')),
    # An empty 1 pt line that starts a new page: the 方案 after its 印发通知 begins there.
    style("paragraph", "PageBreak", "分页", r=rpr(FANGSONG, 1), p=ppr(page_break=True, grid=False,
          spacing='w:before="0" w:after="0" w:line="20" w:lineRule="exact"')),
    style("paragraph", "AttachmentLabel", "附件标识", r=rpr(HEITI), p=ppr(
        page_break=True, spacing=f'w:after="{LINE}"', ind='w:firstLine="0"', jc="left")),
    style("paragraph", "TableTitle", "表题", r=rpr(HEITI), p=ppr(
        keep_next=True, ind=CENTRED, jc="center")),
    style("paragraph", "TableText", "表格文字", r=rpr(FANGSONG, 14, spacing=0), p=ppr(
        grid=False, spacing=f'w:line="{TABLE_LINE}" w:lineRule="exact"', ind=CENTRED, jc="left")),
    style("paragraph", "TableNumber", "表格数字", based="TableText", p=ppr(jc="right")),
    style("paragraph", "TableCentred", "表格居中", based="TableText", p=ppr(jc="center")),
    style("paragraph", "TableHead", "表头", based="TableText", r=rpr(HEITI, 14, spacing=0),
          p=ppr(keep_next=True, jc="center")),
    style("table", "DataTable", "公文表格", based="TableNormal", table=(
        f'<w:tblPr><w:tblBorders>{"".join(rule(side, 4) for side in TABLE_SIDES)}'
        f'</w:tblBorders><w:tblCellMar><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
        f'<w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar></w:tblPr>')),
    style("paragraph", "Footer", "footer", r=rpr(SONGTI, 14, spacing=0, latin=SONGTI), p=ppr(
        spacing='w:line="240" w:lineRule="auto"',
        ind=f'w:left="0" w:right="{SMALL_CHAR}" w:firstLine="0"', jc="right")),
    style("table", "TableNormal", "Normal Table", based=None, table=(
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>')),
]
DEFAULTS = (
    f"<w:docDefaults><w:rPrDefault><w:rPr>{fonts(FANGSONG)}"
    '<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
    "</w:rPr></w:rPrDefault>"
    # No closing mark hangs into the margin, in Word and WPS as in the PDF (docs/pdf-and-fonts.md).
    '<w:pPrDefault><w:pPr><w:overflowPunct w:val="0"/></w:pPr></w:pPrDefault></w:docDefaults>'
)

# The body: one sample paragraph per role, wrapped in docxtpl tags. The Outline (src/reportgen/
# outline.py) supplies the values; restyling a paragraph here restyles that role everywhere.
def blocks(source: str, pages: bool = False) -> list:
    """Paragraphs for each Block kind (outline.py), looping over ``source``.

    On the pages after the signature there are four more kinds: the 附件N label, the title
    lines, a page break (the 方案 after its 印发通知) and 附件说明 lines.
    """
    chain = [(f"{{%p for b in {source} %}}", None), ("{%p if b.kind == 'p' %}", None),
             ("{{ b.text }}", "Normal")]
    for level in (1, 2, 3, 4):
        chain += [(f"{{%p elif b.kind == 'h{level}' %}}", None), ("{{ b.head }}", f"Heading{level}"),
                  (f"{{%p elif b.kind == 'r{level}' %}}", None),
                  ([("{{ b.head }}", f"Heading{level}Char"), "{{ b.text }}"], "Normal")]
    chain += [("{%p elif b.kind == 'list' %}", None), (["{{ b.head }}", "{{ b.text }}"], "NameList"),
              ("{%p elif b.kind == 'table' %}", None),
              ("{%p if b.table.title %}", None), ("{{ b.table.title }}", "TableTitle"),
              ("{%p endif %}", None), ("TABLE", None)]
    if pages:
        chain += [("{%p elif b.kind == 'label' %}", None), ("{{ b.head }}", "AttachmentLabel"),
                  ("{%p elif b.kind == 'title' %}", None), ("{{ b.head }}", "Title"),
                  ("{%p elif b.kind == 'page' %}", None), ("", "PageBreak"),
                  ("{%p elif b.kind == 'note' %}", None),
                  (["{{ b.head }}", "{{ b.text }}"], "AttachmentNote")]
    return chain + [("{%p endif %}", None), ("{%p endfor %}", None)]


# The body: one sample paragraph per role, wrapped in docxtpl tags. The Outline (src/reportgen/
# outline.py) supplies the values; restyling a paragraph's style restyles that role everywhere.
BODY = [
    ("{%p if red_header %}", None),
    ("{{ issuer_mark }}", "IssuerMark"),
    ("{%p if signer %}", None),
    (["{{ doc_number }}", "\t", ("签发人：", None), ("{{ signer }}", "SignerName")], "DocNumberUpward"),
    ("{%p else %}", None),
    ("{{ doc_number }}", "DocNumber"),
    ("{%p endif %}", None),
    ("{%p endif %}", None),
    ("{%p for line in title_lines %}", None),
    ("{{ line }}", "Title"),
    ("{%p endfor %}", None),
    ("{%p if recipients %}", None),
    ("{{ recipients }}", "Recipients"),
    ("{%p endif %}", None),
    *blocks("body"),
    ("{%p for a in attachment_note %}", None),
    (["{{ a.head }}", "{{ a.text }}"], "AttachmentNote"),
    ("{%p endfor %}", None),
    ("{%p if signature.name %}", None),
    ("{%p if sealed %}", None), ("{{ signature.name }}", "SignatureSealed"),
    ("{%p else %}", None), ("{{ signature.name }}", "Signature"),
    ("{%p endif %}", None),
    ("{%p if signature.date %}", None), ("{{ signature.date }}", "SignDate"), ("{%p endif %}", None),
    ("{%p elif signature.date %}", None), ("{{ signature.date }}", "Signature"),
    ("{%p endif %}", None),
    ("{%p if note %}", None), ("{{ note }}", "Note"), ("{%p endif %}", None),
    *blocks("plan_pages", pages=True),
    *blocks("attachment_pages", pages=True),
    ("{%p if cc or printed_by or printed_on %}", None),
    ("IMPRINT", "ImprintAnchor"),
    ("{%p endif %}", None),
]


def run_xml(text: str, char_style: str | None = None) -> str:
    if text == "\t":
        return "<w:r><w:tab/></w:r>"
    rstyle = f'<w:rPr><w:rStyle w:val="{char_style}"/></w:rPr>' if char_style else ""
    return f'<w:r>{rstyle}<w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph_xml(content, style_id: str | None, extra_ppr: str = "") -> str:
    runs = content if isinstance(content, list) else [content]
    body = "".join(run_xml(*r) if isinstance(r, tuple) else run_xml(r) for r in runs)
    pstyle = f'<w:pStyle w:val="{style_id}"/>' if style_id else ""
    return f'<w:p xmlns:w="{W_NS}"><w:pPr>{pstyle}{extra_ppr}</w:pPr>{body}</w:p>'


def cell_xml(paragraphs: list, width: int, v_center: bool = True) -> str:
    """One table cell holding ``paragraphs`` (content, style id) pairs."""
    align = '<w:vAlign w:val="center"/>' if v_center else ""
    body = "".join(paragraph_xml(c, sid).replace(NS_DECL, "") for c, sid in paragraphs)
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{align}</w:tcPr>{body}</w:tc>'


def table_xml() -> str:
    """A data table: header row repeated on each page, body rows, optional 合计 row.

    Columns come from the data ({%tc %} loops); reportgen sets their widths after rendering.
    """
    third = TEXT_WIDTH // 3
    grid = f'<w:gridCol w:w="{third}"/>'

    def row(cells: list, header: bool = False) -> str:
        props = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
        return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"

    def tag_row(tag: str) -> str:
        return row([cell_xml([(tag, None)], TEXT_WIDTH, False)])

    def loop_row(items: str, content: list, header: bool = False) -> str:
        return row([cell_xml([(f"{{%tc for c in {items} %}}", None)], third),
                    cell_xml(content, third),
                    cell_xml([("{%tc endfor %}", None)], third)], header)

    value = [("{%p if c.num %}", None), ("{{ c.text }}", "TableNumber"),
             ("{%p elif c.centred %}", None), ("{{ c.text }}", "TableCentred"), ("{%p else %}", None),
             ("{{ c.text }}", "TableText"), ("{%p endif %}", None)]
    rows = [loop_row("b.table.header", [("{{ c.text }}", "TableHead")], header=True),
            tag_row("{%tr for r in b.table.rows %}"), loop_row("r", value), tag_row("{%tr endfor %}"),
            tag_row("{%tr if b.table.total %}"), loop_row("b.table.total", value),
            tag_row("{%tr endif %}")]
    return (f'<w:tbl{NS_DECL}><w:tblPr><w:tblStyle w:val="DataTable"/>'
            f'<w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>'
            '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr>'
            f"<w:tblGrid>{grid * 3}</w:tblGrid>{''.join(rows)}</w:tbl>")


def imprint_xml() -> str:
    """版记: a table (thick rules outside, thin between) in a text box at the foot of the 版心.

    Anchoring a text box to the bottom margin is what both Word and LibreOffice honour; a
    floating table or a framed paragraph is laid out inline by LibreOffice.
    """
    def row(content, style_id):
        cell = paragraph_xml(content, style_id).replace(NS_DECL, "")
        return (f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{TEXT_WIDTH}" w:type="dxa"/></w:tcPr>'
                f"{cell}</w:tc></w:tr>")
    rows = "".join([
        row("{%tr if cc %}", None), row(["抄送：", "{{ cc }}"], "ImprintCc"),
        row("{%tr endif %}", None), row("{%tr if printed_by or printed_on %}", None),
        row(["{{ printed_by }}", "\t", "{{ printed_on }}"], "Imprint"), row("{%tr endif %}", None),
    ])
    table = (
        f'<w:tbl><w:tblPr><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>'
        f'{rule("top", THICK)}{rule("bottom", THICK)}{rule("insideH", THIN)}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{TEXT_WIDTH}"/></w:tblGrid>{rows}</w:tbl>'
        '<w:p><w:pPr><w:pStyle w:val="ImprintAnchor"/></w:pPr></w:p>'
    )
    width, height = TEXT_WIDTH * EMU_PER_TWIP, 2 * LINE * EMU_PER_TWIP
    return (
        f'<w:p{NS_DECL} xmlns:wp="{WP_NS}" xmlns:a="{A_NS}" xmlns:wps="{WPS_NS}" '
        f'xmlns:mc="{MC_NS}"><w:pPr><w:pStyle w:val="ImprintAnchor"/></w:pPr><w:r>'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="0"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapTopAndBottom/><wp:docPr id="1" name="版记"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{WPS_NS}"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
        f"</wps:spPr><wps:txbx><w:txbxContent>{table}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
        'anchor="b" anchorCtr="0"><a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData>'
        "</a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r></w:p>"
    )


PAGE_NUMBER = (
    '<w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r>'
)


def set_footer(footer, extra_ppr: str = "") -> None:
    """Page number "— N —": odd pages right, even pages left, one 4号 character in."""
    footer.is_linked_to_previous = False
    element = footer._element
    for child in list(element):
        element.remove(child)
    element.append(parse_xml(paragraph_xml("", "Footer", extra_ppr).replace(
        "<w:r><w:t xml:space=\"preserve\"></w:t></w:r>", PAGE_NUMBER)))


def build_template(title: str) -> bytes:
    """The built-in template whose document title (core property) is ``title``."""
    doc = Document()
    styles = doc.styles.element
    for child in list(styles):
        styles.remove(child)
    for xml in [DEFAULTS, *STYLES]:
        styles.append(parse_xml(_ns(xml)))
    body = doc.element.body
    sect = body[-1]
    for child in list(body)[:-1]:
        body.remove(child)
    for content, style_id in BODY:
        special = {"IMPRINT": imprint_xml, "TABLE": table_xml}.get(str(content))
        xml = special() if special else paragraph_xml(content, style_id)
        sect.addprevious(parse_xml(xml))
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(25)
    doc.settings.odd_and_even_pages_header_footer = True
    set_footer(section.footer)
    set_footer(section.even_page_footer, '<w:ind w:left="280" w:right="0" w:firstLine="0"/>'
                                         '<w:jc w:val="left"/>')
    _grid(sect)
    _drop_unused_parts(doc)
    _font_table(doc)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "reportgen", "reportgen"
    props.comments = "reportgen 内置模板：GB/T 9704-2012 公文格式"
    buffer = io.BytesIO()
    doc.save(buffer)
    return stable_zip(buffer.getvalue())


UNUSED = ("stylesWithEffects", "numbering", "customXml", "thumbnail")
FONT_TABLE = [  # name, the name Word tries when it is missing, charset (86 = GB2312)
    (FANGSONG, "仿宋", "86"), (KAITI, "楷体", "86"), (HEITI, "SimHei", "86"),
    (XIAOBIAOSONG, "宋体", "86"), (SONGTI, "SimSun", "86"), ("Times New Roman", "", "00"),
]


def _drop_unused_parts(doc) -> None:
    """Remove parts python-docx's blank document carries that a template does not need.

    stylesWithEffects.xml in particular holds theme-font styles that Word 2010 would prefer.
    """
    for rels in (doc.part.rels, doc.part.package.rels):
        for rid, rel in list(rels.items()):
            if any(word in rel.reltype or word in str(rel.target_ref) for word in UNUSED):
                rels.pop(rid)


def _font_table(doc) -> None:
    """List the standard's fonts with fallbacks, so Word substitutes sensibly where one is missing."""
    part = next(r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/fontTable"))
    fonts_xml = "".join(
        f'<w:font w:name="{name}">' + (f'<w:altName w:val="{alt}"/>' if alt else "")
        + f'<w:charset w:val="{charset}"/></w:font>' for name, alt, charset in FONT_TABLE)
    part._blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts{NS_DECL}>'
                  f"{fonts_xml}</w:fonts>").encode()


def _ns(xml: str) -> str:
    """Declare the w: namespace on a fragment's root element."""
    head, rest = xml.split(">", 1)
    return f'{head} xmlns:w="{W_NS}">{rest}'


def _grid(sect) -> None:
    """Line grid of 28.95 pt: with exact line spacing, 22 lines fill the 版心 (GB/T 9704 §5.2.2)."""
    grid = sect.find(f"{{{W_NS}}}docGrid")
    if grid is None:
        grid = parse_xml(f'<w:docGrid xmlns:w="{W_NS}"/>')
        sect.append(grid)
    for name in list(grid.attrib):
        del grid.attrib[name]
    grid.set(f"{{{W_NS}}}type", "lines")
    grid.set(f"{{{W_NS}}}linePitch", str(LINE))


TEMPLATES = {"plan": "方案", "summary": "总结"}


def main() -> None:
    for name, title in TEMPLATES.items():
        out = ROOT / "templates" / f"{name}.docx"
        out.write_bytes(build_template(title))
        print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
