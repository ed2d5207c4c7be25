"""`templates adopt`: offices' own templates (WPS, Word, pandoc) made into reportgen templates that
pass `templates check`, build the sample, and give documents `check --render` passes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from helpers import ROOT, effective_font, run
from office_templates import OFFICE_TEMPLATES

import reportgen
from reportgen.check.run import check, check_files
from reportgen.word.adopt import adopt_template
from reportgen.word.template_check import template_problems

COPIED = "从内置模板复制"
KEPT = {  # what each template's own styles became (every other style is copied from the built-in)
    "wps-红头表格": {"正文": "沿用模板的“Normal”（仿宋_GB2312，16磅）"},
    "公文标题样式": {
        "正文": "沿用模板的“Normal”（仿宋_GB2312，16磅）", "标题": "沿用模板的“公文标题”（多行标题之间不再空行）",
        "标题 1": "沿用模板的“一级标题”（去掉了自动编号）", "标题 1 字符": "从内置模板复制，字体同标题 1",
        "标题 2": "沿用模板的“二级标题”", "标题 2 字符": "从内置模板复制，字体同标题 2",
        "标题 3": "沿用模板的“三级标题”", "标题 3 字符": "从内置模板复制，字体同标题 3",
        "附件说明": "沿用模板的“附件说明”", "成文日期": "沿用模板的“成文日期”"},
    "pandoc": {
        "正文": "沿用模板的“Normal”（仿宋_GB2312，16磅）", "标题": "沿用模板的“公文标题”（多行标题之间不再空行）",
        "标题 1": "沿用模板的“heading 1”", "标题 1 字符": "从内置模板复制，字体同标题 1",
        "标题 2": "沿用模板的“heading 2”", "标题 2 字符": "从内置模板复制，字体同标题 2",
        "标题 3": "沿用模板的“heading 3”", "标题 3 字符": "从内置模板复制，字体同标题 3"},
}
RED_HEADER_NOTES = ["发文机关标志的文字换成 {{ issuer_mark }}",
                    "发文字号换成 {{ doc_number }}（有签发人时改为上行文格式）"]


def office_template(name: str, folder: Path) -> Path:
    made = OFFICE_TEMPLATES[name]
    path = folder / f"{name}-原.docx"
    shutil.copyfile(made, path) if isinstance(made, Path) else made().save(path)
    return path


def build_with(template: Path, yaml_text: str | None = None) -> Path:
    """samples/plan.yaml (or ``yaml_text``) built with ``template`` beside it."""
    text = yaml_text or (ROOT / "samples" / "plan.yaml").read_text(encoding="utf-8")
    plan = template.with_name(f"{template.stem}.yaml")
    plan.write_text(text + f"\n模板: {template.name}\n", encoding="utf-8")
    return reportgen.build(plan, template.with_name(f"{template.stem}-文档.docx"))


@pytest.fixture(scope="module")
def adopted(tmp_path_factory) -> dict:
    """Each office template adopted, and the sample built with it."""
    folder = tmp_path_factory.mktemp("adopt")
    results = {}
    for name in OFFICE_TEMPLATES:
        adoption = adopt_template(office_template(name, folder), folder / f"{name}.docx")
        results[name] = (adoption, build_with(adoption.path))
    return results


@pytest.mark.parametrize("name", OFFICE_TEMPLATES)
def test_their_styles_are_kept_under_reportgens_names_and_the_rest_copied(name, adopted):
    adoption, _ = adopted[name]
    assert {k: v for k, v in adoption.styles if v != COPIED} == KEPT[name]
    assert [k for k, _ in adoption.styles][:4] == ["正文", "标题", "主送机关", "标题 1"]
    assert adoption.notes[1:] == RED_HEADER_NOTES


@pytest.mark.parametrize("name", OFFICE_TEMPLATES)
def test_the_adopted_template_passes_and_builds_a_document_check_passes(name, adopted):
    adoption, built = adopted[name]
    assert template_problems(adoption.path) == []
    assert check(built) == []


@pytest.mark.parametrize("name", OFFICE_TEMPLATES)
def test_their_red_header_shows_the_documents_mark_and_number_in_their_look(name, adopted):
    _, built = adopted[name]
    doc = Document(built)
    mark, number = (next(p for p in doc.element.body.iter(qn("w:p")) if "".join(
        t.text or "" for t in p.iter(qn("w:t"))) == text) for text in ("中共城关区委文件", "城委发〔2024〕12号"))
    look = effective_font(doc, Paragraph(mark, doc.part), Paragraph(mark, doc.part).runs[0])
    colour = mark.find(f".//{qn('w:color')}")
    if colour is None:  # the pandoc template's red comes with its style
        colour = doc.styles["发文机关标志"].element.find(f".//{qn('w:color')}")
    assert (look["eastAsia"], look["size"], colour.get(qn("w:val"))) == ("方正小标宋简体", 36, "FF0000")
    rule = number.find(f".//{qn('w:pBdr')}/{qn('w:bottom')}")
    if rule is None:
        style = number.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val"))
        rule = doc.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style}']//{qn('w:bottom')}")
    assert rule.get(qn("w:color")) == "FF0000"


def test_the_documents_made_with_them_pass_check_render(adopted, lo_profile):
    results, unreadable = check_files([built for _, built in adopted.values()], render=True)
    assert unreadable == []
    assert results == {str(built): [] for _, built in adopted.values()}


UPWARD = """\
标题: 关于申请安全生产专项经费的请示
发文机关: 城关区应急管理局
红头: 是
发文字号: 城应急呈〔2024〕3号
签发人: 王建国
主送机关: 区人民政府
成文日期: 2024-06-01
开头: 为做好今年安全生产工作，现就申请专项经费有关事项请示如下。
结尾: 妥否，请批示。
"""


@pytest.mark.parametrize("red_header", ["是", "否"])
def test_an_upward_document_puts_the_signer_on_their_number_line(red_header, adopted, tmp_path):
    template = shutil.copyfile(adopted["公文标题样式"][0].path, tmp_path / "模板.docx")
    built = build_with(template, UPWARD.replace("红头: 是", f"红头: {red_header}"))
    texts = [p.text for p in Document(built).paragraphs]
    head = ["城关区应急管理局文件", "城应急呈〔2024〕3号\t签发人：王建国"] if red_header == "是" else []
    assert texts[:len(head) + 2] == [*head, "关于申请安全生产专项经费的请示", "区人民政府："]
    assert check(built) == []


def test_a_template_without_red_header_or_page_numbers_gets_the_builtin_ones(tmp_path):
    """python-docx's blank document: theme fonts, no 红头, no page numbers."""
    doc = Document()
    doc.add_paragraph("某单位文件模板")
    doc.save(tmp_path / "空白.docx")
    adoption = adopt_template(tmp_path / "空白.docx", tmp_path / "模板.docx")
    assert adoption.notes == ["模板开头没有找到红头（红色的发文机关标志或发文字号）：用内置模板的红头",
                              "模板没有页码：加上了内置模板的页码（“— 1 —”，单页居右、双页居左）"]
    assert dict(adoption.styles)["正文"] == "换成内置模板的正文（模板的是主题字体，11磅，不是三号仿宋）"
    built = build_with(adoption.path, UPWARD)
    assert [f.rule for f in check(built) if not f.rule.startswith("page.")] == []


def test_adopt_replaces_no_file_unless_told(adopted, tmp_path):
    source = office_template("wps-红头表格", tmp_path)
    target = tmp_path / "模板.docx"
    target.write_bytes(b"mine")
    for out, force, message in ((source, True, f"{source}: 不能写到原模板上：请用 -o 另给一个文件名"),
                                (target, False, f"{target}: 文件已存在；要覆盖它，请加 --force")):
        with pytest.raises(reportgen.ReportgenError) as caught:
            adopt_template(source, out, force=force)
        assert str(caught.value) == message
    assert target.read_bytes() == b"mine"
    assert adopt_template(source, target, force=True).path == target


def test_a_word_97_file_is_refused_as_templates_check_refuses_it(tmp_path):
    path = tmp_path / "模板.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le"))
    with pytest.raises(reportgen.ReportgenError) as caught:
        adopt_template(path, tmp_path / "out.docx")
    assert str(caught.value) == (f"{path}: 这是 Word 97-2003 格式（.doc）的文件：请在 Word 或 WPS 中“另存为”"
                                 ".docx 格式后再用")


def test_the_command_prints_where_each_style_came_from(capsys, tmp_path):
    source = office_template("公文标题样式", tmp_path)
    code, out, err = run(capsys, "templates", "adopt", str(source), "-o", str(tmp_path / "我的模板.docx"))
    lines = out.splitlines()
    assert (code, err) == (0, "")
    assert lines[:3] == ["reportgen 的样式      来自",
                         "正文                  沿用模板的“Normal”（仿宋_GB2312，16磅）",
                         "标题                  沿用模板的“公文标题”（多行标题之间不再空行）"]
    assert lines[-1] == (f"已生成 {tmp_path / '我的模板.docx'}（可用 reportgen templates check 检查，"
                         "在 YAML 中写“模板: 我的模板.docx”使用）")
