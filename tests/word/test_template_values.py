"""Every style and fixed element of the built-in templates, and of documents built from them, holds
the values written down in template_values.py: a regenerated template with a changed value fails."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn
from helpers import ROOT
from style_values import (
    defaults,
    first,
    levels,
    paragraph_values,
    rule,
    run_values,
    style_values_of,
    styles_by_name,
)
from template_values import (
    CHARACTER_STYLES,
    DEFAULTS,
    EVEN_FOOTER,
    GRID,
    IMPRINT_BOX,
    IMPRINT_RULES,
    PAGE,
    PAGE_NUMBER,
    PARAGRAPH_STYLES,
    RED_LINE,
    RUN,
    TABLE_STYLES,
)

import reportgen

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
TEMPLATES = ("plan", "summary")
RED_HEADER_AND_IMPRINT = """
发文机关: 市交通运输局
发文字号: 市交发〔2021〕8号
红头: 是
抄送: [市卫生健康委员会]
印发机关: 市交通运输局办公室
印发日期: 2021-06-11
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, object]:
    """samples/plan.yaml and samples/summary.yaml (with a 红头 and a 版记) built from the templates."""
    folder = tmp_path_factory.mktemp("built")
    summary = folder / "summary.yaml"
    summary.write_text((ROOT / "samples" / "summary.yaml").read_text("utf-8")
                       + RED_HEADER_AND_IMPRINT, "utf-8")
    return {"plan": Document(reportgen.build(ROOT / "samples" / "plan.yaml", folder / "plan.docx")),
            "summary": Document(reportgen.build(summary, folder / "summary.docx"))}


def template(name: str):
    return Document(ROOT / "templates" / f"{name}.docx")


def docs(built) -> list:
    return [template(n) for n in TEMPLATES] + [built[n] for n in TEMPLATES]


@pytest.mark.parametrize("name", TEMPLATES)
def test_the_template_has_exactly_the_styles_written_down(name):
    doc = template(name)
    assert sorted(styles_by_name(doc, "paragraph")) == sorted(PARAGRAPH_STYLES)
    assert sorted(styles_by_name(doc, "character")) == sorted(CHARACTER_STYLES)
    assert sorted(styles_by_name(doc, "table")) == sorted(TABLE_STYLES)


@pytest.mark.parametrize("name", TEMPLATES)
@pytest.mark.parametrize("style", PARAGRAPH_STYLES)
def test_each_paragraph_style_has_its_values(name, style, built):
    assert style_values_of(template(name), style) == PARAGRAPH_STYLES[style]
    assert style_values_of(built[name], style) == PARAGRAPH_STYLES[style]


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_style_drawing_the_red_line_spans_the_text_block(name):
    """A paragraph's border runs between its left and right indents: both 0, or the line is
    shorter than the 版心 (the standard's 与版心等宽)."""
    doc = template(name)
    drawing = {s: style_values_of(doc, s) for s in styles_by_name(doc, "paragraph")}
    drawing = {s: (v["left"], v["right"]) for s, v in drawing.items() if v["bottom_rule"] == RED_LINE}
    assert drawing == {"发文字号": (0, 0), "发文字号（上行文）": (0, 0)}


@pytest.mark.parametrize("name", TEMPLATES)
@pytest.mark.parametrize("style", CHARACTER_STYLES)
def test_each_character_style_has_its_fonts(name, style, built):
    for doc in (template(name), built[name]):
        element = styles_by_name(doc, "character")[style]
        assert run_values(levels(doc, "w:rPr", None, element)) == CHARACTER_STYLES[style]


@pytest.mark.parametrize("name", TEMPLATES)
def test_table_styles_draw_their_borders(name, built):
    for doc in (template(name), built[name]):
        for style, borders in TABLE_STYLES.items():
            element = styles_by_name(doc, "table")[style]
            drawn = element.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
            assert {b.tag.split("}")[1]: rule(b) for b in (drawn if drawn is not None else [])} == borders


def test_document_defaults_are_body_text(built):
    for doc in docs(built):
        values = run_values([defaults(doc, "rPr")])
        assert {k: values[k] for k in DEFAULTS} == DEFAULTS


def test_page_setup_and_line_grid(built):
    for doc in docs(built):
        for section in doc.sections:
            sect = section._sectPr
            size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
            assert {"width": int(size.get(qn("w:w"))), "height": int(size.get(qn("w:h"))), **{
                side: int(margins.get(qn(f"w:{side}"))) for side in (
                    "top", "bottom", "left", "right", "header", "footer")}} == PAGE
            grid = sect.find(qn("w:docGrid"))
            assert {k.split("}")[1]: v for k, v in grid.attrib.items()} == GRID


def test_page_numbers_odd_right_even_left(built):
    for doc in docs(built):
        assert doc.settings.odd_and_even_pages_header_footer
        section = doc.sections[0]
        for footer, direct in ((section.footer, {}), (section.even_page_footer, EVEN_FOOTER)):
            [p] = footer.paragraphs
            values = paragraph_values(levels(doc, "w:pPr", p._p.pPr, styles_by_name(
                doc, "paragraph")["footer"]), levels(doc, "w:rPr", None, styles_by_name(
                    doc, "paragraph")["footer"]))
            assert values == {**PARAGRAPH_STYLES["footer"], **direct}
            assert p.text == PAGE_NUMBER
            assert [i.text for i in p._p.iter(qn("w:instrText"))] == [" PAGE "]


def test_the_red_line_under_the_doc_number(built):
    """The 发文字号 paragraph of a built 红头 draws the red line, whatever its direct formatting."""
    for doc in built.values():
        [number] = [p for p in doc.paragraphs if p.style.name == "发文字号"]
        assert "〔" in number.text
        pprs = levels(doc, "w:pPr", number._p.pPr, number.style.element)
        rprs = levels(doc, "w:rPr", None, number.style.element)
        assert paragraph_values(pprs, rprs)["bottom_rule"] == RED_LINE


def imprint_boxes(doc) -> list:
    return [a for a in doc.element.body.iter(f"{WP}anchor")
            if a.find(f"{WP}docPr").get("name") == "版记"]


def test_the_imprint_box_sits_at_the_foot_with_thick_and_thin_rules(built):
    for doc in docs(built):
        [box] = imprint_boxes(doc)
        place = {key: (box.find(f"{WP}position{axis}").get("relativeFrom"),
                       box.find(f"{WP}position{axis}/{WP}align").text)
                 for key, axis in (("horizontal", "H"), ("vertical", "V"))}
        assert {**place, "width": int(box.find(f"{WP}extent").get("cx")) // 635} == IMPRINT_BOX
        [table] = box.iter(qn("w:tbl"))
        drawn = table.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
        assert {b.tag.split("}")[1]: rule(b) for b in drawn} == IMPRINT_RULES
        assert int(table.find(f"{qn('w:tblPr')}/{qn('w:tblW')}").get(qn("w:w"))) == IMPRINT_BOX["width"]
        assert not table.findall(f".//{qn('w:tcBorders')}")


def run_styles(doc, p, r) -> tuple[str, list]:
    """The name of the style that sets the run's look (its character style, else its paragraph's)
    and the styles in force, nearest first."""
    names = {s.get(qn("w:styleId")): s for s in doc.styles.element.findall(qn("w:style"))}
    pstyle = names.get(first([p.pPr] if p.pPr is not None else [], "pStyle"), names["Normal"])
    rstyle = names.get(first([r.rPr] if r.rPr is not None else [], "rStyle"))
    shown = rstyle if rstyle is not None else pstyle
    return shown.find(qn("w:name")).get(qn("w:val")), [s for s in (rstyle, pstyle) if s is not None]


def test_every_built_run_shows_its_style_values(built):
    """No direct formatting in a built document departs from its style's fonts, size and colour."""
    seen = set()
    for doc in built.values():
        for p in doc.element.body.iter(qn("w:p")):
            for r in p.findall(qn("w:r")):
                if "".join(t.text or "" for t in r.findall(qn("w:t"))).strip():
                    name, styles = run_styles(doc, p, r)
                    want = CHARACTER_STYLES.get(name) or {k: PARAGRAPH_STYLES[name][k] for k in RUN}
                    assert run_values(levels(doc, "w:rPr", r.rPr, *styles)) == want, r.xml
                    seen.add(name)
    assert seen >= {"Normal", "Title", "heading 1", "heading 2", "发文机关标志", "发文字号", "主送机关",
                    "附件说明", "发文机关署名", "成文日期", "附件标识", "名单", "版记抄送", "版记",
                    "表格文字", "表头", "标题 2 字符"}
