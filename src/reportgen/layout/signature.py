"""署名 and 成文日期: where GB/T 9704 7.3.5 puts them, as places measured in 字 from the right
margin of the 版心.

The placement avoids depending on how wide the date's digits come out wherever it can:
unsealed (7.3.5.2), 署名 and 日期 are set flush left from computed starts, the date's 2 字 to the
right of the 署名's, so that offset is exact whatever the digits measure; sealed (7.3.5.1), the
date is set flush right 4 字 from the margin (exact), and the 署名 is centred on the date's middle,
which is the one place a width is needed. Widths count a Chinese character 1 字, a digit or Latin
letter ½, and ⅕ 字 where Chinese meets digits or Latin: the space LibreOffice always adds there
and Word adds with 中文与数字间距 on, which word/geometry.py turns on for these paragraphs. A joint
signature (联合行文) is written one organ a line: unsealed, the organs stand one under the other
from one start (主办机关 first), the date 2 字 right of it; sealed, each is centred over the date.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..chinese.dates import chinese_date
from ..chinese.widths import laid_width

Place = tuple[str, float]  # ("left", start) | ("right", end) | ("center", middle): 字 from the right margin


@dataclass(frozen=True)
class Signature:
    """署名 (organs one a line) and 成文日期 with their places, as GB/T 9704 7.3.5 sets them."""

    name: str = ""
    date: str = ""
    name_place: Place = ("right", 2)
    date_place: Place = ("right", 2)

    @property
    def lines(self) -> list[str]:
        return self.name.split("\n") if self.name else []


def signature(name: str, day, sealed: bool) -> Signature:
    """The places of 署名 and 成文日期: sealed 7.3.5.1 or unsealed 7.3.5.2."""
    lines = [line.strip() for line in name.splitlines() if line.strip()]
    date_text = chinese_date(day) if day else ""
    n, d = max(map(laid_width, lines), default=0), laid_width(date_text)
    joined = "\n".join(lines)
    if sealed:
        return Signature(joined, date_text, sealed_name(n, d), ("right", 4))
    if not lines or not date_text:
        return Signature(joined, date_text, ("right", 2), ("right", 2))
    start = 2 + n if n >= d else 4 + d  # a longer date stands 2 字 from the right instead
    return Signature(joined, date_text, ("left", start), ("left", start - 2))


def sealed_name(n: float, d: float) -> Place:
    """The 署名 centred over a date set 4 字 from the right; flush right if it is too long to be."""
    if not d:
        return ("right", 4)
    middle = 4 + d / 2
    return ("center", middle) if n <= 2 * middle else ("right", 0)
