"""Random invalid reportgen files: valid documents broken in one place, and files that are no YAML.

Each comes with ``surely``: True when the break makes the file invalid whatever was drawn (a
required key removed, a mapping where text belongs …); False when the file may happen to stay
valid (a cut or an inserted character at a random place), where only "no other exception" holds.
"""

from __future__ import annotations

import codecs
import copy
from dataclasses import dataclass

from documents_strategy import Generated, documents
from hypothesis import strategies as st
from texts_strategy import yaml_text

FREE = {"vars", "变量", "unit", "单位"}  # top-level keys whose mappings take any keys and values
UNKNOWN_KEYS = ("未知键", "titel", "标 题", "Title", "内 容", "条木", "itmes", "x")
BAD_DATES = ("2024-02-30", "2024-13-01", "明天", "2024年", "20240305", "2024-3-5 10:00", 20240305,
             "3月5日", "2024-03-05-01", True)
BAD_DOC_NUMBERS = ("城委发[2024]012号", "城委发〔2024〕第12号", "12号", "城委发〔24〕12号", 2024)
BROKEN_PLACEHOLDERS = ("{{ 变量.不存在 }}", "{{ 1 +", "{% if %}", "{{ ''.__class__ }}", "{{ 指标.x }}",
                       "{{ 单位.名称 }", "{{ 1 / 0 }}", "{{ none }}", "{% for x in 1 %}{{ x }}{% endfor %}")
NOT_MAPPINGS = ("", "   \n", "---\n", "~\n", "null\n", "[]\n", "- 标题: x\n", "标题\n", "123\n",
                "'标题: x'\n", "\ufeff")
JUNK = ('"', "'", "[", "{", ": ", "- ", "\n  x", "&a ", "*a ", "!!", "%", "@", "`", "\t", "\n\t- x",
        "? ", "|", ">", "\n---\n", "\n...\n", "&a [*a]", "\x80", "\x9f")
BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass
class Broken:
    """A file to validate: its bytes, what was done to it, and whether it is certainly invalid."""

    raw: bytes
    how: str
    surely: bool


def nodes(data, path: tuple = ()) -> list[tuple]:
    """Every path below ``data`` (keys and list indexes), except inside 单位 and 变量."""
    if isinstance(data, dict):
        children = [(k, v) for k, v in data.items() if path or k not in FREE]
    elif isinstance(data, list):
        children = list(enumerate(data))
    else:
        return []
    return [p for k, v in children for p in [(*path, k), *nodes(v, (*path, k))]]


def at(data, path: tuple):
    """The value at ``path``."""
    for part in path:
        data = data[part]
    return data


def mappings(data) -> list[tuple]:
    """The paths of the mappings to break (the document itself is ``()``)."""
    return [()] + [p for p in nodes(data) if isinstance(at(data, p), dict)]


@st.composite
def broken_data(draw) -> Broken:
    """A valid document with one mistake in its data, written as YAML."""
    generated: Generated = draw(documents())
    data = copy.deepcopy(generated.data)
    name = draw(st.sampled_from(sorted(MISTAKES)))
    mistake, surely = MISTAKES[name]
    how = mistake(draw, data)
    return Broken(yaml_text(data).encode("utf-8"), f"{name}: {how}", surely)


def _unknown_key(draw, data) -> str:
    path = draw(st.sampled_from(mappings(data)))
    mapping = at(data, path)
    key = draw(st.sampled_from([k for k in UNKNOWN_KEYS if k not in mapping]))
    mapping[key] = draw(st.sampled_from(["x", 1, None, [1], {"a": 1}]))
    return f"{key} at {path}"


def _replace(draw, data, values) -> str:
    paths = nodes(data)
    path = draw(st.sampled_from(paths))
    value = draw(values)
    at(data, path[:-1])[path[-1]] = value
    return f"{path} = {value!r}"


def _wrong_type(draw, data) -> str:
    return _replace(draw, data, st.just({"未知键": [1]}))


def _other_type(draw, data) -> str:
    return _replace(draw, data, st.sampled_from([123, 1.5, True, None, [], [[1]], "文本", {}]))


def _in_a_list(draw, data) -> str:
    paths = [p for p in mappings(data) if p]
    if not paths:
        return _wrong_type(draw, data)
    path = draw(st.sampled_from(paths))
    at(data, path[:-1])[path[-1]] = [at(data, path)]
    return f"[…] at {path}"


def _spelled(data, english: str, chinese: str) -> str:
    return english if any(isinstance(k, str) and k.isascii() for k in data) else chinese


def _no_title(draw, data) -> str:
    data.pop("title", None)
    data.pop("标题", None)
    return "document"


def _no_columns(draw, data) -> str:
    tables = [p for p in mappings(data) if {"columns", "列"} & set(at(data, p))]
    if not tables:
        return _no_title(draw, data)
    table = at(data, draw(st.sampled_from(tables)))
    table.pop("columns", None)
    table.pop("列", None)
    return "table"


def _bad_date(draw, data) -> str:
    key = draw(st.sampled_from(["date", "成文日期", "printed_on", "印发日期"]))
    data.pop({"date": "成文日期", "成文日期": "date", "printed_on": "印发日期",
              "印发日期": "printed_on"}[key], None)
    data[key] = draw(st.sampled_from(BAD_DATES))
    return f"{key}: {data[key]!r}"


def _bad_number(draw, data) -> str:
    tables = [p for p in mappings(data) if {"columns", "列"} & set(at(data, p))]
    if not tables or draw(st.booleans()):
        data.pop("metrics", None)
        data["指标"] = {"甲": draw(st.sampled_from(["xxx", "", None, [1], "1e", "∞"]))}
        return f"指标: {data['指标']}"
    table = at(data, draw(st.sampled_from(tables)))
    columns = table.get("columns", table.get("列"))
    widths = draw(st.sampled_from([["宽"] * len(columns), [-1] * len(columns), [0] * len(columns),
                                   [1] * (len(columns) + 1)]))
    table.pop("widths", None)
    table["列宽"] = widths
    return f"列宽: {widths}"


def _too_deep(draw, data) -> str:
    deep = "第五层"
    for _ in range(5):
        deep = {"标题": "一层", "条目": [deep]}
    data[_spelled(data, "requirements", "工作要求")] = {"条目": [deep]}
    return "five levels of items"


def _red_header_alone(draw, data) -> str:
    for key in ("issuer", "发文机关", "issuer_mark", "发文机关标志", "red_header", "红头"):
        data.pop(key, None)
    data["红头"] = draw(st.sampled_from([True, "是"]))
    return "红头 without 发文机关"


def _bad_doc_number(draw, data) -> str:
    data.pop("doc_number", None)
    data["发文字号"] = draw(st.sampled_from(BAD_DOC_NUMBERS))
    return f"发文字号: {data['发文字号']!r}"


def _both_spellings(draw, data) -> str:
    data["标题" if "title" in data else "title"] = "又一个标题"
    return "title and 标题"


def _bad_stage(draw, data) -> str:
    stage = draw(st.sampled_from([{"名称": "甲", "时间": "3月", "开始": "2024-03-01", "结束": "2024-03-09"},
                                  {"名称": "甲", "开始": "2024-03-09", "结束": "2024-03-01"},
                                  {"名称": "甲", "开始": "2024-03-09"}, {"时间": "3月"}]))
    data.pop("stages", None)
    data["阶段安排"] = [stage]
    return f"阶段安排: {stage}"


def _empty_section(draw, data) -> str:
    key = draw(st.sampled_from(["指导思想", "goals", "基本情况", "results", "正文"]))
    data[key] = draw(st.sampled_from([None, {}, {"标题": "只有标题"}, [] if key != "正文" else None]))
    return f"{key}: {data[key]!r}"


def _bad_kind(draw, data) -> str:
    data.pop("type", None)
    data["文种"] = draw(st.sampled_from(["通知", "report", 1, ["方案"]]))
    return f"文种: {data['文种']!r}"


def _placeholder(draw, data) -> str:
    texts = [p for p in nodes(data) if isinstance(at(data, p), str)]  # the title at least
    path, value = draw(st.sampled_from(texts)), draw(st.sampled_from(BROKEN_PLACEHOLDERS))
    at(data, path[:-1])[path[-1]] = value
    return f"{path} = {value!r}"


def _bad_row(draw, data) -> str:
    rows = [p for p in nodes(data) if len(p) > 1 and p[-2] in ("rows", "行") and isinstance(at(data, p), list)]
    if not rows:
        return _wrong_type(draw, data)
    path = draw(st.sampled_from(rows))
    at(data, path).append("多余的格")
    return f"extra cell at {path}"


MISTAKES = {  # name → (mistake, certainly invalid)
    "unknown key": (_unknown_key, True), "wrong type": (_wrong_type, True),
    "other type": (_other_type, False), "mapping in a list": (_in_a_list, True),
    "no title": (_no_title, True), "no columns": (_no_columns, True), "bad date": (_bad_date, True),
    "bad number": (_bad_number, True), "too deep": (_too_deep, True),
    "red header alone": (_red_header_alone, True), "bad doc number": (_bad_doc_number, True),
    "both spellings": (_both_spellings, True), "bad stage": (_bad_stage, True),
    "empty section": (_empty_section, True), "bad kind": (_bad_kind, True),
    "placeholder": (_placeholder, True), "bad row": (_bad_row, True),
}


@st.composite
def broken_text(draw) -> Broken:
    """A valid document's YAML text broken in one place: cut, junk, tabs, tags, bytes."""
    text = yaml_text(draw(documents()).data)
    name = draw(st.sampled_from(sorted(TEXT_MISTAKES)))
    raw, how, surely = TEXT_MISTAKES[name](draw, text)
    return Broken(raw, f"{name}: {how}", surely)


def _cut(draw, text: str) -> tuple[bytes, str, bool]:
    at = draw(st.integers(0, len(text)))
    return text[:at].encode("utf-8"), f"at {at}", False


def _junk(draw, text: str) -> tuple[bytes, str, bool]:
    at, junk = draw(st.integers(0, len(text))), draw(st.sampled_from(JUNK))
    return (text[:at] + junk + text[at:]).encode("utf-8"), f"{junk!r} at {at}", False


def _tab(draw, text: str) -> tuple[bytes, str, bool]:
    lines = text.split("\n")
    indented = [i for i, line in enumerate(lines) if line.startswith(" ")] or [0]
    i = draw(st.sampled_from(indented))
    lines[i] = "\t" + lines[i].lstrip(" ")
    return "\n".join(lines).encode("utf-8"), f"line {i + 1}", False


def _repeated_key(draw, text: str) -> tuple[bytes, str, bool]:
    first = text.split("\n", 1)[0]
    return (text + first + "\n").encode("utf-8"), first, True


def _python_tag(draw, text: str) -> tuple[bytes, str, bool]:
    tag = draw(st.sampled_from(["!!python/object/apply:os.system ['echo 1']", "!!python/name:os.system",
                                "!!binary aGk=", "!!set {a}", "!!timestamp 2024-01-01", "!custom x"]))
    return (text + f"备注: {tag}\n").encode("utf-8"), tag, True


def _c1_control(draw, text: str) -> tuple[bytes, str, bool]:
    at = draw(st.integers(0, len(text)))
    char = draw(st.sampled_from([chr(c) for c in range(0x80, 0xA0) if c != 0x85]))
    return (text[:at] + char + text[at:]).encode("utf-8"), f"U+{ord(char):04X} at {at}", True


def _gbk_byte(draw, text: str) -> tuple[bytes, str, bool]:
    raw = text.encode("gb18030")
    at = draw(st.integers(0, len(raw)))
    return raw[:at] + b"\xff" + raw[at:], f"0xFF at {at}", True


def _utf16_no_bom(draw, text: str) -> tuple[bytes, str, bool]:
    return text.encode("utf-16-le"), "UTF-16 without BOM", False


TEXT_MISTAKES = {"cut": _cut, "junk": _junk, "tab": _tab, "repeated key": _repeated_key,
                 "python tag": _python_tag, "C1 control": _c1_control, "GB18030 0xFF": _gbk_byte,
                 "UTF-16 no BOM": _utf16_no_bom}


def garbage() -> st.SearchStrategy[Broken]:
    """Files that hold no document: random bytes, random text, empty and scalar files."""
    return st.one_of(
        st.binary(max_size=300).map(lambda raw: Broken(raw, f"bytes {raw!r}", True)),
        st.tuples(st.sampled_from(BOMS), st.binary(max_size=300)).map(
            lambda t: Broken(t[0] + t[1], f"BOM and bytes {t[0] + t[1]!r}", True)),
        st.text(max_size=200).map(lambda t: Broken(t.encode("utf-8"), f"text {t!r}", True)),
        st.sampled_from(NOT_MAPPINGS).map(lambda t: Broken(t.encode("utf-8"), f"{t!r}", True)),
    )


def broken_files() -> st.SearchStrategy[Broken]:
    """Any broken file: a mistake in the data, in the text, or no document at all."""
    return st.one_of(broken_data(), broken_data(), broken_text(), garbage())
