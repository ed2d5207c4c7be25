"""Hostile input: files built to exhaust, trick or break reportgen stop with a located message.

Campaign files, unit lists and templates travel between offices; none may run code, read or
write outside the project, or hang the program. Each test asserts the message the user sees.
"""

from __future__ import annotations

import time

import pytest
from helpers import problems

from reportgen.load import load_rows

LAUGHS = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"] + [
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
LIMIT = "一份文档用不了这么多内容，请检查是否选错了文件"


def quickly(seconds: float = 5.0):
    """A sanity bound on the time a refusal takes (speed targets belong in bench/)."""
    started = time.perf_counter()
    return lambda: time.perf_counter() - started < seconds


# 1. YAML bombs


def test_billion_laughs_stops_at_the_alias_that_passes_the_limit(write_yaml):
    path = write_yaml("标题: x\n" + "\n".join(LAUGHS) + "\n")
    done = quickly(1)
    assert problems(path) == [f"{path}:6:25: 文件中的项过多：超过 50,000 项（含“*别名”引用展开的项）；{LIMIT}"]
    assert done()


def test_aliases_may_not_repeat_more_than_100000_items_even_in_a_unit_list(write_yaml):
    path = write_yaml("- &a [" + ", ".join(["x"] * 1000) + "]\n" + "- *a\n" * 200, "units.yaml")
    with pytest.raises(Exception) as caught:
        load_rows(path)
    assert str(caught.value) == (f"{path}:101:3: “*a”等引用展开后重复了超过 100,000 项：请不要用“&锚点”和"
                                 "“*别名”大量重复内容（这样的文件可能是恶意构造的）")


@pytest.mark.parametrize(("text", "col"), [("a: &x [*x]", 8), ("a: &x {b: *x}", 11),
                                           ("a: &x\n  - b: [*x]", 9)])
def test_an_alias_inside_its_own_anchor_is_refused(write_yaml, text, col):
    path = write_yaml(f"标题: x\n{text}\n")
    line = 2 + text.count("\n")
    assert problems(path) == [f"{path}:{line}:{col}: “*x”在“&x”自身之内，引用了它自己（循环引用）"]


@pytest.mark.parametrize("text", ["a: " + "[" * 10_000 + "]" * 10_000,
                                  "a: " + "{b: " * 10_000 + "}" * 10_000,
                                  "a:\n" + "".join("  " * i + "- \n" for i in range(1, 80))])
def test_deep_nesting_stops_at_50_levels(write_yaml, text):
    path = write_yaml(f"标题: x\n{text}\n")
    done = quickly(2)
    [message] = problems(path)
    assert message.endswith(": 嵌套超过 50 层：请检查缩进，以及“[”“{”是否各有配对的“]”“}”")
    assert message.startswith(f"{path}:")
    assert done()


# 2. Size


def test_a_10_mb_file_is_refused_unread(write_yaml):
    path = write_yaml("标题: x\n开头: |\n" + "  一二三四五六七八九十\n" * 320_000)
    assert problems(path) == [f"{path}: 文件过大（10.6 MB，上限 1 MB）：{LIMIT}"]


def test_a_document_of_100000_items_is_refused_where_it_passes_50000(write_yaml):
    path = write_yaml("标题: x\n条目: [" + ",".join(["1"] * 100_000) + "]\n")
    assert problems(path) == [f"{path}:2:100000: 文件中的项过多：超过 50,000 项（含“*别名”引用展开的项）；{LIMIT}"]


def test_a_unit_list_over_8_mb_is_refused(write_yaml):
    path = write_yaml("".join(f"- 单位名称: 单位{i}\n  发放资料: {i}\n" for i in range(170_000)),
                      "units.yaml")
    with pytest.raises(Exception) as caught:
        load_rows(path)
    assert str(caught.value) == f"{path}: 文件过大（8.6 MB，上限 8 MB）：名单很大时请用 .xlsx 或 .csv 文件"


# 3. YAML tags


@pytest.mark.parametrize(("value", "tag"), [
    ("!!python/object:os.system {a: 1}", "!!python/object:os.system"),
    ("!!python/object/apply:os.system ['touch pwned']", "!!python/object/apply:os.system"),
    ("!!python/name:os.system", "!!python/name:os.system"),
    ("!!binary aGVsbG8=", "!!binary"), ("!!set {a, b}", "!!set"), ("!!omap [a: 1]", "!!omap"),
    ("!foo bar", "!foo"), ("!!timestamp 2024-01-01", "!!timestamp")])
def test_tags_that_construct_objects_are_refused(write_yaml, tmp_path, value, tag):
    path = write_yaml(f"标题: {value}\n")
    assert problems(path) == [f"{path}:1:5: 不支持的 YAML 标签“{tag}”（reportgen 只读取文本、数字、列表和映射）"]
    assert not (tmp_path / "pwned").exists()


def test_a_tag_directive_cannot_disguise_a_python_tag(write_yaml):
    path = write_yaml("%TAG !p! tag:yaml.org,2002:python/\n---\n标题: !p!object/apply:os.system [ls]\n")
    assert problems(path) == [f"{path}:3:5: 不支持的 YAML 标签“!!python/object/apply:os.system”"
                              "（reportgen 只读取文本、数字、列表和映射）"]


@pytest.mark.parametrize(("value", "message"), [
    ("!!int abc", "“abc”不能按标签“!!int”读取（删去“!!int”即按文字读取）"),
    ("!!float abc", "“abc”不能按标签“!!float”读取（删去“!!float”即按文字读取）"),
    ("!!bool abc", "“abc”不能按标签“!!bool”读取（删去“!!bool”即按文字读取）")])
def test_a_plain_tag_with_a_value_it_cannot_read_is_located(write_yaml, value, message):
    path = write_yaml(f"标题: {value}\n")
    assert problems(path) == [f"{path}:1:5: {message}"]


def test_a_merge_key_with_a_scalar_is_located(write_yaml):
    path = write_yaml("标题: x\na:\n  <<: 1\n")
    assert problems(path) == [f"{path}:3:7: “<<”合并的应是映射或映射的列表（如 <<: *默认值）"]
