"""What reportgen import refuses, with a located Chinese message, writing nothing; what it says
when it succeeds."""

from __future__ import annotations

import zipfile

import docx
import pytest
from conftest import SAMPLES
from docx import Document
from helpers import run

import reportgen


@pytest.fixture
def plan_docx(tmp_path):
    return reportgen.build(SAMPLES / "plan-minimal.yaml", tmp_path / "方案.docx")


def test_a_document_becomes_yaml_beside_it(plan_docx, capsys):
    status, out, err = run(capsys, "import", str(plan_docx))
    yaml = plan_docx.with_suffix(".yaml")
    assert (status, err) == (0, "")
    assert out == (f"已生成 {yaml}\n生成公文：reportgen build {yaml}；"
                   f"改为下一年的文件：reportgen next-year {yaml}\n")
    assert reportgen.validate(yaml).title == "关于开展安全生产月活动的工作方案"


def test_an_existing_yaml_is_kept_unless_forced(plan_docx, capsys):
    yaml = plan_docx.with_suffix(".yaml")
    yaml.write_text("标题: 我的文件\n", "utf-8")
    status, out, err = run(capsys, "import", str(plan_docx))
    assert (status, out) == (1, "")
    assert err == f"{yaml}: 文件已存在，未覆盖：请用 -o 另写一个文件名，或加 --force 覆盖它\n未生成文件。\n"
    assert yaml.read_text("utf-8") == "标题: 我的文件\n"
    assert run(capsys, "import", str(plan_docx), "--force")[0] == 0
    assert "关于开展安全生产月活动的工作方案" in yaml.read_text("utf-8")


def test_the_document_itself_is_never_overwritten(plan_docx, capsys):
    before = plan_docx.read_bytes()
    status, _, err = run(capsys, "import", str(plan_docx), "-o", str(plan_docx), "--force")
    assert status == 1
    assert err.startswith(f"{plan_docx}: 这是本次读取的Word 文档，输出不能覆盖它")
    assert plan_docx.read_bytes() == before


def refused(capsys, path) -> str:
    status, out, err = run(capsys, "import", str(path))
    assert (status, out) == (1, "")
    assert not path.with_suffix(".yaml").exists()
    return err


def test_a_file_that_is_not_a_docx(tmp_path, capsys):
    path = tmp_path / "方案.docx"
    path.write_text("标题: 不是 Word 文档\n", "utf-8")
    assert refused(capsys, path) == (
        f"{path}: 不是 .docx 文件（.docx 是 zip 压缩包，此文件不是）\n未生成文件。\n")


def test_a_broken_zip(tmp_path, plan_docx, capsys):
    path = tmp_path / "坏.docx"
    path.write_bytes(plan_docx.read_bytes()[:3000])
    assert refused(capsys, path) == f"{path}: 文件已损坏，无法按 Word 文档（.docx）读取\n未生成文件。\n"


def test_a_zip_without_a_document(tmp_path, capsys):
    path = tmp_path / "空.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "x")
    assert refused(capsys, path) == (
        f"{path}: 不是 Word 文档（压缩包中没有 word/document.xml）\n未生成文件。\n")


def test_an_empty_document(tmp_path, capsys):
    path = tmp_path / "空白.docx"
    Document().save(path)
    assert refused(capsys, path) == f"{path}: 文档是空的：没有文字，无法导入\n未生成文件。\n"


def test_a_document_that_is_no_official_document(tmp_path, capsys):
    path = tmp_path / "新闻.docx"
    doc = Document()
    doc.add_paragraph("本报讯　昨日，城关区举办了一场社区运动会，数百名居民参加。")
    doc.add_paragraph("活动现场气氛热烈，居民们纷纷表示希望多举办这样的活动。")
    doc.save(path)
    assert refused(capsys, path) == (
        f"{path}: 不是公文，无法导入：没有公文标题，纸张不是A4，页边距不是公文的（上37、下35、左28、右26毫米）"
        "（reportgen import 读取方案、总结、通知等公文）\n未生成文件。\n")


def test_a_word_97_document(tmp_path, capsys):
    path = tmp_path / "旧.doc"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    assert refused(capsys, path) == (
        f"{path}: 这是 Word 97-2003 格式（.doc），请在 Word 或 WPS 中另存为 .docx 后再导入\n未生成文件。\n")


def test_last_years_word_file_becomes_this_years_draft(tmp_path, capsys):
    """The README's path: reportgen import 2024总结.docx && reportgen next-year 2024总结.yaml."""
    docx = reportgen.build(SAMPLES / "summary.yaml", tmp_path / "2021总结.docx")
    assert run(capsys, "import", str(docx))[0] == 0
    status, out, _ = run(capsys, "next-year", str(tmp_path / "2021总结.yaml"))
    assert status == 0 and out.startswith(f"已生成 {tmp_path / '2022总结.yaml'}（2022年，继承 ")
    draft = reportgen.validate(tmp_path / "2022总结.yaml")
    assert str(draft.date) == "2022-06-10" and draft.title.startswith("市交通运输局关于2021年春季")


def test_output_into_a_folder_and_the_same_bytes_every_time(plan_docx, tmp_path, capsys):
    folder = tmp_path / "导入"
    folder.mkdir()
    assert run(capsys, "import", str(plan_docx), "-o", str(folder))[0] == 0
    first = (folder / "方案.yaml").read_bytes()
    assert run(capsys, "import", str(plan_docx), "-o", str(folder), "--force")[0] == 0
    assert (folder / "方案.yaml").read_bytes() == first


def test_a_document_longer_than_a_yaml_file_may_be(tmp_path, capsys):
    path = tmp_path / "长.docx"
    doc = Document()
    title = doc.add_paragraph().add_run("关于开展安全生产大检查的通知")
    title.font.size = docx.shared.Pt(22)
    doc.paragraphs[0].alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    for _ in range(150):
        doc.add_paragraph("各单位要把安全检查作为当前的重要工作，认真组织。" * 100)
    doc.save(path)
    assert refused(capsys, path) == (f"{path}: 文档过长：写成 YAML 有 1.1 MB，超过 reportgen 读取一份 YAML "
                                     "文件的上限（1 MB）\n未生成文件。\n")
