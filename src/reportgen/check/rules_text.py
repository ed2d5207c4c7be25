"""Text rules: dates, 发文字号, 主送 and 抄送 endings, half-width punctuation, leftover placeholders."""

from __future__ import annotations

import re
from datetime import date

from .chars import is_han
from .docx_read import Para, Reading
from .ordinal_parse import CHINESE
from .report import Finding, at, error, warning
from .roles import Role

ARABIC_DATE = re.compile(r"(?<!\d)(\d{2}|\d{4})年(\d{1,2})月(?:(\d{1,2})日)?")
CHINESE_DATE = re.compile(r"([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月"
                          r"(?:([一二三四五六七八九十]{1,3})日)?")
NUMERIC_DATE = re.compile(r"(?<![\d.])((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.])")
YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
DOC_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])[〔\[［(（【{｛〈](?P<year>(?:19|20)\d{2})"
                        r"[〕\]］)）】}｝〉]第?(?P<num>\d+)号")
HALF_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）",
              ".": "。", '"': "“”"}
PLACEHOLDER = re.compile(r"(?<!\d)×+|×+(?!\d)|(?<![A-Za-z])(?:X{2,}|x{2,})(?![A-Za-z])"
                         r"|[Ｘｘ]{2,}|\*{2,}|＊{2,}|○{2,}|\{\{|\}\}|\{%|%\}"
                         # a blank in brackets: [日期] 【发文单位】 ［ ］ （ ）; not [2024] or [1]
                         r"|[\[［【][\s\u3000]*[^\[\]［］【】\d\s\u3000]{0,10}[\s\u3000]*[\]］】]"
                         r"|[（(][\s\u3000]*[）)]")


def text_findings(reading: Reading, roles: list[Role]) -> list[Finding]:
    """Every paragraph's text, with the 主送 and 抄送 lines judged by their roles."""
    findings = []
    for para, role in zip(reading.paragraphs, roles, strict=True):
        if para.number:
            for rule in (dates, doc_numbers, punctuation, placeholders):
                findings += rule(para)
            findings += endings(para, role)
    return findings


def dates(para: Para) -> list[Finding]:
    """2024年3月5日: Arabic numerals, four-digit year, no leading zeros, a day that exists."""
    found = [arabic_date(para, m) for m in ARABIC_DATE.finditer(para.text)]
    found += [error("text.date", at(para), f"日期“{m[0]}”应写作“{_from_chinese(m)}”")
              for m in CHINESE_DATE.finditer(para.text)]
    found += [warning("text.date", at(para), f"日期“{m[0]}”宜写作“{int(m[1])}年{int(m[3])}月"
                      f"{int(m[4])}日”") for m in NUMERIC_DATE.finditer(para.text)]
    return [f for f in found if f is not None]


def arabic_date(para: Para, found: re.Match) -> Finding | None:
    year, month, day = found[1], found[2], found[3]
    if len(year) == 2:
        return error("text.date", at(para), f"日期“{found[0]}”应写全四位年份") if day else None
    if not _exists(int(year), int(month), int(day or 1)):
        return error("text.date", at(para), f"日期“{found[0]}”不存在")
    if month.startswith("0") or (day or "").startswith("0"):
        right = f"{year}年{int(month)}月" + (f"{int(day)}日" if day else "")
        return error("text.date", at(para), f"日期“{found[0]}”应写作“{right}”")
    return None


def doc_numbers(para: Para) -> list[Finding]:
    """机关代字〔2024〕12号: 六角括号, no 第, no leading zeros (shown from the bracket on)."""
    findings = []
    for m in DOC_NUMBER.finditer(para.text):
        right = f"〔{m['year']}〕{int(m['num'])}号"
        if m[0] != right:
            findings.append(error("text.doc_number", at(para), f"发文字号“{m[0]}”应写作“{right}”"))
    return findings


def endings(para: Para, role: Role) -> list[Finding]:
    text = para.text.strip()
    if role.kind == "recipients" and not text.endswith("："):
        return [error("text.recipients", at(para), "主送机关应以全角冒号“：”结尾")]
    if role.kind == "imprint" and text.startswith("抄送") and not text.endswith("。"):
        return [error("text.cc", at(para), "抄送机关之后应以句号“。”结尾")]
    return []


def punctuation(para: Para) -> list[Finding]:
    """Half-width , ; : ? ! ( ) " beside a Chinese character, or . right after one."""
    text = para.text
    spots = [i for i, c in enumerate(text) if c in HALF_WIDTH and _beside_chinese(text, i)]
    if not spots:
        return []
    i = spots[0]
    more = f"（共{len(spots)}处）" if len(spots) > 1 else ""
    return [error("text.punctuation", at(para), f"中文中用了半角标点：“{text[max(0, i - 2):i + 3]}”"
                  f"中的“{text[i]}”应为“{HALF_WIDTH[text[i]]}”{more}")]


def placeholders(para: Para) -> list[Finding]:
    found = PLACEHOLDER.findall(para.text)
    if not found:
        return []
    more = f"（共{len(found)}处）" if len(found) > 1 else ""
    return [error("text.placeholder", at(para), f"残留占位符“{found[0]}”，应填入实际内容{more}")]


def _beside_chinese(text: str, i: int) -> bool:
    before = i > 0 and is_han(text[i - 1])
    after = i + 1 < len(text) and is_han(text[i + 1])
    return before if text[i] == "." else before or after


def _exists(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _from_chinese(found: re.Match) -> str:
    year = found[1].translate(YEAR_DIGITS)
    month, day = CHINESE.get(found[2], 0), CHINESE.get(found[3] or "", 0)
    return f"{year}年{month}月" + (f"{day}日" if found[3] else "")
