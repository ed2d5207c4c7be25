"""Values as written: a scalar is a number, a yes/no or null only when it plainly is one, a number
groups thousands in threes, and a placeholder prints text, a number or a date, never a repr."""

from __future__ import annotations

import pytest
from docx import Document
from helpers import problems

import reportgen
from reportgen.load.yaml_file import load_yaml
from reportgen.sandbox import filters
from reportgen.sandbox.filters import FilterError


def built_texts(path, tmp_path) -> list[str]:
    return [p.text for p in Document(reportgen.build(path, tmp_path / "out.docx")).paragraphs if p.text]


def test_what_yaml_1_1_reads_as_numbers_or_yes_no_prints_as_written(write_yaml, tmp_path):
    path = write_yaml("""\
        标题: "{{ 变量.开会时间 }} {{ 变量.编号 }} {{ 变量.代码 }} {{ 变量.a }} {{ 变量.b }} {{ 变量.c }}"
        变量: {开会时间: 8:30, 编号: 0012, 代码: 010, a: 1_000, b: 0x10, c: 1e999, d: .inf, e: yes,
               f: 是, g: 1.50, h: on, i: -0, j: =, k: 1.0e+16, l: 0.1234567891234}
        开头: "{{ 变量.d }} {{ 变量.e }} {{ 变量.f }} {{ 变量.g }} {{ 变量.h }} {{ 变量.i }} {{ 变量.j }} {{ 变量.k }} {{ 变量.l }}"
        结尾: 8:30
        """)
    assert built_texts(path, tmp_path) == ["8:30 0012 010 1_000 0x10 1e999",
                                           ".inf yes 是 1.50 on -0 = 1.0e+16 0.1234567891234", "8:30"]


def test_plain_numbers_true_false_and_null_keep_their_meaning(write_yaml, tmp_path):
    source = load_yaml(write_yaml("变量: {年度: 2025, 差: -3, 比例: 0.25, 半: 1.5, 是否: true, 否: FALSE, "
                                  "空: null, 也空: ~, 长: 110101199003071234}\n"))
    assert source.data["变量"] == {"年度": 2025, "差": -3, "比例": 0.25, "半": 1.5, "是否": True,
                                 "否": False, "空": None, "也空": None, "长": 110101199003071234}
    path = write_yaml("标题: \"{{ 变量.年度 + 1 }}年，{{ 变量.比例 * 100 }}%\"\n变量: {年度: 2025, 比例: 0.25}\n")
    assert built_texts(path, tmp_path) == ["2026年，25%"]


def test_keys_are_text_as_written(write_yaml):
    source = load_yaml(write_yaml("010: 甲\nyes: 乙\n~: 丙\ntrue: 丁\n1.50: 戊\n"))
    assert source.data == {"010": "甲", "yes": "乙", "~": "丙", "true": "丁", "1.50": "戊"}


@pytest.mark.parametrize(("written", "sealed"), [
    ("是", True), ("yes", True), ("on", True), ("true", True), ("True", True), ("用印", True),
    ("否", False), ("no", False), ("off", False), ("false", False), ("不用印", False)])
def test_yes_and_no_are_read_in_every_usual_spelling(write_yaml, written, sealed):
    path = write_yaml(f"标题: 方案\n署名: 区委办\n成文日期: 2024-03-05\n用印: {written}\n")
    assert reportgen.validate(path).sealed is sealed


def test_a_yes_no_where_text_belongs_is_reported_as_written(write_yaml):
    path = write_yaml("标题: true\n")
    assert problems(path) == [f"{path}:1:1: 标题: 应为文本，实际为是/否“true”"]


def test_metrics_group_thousands_in_threes_or_not_at_all(write_yaml, tmp_path):
    path = write_yaml("标题: '{{ 指标.甲 }}/{{ 指标.乙 }}/{{ 指标.丙 }}'\n"
                      "指标: {甲: '1,234,567', 乙: ' 326 ', 丙: '-1,200.5'}\n")
    assert built_texts(path, tmp_path) == ["1234567/326/-1200.5"]
    bad = write_yaml("标题: 总结\n指标: {a: '1,2,3', b: '12,34', c: '1,2345', d: '0012', e: 1e3, "
                     "f: 1_000, g: ',123', h: true}\n", "bad.yaml")
    assert problems(bad) == [f"{bad}:2:{col}: 指标.{key}: 应为数字，实际为{given}" for key, col, given in [
        ("a", 6, "文本“1,2,3”"), ("b", 18, "文本“12,34”"), ("c", 30, "文本“1,2345”"),
        ("d", 43, "文本“0012”"), ("e", 54, "文本“1e3”"), ("f", 62, "文本“1_000”"),
        ("g", 72, "文本“,123”"), ("h", 83, "是/否“true”")]]


@pytest.mark.parametrize(("value", "expected"), [("1,234,567", "1,234,567"), ("1234.5", "1,234.5"),
                                                 (0.1 + 0.2, "0.3")])
def test_thousands_reads_only_numbers_written_as_numbers(value, expected):
    assert filters.thousands(value) == expected


@pytest.mark.parametrize("value", ["1,2,3", "12,34", "0x10", "1e3", "1_000"])
def test_thousands_refuses_what_is_not_a_number(value):
    with pytest.raises(FilterError) as caught:
        filters.thousands(value)
    assert str(caught.value) == f"千分位：应为数字，实际为“{value}”"


def test_a_table_sums_only_cells_written_as_numbers(write_yaml, tmp_path):
    path = write_yaml("标题: 总结\n基本情况:\n  表格:\n    列: [部门, 数量, 代码]\n    合计: 是\n"
                      "    行: [[甲, '1,234', '0311'], [乙, 12, '0312'], [丙, 0.5, '1']]\n")
    table = Document(reportgen.build(path, tmp_path / "t.docx")).tables[0]
    assert [c.text for c in table.rows[-1].cells] == ["合计", "1246.5", ""]
    bad = write_yaml("标题: 总结\n基本情况:\n  表格:\n    列: [部门, 数量]\n    合计: [数量]\n"
                     "    行: [[甲, '1,2,3'], [乙, 12]]\n", "bad.yaml")
    assert problems(bad) == [f"{bad}:5:5: 基本情况.表格.合计: “数量”列有非数字的格，不能合计"]


@pytest.mark.parametrize(("placeholder", "message"), [
    ("{{ 变量.keys }}", "占位符的值是一个方法，不能写入正文：请写数据中的名称，如 {{ 变量.年度 }}；"
                       "要列出一个映射的各项名称，写 {{ 变量.X.keys() | 顿号 }}"),
    ("{{ range(5) }}", "占位符的值是一组值，不能直接写入正文：请用过滤器把它连成文字：{{ … | 顿号 }}（甲、乙、丙）"
                       "或 {{ … | 列举 }}（甲、乙和丙）"),
    ("{{ 变量 }}", "占位符的值是映射（部门、开关、名单），不能直接写入正文：请写其中的一项，如 {{ 变量.部门 }}"),
    ("{{ 变量.部门 }}", "占位符的值是列表（2 项），不能直接写入正文：请用过滤器把它连成文字：{{ … | 顿号 }}"
                       "（甲、乙、丙）或 {{ … | 列举 }}（甲、乙和丙）"),
    ("{{ 变量.开关 }}", "占位符的值是“是/否”（true），不能直接写入正文：要写文字，请在 YAML 中给它加引号"
                       "（如 \"是\"），或用 {% if … %} 选择要写的文字"),
    ("{{ 变量.部门 ~ '' }}", "占位符的值是列表（2 项），不能直接写入正文：请用过滤器把它连成文字：{{ … | 顿号 }}"
                            "（甲、乙、丙）或 {{ … | 列举 }}（甲、乙和丙）"),
    ("{{ 变量.名单 | string }}", "占位符的值是映射（甲），不能直接写入正文：请写其中的一项，如 {{ 变量.名单.甲 }}"),
    ("{{ 变量.开关 | upper }}", "占位符的值是“是/否”（true），不能直接写入正文：要写文字，请在 YAML 中给它加引号"
                              "（如 \"是\"），或用 {% if … %} 选择要写的文字"),
    ("{{ '三' | int }}", "占位符中的过滤器出错：int：应为数字，实际为“三”"),
    ("{{ 变量.部门 | float }}", "占位符中的过滤器出错：float：应为数字，实际为列表"),
    ("{{ [变量.部门] | 顿号 }}", "占位符中的过滤器出错：顿号：第 1 项是列表，应为文字或数字"),
    ("{{ 变量.名单 | 列举 }}", "占位符中的过滤器出错：列举：应为列表，实际为映射"),
    ("{{ 1 + '甲' }}", "占位符无法计算：参与运算的值应都是数字（文字、列表不能相加减乘除；数字请不要加引号）"),
])
def test_a_placeholder_prints_no_python_repr(write_yaml, placeholder, message):
    path = write_yaml(f"标题: 总结\n变量: {{部门: [甲, 乙], 开关: true, 名单: {{甲: 1}}}}\n开头: \"{placeholder}\"\n")
    assert problems(path) == [f"{path}:3:1: 开头: {message}"]


def test_text_and_numbers_print_through_every_way_of_writing_them(write_yaml, tmp_path):
    path = write_yaml("标题: 总结\n变量: {年: 2025, 部门: [甲, 乙], 比: 0.5}\n"
                      "开头: \"{{ 变量.年 ~ '年' }}/{{ 变量.比 | string }}/{{ 'ab' | upper }}/"
                      "{{ '1,200' | int }}/{{ '三' | int(0) }}/{{ 1 / 3 }}/{{ 变量.部门 | first }}\"\n")
    assert built_texts(path, tmp_path)[1] == "2025年/0.5/AB/1200/0/0.333333333/甲"
