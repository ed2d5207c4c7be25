"""Unit lists in each kind of file, read as written: Excel dates and formulas, YAML lists, tab-
separated UTF-16, control characters, and the files that are refused with what to do instead."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import openpyxl
import pytest

from reportgen.batches.unit_lists import read_sheet
from reportgen.errors import ReportgenError, ReportgenWarning


def rows(path: Path) -> list[tuple]:
    return [(r.line, r.values, r.places) for r in read_sheet(path).rows]


def refusal(path: Path) -> str:
    with pytest.raises(ReportgenError) as refused:
        read_sheet(path)
    return str(refused.value)


def test_a_workbook_gives_dates_as_written_and_skips_empty_rows(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "表"
    for row in (["单位名称", "日期", "时间", "数"],
                ["甲", datetime.date(2024, 3, 5), datetime.datetime(2024, 3, 5, 8, 30), 1.5],
                [None, None, None, None], ["  乙  ", datetime.datetime(2024, 3, 6), None, ""]):
        book.active.append(row)
    book.save(tmp_path / "units.xlsx")
    sheet = read_sheet(tmp_path / "units.xlsx")
    assert (sheet.names, sheet.sheet) == (["单位名称", "日期", "时间", "数"], "表")
    assert rows(tmp_path / "units.xlsx") == [
        (2, {"单位名称": "甲", "日期": "2024-03-05", "时间": "2024-03-05 08:30:00", "数": 1.5},
         {"单位名称": (2, 1), "日期": (2, 2), "时间": (2, 3), "数": (2, 4)}),
        (4, {"单位名称": "乙", "日期": "2024-03-06", "时间": None, "数": None},
         {"单位名称": (4, 1), "日期": (4, 2), "时间": (4, 3), "数": (4, 4)})]


def test_an_empty_workbook_has_no_units(tmp_path):
    openpyxl.Workbook().save(tmp_path / "units.xlsx")
    sheet = read_sheet(tmp_path / "units.xlsx")
    assert (sheet.names, sheet.rows, sheet.sheet) == ([], [], "Sheet")


def test_a_formula_saved_without_its_value_is_located(tmp_path):
    book = openpyxl.Workbook()  # a program that writes a formula saves no value with it
    book.active.append(["单位名称", "合计"])
    book.active.append(["甲", "=1+1"])
    book.save(tmp_path / "units.xlsx")
    assert refusal(tmp_path / "units.xlsx") == (
        f"{tmp_path / 'units.xlsx'}:2:2: 这个单元格是公式（=1+1），文件中没有保存计算结果：请在 Excel 或 WPS "
        "中打开并保存一次，或复制后“选择性粘贴 → 数值”")


def test_a_yaml_list_gives_each_unit_with_where_each_value_was_written(tmp_path):
    path = tmp_path / "units.yaml"
    path.write_text("- 单位名称: 甲\n  负责人: ' 张三 '\n- 单位名称: 乙\n  数: 3\n  备注: ''\n", "utf-8")
    assert read_sheet(path).names == ["单位名称", "负责人", "数", "备注"]
    assert rows(path) == [
        (1, {"单位名称": "甲", "负责人": "张三"}, {"单位名称": (1, 3), "负责人": (2, 3)}),
        (3, {"单位名称": "乙", "数": 3, "备注": None}, {"单位名称": (3, 3), "数": (4, 3), "备注": (5, 3)})]


def test_a_yaml_list_item_that_is_not_a_mapping_is_located(tmp_path):
    path = tmp_path / "units.yml"
    path.write_text("- 单位名称: 甲\n- 乙\n", "utf-8")
    assert refusal(path) == f"{path}:2:3: 每一项应是一个单位的“键: 值”映射"


def test_tab_separated_utf16_and_control_characters_are_read(tmp_path):
    tabs = tmp_path / "tabs.csv"
    tabs.write_text("单位名称\t负责人\n甲\t张三\n", "utf-16")
    assert rows(tabs) == [(2, {"单位名称": "甲", "负责人": "张三"}, {"单位名称": (2, 1), "负责人": (2, 2)})]
    bell = tmp_path / "bell.csv"
    bell.write_text("单位名称,备注\n甲\x07,\n,\n乙\n", "utf-8")
    with pytest.warns(ReportgenWarning) as warned:
        found = rows(bell)
    assert [str(w.message) for w in warned] == [f"{bell}:2:1: 已删除不可见的控制字符 U+0007"]
    assert found == [(2, {"单位名称": "甲", "备注": None}, {"单位名称": (2, 1), "备注": (2, 2)}),
                     (4, {"单位名称": "乙", "备注": None}, {"单位名称": (4, 1), "备注": (4, 2)})]


def test_a_control_character_in_the_header_is_removed_and_located_there(tmp_path):
    bell = tmp_path / "bell.csv"
    bell.write_text("单位名称,备\x07注\n甲,1\n", "utf-8")
    with pytest.warns(ReportgenWarning) as warned:
        found = rows(bell)
    assert [str(w.message) for w in warned] == [f"{bell}:1:2: 已删除不可见的控制字符 U+0007"]
    assert found == [(2, {"单位名称": "甲", "备注": "1"}, {"单位名称": (2, 1), "备注": (2, 2)})]


def test_a_filled_column_without_a_name_is_located(tmp_path):
    path = tmp_path / "units.csv"
    path.write_text("单位名称,,x\n甲,有,\n", "utf-8")
    assert refusal(path) == f"{path}:2:2: 这一列有内容但没有列名：请在第一行填写列名"


@pytest.mark.parametrize(("name", "message"), [
    ("units.xls", "不支持Excel 97-2003（.xls）格式：请在 Excel 或 WPS 中“另存为”.xlsx 或 .csv 后再用"),
    ("units.ET", "不支持WPS 表格（.et）格式：请在 Excel 或 WPS 中“另存为”.xlsx 或 .csv 后再用"),
    ("units.ods", "不支持OpenDocument（.ods）格式：请在 Excel 或 WPS 中“另存为”.xlsx 或 .csv 后再用"),
    ("units.json", "单位名单应为 .xlsx、.csv、.txt（制表符分隔）或 .yaml 文件，或放各单位 YAML 文件的文件夹"),
    ("units.xlsx", "无法读取这个 Excel 文件（文件已损坏，或不是 .xlsx 格式）：请在 Excel 或 WPS 中打开后“另存为”.xlsx"),
])
def test_files_that_are_no_unit_list_say_what_to_do(tmp_path, name, message):
    path = tmp_path / name
    path.write_bytes(b"not a table")
    assert refusal(path) == f"{path}: {message}"


def test_a_formula_is_read_as_the_value_saved_with_it(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["单位名称", "合计"])
    book.active.append(["甲", "=1+1"])
    saved = tmp_path / "saved.xlsx"
    book.save(saved)
    with zipfile.ZipFile(saved) as archive:  # give the formula its value, as Excel saves it
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(b"<f>1+1</f><v></v>", b"<f>1+1</f><v>2</v>").replace(
        b"<f>1+1</f><v/>", b"<f>1+1</f><v>2</v>")
    assert b"<v>2</v>" in parts[sheet]
    with zipfile.ZipFile(saved, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert [r.values for r in read_sheet(saved).rows] == [{"单位名称": "甲", "合计": 2}]


def test_two_columns_of_one_name_in_a_workbook_are_located(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["单位名称", "合计", "合计"])
    book.active.append(["甲", 1, 2])
    book.save(tmp_path / "units.xlsx")
    assert refusal(tmp_path / "units.xlsx") == (
        f"{tmp_path / 'units.xlsx'}:1:3: 第 2 列和第 3 列都叫“合计”：请删去其中一列，或给它改名")


def test_a_workbook_with_an_unsafe_part_name_is_not_opened(tmp_path):
    path = tmp_path / "units.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("../evil.xml", "<x/>")
    assert refusal(path) == (
        f"{path}: 这个 Excel 文件的压缩包异常（文件过多、解压后过大或含不安全的文件名），可能是恶意构造的："
        "请不要使用它；如确需使用，请在 Excel 或 WPS 中打开后“另存为”.xlsx")


FIX = "含逗号或换行的格要整格加引号，格内的引号写作两个（\"\"）；可在 Excel 中打开检查后“另存为”.csv"


@pytest.mark.parametrize(("text", "message"), [
    ("单位名称,\"负责人\n甲,张三\n", "1:1: 第1行：引号没有闭合，其后的内容会都读进这一格"),
    ("单位名称,负责人\n甲,\"张三\n", "2:1: 第2行：引号没有闭合，其后的内容会都读进这一格"),
    ("单位名称,负责人\n甲,\"张\n三\"x\n", "2:1: 第2行：引号没有闭合，其后的内容会都读进这一格"),
    ("单位名称,负责人\n甲,\"张三\"x\n", "2:1: 第2行：引号用法有误（引号后应紧跟逗号或换行）"),
])
def test_broken_quotes_are_told_apart_and_located_at_the_record_they_start(tmp_path, text, message):
    path = tmp_path / "units.csv"
    path.write_text(text, "utf-8")
    assert refusal(path) == f"{path}:{message}：{FIX}"


def test_the_delimiter_is_the_first_line_s_and_cells_keep_their_line_breaks(tmp_path):
    tabs = tmp_path / "tabs.csv"
    tabs.write_text("单位名称\t备注\n甲\t1,2\n", "utf-8")
    assert [r.values for r in read_sheet(tabs).rows] == [{"单位名称": "甲", "备注": "1,2"}]
    both = tmp_path / "both.csv"
    both.write_bytes("单位名称,备注\t说明\r\n甲,\"第一行\r\n第二行\"\r\n".encode())
    assert [r.values for r in read_sheet(both).rows] == [{"单位名称": "甲", "备注说明": "第一行\r\n第二行"}]
    single = tmp_path / "single.csv"
    single.write_text("单位名称\n甲,乙\n", "utf-8")
    assert refusal(single) == f"{single}:2:2: 这一列有内容但没有列名：请在第一行填写列名"


def test_a_cell_may_be_as_long_as_the_file(tmp_path):
    path = tmp_path / "units.csv"
    path.write_text("单" * 200_000, "utf-8")
    assert read_sheet(path).names == ["单" * 200_000]


def test_a_file_too_large_for_a_unit_list_is_refused_unread(tmp_path):
    path = tmp_path / "units.csv"
    with path.open("wb") as handle:
        handle.truncate(64_000_001)
    assert refusal(path) == f"{path}: 文件过大（64 MB，上限 64 MB）：单位名单不会有这么大，请检查是否选错了文件"


def test_only_a_filled_column_needs_a_name(tmp_path):
    filled = tmp_path / "filled.csv"
    filled.write_text("单位名称,备注,\n甲,,有\n", "utf-8")
    assert refusal(filled) == f"{filled}:2:3: 这一列有内容但没有列名：请在第一行填写列名"
    empty = tmp_path / "empty.csv"
    empty.write_text("单位名称,\n甲,\n", "utf-8")
    assert rows(empty) == [(2, {"单位名称": "甲"}, {"单位名称": (2, 1)})]


def test_a_workbook_too_large_for_a_unit_list_is_refused_unread(tmp_path):
    path = tmp_path / "units.xlsx"
    with path.open("wb") as handle:
        handle.truncate(64_000_001)
    assert refusal(path) == f"{path}: 文件过大（64 MB，上限 64 MB）：单位名单不会有这么大，请检查是否选错了文件"


def test_reading_stopped_early_gives_back_the_csv_field_size_limit(tmp_path):
    import csv
    import warnings

    bell = tmp_path / "bell.csv"
    bell.write_text("单位名称,备注\n甲\x07,\n乙,\n", "utf-8")
    before = csv.field_size_limit()
    with warnings.catch_warnings(), pytest.raises(ReportgenWarning) as raised:
        warnings.simplefilter("error", ReportgenWarning)  # the first warning stops the reading
        read_sheet(bell)
    assert csv.field_size_limit() == before  # while the error, and the reading it stopped, are held
    assert str(raised.value) == f"{bell}:2:1: 已删除不可见的控制字符 U+0007"
