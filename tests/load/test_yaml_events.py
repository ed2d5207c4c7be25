"""The quick reader (load/yaml_events.py) gives what the full reader gives, or leaves the file to it.

Whatever a file holds, ``quick_read`` either declines (None) or returns the very data, types
and positions that composing and building the file node by node returns; the files reportgen's
users write (the samples, unit lists) are read the quick way.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.errors import ReportgenError
from reportgen.load.yaml_events import quick_read
from reportgen.load.yaml_file import DOCUMENT, UNIT_LIST, read_fully
from reportgen.load.yaml_limits import Limits

ROOT = Path(__file__).resolve().parents[2]
SMALL = Limits(300, 40, "")


def typed(value):
    """``value`` with the type of every scalar spelled out (1, 1.0 and True are equal in Python)."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    return (type(value).__name__, value)


def same_as_full(text: str, limits: Limits = DOCUMENT) -> bool:
    """True if the quick reader read ``text`` (and gave what the full reader gives), False if it
    declined; the full reader may refuse a file the quick one declines, never one it read."""
    quick = quick_read("t.yaml", text, limits)
    if quick is None:
        return False
    data, positions = read_fully("t.yaml", text, limits)
    assert (typed(quick[0]), quick[1]) == (typed(data), positions)
    return True


@pytest.mark.parametrize("path", sorted(ROOT.glob("samples/**/*.yaml")), ids=lambda p: p.name)
def test_the_samples_are_read_the_quick_way(path):
    assert same_as_full(path.read_text(encoding="utf-8"))


def test_a_unit_list_is_read_the_quick_way():
    text = "".join(f"- 单位名称: 第{n}中学\n  完成: {n}\n  比例: 0.{n}0\n  时间: 8:30\n  备注: |\n    第一行\n    第二行\n"
                   for n in range(1, 50))
    assert same_as_full(text, UNIT_LIST)


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n",  # an anchor and an alias
    "a: !!str 1\n",  # an explicit tag
    "a: ! 1\n",
    "base: {x: 1}\nb:\n  <<: {x: 2}\n",  # a merge key
    "a: 1\na: 2\n",  # a duplicate key
    "? [a, b]\n: 1\n",  # a list as a key
    "a:\t1\n",  # a Tab, which only the full (Python) reader refuses as it should
    "a: 1\n---\nb: 2\n",  # a second document
    "",  # no document
    "# only a comment\n",
    "a: \"\\0\"\n",  # a character no .docx can hold
    "a: " + "[" * 60 + "]" * 60 + "\n",  # nesting past MAX_DEPTH
    "a: [1, 2\n",  # a syntax error
    "a: <<\n",
])
def test_what_only_the_full_reader_reads_or_refuses_is_left_to_it(text):
    assert quick_read("t.yaml", text, DOCUMENT) is None


def test_a_file_past_a_limit_is_left_to_the_full_reader():
    items = "".join(f"- {n}\n" for n in range(50))
    assert quick_read("t.yaml", items, SMALL) is None
    with pytest.raises(ReportgenError, match="文件中的项过多：超过 40 项"):
        read_fully("t.yaml", items, SMALL)
    assert quick_read("t.yaml", "a: " + "字" * 301 + "\n", SMALL) is None


KEYS = st.sampled_from(["名称", "a", "1", "010", "true", "yes", "~", "null", "8:30", "1.50", "<<", "-0",
                        "键 有空格", "x: y", "#", "- ", "'q'", '"q"', "2024-03-05", "1e3", "0x10"])
SCALARS = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12), st.integers(-10**40, 10**40),
    st.floats(allow_nan=False), st.booleans(), st.none(), KEYS,
    st.lists(st.sampled_from(["第一行", "second", " ", "", "中文"]), min_size=2, max_size=4).map("\n".join))
DATA = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)), max_leaves=20)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=DATA, flow=st.sampled_from([None, True, False]),
       style=st.sampled_from([None, '"', "'", "|", ">"]), width=st.sampled_from([4, 20, 1000]),
       limits=st.sampled_from([DOCUMENT, SMALL]))
def test_written_yaml_reads_the_same_both_ways(data, flow, style, width, limits):
    text = yaml.safe_dump({"数据": data}, allow_unicode=True, default_flow_style=flow,
                          default_style=style, width=width)
    same_as_full(text, limits)


LINES = st.sampled_from([
    "a: 1", "- 1", "  - x", "名称: 城关街道", "  b: 二", "c: |", "  第一行", "  第二行", "d: >", "  折叠",
    "  的行", "e: '引号'", 'f: "转义\\t"', "g: [1, 2.50, true]", "h: {x: 1, y: ~}", "- a: 1", "  b: 2",
    "i: 8:30", "j: 010", "k: -0", "l:", "m: 第一行", "  续行", "n: 中文 中文", "# 注释", "", "o: 'it''s'",
    "p: \"\\u4e2d\"", "q: &a 1", "r: *a", "s: !!int 1", "? t", ": u", "v: 1 # 注释", "w: yes", "x: 1e3"])


@settings(max_examples=400, deadline=None)
@given(lines=st.lists(LINES, max_size=12))
def test_any_arrangement_of_lines_reads_the_same_both_ways(lines):
    text = "\n".join(lines) + "\n"
    try:
        same_as_full(text)
    except ReportgenError:
        pytest.fail(f"the full reader refused what the quick one read:\n{text}")
