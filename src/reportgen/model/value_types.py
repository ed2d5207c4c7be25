"""Value types shared by the YAML model: paragraphs, name lists, dates, 发文字号, yes/no."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from ..chinese.dates import date_parts
from ..chinese.doc_numbers import DOC_NUMBER, LOOSE_DOC_NUMBER
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
        "date", "日期格式应为 2024-10-17 或 2024年10月17日，实际为“{text}”", {"text": text}
    )


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


Paragraphs = Annotated[list[str], BeforeValidator(_paragraphs)]
Names = Annotated[list[str], BeforeValidator(_names)]
Date = Annotated[date, BeforeValidator(parse_date)]
DocNumber = Annotated[str, BeforeValidator(check_doc_number)]
YesNo = Annotated[bool, BeforeValidator(_yes_no)]
