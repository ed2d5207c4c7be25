"""The built-in template: committed file equals what tools/make_templates.py builds; it is found by name."""

from __future__ import annotations

import importlib.util
import zipfile
from io import BytesIO

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from helpers import ROOT, effective_font, run
from test_template_check import paragraph, wrong_format

import reportgen
from reportgen.word.template_files import PURPOSES, builtin_folder, builtin_names, export_template


def load_builder():
    spec = importlib.util.spec_from_file_location("make_templates", ROOT / "tools" / "make_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("name", "title"), [("plan", "方案"), ("summary", "总结")])
def test_committed_template_matches_the_builder(name, title):
    fresh = zipfile.ZipFile(BytesIO(load_builder().build_template(title)))
    committed = zipfile.ZipFile(ROOT / "templates" / f"{name}.docx")
    assert sorted(fresh.namelist()) == sorted(committed.namelist())
    for part in fresh.namelist():
        assert fresh.read(part) == committed.read(part), f"{part} differs: run tools/make_templates.py"


def test_builtin_templates_are_found_by_name():
    assert builtin_names() == ["plan", "summary"]
    assert (builtin_folder() / "plan.docx").is_file()


@pytest.mark.parametrize("name", ["plan", "summary"])
def test_template_has_no_theme_fonts_and_no_numbering(name):
    doc = Document(ROOT / "templates" / f"{name}.docx")
    xml = doc.styles.element.xml
    assert "Theme" not in xml
    assert not doc.element.body.findall(f".//{qn('w:numPr')}")
    assert {s.name for s in doc.styles} >= {
        "Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "主送机关",
        "附件说明", "发文机关署名", "成文日期", "附注", "发文机关标志", "发文字号", "版记",
        "附件标识", "表题", "表格文字", "表格数字", "表头", "公文表格"}


def test_templates_lists_the_builtin_ones(capsys):
    assert run(capsys, "templates") == (0, (
        "plan      方案：实施方案、工作方案（文种为方案时的默认模板）\n"
        "summary   总结：工作总结、情况报告（文种为总结时的默认模板）\n"
        "导出后在 Word 或 WPS 中修改：reportgen templates export plan 我的方案模板.docx\n"), "")
    assert sorted(PURPOSES) == builtin_names()


def test_export_copies_a_builtin_and_never_overwrites_unasked(capsys, tmp_path):
    target = tmp_path / "我的方案模板.docx"
    assert run(capsys, "templates", "export", "plan", str(target)) == (0, f"已导出 {target}\n", "")
    assert target.read_bytes() == (builtin_folder() / "plan.docx").read_bytes()
    target.write_bytes(b"edited in Word")
    assert run(capsys, "templates", "export", "plan", str(target)) == (
        1, "", f"{target}: 文件已存在；要覆盖它，请加 --force\n未生成文件。\n")
    assert target.read_bytes() == b"edited in Word"
    assert run(capsys, "templates", "export", "summary", str(target), "--force")[0] == 0
    assert target.read_bytes() == (builtin_folder() / "summary.docx").read_bytes()
    assert run(capsys, "templates", "export", "通知", str(tmp_path / "x.docx")) == (
        1, "", "通知: 没有名为“通知”的内置模板；可用：plan、summary\n未生成文件。\n")


def test_export_into_a_folder_names_the_file_after_the_template(capsys, tmp_path):
    (tmp_path / "已有").mkdir()
    for folder in (tmp_path / "tpl", tmp_path / "已有", tmp_path / "新" / "文件夹"):
        assert run(capsys, "templates", "export", "summary", str(folder)) == (
            0, f"已导出 {folder / 'summary.docx'}\n", "")
        assert sorted(p.name for p in folder.iterdir()) == ["summary.docx"]
    assert not (tmp_path / "tpl").is_file()


def test_export_to_another_kind_of_file_is_refused(capsys, tmp_path):
    assert run(capsys, "templates", "export", "plan", str(tmp_path / "模板.dotx")) == (1, "", (
        f"{tmp_path / '模板.dotx'}: 模板要保存为 .docx 文件（Word 或 WPS 都能打开），"
        "请把“.dotx”改为“.docx”，或写一个文件夹\n未生成文件。\n"))
    assert list(tmp_path.iterdir()) == []


def test_templates_check_reports_each_file(capsys, tmp_path):
    good = export_template("plan", tmp_path / "good.docx")
    old = wrong_format(tmp_path, "old.doc")
    assert run(capsys, "templates", "check", str(good)) == (0, f"{good}: 检查通过\n", "")
    assert run(capsys, "templates", "check", str(good), str(old)) == (1, (
        f"{good}: 检查通过\n"
        f"{old}: 这是 Word 97-2003 格式（.doc）的文件：请在 Word 或 WPS 中“另存为”.docx 格式后再用\n"
        f"{old}: 共 1 个问题\n"), "")


def test_an_edited_template_flows_into_the_document(tmp_path, sample_docx):
    """A clerk's margins, 红头 text and 红头 font reach the document; the numbering stays ours."""
    template = export_template("plan", tmp_path / "城关区方案模板.docx")
    doc = Document(template)
    doc.sections[0].top_margin, doc.sections[0].left_margin = Mm(40), Mm(30)
    paragraph(doc, "{{ issuer_mark }}").runs[0].text = "中共城关区委员会文件"
    mark = doc.styles["发文机关标志"]
    mark.element.rPr.rFonts.set(qn("w:eastAsia"), "华文中宋")
    mark.font.size = Pt(30)
    doc.save(template)
    yaml = tmp_path / "plan.yaml"
    yaml.write_text((ROOT / "samples" / "plan.yaml").read_text("utf-8")
                    + "模板: 城关区方案模板.docx\n", "utf-8")

    out = Document(reportgen.build(yaml, tmp_path / "out"))
    section = out.sections[0]
    assert [round(m.mm) for m in (section.top_margin, section.left_margin, section.bottom_margin,
                                  section.right_margin)] == [40, 30, 35, 26]
    first = out.paragraphs[0]
    assert (first.style.name, first.text) == ("发文机关标志", "中共城关区委员会文件")
    font = effective_font(out, first, first.runs[0])
    assert (font["eastAsia"], font["size"]) == ("华文中宋", 30)
    assert headings(out) == headings(Document(sample_docx))
    assert headings(out)[:5] == ["一、指导思想", "二、阶段安排", "三、工作重点", "（一）开展“五大行动”",
                                 "四、组织领导"]


def headings(doc) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]


def test_escaped_braces_in_a_template_print_as_braces(tmp_path):
    """docxtpl's {_{ … }_} in a template prints {{ … }}; the document's own text is not touched."""
    template = export_template("plan", tmp_path / "模板.docx")
    doc = Document(template)
    paragraph(doc, "{{ issuer_mark }}").runs[0].text = "{_{ 机关 }_}{_% 文件 %_}"
    doc.save(template)
    yaml = tmp_path / "plan.yaml"
    yaml.write_text("模板: 模板.docx\n红头: 是\n发文机关: 甲\n标题: 乙\n开头: '{_{ 丙 }_}'\n", "utf-8")
    out = Document(reportgen.build(yaml, tmp_path / "out"))
    assert [p.text for p in out.paragraphs[:4]] == ["{{ 机关 }}{% 文件 %}", "", "乙", "{_{ 丙 }_}"]


def test_a_template_older_than_the_cover_notice_is_refused_for_one(tmp_path):
    """A template without the place for the 方案 after its 印发通知 would lose the whole 方案."""
    template = export_template("plan", tmp_path / "旧模板.docx")
    doc = Document(template)
    paragraph(doc, "{%p for b in plan_pages %}").runs[0].text = "{%p for b in [] %}"
    doc.save(template)
    yaml = tmp_path / "plan.yaml"
    yaml.write_text((ROOT / "samples" / "notice-plan.yaml").read_text("utf-8")
                    + "模板: 旧模板.docx\n", "utf-8")
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.build(yaml, tmp_path / "out.docx")
    assert str(caught.value) == (f"{template}: 这个模板没有排“印发通知”之后方案正文的位置（plan_pages）："
                                 "请用 reportgen templates export plan 导出新的内置模板，按它修改后再用")
    assert not (tmp_path / "out.docx").exists()
