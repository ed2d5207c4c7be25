"""Unit lists read as written or refused with a located message: CSV quoting, long cells, two
columns of one meaning, and which worksheet of a workbook is read."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import openpyxl
import pytest
from helpers import ROOT, run

import reportgen
from reportgen.batches.unit_lists import read_sheet
from reportgen.errors import ReportgenError

SAMPLE = ROOT / "samples" / "campaign"
HEADER = ["单位名称", "负责人", "发放资料", "培训场次", "清理垃圾", "参与群众"]
FIX = "含逗号或换行的格要整格加引号，格内的引号写作两个（\"\"）；可在 Excel 中打开检查后“另存为”.csv"


@pytest.fixture
def campaign(tmp_path) -> Path:
    return Path(shutil.copy(SAMPLE / "campaign.yaml", tmp_path / "campaign.yaml"))


def refused(campaign: Path, units: Path, out: Path, **options) -> str:
    with pytest.raises(ReportgenError) as raised:
        reportgen.batch(campaign, units, out, jobs=1, **options)
    assert not out.exists()  # nothing built, not even the folder
    return str(raised.value)


def test_an_unbalanced_quote_is_located_instead_of_swallowing_the_rest(campaign, tmp_path):
    units = tmp_path / "units.csv"
    rows = "".join(f"第{i}街道,张三,1,1,1,1\n" for i in range(6000))
    units.write_text(",".join(HEADER) + "\n\"甲,张三,1,1,1,1\n" + rows, "utf-8")
    assert refused(campaign, units, tmp_path / "out") == (
        f"{units}:2:1: 第2行：引号没有闭合，其后的内容会都读进这一格：{FIX}")


def test_a_quote_closed_early_is_located_at_its_row(campaign, tmp_path):
    units = tmp_path / "units.csv"
    units.write_text(",".join(HEADER) + "\n乙,李四,1,1,1,1\n\"甲\"街道,张三,1,1,1,1\n", "gbk")
    assert refused(campaign, units, tmp_path / "out") == (
        f"{units}:3:1: 第3行：引号用法有误（引号后应紧跟逗号或换行）：{FIX}")


def test_a_long_cell_is_read_and_lines_are_counted_across_cells_with_line_breaks(tmp_path):
    units = tmp_path / "units.csv"
    with units.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["单位名称", "备注", "发放资料"], ["甲", "长" * 200_000, 1],
                                      ["乙", "第一行\n第二行\n第三行", 2], ["丙", "", 3]])
    sheet = read_sheet(units)
    assert [(r.line, r.values["单位名称"], len(r.values["备注"] or "")) for r in sheet.rows] == [
        (2, "甲", 200_000), (3, "乙", 11), (6, "丙", 0)]


@pytest.mark.parametrize(("table", "message"), [
    ("单位名称,发放资料,单位名称\n甲,1,乙", "1:3: 第 1 列和第 3 列都叫“单位名称”：请删去其中一列，或给它改名"),
    ("单位名称,负责人, 负责 人 \n甲,张三,李四", "1:3: 第 2 列和第 3 列都叫“负责人”：请删去其中一列，或给它改名"),
    ("单位名称,名称\n甲,乙", "1:2: “单位名称”和“名称”两列都是单位名称：请删去其中一列，或给它改名"),
    ("单位名称,负责人,单位.负责人\n甲,张三,李四",
     "1:3: “负责人”和“单位.负责人”两列都是单位的“负责人”：请删去其中一列，或给它改名"),
    ("单位名称,发放资料,发放资料（份）\n甲,1,2",
     "1:3: “发放资料”和“发放资料（份）”两列都是指标“发放资料”：请删去其中一列，或给它改名"),
])
def test_two_columns_of_one_meaning_are_an_error_naming_both(tmp_path, write_yaml, table, message):
    campaign = write_yaml("文种: 总结\n标题: '{{ 单位.名称 }}总结'\n单位: 示例\n", "campaign.yaml")
    units = tmp_path / "units.csv"
    units.write_text(f"{table}\n", "utf-8")
    assert refused(campaign, units, tmp_path / "out") == f"{units}:{message}"


def workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    old = book.active
    old.title = "去年名单"
    old.append(HEADER)
    old.append(["旧街道", "某某", 9, 9, 9, 9])
    old.sheet_state = "hidden"
    shown = book.create_sheet("名单")
    shown.append(HEADER)
    shown.append(["城关街道", "张建国", 1326, 12, 35.5, 2860])
    book.active = 1
    book.save(path)
    return path


def test_the_first_visible_sheet_is_read_and_named(capsys, campaign, tmp_path):
    units = workbook(tmp_path / "units.xlsx")
    code, out, err = run(capsys, "batch", str(campaign), "--units", str(units), "-o",
                         str(tmp_path / "out"), "-j", "1")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == (f"共 1 个单位（读取工作表“名单”）：已生成 1 个，未变 0 个，失败 0 个；"
                                    f"汇总：{tmp_path}/out/汇总.docx；清单：{tmp_path}/out/manifest.csv")
    rows = list(csv.reader((tmp_path / "out" / "manifest.csv").read_text("utf-8-sig").splitlines()))
    assert [(r[0], r[-1]) for r in rows] == [("单位", "工作表"), ("城关街道", "名单")]


def test_a_hidden_sheet_is_read_only_when_named(capsys, campaign, tmp_path):
    units = workbook(tmp_path / "units.xlsx")
    outcome = reportgen.batch(campaign, units, tmp_path / "out", jobs=1, sheet="去年名单")
    assert ([e.unit for e in outcome.entries], outcome.sheet) == (["旧街道"], "去年名单")
    assert refused(campaign, units, tmp_path / "none", sheet="名单2") == (
        f"{units}: 没有名为“名单2”的工作表；有：去年名单（隐藏）、名单")
    assert run(capsys, "rollup", str(campaign), "--units", str(units), "-o", str(tmp_path / "r")) == (
        0, f"已生成 {tmp_path}/r/汇总.docx（读取工作表“名单”）\n", "")


TABBED = "\r\n".join(["\t".join(HEADER), "城关街道,东区\t张建国\t1326\t12\t35.5\t2860",
                      "东关街道\t李明\t980\t9\t28\t2150", ""])


@pytest.mark.parametrize(("name", "encoding"), [
    ("units.txt", "gbk"),  # Excel: 另存为 → 文本文件（制表符分隔）
    ("units.txt", "utf-16"),  # Excel: 另存为 → Unicode 文本
    ("units.tsv", "utf-8"), ("units.csv", "utf-8-sig"),
])
def test_tab_separated_units_keep_a_comma_in_its_cell(tmp_path, name, encoding):
    units = tmp_path / name
    units.write_bytes(TABBED.encode(encoding))
    sheet = read_sheet(units)
    assert sheet.names == HEADER
    assert [(r.line, r.values["单位名称"], r.values["负责人"], r.values["参与群众"]) for r in sheet.rows] == [
        (2, "城关街道,东区", "张建国", "2860"), (3, "东关街道", "李明", "2150")]


def test_a_gbk_tab_separated_list_builds_each_unit(capsys, campaign, tmp_path):
    units = tmp_path / "名单.txt"
    units.write_bytes(TABBED.encode("gbk"))
    code, out, err = run(capsys, "batch", str(campaign), "--units", str(units), "-o",
                         str(tmp_path / "out"), "-j", "1", "-q")
    assert (code, out, err) == (0, "", "")
    assert sorted(p.name for p in (tmp_path / "out").glob("*街道*.docx")) == [
        "东关街道.docx", "城关街道,东区.docx"]


def test_a_bad_row_of_a_tab_separated_list_is_located(capsys, campaign, tmp_path):
    units = tmp_path / "名单.txt"
    units.write_bytes(TABBED.replace("\t980\t", "\t九百八十\t").encode("gbk"))
    code, _, err = run(capsys, "batch", str(campaign), "--units", str(units), "-o",
                       str(tmp_path / "out"), "-j", "1", "-q")
    assert (code, err) == (1, f"{units}:3:3: 发放资料: 应为数字，实际为文本“九百八十”（单位“东关街道”）\n")


def test_a_stray_tab_is_located_at_its_own_row(campaign, tmp_path):
    units = tmp_path / "名单.txt"
    units.write_bytes(TABBED.replace("\t2150", "\t2150\t\t备注").encode("gbk"))
    assert refused(campaign, units, tmp_path / "out") == (
        f"{units}:3:8: 这一列有内容但没有列名：请在第一行填写列名")


def test_rows_hold_their_cells_under_columns_they_share_and_say_where_each_was(tmp_path):
    units = tmp_path / "units.csv"
    units.write_text("单位名称,,负责人,发放资料\n甲,,张三,3\n\n乙,,,4\n", "utf-8")
    first, second = read_sheet(units).rows
    assert first.columns is second.columns  # one mapping of names for the whole table
    assert (first.cells, second.cells) == (("甲", "张三", "3"), ("乙", None, "4"))
    assert [first.place(n) for n in ("单位名称", "负责人", "发放资料", "备注")] == [
        (2, 1), (2, 3), (2, 4), None]
    assert (second.value("负责人"), second.place("负责人"), second.value("备注")) == (None, (4, 3), None)


def test_a_yaml_row_says_where_each_value_was_and_lacks_the_keys_it_does_not_write(tmp_path):
    units = tmp_path / "units.yaml"
    units.write_text("- 单位名称: 甲\n  发放资料: 3\n- 发放资料: 4\n  单位名称: 乙\n  负责人: 张三\n", "utf-8")
    first, second = read_sheet(units).rows
    assert (first.cells, second.cells) == (("甲", 3, None), ("乙", 4, "张三"))
    assert (first.place("负责人"), first.value("负责人"), second.place("负责人")) == (None, None, (5, 3))
    assert (first.values, first.places) == ({"单位名称": "甲", "发放资料": 3},
                                             {"单位名称": (1, 3), "发放资料": (2, 3)})


def test_a_unit_holds_its_row_and_makes_its_values_on_each_use(tmp_path):
    from reportgen.batches.units import read_units

    units = tmp_path / "units.csv"
    units.write_text("单位名称,负责人,发放资料,备注\n甲,张三,3,\n", "utf-8")
    unit, = read_units(units, None, ["发放资料"])
    assert not hasattr(unit, "__dict__") and unit.problems == ()
    assert unit.values == unit.values is not unit.values  # made afresh, equal each time
    assert unit.values["metrics"] == {"发放资料": {"value": 3, "unit": ""}}
    assert unit.values["unit"]["负责人"] == "张三"
    empty = unit.values["unit"]["备注"]  # an empty cell: a placeholder reading it fails there
    assert (empty.file, empty.line, empty.col) == (str(units), 2, 4)


def test_a_long_list_is_held_in_under_a_kilobyte_a_unit(tmp_path):
    import tracemalloc

    from reportgen.batches.units import read_units

    units = tmp_path / "units.csv"
    units.write_text(",".join(HEADER) + "\n" + "".join(
        f"城关街道{i},张建国,1326,12,35.5,2860\n" for i in range(20_000)), "utf-8")
    tracemalloc.start()
    try:
        found = read_units(units, None, [])
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(found) == 20_000 and held / 20_000 < 900  # about 640 bytes; mappings took 1,840
