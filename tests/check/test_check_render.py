"""`check --render`: page-aware rules on LibreOffice renderings, all converted in one run."""

from __future__ import annotations

import re

import pytest
from conftest import SAMPLES
from docx import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from handmade import (
    SENTENCE,
    correct_document,
    date_field_and_hidden_text,
    find,
    page_setup,
    para,
)

import reportgen
from reportgen.check.report import RULES
from reportgen.check.run import check
from reportgen.office import convert, pdf_text


def body_on_page_two(doc):
    find(doc, "按照").paragraph_format.page_break_before = True


def lines_of_29_points(doc):
    """29 pt lines, and body enough to fill page 2, on which lines per page are measured."""
    doc.styles["Normal"].paragraph_format.line_spacing = Pt(29)
    for _ in range(6):
        find(doc, "城关区应急管理局")._p.addprevious(para(doc, SENTENCE * 3)._p)


def one_page_of_29_point_lines():
    """No page full of body text: lines per page are not judged (page.grid sees the 29 pt)."""
    doc = Document()
    page_setup(doc)
    doc.styles["Normal"].paragraph_format.line_spacing = Pt(29)
    for _ in range(4):
        para(doc, SENTENCE * 3)
    return doc


def no_character_spacing(doc):
    rpr = doc.styles["Normal"].element.rPr
    rpr.remove(rpr.find(qn("w:spacing")))


def signature_on_its_own_page(doc):
    find(doc, "城关区应急管理局").paragraph_format.page_break_before = True


def date_under_the_signature(doc):
    """The date set 2 字 from the right like the 署名, as if both were simply right-aligned."""
    find(doc, "2024年5月20日").paragraph_format.right_indent = Pt(32)


def imprint_in_mid_page(doc):
    para(doc, "抄送：市应急管理局。", indent=False)
    para(doc, "城关区应急管理局办公室　　2024年5月20日印发", indent=False)


def word_character_grid(doc):
    """What Word's dialog writes for 22 lines × 28 characters, without the character spacing."""
    no_character_spacing(doc)
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = doc.sections[0]._sectPr.makeelement(qn("w:docGrid"), {})
        doc.sections[0]._sectPr.append(grid)
    for name, value in (("type", "linesAndChars"), ("linePitch", "579"), ("charSpace", "-848")):
        grid.set(qn(f"w:{name}"), value)


def attachment_on_the_same_page(doc):
    find(doc, "附件").paragraph_format.page_break_before = False


def date_placed_with_tabs(doc):
    """Left-aligned and pushed right with tabs: only the rendering tells where the stops fall."""
    date = find(doc, "2024年5月20日")
    date.alignment, date.paragraph_format.right_indent = WD_ALIGN_PARAGRAPH.LEFT, Pt(0)
    date.runs[0].text = "\t\t\t2024年5月20日"


def text_cut_off_by_a_fixed_row_height(doc):
    """A table row of exactly one line holding three lines of text: the third is never drawn."""
    table = doc.add_table(rows=1, cols=1)
    find(doc, "二、工作要求")._p.addprevious(table._tbl)
    table.rows[0].height, table.rows[0].height_rule = Pt(29), WD_ROW_HEIGHT_RULE.EXACTLY
    table.cell(0, 0).paragraphs[0].text = "检查结果按时报送区应急管理局。" * 5


FAULTS = {  # plant, the rendering finding it must cause (rule, where, message pattern)
    "render.first_page_body": (body_on_page_two, "第1页", "首页应有正文，正文却从第2页开始"),
    "render.lines": (lines_of_29_points, "排版结果", r"每页排21行（行距29\.00磅），应为22行"),
    "render.chars": (no_character_spacing, "排版结果", "每行排27字，应为28字"),
    "render.signature_alone": (signature_on_its_own_page, "第3页",
                               "署名和成文日期单独成页，应调整行距、字距，使其与正文同页"),
    "render.signature_place": (date_placed_with_tabs, "第18段「2024年5月20日」",
                               "成文日期首字应比署名首字右移二字，实际左移11.0字"),
    "render.imprint": (imprint_in_mid_page, "第3页", r"版记应位于最后一页版心底部，实际离底边还有\d+毫米"),
    "render.attachment_page": (attachment_on_the_same_page, "第2页", "附件应另起一页：“附件”之前还有其他内容"),
    "render.lost_text": (text_cut_off_by_a_fixed_row_height, "第14段「检查结果按时报送区应急管…」",
                         "排版后的 PDF 中缺少本段的21个字符：“应”“急”“管”“理”“局”“。”“检”“查”“结”“果”等"),
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, lo_profile) -> dict:
    """The correct hand-made document and one copy per planted fault, rendered in one run."""
    folder = tmp_path_factory.mktemp("render")
    docs = {"correct": correct_document(), "character_grid": correct_document(),
            "one_page": one_page_of_29_point_lines(), "field_hidden": correct_document(),
            "date_moved": correct_document()}
    date_under_the_signature(docs["date_moved"])
    word_character_grid(docs["character_grid"])
    date_field_and_hidden_text(docs["field_hidden"])
    for rule, (plant, _, _) in FAULTS.items():
        docs[rule] = correct_document()
        plant(docs[rule])
    paths = {name: folder / f"{name}.docx" for name in docs}
    for name, doc in docs.items():
        doc.save(paths[name])
    paths["rollup"] = rollup_of_sixty_units(folder)
    pdfs = convert.convert_to_pdf({p: p.with_suffix(".pdf") for p in paths.values()}, lo_profile)
    return {name: (paths[name], pdf) for name, pdf in zip(paths, pdfs, strict=True)}


def test_documents_built_from_the_samples_pass_when_rendered(sample_docs, sample_pdfs):
    for name, docx in sample_docs.items():
        assert check(docx, sample_pdfs[name]) == [], name


def test_the_correct_handmade_document_passes_when_rendered(rendered):
    assert check(*rendered["correct"]) == []


def test_field_results_and_hidden_text_are_not_taken_for_lost_text(rendered):
    docx, pdf = rendered["field_hidden"]
    assert "（内部备注，不印出）" in Document(docx).paragraphs[2].text
    assert check(docx, pdf) == []


def rollup_of_sixty_units(folder):
    """The sample campaign's 汇总 over sixty units: two pages of body, then pages of table."""
    units = folder / "units.csv"
    rows = [f"第{n}社区居民委员会,张三,1326,12,35.5,2860" for n in range(1, 61)]
    units.write_text("单位名称,负责人,发放资料,培训场次,清理垃圾,参与群众\n" + "\n".join(rows), "utf-8")
    reportgen.rollup(SAMPLES / "campaign" / "campaign.yaml", units, folder / "rollup")
    return folder / "rollup" / "汇总.docx"


def test_lines_per_page_are_not_judged_without_a_page_full_of_body_text(rendered):
    found = [f.rule for f in check(*rendered["one_page"])]
    assert "page.grid" in found and not [rule for rule in found if rule.startswith("render.")]


def test_table_rows_are_not_body_lines(rendered):
    docx, pdf = rendered["rollup"]
    table_pages = [p for p in pdf_text.pdf_pages(pdf) if any(ln.text == "序号" for ln in p.lines)]
    assert len(table_pages) >= 3
    assert check(docx, pdf) == []


@pytest.mark.parametrize("rule", FAULTS)
def test_each_planted_page_fault_is_found(rendered, rule):
    _, where, message = FAULTS[rule]
    found = [f for f in check(*rendered[rule]) if f.rule.startswith("render.")]
    assert [(f.rule, str(f.where)) for f in found] == [(rule, where)]
    assert re.fullmatch(message, found[0].message), found[0].message


def test_a_date_the_static_rule_reports_is_not_reported_again_from_the_page(rendered):
    docx, pdf = rendered["date_moved"]
    found = [(f.rule, str(f.where)) for f in check(docx, pdf)]
    assert found == [("layout.date", "第18段「2024年5月20日」")]


def test_words_character_grid_passes_for_word_but_renders_14_characters(rendered):
    docx, pdf = rendered["character_grid"]
    assert check(docx) == []
    # LibreOffice gives every character two grid cells, which moves the date too.
    assert [(f.rule, f.message) for f in check(docx, pdf)] == [
        ("render.chars", "每行排14字，应为28字"),
        ("render.signature_place", "成文日期首字应比署名首字右移二字，实际右移6.4字")]


def test_every_rendering_rule_is_planted_once():
    assert set(FAULTS) == {r for r in RULES if r.startswith("render.")}
