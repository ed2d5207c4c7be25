"""Tables: validation of rows against columns, totals, alignment, widths and the header row."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn
from helpers import effective_font, problems

import reportgen
from reportgen.layout.outline import outline
from reportgen.model.documents import Plan

TABLE = """\
    标题: 方案
    工作重点:
      内容: 各单位情况如下：
      表格:
        标题: 表1 各单位完成情况
        列: [序号, 单位, 资料（份）, 完成率, 备注]
        合计: 是
        行:
          - [1, 城关街道, 1200, 95%, 按期]
          - {序号: 2, 单位: 东关街道, 资料（份）: '1,326', 完成率: 88.5%, 备注: ''}
          - [3, 西关街道, 12.5, 100%, null]
"""


@pytest.fixture
def table_doc(write_yaml, tmp_path):
    return Document(reportgen.build(write_yaml(TABLE), tmp_path / "t.docx"))


def cells(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_rows_in_order_with_a_total_of_the_numeric_columns(table_doc):
    (table,) = table_doc.tables
    assert cells(table) == [
        ["序号", "单位", "资料（份）", "完成率", "备注"],
        ["1", "城关街道", "1200", "95%", "按期"],
        ["2", "东关街道", "1,326", "88.5%", ""],
        ["3", "西关街道", "12.5", "100%", ""],
        ["合计", "", "2538.5", "", ""],
    ]
    caption = [p for p in table_doc.paragraphs if p.text == "表1 各单位完成情况"]
    assert caption[0].style.name == "表题"


def test_header_repeats_rows_do_not_split_and_numbers_sit_right(table_doc):
    (table,) = table_doc.tables
    header, *rows = table.rows
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)
    styles = [[c.paragraphs[0].style.name for c in row.cells] for row in rows]
    assert styles[0] == ["表格居中", "表格文字", "表格数字", "表格数字", "表格文字"]  # 序号 centred
    assert styles[-1][0] == "表格居中"  # 合计 in the 序号 column
    assert table_doc.styles["表格数字"].paragraph_format.alignment == 2  # right
    assert table_doc.styles["表格居中"].paragraph_format.alignment == 1  # centre
    first = header.cells[0].paragraphs[0]
    assert effective_font(table_doc, first, first.runs[0])["eastAsia"] == "黑体"
    body = rows[0].cells[1].paragraphs[0]
    assert (effective_font(table_doc, body, body.runs[0])["eastAsia"],
            effective_font(table_doc, body, body.runs[0])["size"]) == ("仿宋_GB2312", 14)
    spacing = table_doc.styles["表格文字"].paragraph_format
    assert (spacing.line_spacing.pt, spacing.line_spacing_rule) == (22, 4)  # exact


def test_table_spans_the_text_block(table_doc, write_yaml, tmp_path):
    (table,) = table_doc.tables
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(grid) == 11906 - 1587 - 1474  # A4 less the side margins, in twips
    assert len(grid) == 5
    widths = [int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in table.rows[1]._tr.tc_lst]
    assert widths == grid


def test_given_widths_are_proportions(write_yaml, tmp_path):
    path = write_yaml("标题: 方案\n工作重点:\n  表格:\n    列: [甲, 乙]\n    列宽: [1, 3]\n"
                      "    行: [[a, b]]\n")
    (table,) = Document(reportgen.build(path, tmp_path / "t.docx")).tables
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid == [2211, 6634]


def test_every_row_problem_is_reported(write_yaml):
    path = write_yaml("""\
        标题: 方案
        工作重点:
          表格:
            列: [序号, 单位, 数量]
            列宽: [1, 2]
            行:
              - [1, 甲]
              - {序号: 2, 单位: 乙, 数童: 3}
              - {序号: 3, 单位: [x], 数量: 1}
              - 单独一格
        """)
    f = str(path)
    assert problems(path) == [
        f"{f}:5:5: 工作重点.表格.列宽: 列宽有 2 个数，表格有 3 列",
        f"{f}:7:9: 工作重点.表格.行[1]: 这一行有 2 格，表格有 3 列（序号、单位、数量）",
        f"{f}:8:9: 工作重点.表格.行[2]: 缺少列：数量（空格请写“数量: ''”）",
        f"{f}:8:24: 工作重点.表格.行[2].数童: 没有名为“数童”的列；列有：序号、单位、数量",
        f"{f}:9:17: 工作重点.表格.行[3].单位: 单元格应为文本或数字，实际为列表",
        f"{f}:10:9: 工作重点.表格.行[4]: 每一行应为列表（如 [1, 城关街道, 326]）或“列名: 值”形式的映射",
    ]


def test_total_columns_must_exist_and_hold_numbers(write_yaml):
    path = write_yaml("标题: 方案\n工作重点:\n  表格:\n    列: [单位, 完成率]\n"
                      "    合计: [完成率, 人数]\n    行: [[甲, 95%]]\n")
    f = str(path)
    assert problems(path) == [
        f"{f}:5:5: 工作重点.表格.合计: “完成率”列有非数字的格，不能合计",
        f"{f}:5:5: 工作重点.表格.合计: 没有名为“人数”的列；列有：单位、完成率",
    ]


def test_missing_columns_and_bad_widths(write_yaml):
    path = write_yaml("标题: 方案\n工作重点:\n  表格:\n    行: [[1]]\n    列宽: [0]\n")
    f = str(path)
    assert problems(path) == [
        f"{f}:3:3: 工作重点.表格.列: 缺少必填项",
        f"{f}:5:10: 工作重点.表格.列宽[1]: 应为大于 0 的数，实际为整数“0”",
    ]


def test_a_total_over_rows_in_different_units_is_refused(write_yaml):
    path = write_yaml("""\
        标题: 方案
        工作重点:
          表格:
            列: [序号, 项目, 数量, 计量单位]
            行: [[1, 路灯, 3, 条], [2, 电脑, 4, 台], [3, 桌椅, 5, 件]]
            合计: 是
        工作要求:
          表格:
            列: [序号, 单位, 数量]
            行: [[1, 城关街道, 3], [2, 东关街道, 4]]
            合计: [数量]
        """)
    assert problems(path) == [f"{path}:6:5: 工作重点.表格.合计: “计量单位”列的计量单位不同（条、台、件），"
                              "不能相加：请按计量单位分开列表，或删去“合计”"]


def test_a_total_in_one_unit_carries_it():
    plan = Plan.model_validate({"title": "方案", "key_tasks": {"table": {
        "columns": ["序号", "项目", "数量", "单位"], "rows": [[1, "路灯", 3, "条"], [2, "线缆", 4, "条"]],
        "total": True}}})
    (table,) = [b.table for b in outline(plan).body if b.kind == "table"]
    assert [(c.text, c.centred) for c in table.total] == [
        ("合计", True), ("", False), ("7", False), ("条", False)]
