"""The command line: what a clerk types and sees, exit statuses, and files written or not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from docx.shared import Inches
from handmade import SONG, correct_document, find, set_font, set_text
from helpers import run

from reportgen.office import fonts as office_fonts


def test_build_writes_next_to_the_yaml(capsys, write_yaml):
    path = write_yaml("成文日期: 2024-03-05\n标题: 方案\n开头: 正文。\n")
    assert run(capsys, "build", str(path)) == (0, f"已生成 {path.with_suffix('.docx')}\n", "")


def test_build_into_a_folder_and_to_a_file(capsys, write_yaml, tmp_path):
    path = write_yaml("标题: 方案\n")
    assert run(capsys, "build", str(path), "-o", str(tmp_path / "out"))[0] == 0
    assert (tmp_path / "out" / "plan.docx").is_file()
    assert run(capsys, "build", str(path), "-o", str(tmp_path / "x.docx"))[0] == 0
    assert (tmp_path / "x.docx").is_file()


def test_errors_are_listed_with_a_count_and_nothing_is_written(capsys, write_yaml, tmp_path):
    path = write_yaml("开头: 正文。\n成文日期: 2024-02-30\n")
    code, out, err = run(capsys, "build", str(path), "-o", str(tmp_path / "out"))
    assert (code, out) == (1, "")
    assert err == (f"{path}:1:1: 标题: 缺少必填项\n{path}:2:1: 成文日期: 日期不存在：2024年2月30日\n"
                   "共 2 个问题，未生成文件。\n")
    assert not (tmp_path / "out").exists()


def test_validate_writes_nothing(capsys, write_yaml, tmp_path):
    path = write_yaml("成文日期: 2024-03-05\n标题: 方案\n")
    assert run(capsys, "validate", str(path)) == (0, f"{path}: 检查通过\n", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_missing_file(capsys, tmp_path):
    assert run(capsys, "build", str(tmp_path / "无.yaml")) == (
        1, "", f"{tmp_path / '无.yaml'}: 找不到文件\n未生成文件。\n")


def test_repaired_characters_are_reported_as_warnings(capsys, write_yaml):
    path = write_yaml("标题: 方\x0b案\n成文日期: 2024-03-05\n")
    code, _, err = run(capsys, "build", str(path))
    assert (code, err) == (0, f"{path}:1:6: 已删除不可见的控制字符 U+000B（常见于从 Word 复制的文字）\n")


def test_unwritable_output(capsys, write_yaml, tmp_path):
    path = write_yaml("成文日期: 2024-03-05\n标题: 方案\n")
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, _, err = run(capsys, "build", str(path), "-o", str(blocker / "out"))
    assert (code, err) == (1, f"{blocker / 'out'}: 无法创建输出文件夹：“{blocker}”是文件，不是文件夹，请换一个输出文件夹\n未生成文件。\n")


def test_console_script_runs_without_traceback(write_yaml):
    path = write_yaml("标题: [\n")
    result = subprocess.run([sys.executable, "-m", "reportgen", "build", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{path}:1:5: YAML 格式错误：方括号“[”缺少配对的“]”")


def planted(tmp_path, plant=None) -> Path:
    """The correct hand-made document, with one fault planted by ``plant``, saved as 通知.docx."""
    doc = correct_document()
    if plant is not None:
        plant(doc)
    doc.save(tmp_path / "通知.docx")
    return tmp_path / "通知.docx"


def heading_in_song(doc):
    set_font(find(doc, "二、工作要求").runs[0], SONG)


def test_check_passes_a_built_sample(capsys, sample_docx):
    assert run(capsys, "check", str(sample_docx)) == (0, f"{sample_docx}: 检查通过\n", "")


def test_check_lists_findings_and_exits_1(capsys, tmp_path):
    path = planted(tmp_path, heading_in_song)
    assert run(capsys, "check", str(path)) == (1, (
        f"{path}: 第14段「二、工作要求」: 一级标题应为黑体，实为宋体\n"
        f"{path}: 共 1 个错误，0 个警告\n"), "")


def test_check_json_is_a_list_of_findings(capsys, tmp_path):
    path = planted(tmp_path, heading_in_song)
    code, out, _ = run(capsys, "check", "--json", str(path))
    assert (code, json.loads(out)) == (1, [{
        "file": str(path), "rule": "font.heading1", "level": "error",
        "location": {"paragraph": 14, "text": "二、工作要求"}, "where": "第14段「二、工作要求」",
        "message": "一级标题应为黑体，实为宋体"}])


def test_check_with_warnings_only_exits_0(capsys, tmp_path):
    path = planted(tmp_path, lambda doc: set_text(find(doc, "2024年5月20日"), "2024年5月20日",
                                                   "2024-5-20"))
    assert run(capsys, "check", str(path)) == (0, (
        f"{path}: 第18段「2024-5-20」: 警告：日期“2024-5-20”宜写作“2024年5月20日”\n"
        f"{path}: 共 0 个错误，1 个警告\n"), "")


def test_check_of_no_official_document_says_so_and_all_lists_everything(capsys, tmp_path):
    def report_on_letter_paper(doc):
        doc.sections[0].page_width, doc.sections[0].page_height = Inches(8.5), Inches(11)
        set_text(find(doc, "关于开展"), "关于开展安全生产大检查的通知", "城关区安全生产工作情况")
    path = planted(tmp_path, report_on_letter_paper)
    assert run(capsys, "check", str(path)) == (1, (
        f"{path}: 全文: 不是按公文格式排版的文档：没有公文标题，纸张不是A4；下面只列最主要的3个问题"
        "（加 --all 列出全部）\n"
        f"{path}: 页面设置: 纸张应为A4（210×297毫米），实为215.9×279.4毫米\n"
        f"{path}: 页面设置: 每页应为22行×28字，按页面设置和正文格式为20行×29字（行距28.95磅，每字15.75磅）\n"
        f"{path}: 页面设置: 版心应为156×225毫米，实为161.9×207.4毫米\n"
        f"{path}: 共 4 个错误，0 个警告\n"), "")
    code, out, _ = run(capsys, "check", "--all", str(path))
    assert (code, out.splitlines()[0], out.splitlines()[-1]) == (
        1, f"{path}: 页面设置: 纸张应为A4（210×297毫米），实为215.9×279.4毫米", f"{path}: 共 3 个错误，0 个警告")


def test_check_of_a_file_that_is_not_a_docx_exits_2(capsys, tmp_path):
    path = tmp_path / "通知.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert run(capsys, "check", str(path)) == (2, "", (
        f"{path}: 这是 Word 97-2003 格式（.doc），请在 Word 或 WPS 中另存为 .docx 后再检查\n未检查。\n"))


def test_check_render_of_both_samples_in_one_run(capsys, sample_docs, lo_profile):
    docs = [str(d) for d in sample_docs.values()]
    assert run(capsys, "check", "--render", *docs)[:2] == (0, "".join(f"{d}: 检查通过\n" for d in docs))


def test_render_without_libreoffice_names_the_package(capsys, tmp_path, monkeypatch):
    path = planted(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert run(capsys, "check", "--render", str(path)) == (1, "", (
        "reportgen: 需要 LibreOffice 才能转换为 PDF，但本机没有安装。"
        "请安装：sudo apt-get install libreoffice-writer-nogui\n"))


def test_pdf_converts_several_files_and_warns_once(tmp_path, lo_profile):
    a, b = planted(tmp_path), tmp_path / "二.docx"
    b.write_bytes(a.read_bytes())
    result = subprocess.run([sys.executable, "-m", "reportgen", "pdf", str(a), str(b), "-o",
                             str(tmp_path / "pdf")], capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, (
        f"已生成 {tmp_path / 'pdf' / '通知.pdf'}\n已生成 {tmp_path / 'pdf' / '二.pdf'}\n"))
    assert result.stderr.count("本机没有以下公文字体") == (1 if office_fonts.stand_in_fonts() else 0)


def test_preview_of_a_yaml_file_writes_png_pages(capsys, write_yaml, tmp_path, lo_profile):
    path = write_yaml("标题: 方案\n开头: 正文。\n")
    assert run(capsys, "preview", str(path), "-o", str(tmp_path / "png"), "--dpi", "30")[:2] == (
        0, f"已生成 {tmp_path / 'png' / 'plan-1.png'}\n")
    assert (tmp_path / "png" / "plan-1.png").read_bytes().startswith(b"\x89PNG")
    assert not path.with_suffix(".docx").exists()


def test_build_with_pdf_writes_both(capsys, write_yaml, lo_profile):
    path = write_yaml("标题: 方案\n开头: 正文。\n")
    assert run(capsys, "build", str(path), "--pdf")[:2] == (0, (
        f"已生成 {path.with_suffix('.docx')}\n已生成 {path.with_suffix('.pdf')}\n"))
    assert path.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_an_internal_defect_is_one_line_not_a_traceback(capsys, write_yaml, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("模拟的缺陷")
    monkeypatch.setattr("docxtpl.DocxTemplate.fix_docpr_ids", broken)
    path = write_yaml("成文日期: 2024-03-05\n标题: 方案\n")
    code, out, err = run(capsys, "build", str(path))
    assert (code, out) == (3, "")
    assert err == ("reportgen 内部错误（RuntimeError: 模拟的缺陷）。这不是您的文件的问题，"
                   "请把这条信息和所用文件发给维护者；设置 REPORTGEN_DEBUG=1 可显示详细信息。\n")
    assert not path.with_suffix(".docx").exists()
