"""The text rules a reviewer (核稿) applies to any text of a document, whoever wrote it.

One set of rules serves both commands: ``reportgen check`` runs them on every paragraph of a
.docx (check/rules_text.py), ``validate`` and ``build`` on every text of the YAML
(validation/text_warnings.py). Each rule is a function from a text to its faults; a new rule is
a function added to ``RULES``. A fault says what is wrong and how to write it instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .numerals import chinese_number

ARABIC_DATE = re.compile(r"(?<!\d)(\d{2}|\d{4})年(\d{1,2})月(?:(\d{1,2})日)?")
CHINESE_DATE = re.compile(r"([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月"
                          r"(?:([一二三四五六七八九十]{1,3})日)?")
NUMERIC_DATE = re.compile(r"(?<![\d.])((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.])")
DIGITS_APART = re.compile(r"\d[-/.]\d")  # what a numeric date needs, looked for first
YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
CHINESE_NUMBERS = {chinese_number(n): n for n in range(1, 100)}
DOC_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])[〔\[［(（【{｛〈](?P<year>(?:19|20)\d{2})"
                        r"[〕\]］)）】}｝〉]第?(?P<num>\d+)号")
ISSUER_CODE = re.compile(r"[\u4e00-\u9fff]{1,8}$")
CITING = ("根据", "按照", "依据", "依照", "参照", "对照", "执行", "贯彻", "见", "据", "经", "和", "及", "与")
HALF_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）",
              ".": "。", '"': "“”"}
HALF_WIDTH_MARK = re.compile("[" + re.escape("".join(HALF_WIDTH)) + "]")
PLACEHOLDER_MARK = re.compile(r"[×XxＸｘ*＊○{}%#\[［【（(]")  # a placeholder needs one of these
PLACEHOLDER = re.compile(r"×{2,}|(?<!\w)×|×(?!\w)|(?<=第)×|×(?=[年月日号时分条款项章节届])"
                         r"|(?<![A-Za-z])(?:X{2,}|x{2,})(?![A-Za-z])"
                         r"|[Ｘｘ]{2,}|\*{2,}|＊{2,}|○{2,}|\{\{|\}\}|\{%|%\}|\{#|#\}"
                         r"|[（(][\s\u3000]*[）)]")
# A single × between two words or numbers is a multiplication (3×4, 长×宽) unless it stands for
# a number (第×条, ×月×日). Brackets hold a blank when they hold nothing, only marks, or the name
# of what belongs there ([日期] 【发文单位】); a label such as 【重要】 or a citation [1] is text.
BRACKETED = re.compile(r"[\[［【](?P<inside>[^\[\]［］【】]{0,12})[\]］】]")
BLANK_INSIDE = re.compile(r"[\s\u3000×XxＸｘ_＿…·.○*＊]*"
                          r"|.*(?:日期|时间|名称|单位|部门|机关|姓名|地点|内容|金额|数量|文号|标题"
                          r"|填写|填入|待定|待填|联系人|负责人|电话).*")


@dataclass(frozen=True)
class TextFault:
    """One departure in a text: the rule, whether it is an error (else a warning), the message,
    and where in the text it starts."""

    rule: str
    serious: bool
    message: str
    start: int = 0


def text_faults(text: str) -> list[TextFault]:
    """Every fault of ``text`` under every rule, rule by rule."""
    return [fault for rule in RULES for fault in rule(text)]


def dates(text: str) -> list[TextFault]:
    """2024年3月5日: Arabic numerals, four-digit year, no leading zeros, a day that exists."""
    found = []
    if "年" in text:  # most texts have no date: look no further
        found += [_arabic_date(m) for m in ARABIC_DATE.finditer(text)]
        found += [_chinese_date(m) for m in CHINESE_DATE.finditer(text)]
    numeric = NUMERIC_DATE.finditer(text) if DIGITS_APART.search(text) else ()
    found += [_numeric_date(m) for m in numeric]
    return [f for f in found if f is not None]


def _chinese_date(found: re.Match) -> TextFault:
    """二〇二四年三月五日 is written 2024年3月5日; a day that does not exist is said to be missing,
    not rewritten in figures (二〇二四年二月三十日 is no 2024年2月30日 either)."""
    year, month, day = found[1].translate(YEAR_DIGITS), found[2], found[3]
    if not _exists(int(year), CHINESE_NUMBERS.get(month, 0), CHINESE_NUMBERS.get(day, 0) if day else 1):
        return TextFault("text.date", True, f"日期“{found[0]}”不存在", found.start())
    return TextFault("text.date", True, f"日期“{found[0]}”应写作“{chinese_date_read(found)}”",
                     found.start())


def _numeric_date(found: re.Match) -> TextFault:
    """2024-03-05 is better written 2024年3月5日 (a warning); 2024-02-30 does not exist (an error)."""
    year, month, day = int(found[1]), int(found[3]), int(found[4])
    if not _exists(year, month, day):
        return TextFault("text.date", True, f"日期“{found[0]}”不存在", found.start())
    return TextFault("text.date", False, f"日期“{found[0]}”宜写作“{year}年{month}月{day}日”",
                     found.start())


def _arabic_date(found: re.Match) -> TextFault | None:
    year, month, day = found[1], found[2], found[3]
    if len(year) == 2:
        return TextFault("text.date", True, f"日期“{found[0]}”应写全四位年份",
                         found.start()) if day else None
    if not _exists(int(year), int(month), int(day or 1)):
        return TextFault("text.date", True, f"日期“{found[0]}”不存在", found.start())
    if month.startswith("0") or (day or "").startswith("0"):
        right = f"{year}年{int(month)}月" + (f"{int(day)}日" if day else "")
        return TextFault("text.date", True, f"日期“{found[0]}”应写作“{right}”", found.start())
    return None


def doc_numbers(text: str) -> list[TextFault]:
    """机关代字〔2024〕12号: 六角括号, no 第, no leading zeros."""
    faults = []
    for m in DOC_NUMBER.finditer(text) if "号" in text else ():
        right = f"〔{m['year']}〕{int(m['num'])}号"
        if m[0] != right:
            code = issuer_code(text[:m.start()])
            faults.append(TextFault("text.doc_number", True, f"发文字号“{code}{m[0]}”应写作“{code}{right}”",
                                    m.start() - len(code)))
    return faults


def issuer_code(before: str) -> str:
    """The 机关代字 that ends ``before`` (揭委发 in “根据揭委发”), without a citing word before it."""
    found = ISSUER_CODE.search(before)
    code = found[0] if found else ""
    for word in CITING:
        if code.startswith(word) and len(code) > len(word) + 1:
            return code[len(word):]
    return code


def punctuation(text: str) -> list[TextFault]:
    """Half-width , ; : ? ! ( ) " beside a Chinese character, or . right after one."""
    spots = [m.start() for m in HALF_WIDTH_MARK.finditer(text) if _beside_chinese(text, m.start())]
    if not spots:
        return []
    i = spots[0]
    more = f"（共{len(spots)}处）" if len(spots) > 1 else ""
    return [TextFault("text.punctuation", True, f"中文中用了半角标点：“{text[max(0, i - 2):i + 3]}”"
                      f"中的“{text[i]}”应为“{HALF_WIDTH[text[i]]}”{more}", i)]


def placeholders(text: str) -> list[TextFault]:
    """××, XX, xxx, **, {{, {% or {# (a template's tag or comment) or a blank in brackets ([日期],
    【发文单位】) left where a real value belongs."""
    found = _placeholder_spots(text) if PLACEHOLDER_MARK.search(text) else []
    if not found:
        return []
    more = f"（共{len(found)}处）" if len(found) > 1 else ""
    return [TextFault("text.placeholder", True, f"残留占位符“{found[0][0]}”，应填入实际内容{more}",
                      found[0].start())]


def _placeholder_spots(text: str) -> list[re.Match]:
    """Every placeholder of ``text`` in the order they stand."""
    blanks = [m for m in BRACKETED.finditer(text) if BLANK_INSIDE.fullmatch(m["inside"])
              and not m["inside"].strip().isdigit()]
    spots: list[re.Match] = []
    for spot in sorted([*blanks, *PLACEHOLDER.finditer(text)], key=lambda m: m.start()):
        if not spots or spot.start() >= spots[-1].end():  # [××] is one placeholder, not two
            spots.append(spot)
    return spots


RULES = (dates, doc_numbers, punctuation, placeholders)


def chinese_date_read(found: re.Match) -> str:
    """二○一三年六月八日 (a CHINESE_DATE match) as 2013年6月8日."""
    year = found[1].translate(YEAR_DIGITS)
    month, day = CHINESE_NUMBERS.get(found[2], 0), CHINESE_NUMBERS.get(found[3] or "", 0)
    return f"{year}年{month}月" + (f"{day}日" if found[3] else "")


def is_han(char: str) -> bool:
    """A Chinese character (CJK unified ideographs and extension A)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


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
