"""Which font LibreOffice renders each font of the built-in templates with, asked of fc-match with
reportgen's fonts.conf: the font itself or its metric-compatible stand-in, never a fallback."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile

import pytest
from docx.oxml.ns import qn
from helpers import ROOT
from lxml import etree

from reportgen.office import fonts
from reportgen.office.fonts import STAND_INS, MissingStandInWarning

SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


def template_fonts() -> set[str]:
    """Every font named in a w:rFonts of a built-in template (styles, body, footers)."""
    names = set()
    for template in (ROOT / "templates").glob("*.docx"):
        with zipfile.ZipFile(template) as archive:
            for part in (n for n in archive.namelist() if n.startswith("word/") and n.endswith(".xml")):
                for element in etree.fromstring(archive.read(part)).iter(qn("w:rFonts")):
                    names |= {element.get(qn(f"w:{slot}")) for slot in SLOTS} - {None}
    return names


def rendered_with(font: str) -> str:
    """The family fontconfig gives LibreOffice for ``font`` under reportgen's fonts.conf."""
    program = shutil.which("fc-match")
    if program is None:
        if os.environ.get("REPORTGEN_REQUIRE_SOFFICE") == "1":
            pytest.fail("fc-match is missing: sudo apt-get install fontconfig")
        pytest.skip("fontconfig is not installed")
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts.fonts_conf())}
    return subprocess.run([program, "-f", "%{family[0]}", font], env=env, capture_output=True,
                          text=True, check=True).stdout


def test_every_font_the_templates_name_has_a_stand_in():
    assert template_fonts() == set(STAND_INS)


@pytest.mark.parametrize("font", sorted(STAND_INS))
def test_libreoffice_renders_each_template_font_with_itself_or_its_stand_in(font):
    stand_in, package = STAND_INS[font]
    used = rendered_with(font)
    if used not in (font, stand_in):
        pytest.fail(f"LibreOffice would render {font} with {used}, not {stand_in}: "
                    f"sudo apt-get install {package}")


@pytest.fixture
def fc_match_without_liberation(tmp_path, monkeypatch):
    """An fc-match answering as on a machine without fonts-liberation; caches cleared around it."""
    script = tmp_path / "fc-match"
    script.write_text('#!/bin/sh\nfor font; do :; done\ncase "$font" in\n'
                      '  "Times New Roman") printf "DejaVu Serif|80";;\n  *) printf "%s|80" "$font";;\nesac\n')
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    caches = (fonts.rendering_fonts, fonts.stand_in_fonts, fonts.warn_stand_in_fonts)
    for cached in caches:
        cached.cache_clear()
    yield
    for cached in caches:
        cached.cache_clear()


def test_a_missing_stand_in_is_warned_with_the_package_to_install(fc_match_without_liberation):
    with pytest.warns(MissingStandInWarning) as caught:
        fonts.warn_stand_in_fonts()
    assert [str(w.message) for w in caught if w.category is MissingStandInWarning] == [
        "本机也没有以下字体的替代字体，PDF 和图片的每行字数、每页行数会与 Word 不同："
        "Times New Roman（应由 Liberation Serif 代替，现为 DejaVu Serif）。"
        "请安装：sudo apt-get install fonts-liberation"]
