"""--metrics: each whole number with a unit of measure after it in the text ("发放宣传资料3,260份")
becomes a 指标 named by the words before it, and the text reads it through a placeholder, so
that the imported 总结 is ready to be a campaign's.

Only whole numbers are taken (a decimal such as 0.62 prints back as written only as text), and
not years, months or days (2024年). A number written with commas prints with them (千分位).
"""

from __future__ import annotations

import re
from typing import Any

from ..chinese.measure_words import MEASURE_WORDS
from .yaml_text import Block, Noted

TEXT_KEYS = ("内容", "开头", "结尾")
UNITS = sorted(MEASURE_WORDS - {"年", "月", "日", "周"}, key=len, reverse=True)
FIGURE = re.compile(r"(?<![\d.,，])(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?![\d.,])(?P<unit>"
                    + "|".join(re.escape(u) for u in UNITS) + ")")
NAME = re.compile(r"[\u4e00-\u9fff]{1,8}$")
# Words around a figure that do not name it: 局共购买毒饵150包 is 购买毒饵, 发放资料约300份 发放资料.
LEADING = re.compile(r"^.*(?:共|累计|合计|总计|全年|其中)")
TRAILING = re.compile(r"(?:约|近|超|达|逾|计|共|了|为)+$")
FALLBACK_NAME = "数字"


def with_metrics(data: dict) -> dict:
    """``data`` with its figures as 指标 (after 成文日期, or first) and placeholders in the text."""
    found: dict[str, dict] = {}
    body = {k: _replaced(v, k, found) for k, v in data.items()}
    if not found:
        return data
    out: dict = {}
    for key, value in body.items():
        out[key] = value
        if key == "成文日期":
            out["指标"] = found
    return out if "指标" in out else {"指标": found, **out}


def _replaced(value: Any, key: str, found: dict) -> Any:
    if isinstance(value, Noted):
        return Noted(_replaced(value.value, key, found), value.comment)
    if isinstance(value, dict):
        return {k: _replaced(v, k, found) for k, v in value.items()}
    if isinstance(value, list):
        return [_replaced(v, key, found) for v in value]
    if key not in TEXT_KEYS:
        return value
    if isinstance(value, Block):
        return Block(tuple(_figures(line, found) for line in value.lines), value.spaced)
    return _figures(value, found) if isinstance(value, str) else value


def _figures(text: str, found: dict) -> str:
    """``text`` with each figure replaced by its placeholder, named 指标 added to ``found``."""
    def placeholder(match: re.Match) -> str:
        name = _unique(_name(text[:match.start()]), found)
        number = match["n"]
        found[name] = {"值": int(number.replace(",", "")), "单位": match["unit"]}
        shown = " | 千分位" if "," in number else ""
        return f"{{{{ 指标.{name}{shown} }}}}{{{{ 指标.{name}.unit }}}}"
    return FIGURE.sub(placeholder, text)


def _name(before: str) -> str:
    """The words right before a figure, without 共, 累计 … before them or 约, 达 … after."""
    words = NAME.search(before)
    name = TRAILING.sub("", LEADING.sub("", words[0])) if words else ""
    return name or FALLBACK_NAME


def _unique(name: str, found: dict) -> str:
    if name not in found:
        return name
    return next(f"{name}{n}" for n in range(2, len(found) + 3) if f"{name}{n}" not in found)
