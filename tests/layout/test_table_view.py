"""Tables as the template gets them: each cell's text and alignment, the 合计 row, column widths."""

from __future__ import annotations

from reportgen.layout.tables import table_view
from reportgen.model.tables import Table


def view(**table) -> tuple:
    laid = table_view(Table.model_validate(table))
    return laid, [[(c.text, c.num, c.centred) for c in row] for row in [*laid.rows, laid.total]]


def test_numbers_sit_right_serials_centred_and_the_total_keeps_the_decimal_places():
    laid, cells = view(columns=["序号", "单位", "资料", "金额", "备注"], total=True, rows=[
        [1, "城关街道", 12, "1,200.5", ""],
        [2, "东关", None, "", None],
        [3, "西关街道办事处社区服务中心", 3, "7.25", "按期"]])
    assert cells == [
        [("1", False, True), ("城关街道", False, False), ("12", True, False), ("1,200.5", True, False), ("", False, False)],
        [("2", False, True), ("东关", False, False), ("", True, False), ("", True, False), ("", False, False)],
        [("3", False, True), ("西关街道办事处社区服务中心", False, False), ("3", True, False), ("7.25", True, False), ("按期", False, False)],
        [("合计", False, True), ("", False, False), ("15", True, False), ("1207.75", True, False), ("", False, False)],
    ]
    # natural widths in 字, one more than the widest text, a 13-字 name capped at 12
    assert (laid.widths, laid.natural, laid.title) == ([3, 13, 3, 4.5, 3], True, "")


def test_a_total_of_named_columns_leaves_the_other_numbers_unsummed():
    laid, cells = view(columns=["单位", "资料", "金额"], rows=[["甲", 1, 2], ["乙", 3, 4]],
                       total=["金额"], widths=[2, 1, 1], title="表1 资金")
    assert cells[-1] == [("合计", False, False), ("", True, False), ("6", True, False)]
    assert (laid.widths, laid.natural, laid.title) == ([2, 1, 1], False, "表1 资金")


def test_a_named_total_of_empty_cells_is_zero():
    _, cells = view(columns=["单位", "资料"], rows=[["甲", None], ["乙", ""]], total=["资料"])
    assert cells[-1] == [("合计", False, False), ("0", True, False)]


def test_a_table_without_rows_has_its_header_and_an_empty_total():
    laid, cells = view(columns=["单位", "资料"], rows=[], total=True)
    assert [c.text for c in laid.header] == ["单位", "资料"]
    assert cells == [[("合计", False, False), ("", False, False)]]
    assert laid.widths == [3, 3]
