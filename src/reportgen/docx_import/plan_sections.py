"""The two sections of a 方案 that are more than text: 阶段安排 (第一阶段：名称（时间）。… or
（一）名称阶段（时间）) and 领导小组 (组　长：…, 副组长：…, 成　员：…), recognised only where reportgen
writes the same text back; anything else stays text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..chinese.dates import Month, date_range, period_key
from ..chinese.numerals import chinese_number
from .body_outline import Point

HAN = "一二三四五六七八九十"
STAGE_LINE = re.compile(rf"^(?P<label>第(?P<a>[{HAN}]+)(?:阶段|步)|活动(?P<b>[{HAN}]+|\d{{1,2}}))[：:]"
                        r"(?P<name>[^（）。]+?)(?:（(?P<period>[^（）]+)）)?(?:。(?P<text>.*))?$")
PERIOD = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?"
                    r"(?:至(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})日)?)?")
NAME_LINE = re.compile(r"^(组\s*长|副\s*组\s*长|成\s*员|办公室主任)[：:]\s*(\S.*)$")
ROLE_KEYS = {"组长": "组长", "副组长": "副组长", "成员": "成员", "办公室主任": "主任"}
CONTINUED = re.compile(r"^[\u3000 ]{2,}(\S.*)$")
GROUP_NAME = re.compile(r"^成立(?P<name>.+)，组成人员如下：$")


@dataclass
class Stages:
    """阶段安排 as the YAML writes it: intro text, 格式 and the stages (mappings)."""

    text: list[str]
    form: str
    stages: list[dict]


def labelled_stages(point: Point, year: int | None) -> Stages | None:
    """第一阶段：名称（时间）。内容 paragraphs (活动一：…, 第一步：…) in a section without items."""
    if point.items or point.rows is not None:
        return None
    found = [(i, STAGE_LINE.match(t.strip())) for i, t in enumerate(point.text)]
    starts = [(i, m) for i, m in found if m]
    if not starts or point.run_in:
        return None
    form = _form(starts[0][1])
    stages = []
    for n, (i, match) in enumerate(starts, 1):
        end = starts[n][0] if n < len(starts) else len(point.text)
        if not _fits(match, form, n):
            return None
        text = ([match["text"]] if match["text"] else []) + point.text[i + 1:end]
        if not match["text"] and len(text) > 0:
            return None  # a stage line without 。 is a heading line: its text would run into it
        stages.append({"名称": match["name"], **_period(match["period"], year),
                       **({"内容": text} if text else {})})
    return Stages(point.text[:starts[0][0]], form, stages)


def _form(match: re.Match) -> str:
    number = match["a"] or match["b"]
    return match["label"].replace(number, "1" if number.isdigit() else "一", 1)


def _fits(match: re.Match, form: str, n: int) -> bool:
    """Stage ``n`` labelled as ``form`` numbers it, and its name keeps its 阶段 when printed."""
    label = form.replace("一", chinese_number(n), 1) if "一" in form else form.replace("1", str(n), 1)
    name = match["name"]
    return (match["label"] == label and match.group(0)[len(label)] == "："
            and not (label.endswith("阶段") and name.endswith("阶段")) and name == name.strip())


def heading_stages(point: Point, year: int | None) -> Stages | None:
    """（一）名称阶段（时间） headings, each with its text and items."""
    if not point.items or point.rows is not None:
        return None
    stages = []
    for item in point.items:
        match = re.fullmatch(r"(?P<name>[^（）]*阶段)(?:（(?P<period>[^（）]+)）)?", item.title or "")
        if item.form != 2 or match is None or item.run_in or item.rows is not None or item.notes:
            return None
        stages.append({"名称": match["name"], **_period(match["period"], year),
                       "内容": item.text, "条目": item.items})
    return Stages(point.text, "heading", stages) if stages else None


def _period(period: str | None, year: int | None) -> dict:
    """开始/结束 where the period is plain dates reportgen prints back as written; else 时间."""
    if not period:
        return {}
    found = PERIOD.fullmatch(period)
    if found is None or year is None:
        return {"时间": period}
    y1, m1, d1, y2, m2, d2 = found.groups()
    start_year = int(y1 or year)
    try:
        start = _when(start_year, int(m1), d1)
        end = _when(int(y2 or start_year), int(m2 or m1), d2) if "至" in period else start
    except ValueError:
        return {"时间": period}
    if type(start) is not type(end) or date_range(start, end) != period or \
            period_key(end, True) < period_key(start):
        return {"时间": period}
    return {"开始": _written(start), "结束": _written(end)}


def _when(year: int, month: int, day: str | None) -> date | Month:
    if day is None:
        if not 1 <= month <= 12:
            raise ValueError(month)
        return Month(year, month)
    return date(year, month, int(day))


def _written(when: date | Month) -> str:
    return when.isoformat() if isinstance(when, date) else f"{when.year}-{when.month:02d}"


def leading_group(point: Point) -> tuple[list[str], dict] | None:
    """The section's text before its 领导小组 list and the group (名称, 组长 …, 办公室); None when
    the text holds no 组长/副组长/成员 lines that reportgen would print as they stand."""
    lines = point.text
    first = next((i for i, t in enumerate(lines) if NAME_LINE.match(t)), None)
    if first is None or point.rows is not None:
        return None
    named = GROUP_NAME.match(lines[first - 1]) if first else None
    people: dict[str, list[str]] = {}
    role, office = "", []
    for line in lines[first:]:
        label, more = NAME_LINE.match(line), CONTINUED.match(line)
        if label:
            role = _role(label[1])
            if role in people and role != "主任" or (office and role != "主任"):
                return None
            people.setdefault(role, []).append(_unpadded(label[2]))
        elif more and role in ("组长", "副组长", "成员") and not office:
            people[role].append(_unpadded(more[1]))
        elif "主任" not in people:
            office.append(line)
        else:
            return None
    group = {"名称": named["name"]} if named else {}
    return lines[:first - 1] if named else lines[:first], _group(group, people, office)


def _role(label: str) -> str:
    return ROLE_KEYS[re.sub(r"\s", "", label)]


def _group(group: dict, people: dict, office: list[str]) -> dict:
    for key in ("组长", "副组长", "成员"):
        if key in people:
            group[key] = people[key] if len(people[key]) > 1 else people[key][0]
    if office or "主任" in people:
        group["办公室"] = {"内容": office, **({"主任": people["主任"]} if "主任" in people else {})}
    return group


def _unpadded(person: str) -> str:
    """李　明　副局长 → 李明　副局长: reportgen pads a two-character name again."""
    found = re.fullmatch(r"([\u4e00-\u9fff])\u3000([\u4e00-\u9fff])((?:\u3000.*)?)", person)
    return f"{found[1]}{found[2]}{found[3]}" if found else person
