"""Random valid reportgen documents, as plain data, with the words and ordinals the .docx must show.

The keys and the layout rules written here come from the documentation (docs/yaml-format.md), not from the
model, so that a model that drifts from its documentation is caught. Rendered forms the documentation
documents are expected as rendered: 阶段 added to or removed from a stage name, the punctuation
trimmed at the end of names in 附件说明, 主送机关 and 抄送, dates as 2024年3月5日, placeholders filled.
"""

from __future__ import annotations

import re

from elements_strategy import elements, placeholders
from hypothesis import strategies as st
from texts_strategy import DATE_FORMS, DATES, LINES, LONG_TABLE, PADS, WIDE_LISTS, Draft, Generated

# Numbers as people write them in a table: plain decimals (docs/yaml-format.md); 1e+16 is text.
DECIMALS = st.decimals(-10**9, 10**9, places=3, allow_nan=False, allow_infinity=False).map(float)
TITLE, TEXT, TABLE, ITEMS = ("title", "标题"), ("text", "内容"), ("table", "表格"), ("items", "条目")
PLAN_SECTIONS = (("guiding_ideology", "指导思想"), ("goals", "目标任务"), ("key_tasks", "工作重点"),
                 ("requirements", "工作要求"))
SUMMARY_SECTIONS = (("overview", "基本情况"), ("practices", "主要做法"), ("results", "取得成效"),
                    ("experience", "经验体会"), ("problems", "存在问题"), ("next_steps", "下步打算"))


def table(d: Draft) -> dict:
    """A table: unique column names, rows as lists or mappings, sometimes widths and a total."""
    columns = d.draw(st.lists(LINES, min_size=1, max_size=4, unique=True))
    d.shown += [("whole", c) for c in columns]
    numeric = [d.maybe(3) for _ in columns]
    rows = [_row(d, columns, numeric) for _ in range(d.count(0, 3, LONG_TABLE))]
    data = {d.key(("columns", "列")): columns, d.key(("rows", "行")): rows}
    if d.maybe(3):
        data[d.key(TITLE)] = d.text("whole")
    if d.maybe(3):
        data[d.key(("widths", "列宽"))] = d.draw(st.lists(
            st.integers(1, 20) | st.floats(0.5, 20), min_size=len(columns), max_size=len(columns)))
    if d.maybe(3):
        summed = [c for c, n in zip(columns, numeric, strict=True) if n]
        data[d.key(("total", "合计"))] = d.draw(st.sampled_from([True, "是", summed]))
    return data


def _row(d: Draft, columns: list[str], numeric: list[bool]):
    cells = [_cell(d, n) for n in numeric]
    return cells if d.maybe() else dict(zip(columns, cells, strict=True))


def _cell(d: Draft, numeric: bool):
    """A cell: text kept exactly as written (surrounding spaces too), a number, or empty."""
    if not numeric:
        return d.text("whole", st.tuples(PADS, LINES, PADS).map("".join) | st.sampled_from(["", " "]))
    value = d.draw(st.integers(-10**12, 10**12) | DECIMALS | st.none())
    d.shown.append(("whole", "" if value is None else str(value)))  # as written in the file
    return value


def item(d: Draft, level: int, number: int):
    """A numbered item at ``level`` (1–4): text only, or a mapping with 标题 and/or 内容 and more."""
    d.ordinals.append((level, number))
    if d.maybe(4):
        return d.paragraphs()
    data = {}
    parts = d.draw(st.sampled_from(["title", "text", "title text"]))
    if "title" in parts:
        data[d.key(TITLE)] = d.text("part" if level >= 3 else "tail")
    if "text" in parts:
        data[d.key(TEXT)] = d.paragraphs()
    _table_and_items(d, data, level)
    return data


def _table_and_items(d: Draft, data: dict, level: int) -> None:
    if d.maybe(5):
        data[d.key(TABLE)] = table(d)
    if level < 4 and d.maybe(3):
        data[d.key(ITEMS)] = items(d, level + 1)


def items(d: Draft, level: int, min_size: int = 1) -> list:
    """Items numbered at ``level``, from 1."""
    return [item(d, level, n) for n in range(1, d.count(min_size) + 1)]


def section(d: Draft, number: int, titled: bool = False):
    """A numbered section (一、): text alone, or a mapping with text, a table and/or items."""
    d.ordinals.append((1, number))
    if not titled and d.maybe(4):
        return d.paragraphs()
    data = {d.key(TITLE): d.text("tail")} if titled or d.maybe(3) else {}
    return {**data, **_body(d, 2)}


def stages(d: Draft, number: int) -> dict | list:
    """阶段安排: stages as headings (（一）…阶段) or phases (第一阶段：…), with periods and items."""
    d.ordinals.append((1, number))
    phase = d.maybe()
    count = d.count(1)
    listed = [_stage(d, n, phase) for n in range(1, count + 1)]
    if not phase and d.maybe(3):
        return listed
    data = {d.key(("format", "格式")): d.draw(st.sampled_from(
        ["phase", "第一阶段"] if phase else ["heading", "（一）", "标题"])), d.key(ITEMS): listed}
    if d.maybe():
        data[d.key(TEXT)] = d.paragraphs()
    return data


def _stage(d: Draft, number: int, phase: bool) -> dict:
    d.ordinals.append((2, number))
    if phase:
        name = d.text(shown=lambda n: n.removesuffix("阶段"))
    else:
        name = d.text(shown=lambda n: n if n.endswith("阶段") else f"{n}阶段")
    data = {d.key(("name", "名称")): name}
    if d.maybe():
        data[d.key(("period", "时间"))] = d.text(shown=lambda t: f"（{t}）")
    elif d.maybe():
        data.update(_dates(d))
    if d.maybe():
        data[d.key(TEXT)] = d.paragraphs()
    if d.maybe(3):
        data[d.key(ITEMS)] = items(d, 3)
    return data


def _dates(d: Draft) -> dict:
    """开始 and 结束, shown as the documentation says: （3月5日至20日）, （3月5日至4月2日）, with years,
    or （3月5日） for one day."""
    start, end = sorted(d.draw(st.lists(DATES, min_size=2, max_size=2)))
    if start == end:
        shown = f"{start.month}月{start.day}日"
    elif start.year != end.year:
        shown = f"{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日"
    elif start.month != end.month:
        shown = f"{start.month}月{start.day}日至{end.month}月{end.day}日"
    else:
        shown = f"{start.month}月{start.day}日至{end.day}日"
    d.shown.append(("part", f"（{shown}）"))
    form = d.draw(st.sampled_from(DATE_FORMS))
    return {d.key(("start", "开始")): form.format(y=start.year, m=start.month, d=start.day),
            d.key(("end", "结束")): form.format(y=end.year, m=end.month, d=end.day)}


def padded(person: str) -> str:
    """A name of two Chinese characters before the rest is printed in three: 李明 局长 → 李　明 局长."""
    name = re.match(r"\S*", person)[0]
    if len(name) == 2 and all("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in name):
        return f"{name[0]}\u3000{name[1]}{person[2:]}"
    return person


def leadership(d: Draft, number: int) -> dict:
    """组织领导 with a 领导小组 (name, people, 办公室), and sometimes text and items."""
    d.ordinals.append((1, number))
    group = {}
    if d.maybe():
        group[d.key(("name", "名称"))] = d.text()
    for spellings in (("leader", "组长"), ("deputies", "副组长"), ("members", "成员")):
        if d.maybe():
            people = [d.text("tail", shown=padded) for _ in range(d.draw(st.integers(1, 3)))]
            group[d.key(spellings)] = people if len(people) > 1 or d.maybe() else people[0]
    if d.maybe(3):
        group[d.key(("office", "办公室"))] = d.paragraphs()
    data = {d.key(("group", "领导小组")): group}
    if d.maybe():
        data[d.key(TEXT)] = d.paragraphs()
    if d.maybe():
        data[d.key(ITEMS)] = items(d, 2)
    return data


def body(d: Draft, kind: str) -> dict:
    """The numbered body sections, named and free (正文), in a drawn order."""
    named = PLAN_SECTIONS + (("stages", "阶段安排"), ("leadership", "组织领导")) \
        if kind == "plan" else SUMMARY_SECTIONS
    chosen = d.draw(st.lists(st.sampled_from([*named, ("sections", "正文")]), unique=True,
                             max_size=4))
    data, number = {}, 0
    for spellings in chosen:
        if spellings[0] == "sections":
            count = d.count(1)
            data[d.key(spellings)] = [section(d, number + n, True) for n in range(1, count + 1)]
            number += count
            continue
        number += 1
        makers = {"stages": stages, "leadership": leadership}
        data[d.key(spellings)] = makers.get(spellings[0], section)(d, number)
    return data


def attachments(d: Draft) -> list:
    """附件: names alone, or titled attachments with their own pages."""
    entries = []
    for _ in range(d.draw(st.integers(1, 5))):
        title = d.text("tail", shown=lambda t: t.rstrip("。，；.,;"))
        if d.maybe():
            entries.append(title)
            continue
        d.shown.append(("whole", title))
        d.ordinals.append("附件")
        entries.append({d.key(TITLE): title, **_body(d, 1)})
    return entries


def _body(d: Draft, level: int) -> dict:
    """Text, a table and/or items whose numbering starts at ``level``, at least one of them."""
    data = {}
    parts = d.draw(st.sets(st.sampled_from("tbi"), min_size=1))
    if "t" in parts:
        data[d.key(TEXT)] = d.paragraphs()
    if "b" in parts:
        data[d.key(TABLE)] = table(d)
    if "i" in parts:
        data[d.key(ITEMS)] = items(d, level)
    return data


@st.composite
def documents(draw, kind: str | None = None, wide: bool = True) -> Generated:
    """A valid 方案 or 总结, keys in English, Chinese or both, and what its .docx must show;
    without ``wide`` lists and tables (Draft.count), for properties that convert to PDF."""
    d = Draft(draw, draw(st.sampled_from(["e", "z", "mixed"])), WIDE_LISTS if wide else 0)
    kind = kind or draw(st.sampled_from(["plan", "summary"]))
    data = {}
    if d.maybe():
        data[d.key(("type", "文种"))] = draw(st.sampled_from(
            ["summary", "总结", " 总结 "] if kind == "summary" else ["plan", "方案"]))
    data[d.key(TITLE)] = d.text("whole")
    if d.maybe(5):
        data[d.key(("template", "模板"))] = draw(st.sampled_from(["plan", "summary"]))
    data.update(elements(d))
    if d.maybe():
        data[d.key(("preamble", "开头"))] = d.paragraphs()
    data.update(body(d, kind))
    if d.maybe(4):
        quoted, data[d.key(("closing", "结尾"))] = placeholders(d)
        data.update(quoted)
    elif d.maybe(3):
        data[d.key(("closing", "结尾"))] = d.paragraphs()
    if d.maybe(3):
        data[d.key(("attachments", "附件"))] = attachments(d)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "gb18030"]))
    return Generated(data, kind, d.shown, d.ordinals, encoding)
