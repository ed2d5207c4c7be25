"""The fonts LibreOffice renders with: reportgen's fontconfig file, and which of the standard's
fonts this machine replaces with free stand-ins (fc-match)."""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import ReportgenWarning

STANDARD_FONTS = ("仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体")


class StandInFontWarning(ReportgenWarning):
    """The standard's fonts are missing here; the PDF or PNG shows free look-alikes instead."""


def fonts_conf() -> Path:
    """The fontconfig file mapping the standard's fonts to free stand-ins (shipped in the package)."""
    return Path(str(resources.files("reportgen.office") / "fonts.conf"))


@cache
def stand_in_fonts() -> dict[str, str]:
    """Each standard font that is not installed, and the font fontconfig puts in its place."""
    program = shutil.which("fc-match")
    if program is None:
        return {}
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf())}
    found = {}
    for font in STANDARD_FONTS:
        result = subprocess.run([program, "-f", "%{family[0]}|%{weight}", font], env=env,
                                capture_output=True, text=True).stdout
        family, _, weight = result.partition("|")
        if family and family != font:
            found[font] = family + ("（加粗）" if weight.isdigit() and int(weight) >= 200 else "")
    return found


@cache
def warn_stand_in_fonts() -> None:
    """Warn once per run which standard fonts are missing and what stands in for them."""
    missing = stand_in_fonts()
    if missing:
        pairs = "，".join(f"{font} → {stand_in}" for font, stand_in in missing.items())
        warnings.warn(f"本机没有以下公文字体，PDF 和图片中以相近字体代替（字形与 Word 中略有不同）：{pairs}",
                      StandInFontWarning, stacklevel=3)
