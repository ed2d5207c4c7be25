"""The fonts LibreOffice renders with: reportgen's fontconfig file, and which of the fonts the
built-in templates name this machine replaces with free stand-ins, or lacks even those (fc-match)."""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import ReportgenWarning

# Each font the built-in templates name: its free stand-in (fonts.conf) and the Debian package
# holding it. Times New Roman sets digits and Latin text; a stand-in with other metrics (DejaVu
# Serif, where fonts-liberation is missing) widens them and shifts every layout measured.
STAND_INS = {
    "仿宋_GB2312": ("AR PL UMing CN", "fonts-arphic-uming"),
    "楷体_GB2312": ("AR PL UKai CN", "fonts-arphic-ukai"),
    "黑体": ("Noto Sans CJK SC", "fonts-noto-cjk"),
    "方正小标宋简体": ("Noto Serif CJK SC", "fonts-noto-cjk"),
    "宋体": ("AR PL UMing CN", "fonts-arphic-uming"),
    "Times New Roman": ("Liberation Serif", "fonts-liberation"),
}
STANDARD_FONTS = tuple(STAND_INS)


class StandInFontWarning(ReportgenWarning):
    """The standard's fonts are missing here; the PDF or PNG shows free look-alikes instead."""


class MissingStandInWarning(ReportgenWarning):
    """Even the free stand-in of a font is missing: the PDF's lines and pages differ from Word's."""


def fonts_conf() -> Path:
    """The fontconfig file mapping the standard's fonts to free stand-ins (shipped in the package)."""
    return Path(str(resources.files("reportgen.office") / "fonts.conf"))


@cache
def stand_in_fonts() -> dict[str, str]:
    """Each standard font that is not installed, and the font fontconfig puts in its place."""
    found = {}
    for font, (family, weight) in rendering_fonts().items():
        if family != font:
            found[font] = family + ("（加粗）" if weight >= 200 else "")
    return found


@cache
def rendering_fonts() -> dict[str, tuple[str, int]]:
    """The family and weight LibreOffice renders each standard font with here (fc-match with
    reportgen's fonts.conf); nothing when fontconfig is not installed."""
    program = shutil.which("fc-match")
    if program is None:
        return {}
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf())}
    found = {}
    for font in STANDARD_FONTS:
        result = subprocess.run([program, "-f", "%{family[0]}|%{weight}", font], env=env,
                                capture_output=True, text=True).stdout
        family, _, weight = result.partition("|")
        if family:
            found[font] = (family, int(weight) if weight.isdigit() else 80)
    return found


def missing_stand_ins() -> dict[str, str]:
    """Each standard font rendered with neither itself nor its stand-in, and what is used instead."""
    return {font: family for font, (family, _) in rendering_fonts().items()
            if family not in (font, STAND_INS[font][0])}


@cache
def warn_stand_in_fonts() -> None:
    """Warn once per run which standard fonts are missing and what stands in for them, and
    louder, naming the packages to install, when even a stand-in is missing."""
    missing = stand_in_fonts()
    if missing:
        pairs = "，".join(f"{font} → {stand_in}" for font, stand_in in missing.items())
        warnings.warn(f"本机没有以下公文字体，PDF 和图片中以相近字体代替（字形与 Word 中略有不同）：{pairs}",
                      StandInFontWarning, stacklevel=3)
    lacking = missing_stand_ins()
    if lacking:
        fonts = "，".join(f"{font}（应由 {STAND_INS[font][0]} 代替，现为 {used}）"
                         for font, used in lacking.items())
        packages = " ".join(dict.fromkeys(STAND_INS[font][1] for font in lacking))
        warnings.warn(f"本机也没有以下字体的替代字体，PDF 和图片的每行字数、每页行数会与 Word 不同：{fonts}。"
                      f"请安装：sudo apt-get install {packages}", MissingStandInWarning, stacklevel=3)
