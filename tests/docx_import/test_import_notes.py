"""What import cannot place where it stood is kept nearby and noted (# 请核对), never dropped: the
documents of check's corpus, imported and built again, show every character they showed."""

from __future__ import annotations

import importlib

import pytest
from docx_shapes import (
    FS,
    add,
    body,
    gb_styles,
    heading,
    new_document,
    no_indent,
    para,
    run,
    signed,
    table,
    title,
)
from docx_text import shown_characters, shown_text

import reportgen
from reportgen.docx_import.import_file import import_docx

check_corpus = importlib.import_module("check.corpus")  # tests/check/corpus, documents made elsewhere
READABLE = [name for name in check_corpus.CORPUS if name not in ("news-article", "letter-report")]
SENTENCE = "各单位要把安全检查作为当前的重要工作，认真组织，严格把关，确保各项措施落到实处。"


@pytest.fixture(scope="module")
def corpus_documents(tmp_path_factory):
    return check_corpus.build(tmp_path_factory.mktemp("check-corpus"))


def again(docx, folder):
    imported = import_docx(docx, folder / "imported.yaml")
    return imported, reportgen.build(imported.path, folder / "again.docx")


@pytest.mark.parametrize("name", READABLE)
def test_every_character_of_check_corpus_comes_back(name, corpus_documents, tmp_path):
    imported, built = again(corpus_documents[name], tmp_path)
    assert shown_characters(built) == shown_characters(corpus_documents[name])
    moved = shown_text(built) != shown_text(corpus_documents[name])
    assert (imported.checks > 0) == moved  # a paragraph moved is a paragraph noted


def cell(text: str) -> list[str]:
    return [para(run(text, FS, 14), ind='w:firstLine="0"')]


def made(tmp_path, *xml: str, above_title: tuple[str, ...] = ()):
    doc = new_document()
    gb_styles(doc)
    add(doc, *above_title, title("关于开展安全生产大检查的通知"), no_indent("各科室："), *xml,
        *signed("城关区应急管理局", "2024年5月20日", 1280))
    path = tmp_path / "通知.docx"
    doc.save(path)
    return path


def test_a_caption_above_a_table_is_its_title(tmp_path):
    path = made(tmp_path, heading("一、检查安排", 1), body(SENTENCE), no_indent("表1　检查分工"),
                table([[cell("任务"), cell("单位")], [cell("排查"), cell("应急局")]]))
    imported, built = again(path, tmp_path)
    assert reportgen.validate(imported.path).sections[0].table.title == "表1　检查分工"
    assert shown_text(built) == shown_text(path)


def test_a_doc_number_reportgen_cannot_print_stays_as_text_noted(tmp_path):
    path = made(tmp_path, heading("一、总体要求", 1), body(SENTENCE),
                above_title=(para(run("XX发〔202X〕X号"), jc="center", ind='w:firstLine="0"'),))
    imported, built = again(path, tmp_path)
    text = imported.path.read_text("utf-8")
    assert "发文字号" not in text
    assert text.endswith("# 请核对：结尾的最后1段在原文中的位置无法对应到 YAML 的键，已放在这里，"
                         "请移到应在的地方或删去\n结尾: \"XX发〔202X〕X号\"\n")
    assert shown_characters(built) == shown_characters(path)


def test_sections_numbering_their_items_otherwise_get_their_own_forms(tmp_path):
    path = made(tmp_path, heading("一、总体要求", 1), heading("（一）工作目标", 2), body(SENTENCE),
                heading("二、工作要求", 1), body("1、加强领导。" + SENTENCE),
                body("2、强化督查。" + SENTENCE))
    imported, built = again(path, tmp_path)
    data = reportgen.validate(imported.path)
    assert data.ordinals is None and data.requirements.ordinals == [1, 3]
    assert [i.title for i in data.requirements.items] == ["加强领导", "强化督查"]
    assert shown_text(built) == shown_text(path)
    assert shown_text(built)[-4] == "1.加强领导。" + SENTENCE  # 1、 is written 1. (normalised)


def test_text_after_a_table_inside_the_body_moves_before_it_noted(tmp_path):
    path = made(tmp_path, heading("一、检查安排", 1), body(SENTENCE),
                table([[cell("任务"), cell("单位")], [cell("排查"), cell("应急局")]]),
                body("以上任务请于6月底前完成。"), heading("二、工作要求", 1), body(SENTENCE))
    imported, built = again(path, tmp_path)
    assert "  # 请核对：原文这里有文字排在表格之后，已移到表格之前\n  - 标题: \"检查安排\"\n" in \
        imported.path.read_text("utf-8")
    assert reportgen.validate(imported.path).sections[0].text == [SENTENCE, "以上任务请于6月底前完成。"]
    assert shown_characters(built) == shown_characters(path)


def test_an_upward_document_keeps_its_signer(tmp_path):
    """A 上行文 (请示, 报告): 发文字号 on the left, 签发人 on the right of the same line."""
    plan = tmp_path / "请示.yaml"
    plan.write_text("标题: 关于拨付防汛经费的请示\n发文机关: 城关区水务局\n发文字号: 城水〔2024〕5号\n"
                    "签发人: 王建国\n红头: 是\n主送机关: 区人民政府\n成文日期: 2024-06-01\n"
                    "开头: 为做好今年防汛工作，特申请拨付防汛经费。\n结尾: 妥否，请批示。\n", "utf-8")
    built = reportgen.build(plan, tmp_path / "请示.docx")
    imported, again_built = again(built, tmp_path)
    data = reportgen.validate(imported.path)
    assert (data.doc_number, data.signer) == ("城水〔2024〕5号", "王建国")
    assert shown_text(again_built) == shown_text(built)


def test_a_section_of_one_sentence_joins_the_text_before_it_noted(tmp_path):
    sentence = "各单位要高度重视，把安全检查作为当前的重要工作，确保各项措施落到实处。"
    path = made(tmp_path, body("现将有关事项通知如下："), heading(f"一、{sentence}", 1),
                heading("二、工作要求", 1), body(SENTENCE))
    imported, built = again(path, tmp_path)
    assert reportgen.validate(imported.path).preamble == ["现将有关事项通知如下：", sentence]
    assert imported.path.read_text("utf-8").count("# 请核对：原文这里的一级标题只是一句话") == 1
    assert shown_text(built)[2:4] == ["现将有关事项通知如下：", sentence]


def test_an_enumeration_in_one_paragraph_stays_text(tmp_path):
    """行内: （一）……；（二）……。 is one paragraph of text, not a heading."""
    plan = tmp_path / "方案.yaml"
    plan.write_text("标题: 关于开展安全检查的方案\n成文日期: 2024-05-20\n工作要求:\n"
                    "  行内: 是\n  条目: [认真组织, 严格把关, 确保实效]\n", "utf-8")
    built = reportgen.build(plan, tmp_path / "方案.docx")
    imported, again_built = again(built, tmp_path)
    assert reportgen.validate(imported.path).requirements.text == [
        "（一）认真组织；（二）严格把关；（三）确保实效。"]
    assert shown_text(again_built) == shown_text(built)


def test_a_section_titled_stages_without_stages_is_a_free_section(tmp_path):
    path = made(tmp_path, heading("一、阶段安排", 1), heading("（一）前期准备", 2), body(SENTENCE))
    imported, built = again(path, tmp_path)
    data = reportgen.validate(imported.path)
    assert data.stages is None and data.sections[0].items[0].title == "前期准备"
    assert shown_text(built) == shown_text(path)
