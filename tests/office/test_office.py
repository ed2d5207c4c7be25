"""LibreOffice and poppler: clear messages when missing, batched conversion, PNG pages, stand-in fonts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document

from reportgen.errors import ToolMissing
from reportgen.office import convert, pdf_text
from reportgen.office import fonts as office_fonts

STAND_INS = {"仿宋_GB2312": "AR PL UMing CN", "楷体_GB2312": "AR PL UKai CN",
             "黑体": "Noto Sans CJK SC", "方正小标宋简体": "Noto Serif CJK SC（加粗）",
             "宋体": "AR PL UMing CN", "Times New Roman": "Liberation Serif"}


def test_missing_libreoffice_names_the_package_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ToolMissing) as caught:
        convert.convert_to_pdf({tmp_path / "a.docx": tmp_path / "a.pdf"})
    assert str(caught.value) == ("reportgen: 需要 LibreOffice 才能转换为 PDF，但本机没有安装。"
                                 "请安装：sudo apt-get install libreoffice-writer-nogui")
    assert caught.value.outcome == ""


def test_missing_poppler_names_the_package_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ToolMissing) as caught:
        convert.png_pages(tmp_path / "a.pdf", tmp_path, "a")
    assert str(caught.value) == ("reportgen: 需要 pdftoppm 才能处理 PDF，但本机没有安装。"
                                 "请安装：sudo apt-get install poppler-utils")


def test_files_with_the_same_name_go_to_separate_runs():
    a, b, c = Path("a/plan.docx"), Path("b/plan.docx"), Path("a/通知.docx")
    assert convert.batches_by_name([a, b, c]) == [[a, c], [b]]


def test_fonts_conf_ships_inside_the_package():
    conf = office_fonts.fonts_conf()
    assert conf.is_file() and conf.parent == Path(office_fonts.__file__).parent
    assert "AR PL UKai CN" in conf.read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig is not installed")
def test_missing_standard_fonts_map_to_free_look_alikes():
    for font, stand_in in office_fonts.stand_in_fonts().items():
        assert STAND_INS[font] == stand_in


def test_same_named_files_convert_without_overwriting_each_other(tmp_path, lo_profile):
    targets = {}
    for folder in ("甲", "乙"):
        doc = Document()
        doc.add_paragraph(f"{folder}单位的文件")
        (tmp_path / folder).mkdir()
        doc.save(tmp_path / folder / "plan.docx")
        targets[tmp_path / folder / "plan.docx"] = tmp_path / "out" / f"{folder}.pdf"
    pdfs = convert.convert_to_pdf(targets, lo_profile)
    texts = [pdf_text.pdf_pages(pdf)[0].lines[0].text for pdf in pdfs]
    assert texts == ["甲单位的文件", "乙单位的文件"]


def test_png_pages_are_numbered_from_one(sample_pdf, tmp_path):
    pages = convert.png_pages(sample_pdf, tmp_path / "png", "plan", dpi=30, first=1, last=2)
    assert [p.name for p in pages] == ["plan-1.png", "plan-2.png"]
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pages)


def test_pdf_pages_have_a4_size_and_lines_top_down(sample_pdf):
    first = pdf_text.pdf_pages(sample_pdf)[0]
    assert (round(first.width), round(first.height)) == (595, 842)
    assert [ln.top for ln in first.lines] == sorted(ln.top for ln in first.lines)
