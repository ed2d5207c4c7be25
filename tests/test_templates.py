"""The built-in template: committed file equals what tools/make_templates.py builds; it is found by name."""

from __future__ import annotations

import importlib.util
import zipfile
from io import BytesIO

import pytest
from docx import Document
from docx.oxml.ns import qn
from helpers import ROOT

from reportgen.templates import builtin_folder, builtin_names


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
