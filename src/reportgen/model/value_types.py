"""Value types shared by the YAML model: paragraphs, name lists, dates, 发文字号, yes/no."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from ..chinese.dates import Month, date_parts, month_parts
from ..chinese.doc_numbers import DOC_NUMBER, LOOSE_DOC_NUMBER
from ..chinese.text_rules import CHINESE_DATE, chinese_date_read
from ..chinese.widths import is_wide

BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
# YAML reads only true/false as yes/no (load/yaml_limits.py); the other spellings are text to it.
YES = {"是", "有", "需要", "用印", "盖章", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"}
NO = {"否", "无", "不", "不需要", "不用印", "no", "No", "NO", "off", "Off", "OFF", "false", "False",
      "FALSE"}


def join_lines(text: str) -> str:
    """Join the lines of one paragraph: no space beside Chinese text, one space between Latin words."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        sep = "" if is_wide(out[-1]) or is_wide(line[0]) else " "
        out += sep + line
    return out


def _paragraphs(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        return [join_lines(p) for p in BLANK_LINE.split(value.strip()) if p.strip()]
    if isinstance(value, list):
        return [join_lines(v) if isinstance(v, str) else v for v in value]
    return value


def _names(value: Any) -> Any:
    if value is None:
        return []
    return [value] if isinstance(value, (str, int, float)) else value


def parse_date(value: Any) -> Any:
    """Accept 2024-10-17, 2024/10/17, 2024.10.17 and 2024年10月17日; reject impossible dates."""
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    found = date_parts(text)
    if found:
        year, month, day = found
        try:
            return date(year, month, day)
        except ValueError:
            raise PydanticCustomError(
                "date", "日期不存在：{text}", {"text": f"{year}年{month}月{day}日"}
            ) from None
    raise PydanticCustomError(
        "date", "日期格式应为 2024-10-17 或 2024年10月17日，实际为“{text}”{hint}",
        {"text": text, "hint": _read_as(text)})


def _read_as(text: str) -> str:
    """（即 2013-06-08） for a date written in Chinese numerals, such as 二○一三年六月八日."""
    found = CHINESE_DATE.fullmatch(text)
    if not found or not found[3]:
        return ""
    year, month, day = (int(n) for n in re.findall(r"\d+", chinese_date_read(found)))
    return f"（即 {year:04d}-{month:02d}-{day:02d}）"


def parse_day_or_month(value: Any) -> Any:
    """A day as parse_date reads it, or a whole month: 2024-12, 2024/12, 2024年12月."""
    if isinstance(value, float):  # 2024.10 read by YAML as the number 2024.1: not a month
        raise PydanticCustomError("date", "“{text}”被读作数字：月份请写作 2024-10 或 2024年10月",
                                  {"text": value})
    found = month_parts(str(value).strip()) if isinstance(value, (str, int)) else None
    if found is None:
        return parse_date(value)
    if not 1 <= found[1] <= 12:
        raise PydanticCustomError("date", "月份不存在：{text}", {"text": f"{found[0]}年{found[1]}月"})
    return Month(*found)


def check_doc_number(value: Any) -> Any:
    """发文字号 must read 机关代字〔2024〕12号; suggest the corrected form when it is close."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)  # read as text like every value, so a bare 12 is checked too
    if not isinstance(value, str) or DOC_NUMBER.match(value.strip()):
        return value.strip() if isinstance(value, str) else value
    loose = LOOSE_DOC_NUMBER.match(value.strip())
    hint = f"；是否想写“{loose['code']}〔{loose['year']}〕{loose['num']}号”？" if loose else ""
    raise PydanticCustomError(
        "doc_number",
        "发文字号应写作“机关代字〔年份〕序号号”，用六角括号〔〕、不加“第”、序号不补零，"
        "如“×政发〔2024〕12号”{hint}",
        {"hint": hint},
    )


def _yes_no(value: Any) -> Any:
    if isinstance(value, str) and value.strip() in YES:
        return True
    if isinstance(value, str) and value.strip() in NO:
        return False
    return value


ORDINAL_FORMS = {"一、": 1, "（一）": 2, "(一)": 2, "1.": 3, "1．": 3, "（1）": 4, "(1)": 4}


def ordinal_levels(value: Any) -> Any:
    """序号: the forms of the nesting levels in order (一、（一）1.（1）), as levels 1–4.

    YAML reads a bare 1. as the number 1.0, which can only mean the form 1.
    """
    if not isinstance(value, list):
        value = [value]
    texts = ["1." if f in (1, 1.0) and not isinstance(f, bool) else str(f).strip() for f in value]
    wrong = [t for t in texts if t not in ORDINAL_FORMS]
    if wrong or not texts:
        raise PydanticCustomError("ordinals", "序号的写法应为 一、 （一） 1. （1） 之一，实际为“{text}”",
                                  {"text": wrong[0] if wrong else ""})
    levels = [ORDINAL_FORMS[t] for t in texts]
    if any(b <= a for a, b in zip(levels, levels[1:], strict=False)):
        raise PydanticCustomError("ordinals", "序号的层次只能依次向下（一、（一）1.（1），可以跳过，"
                                  "不能倒过来或重复），实际为“{text}”", {"text": " ".join(texts)})
    return levels


Paragraphs = Annotated[list[str], BeforeValidator(_paragraphs)]
Names = Annotated[list[str], BeforeValidator(_names)]
Date = Annotated[date, BeforeValidator(parse_date)]
DayOrMonth = Annotated[date | Month, BeforeValidator(parse_day_or_month)]
OrdinalLevels = Annotated[list[int], BeforeValidator(ordinal_levels)]
DocNumber = Annotated[str, BeforeValidator(check_doc_number)]
YesNo = Annotated[bool, BeforeValidator(_yes_no)]
