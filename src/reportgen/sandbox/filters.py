"""Placeholder filters for office writing: Chinese dates and numerals, 发文字号, lists, percentages.

Each filter has an English and a Chinese name (see FILTERS); a wrong input raises FilterError,
whose message is shown to the user with the location of the placeholder.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from jinja2 import Undefined

from ..chinese.dates import chinese_date, date_parts
from ..chinese.doc_numbers import DOC_NUMBER, LOOSE_DOC_NUMBER
from ..chinese.numerals import chinese_number
from ..chinese.written_numbers import number_text, read_number
from .printable import FilterError, shown, texts

__all__ = ["FILTERS", "FilterError"]
MAX_DIGITS = 30  # digits a filter formats: Excel keeps 15, money in 元 needs fewer than 20


def cn_date(value: Any) -> str:
    """2024-03-05, 2024/3/5 or a date → 2024年3月5日."""
    if isinstance(value, date):
        return chinese_date(value)
    found = date_parts(str(value).strip())
    if found:
        try:
            return chinese_date(date(*found))
        except ValueError:
            pass
    raise FilterError(f"中文日期：无法识别日期{shown(value)}，应写作 2024-03-05")


def doc_number(code: Any, year: Any = None, number: Any = None) -> str:
    """("区委发", 2024, 12) → 区委发〔2024〕12号; "区委发[2024]012号" → 区委发〔2024〕12号."""
    if year is not None and number is not None:
        return f"{str(code).strip()}〔{_whole(year, '年份')}〕{_whole(number, '序号')}号"
    found = DOC_NUMBER.match(str(code).strip()) or LOOSE_DOC_NUMBER.match(str(code).strip())
    if not found:
        raise FilterError(f"发文字号：无法识别{shown(code)}，应写作 发文字号(代字, 年份, 序号)")
    return f"{found['code']}〔{found['year']}〕{_whole(found['num'], '序号')}号"


def cn_number(value: Any) -> str:
    """12 → 十二, 105 → 一百零五: Chinese numerals for ordinal and counting words."""
    n = _whole(value, "中文数字")
    try:
        return chinese_number(n)
    except ValueError:
        raise FilterError(f"中文数字：{value} 超出范围（0 至 99999999）") from None


def cn_ordinal(value: Any) -> str:
    """3 → 第三."""
    return f"第{cn_number(value)}"


def approx(value: Any) -> str:
    """12 → 十余, 326 → 三百余, 300 → 三百, 8 → 八: the leading figure, as in “十余场”."""
    n = _whole(value, "约数")
    if n < 10:
        return cn_number(n)
    magnitude = 10 ** (len(str(n)) - 1)
    lead = n // magnitude * magnitude
    return cn_number(lead) + ("余" if n > lead else "")


def join_dun(values: Any) -> str:
    """[甲, 乙, 丙] → 甲、乙、丙."""
    return "、".join(texts(values, "顿号"))


def enumerate_cn(values: Any) -> str:
    """[甲, 乙, 丙] → 甲、乙和丙; [甲, 乙] → 甲和乙."""
    items = texts(values, "列举")
    return "、".join(items[:-1]) + "和" + items[-1] if len(items) > 1 else "".join(items)


def percent(value: Any, of: Any = None, digits: int = 1) -> str:
    """0.957 → 95.7%; 12 of 40 → 30%: rounded half up to ``digits`` decimals, trailing zeros dropped."""
    part = _decimal(value, "百分比")
    whole = None if of is None else _decimal(of, "百分比")
    if whole == 0:
        raise FilterError("百分比：分母为 0")
    places = _whole(digits, "百分比的小数位数")
    if not 0 <= places <= MAX_DIGITS:
        raise FilterError(f"百分比：小数位数应为 0 到 {MAX_DIGITS}")
    with localcontext() as exact:  # 30 digits over 0.000…1, times 100: 62 digits before the point
        exact.prec = 4 * MAX_DIGITS  # and 30 after
        share = part / whole if whole is not None else part
        rounded = (share * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{_trim(f'{rounded:f}')}%"


def thousands(value: Any) -> str:
    """12345 → 12,345; 1234.5 → 1,234.5."""
    number = _decimal(value, "千分位")
    places = max(-number.as_tuple().exponent, 0)
    return f"{number:,.{places}f}"


def _whole(value: Any, name: str) -> int:
    number = _decimal(value, name)
    if number != number.to_integral_value():
        raise FilterError(f"{name}：应为整数，实际为{shown(value)}")
    return int(number)


def _decimal(value: Any, name: str) -> Decimal:
    """A number, or text written as one (chinese/written_numbers.py: "1,234" but not "1,2,3"),
    of at most MAX_DIGITS digits."""
    if isinstance(value, Undefined):
        str(value)  # raises the error that names the missing value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        number = Decimal(number_text(value))
    elif isinstance(value, str) and value.strip().isdigit() and len(value.strip()) > MAX_DIGITS:
        raise FilterError(f"{name}：数字的位数超过 {MAX_DIGITS} 位")
    else:
        number = read_number(value) if isinstance(value, str) else None
    if number is None:
        raise FilterError(f"{name}：应为数字，实际为{shown(value)}")
    if len(number.as_tuple().digits) > MAX_DIGITS or abs(number.adjusted()) > MAX_DIGITS:
        raise FilterError(f"{name}：数字的位数超过 {MAX_DIGITS} 位")
    return number


def _trim(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


FILTERS = {
    ("cn_date", "中文日期"): cn_date,
    ("doc_number", "发文字号"): doc_number,
    ("cn_number", "中文数字"): cn_number,
    ("cn_ordinal", "序数"): cn_ordinal,
    ("approx", "约数"): approx,
    ("join_cn", "顿号"): join_dun,
    ("enumerate_cn", "列举"): enumerate_cn,
    ("percent", "百分比"): percent,
    ("thousands", "千分位"): thousands,
}
