"""`check` judges the red line under the 发文字号 (red, as wide as the 版心) and the 版记's rules
however a program drew them: paragraph borders (direct or from a style), table and cell borders,
and shapes (left alone)."""

from __future__ import annotations

import pytest
from docx_shapes import (
    FS,
    XBS,
    add,
    body,
    border,
    bottom_text_box,
    cell_borders,
    gb_styles,
    line_shape,
    new_document,
    no_indent,
    para,
    run,
    set_style,
    style,
    table,
    title,
)

from reportgen.check.run import check

RULES = ("layout.red_line", "layout.imprint_lines")
NUMBER = "城应急发〔2024〕3号"
AT_NUMBER = f"第2段「{NUMBER}」"
CENTRED = {"jc": "center", "ind": 'w:firstLine="0"'}
BLACK_LINE = ("layout.red_line", AT_NUMBER, "发文字号下的分隔线应为红色，实为黑色")


def line_findings(doc, tmp_path) -> list[tuple[str, str, str]]:
    doc.save(tmp_path / "通知.docx")
    return [(f.rule, str(f.where), f.message) for f in check(tmp_path / "通知.docx") if f.rule in RULES]


def red_header(*after: str, number: str = "", number_style: str | None = None):
    """A 红头 (标志, then the 发文字号 with ``number`` borders), the ``after`` paragraphs, a 通知."""
    doc = new_document()
    gb_styles(doc)
    mark = para(run("城关区应急管理局文件", XBS, 36, color="FF0000"), **CENTRED)
    doc_number = para(run(NUMBER), style=number_style, **CENTRED,
                      extra=f"<w:pBdr>{number}</w:pBdr>" if number else "")
    add(doc, mark, doc_number, *after, title("关于开展安全生产大检查的通知"),
        no_indent("各科室、各下属单位："), body("各单位要认真组织，严格把关。"))
    return doc


@pytest.mark.parametrize("color", ["FF0000", "C00000", "E60012"])
def test_a_red_bottom_border_on_the_doc_number_passes(color, tmp_path):
    assert line_findings(red_header(number=border("bottom", 12, color)), tmp_path) == []


@pytest.mark.parametrize(("color", "shown"), [("000000", "黑色"), ("auto", "黑色"),
                                              ("0070C0", "蓝色（0070C0）")])
def test_a_line_of_another_colour_is_found(color, shown, tmp_path):
    assert line_findings(red_header(number=border("bottom", 12, color)), tmp_path) == [
        ("layout.red_line", AT_NUMBER, f"发文字号下的分隔线应为红色，实为{shown}")]


@pytest.mark.parametrize(("indent", "found"), [
    ('w:left="0" w:firstLine="320"', []),  # 1 字 in on its line, the line across the 版心
    ('w:left="320" w:firstLine="0"', [("layout.red_line", f"第2段「{NUMBER}…」",
                                       "发文字号下的分隔线应与版心等宽（156毫米），实为150.4毫米")]),
    ('w:left="0" w:right="-567"', [("layout.red_line", f"第2段「{NUMBER}…」",
                                    "发文字号下的分隔线应与版心等宽（156毫米），实为166毫米")]),
])
def test_a_red_line_drawn_as_a_border_spans_the_text_block(indent, found, tmp_path):
    doc = new_document()
    gb_styles(doc)
    add(doc, para(run("城关区应急管理局文件", XBS, 36, color="FF0000"), **CENTRED),
        para(run(f"{NUMBER}\t签发人：王建国"), jc="left", ind=indent,
             extra=f'<w:pBdr>{border("bottom", 12, "FF0000")}</w:pBdr>'),
        title("关于开展安全生产大检查的通知"), no_indent("各科室、各下属单位："))
    assert line_findings(doc, tmp_path) == found


def test_the_line_a_style_draws_is_judged(tmp_path):
    for color, found in (("FF0000", []), ("000000", [BLACK_LINE])):
        doc = red_header(number_style="a4")
        set_style(doc, style("a4", "发文字号", based="Normal", ppr=f'<w:pBdr>{border("bottom", 11, color)}'
                                                              "</w:pBdr>"))
        assert line_findings(doc, tmp_path) == found


def test_a_line_on_an_empty_paragraph_or_atop_the_title_is_the_separator(tmp_path):
    for extra in (border("bottom", 12, "000000"), border("top", 12, "000000")):
        doc = red_header(para(extra=f"<w:pBdr>{extra}</w:pBdr>"))
        assert line_findings(doc, tmp_path) == [BLACK_LINE]
    topped = red_header(para(), para(run("关于开展安全生产大检查的通知", XBS, 22), **CENTRED,
                                     extra=f'<w:pBdr>{border("top", 12, "000000")}</w:pBdr>'))
    assert line_findings(topped, tmp_path) == [BLACK_LINE]


def header_table(edge: str, cell: str = "") -> str:
    """WPS's 红头: 标志 and 发文字号 in a two-row table; ``edge`` the table's borders, ``cell`` the
    borders of the 发文字号's cell."""
    rows = table([[[para(run("城关区应急管理局文件", XBS, 36, color="FF0000"), **CENTRED)]],
                  [[para(run(NUMBER), **CENTRED)]]], edge)
    last = rows.rsplit("</w:tcPr>", 1)
    return f"{last[0]}{cell}</w:tcPr>{last[1]}"


@pytest.mark.parametrize(("edge", "cell", "found"), [
    (border("bottom", 18, "FF0000"), "", []),
    (border("bottom", 18, "000000"), "", [BLACK_LINE]),
    (border("bottom", 18, "000000"), cell_borders(border("bottom", 18, "FF0000")), []),
    ("", cell_borders(border("bottom", 18, "auto")), [BLACK_LINE]),
])
def test_a_line_under_the_red_header_table_is_judged(edge, cell, found, tmp_path):
    doc = new_document()
    gb_styles(doc)
    add(doc, header_table(edge, cell), title("关于开展安全生产大检查的通知"),
        no_indent("各科室、各下属单位："), body("各单位要认真组织，严格把关。"))
    assert line_findings(doc, tmp_path) == found


def test_a_line_drawn_as_a_shape_or_in_a_theme_colour_is_not_judged(tmp_path):
    """Shapes are not read: a black shape passes, as a document whose red line is a shape must."""
    assert line_findings(red_header(line_shape("000000")), tmp_path) == []
    themed = border("bottom", 12, "000000").replace("/>", ' w:themeColor="accent2"/>')
    assert line_findings(red_header(number=themed), tmp_path) == []


CC, PRINTED = "抄送：区委办公室，区人大常委会办公室。", "城关区应急管理局办公室\t2024年5月20日印发"
AT_CC = f"第6段「{CC[:12]}…」"


def imprint_rows(*cells: str) -> str:
    """A 版记 table of 抄送 and 印发 rows, each cell with its own borders as WPS writes them."""
    rows = table([[[para(run(text, FS, 14), ind='w:left="280" w:firstLine="0"')]] for text in (
        CC, PRINTED)]).split("</w:tcPr>")
    return "".join(piece + (cells[k] if k < len(cells) else "") + "</w:tcPr>"
                   for k, piece in enumerate(rows[:-1])) + rows[-1]


def with_imprint(*xml: str):
    doc = red_header(number=border("bottom", 12, "FF0000"))
    add(doc, para(), *xml)
    return doc


@pytest.mark.parametrize(("middle", "found"), [
    (6, []), (4, []),
    (8, [("layout.imprint_lines", AT_CC, "版记的第2条分隔线应为细线（0.25毫米），实为0.35毫米")]),
])
def test_cell_borders_of_a_wps_imprint_table(middle, found, tmp_path):
    cells = (cell_borders(border("top", 8), border("bottom", middle)),
             cell_borders(border("top", middle), border("bottom", 12)))
    assert line_findings(with_imprint(imprint_rows(*cells)), tmp_path) == found


def test_a_table_style_s_grid_of_thin_lines_is_found(tmp_path):
    doc = with_imprint(imprint_rows().replace("<w:tblW ", '<w:tblStyle w:val="TableGrid"/><w:tblW '))
    grid = "".join(border(side, 4) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    set_style(doc, style("TableGrid", "Table Grid", "table").replace(
        "</w:style>", f"<w:tblPr><w:tblBorders>{grid}</w:tblBorders></w:tblPr></w:style>"))
    assert line_findings(doc, tmp_path) == [
        ("layout.imprint_lines", AT_CC, "版记的第一条分隔线应为粗线（0.35毫米），实为0.18毫米"),
        ("layout.imprint_lines", AT_CC, "版记的最后一条分隔线应为粗线（0.35毫米），实为0.18毫米")]


def ruled(text: str, borders: str, ind: str = 'w:left="0" w:firstLine="280"') -> str:
    """A 版记 line 1 字 in on its first line, with paragraph ``borders``."""
    return para(run(text, FS, 14), ind=ind, extra=f"<w:pBdr>{borders}</w:pBdr>" if borders else "")


def test_paragraph_rules_grouped_as_word_draws_them(tmp_path):
    """Lines with the same borders share one top and one bottom line, and a between line."""
    group = border("top", 8) + border("between", 6) + border("bottom", 8)
    assert line_findings(with_imprint(ruled(CC, group), ruled(PRINTED, group)), tmp_path) == []
    two_groups = (ruled(CC, border("top", 8) + border("bottom", 8)),
                  ruled(PRINTED, border("bottom", 6)))
    assert line_findings(with_imprint(*two_groups), tmp_path) == [
        ("layout.imprint_lines", AT_CC, "版记的第2条分隔线应为细线（0.25毫米），实为0.35毫米"),
        ("layout.imprint_lines", AT_CC, "版记的最后一条分隔线应为粗线（0.35毫米），实为0.26毫米")]


def test_paragraph_rules_span_the_text_block_only_without_side_indents(tmp_path):
    """A border runs between the paragraph's indents: 1 字 in on each side, it is 1 字 short."""
    group = border("top", 8) + border("between", 6) + border("bottom", 8)
    sides = 'w:left="280" w:right="280" w:firstLine="0"'
    assert line_findings(with_imprint(ruled(CC, group, sides), ruled(PRINTED, group, sides)),
                         tmp_path) == [("layout.imprint_lines", AT_CC,
                                        "版记的分隔线应与版心等宽（156毫米），实为146.1毫米")]


def test_lines_of_empty_paragraphs_round_the_imprint_count(tmp_path):
    lined = para(extra=f'<w:pBdr>{border("bottom", 8)}</w:pBdr>')
    lines = (lined, ruled(CC, border("bottom", 6)), ruled(PRINTED, border("bottom", 8)))
    assert line_findings(with_imprint(*lines), tmp_path) == []
    red = (lined, ruled(CC, border("bottom", 6, "FF0000")), ruled(PRINTED, border("bottom", 8)))
    assert line_findings(with_imprint(*red), tmp_path) == [
        ("layout.imprint_lines", AT_CC, "版记的分隔线应为黑色，实为红色（FF0000）")]


def test_an_imprint_in_a_text_box_or_drawn_with_shapes(tmp_path):
    box = bottom_text_box(imprint_rows(cell_borders(border("top", 8), border("bottom", 6)),
                                       cell_borders(border("bottom", 4))))
    assert line_findings(with_imprint(box), tmp_path) == [
        ("layout.imprint_lines", AT_CC, "版记的最后一条分隔线应为粗线（0.35毫米），实为0.18毫米")]
    shapes = (line_shape("000000"), ruled(CC, ""), ruled(PRINTED, ""), line_shape("000000"))
    assert line_findings(with_imprint(*shapes), tmp_path) == []


@pytest.mark.parametrize(("right", "found"), [
    ("-57", []),  # ±1 mm
    ("-58", [("layout.red_line", f"第1段「{NUMBER}」", "发文字号下的分隔线应与版心等宽（156毫米），实为157毫米")]),
])
def test_a_red_line_one_millimetre_longer_than_the_text_block_passes(right, found, tmp_path):
    doc = new_document()
    gb_styles(doc)
    add(doc, para(run(NUMBER), jc="left", ind=f'w:left="0" w:right="{right}"',
                  extra=f'<w:pBdr>{border("bottom", 12, "FF0000")}</w:pBdr>'))
    assert line_findings(doc, tmp_path) == found


def test_a_between_line_is_drawn_once_between_each_two_lines_of_a_group(tmp_path):
    group = border("top", 8) + border("between", 8) + border("bottom", 8)
    third = "联系电话：12345678"
    assert line_findings(with_imprint(ruled(CC, group), ruled(third, group), ruled(PRINTED, group)),
                         tmp_path) == [
        ("layout.imprint_lines", AT_CC, "版记的第2条分隔线应为细线（0.25毫米），实为0.35毫米"),
        ("layout.imprint_lines", AT_CC, "版记的第3条分隔线应为细线（0.25毫米），实为0.35毫米")]


def test_widths_are_judged_for_single_lines_only(tmp_path):
    double = border("top", 4, style="double") + border("bottom", 4, style="double")
    assert line_findings(with_imprint(ruled(CC, double), ruled(PRINTED, double)), tmp_path) == []


@pytest.mark.parametrize("empty_last_cell", [False, True])
def test_the_imprint_s_lines_reach_to_the_empty_paragraphs_next_to_it_only(empty_last_cell, tmp_path):
    """After a table (its last cell maybe empty, ruled below): an empty paragraph ruled below, the
    版记's lines, an empty paragraph ruled below, and text after it; the table's and the text's
    lines are not the 版记's."""
    doc = red_header(number=border("bottom", 12, "FF0000"))
    lined = para(extra=f'<w:pBdr>{border("bottom", 8)}</w:pBdr>')
    after = para(run("以上为版记。", FS, 14), extra=f'<w:pBdr>{border("top", 4)}</w:pBdr>')
    cells = [[[para(run("检查项目", FS, 14))]]]
    cells += [[[para(extra=f'<w:pBdr>{border("bottom", 4)}</w:pBdr>')]]] if empty_last_cell else []
    add(doc, table(cells), lined, ruled(CC, border("bottom", 6)),
        ruled(PRINTED, border("bottom", 6)), lined, after)
    assert line_findings(doc, tmp_path) == []


def test_the_lines_of_a_wrongly_coloured_imprint_are_read_to_its_last_empty_paragraph(tmp_path):
    doc = red_header(number=border("bottom", 12, "FF0000"))
    add(doc, ruled(CC, border("top", 8) + border("bottom", 6)), ruled(PRINTED, ""),
        para(extra=f'<w:pBdr>{border("bottom", 8, "0070C0")}</w:pBdr>'))
    assert line_findings(doc, tmp_path) == [
        ("layout.imprint_lines", AT_CC, "版记的分隔线应为黑色，实为蓝色（0070C0）")]


@pytest.mark.parametrize(("title_border", "found"), [
    (border("top", 12, "000000"), [BLACK_LINE]), (border("top", 12, "FF0000"), []),
    (border("bottom", 12, "000000"), []),  # a line under the title is not the one under the 发文字号
])
def test_under_a_red_header_table_without_lines_the_title_s_top_border_is_the_separator(
        title_border, found, tmp_path):
    rows = table([[[para(run("城关区应急管理局文件", XBS, 36, color="FF0000"), **CENTRED)]],
                  [[para(run(NUMBER), **CENTRED)]], [[para()]]])
    doc = new_document()
    gb_styles(doc)
    add(doc, rows, para(run("关于开展安全生产大检查的通知", XBS, 22), **CENTRED,
                        extra=f"<w:pBdr>{title_border}</w:pBdr>"),
        no_indent("各科室、各下属单位："), body("各单位要认真组织，严格把关。"))
    assert line_findings(doc, tmp_path) == found
