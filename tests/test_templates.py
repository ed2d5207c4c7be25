"""The built-in template: committed file equals what tools/make_templates.py builds; it is found by name."""

from __future__ import annotations

import importlib.util
import zipfile
from io import BytesIO

from docx import Document
from docx.oxml.ns import qn
from helpers import ROOT

from reportgen.templates import builtin_folder, builtin_names


def load_builder():
    spec = importlib.util.spec_from_file_location("make_templates", ROOT / "tools" / "make_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_template_matches_the_builder():
    fresh = zipfile.ZipFile(BytesIO(load_builder().build_plan()))
    committed = zipfile.ZipFile(ROOT / "templates" / "plan.docx")
    assert sorted(fresh.namelist()) == sorted(committed.namelist())
    for name in fresh.namelist():
        assert fresh.read(name) == committed.read(name), f"{name} differs: run tools/make_templates.py"


def test_builtin_templates_are_found_by_name():
    assert builtin_names() == ["plan"]
    assert (builtin_folder() / "plan.docx").is_file()


def test_template_has_no_theme_fonts_and_no_numbering():
    doc = Document(ROOT / "templates" / "plan.docx")
    xml = doc.styles.element.xml
    assert "Theme" not in xml
    assert not doc.element.body.findall(f".//{qn('w:numPr')}")
    assert {s.name for s in doc.styles} >= {
        "Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "主送机关",
        "附件说明", "发文机关署名", "成文日期", "附注", "发文机关标志", "发文字号", "版记"}
