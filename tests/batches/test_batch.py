"""reportgen batch and rollup: units from .xlsx/.csv/YAML, per-unit documents, manifest, roll-up."""

from __future__ import annotations

import csv
import hashlib
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from helpers import ROOT, run
from openpyxl.styles import Font

import reportgen
from reportgen.errors import ReportgenError

CAMPAIGN = """\
文种: 总结
标题: "{{ 单位.名称 }}关于{{ 变量.活动 }}的工作总结"
单位: 示例单位
变量:
  活动: 爱国卫生月活动
指标:
  发放资料: {值: 0, 单位: 份}
开头: "{{ 单位.名称 }}共发放资料{{ 指标.发放资料 }}{{ 指标.发放资料.unit }}，举办培训{{ 指标.培训场次 }}场。"
主要做法:
  内容: "由{{ 单位.负责人 }}牵头。"
署名: "{{ 单位.名称 }}"
成文日期: 2025-06-10
汇总:
  标题: "{{ 变量.活动 }}情况汇总"
  开头: "共{{ 统计.单位数 }}个单位，汇总{{ 统计.完成 }}个，共发放资料{{ 合计.发放资料 }}{{ 合计.发放资料.unit }}。"
  署名: 区爱卫办
  成文日期: 2025-06-20
"""
ROWS = [("城关街道", "326", 12, "张三"), ("东关街道", 200, 8, "李四"), ("西关街道", 150, 5, "王五")]


@pytest.fixture
def campaign(write_yaml) -> Path:
    return write_yaml(CAMPAIGN, "campaign.yaml")


def write_csv(path: Path, rows: list, encoding: str = "gbk") -> Path:
    lines = [["单位名称", "发放资料", "培训场次", "负责人"], *rows, [], []]
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(lines)
    return path


def texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs if p.text]


def manifest_rows(folder: Path, name: str = "manifest.csv") -> list[list[str]]:
    return list(csv.reader((folder / name).read_text(encoding="utf-8-sig").splitlines()))


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.docx"))}


def test_an_xlsx_with_a_two_row_merged_header_builds_each_unit(campaign, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["单位名称", "宣传情况", None, "负责人"])
    sheet.append([None, "发放资料", "培训场次", None])
    for name, handouts, trainings, head in ROWS[:2]:
        sheet.append([name, handouts, trainings, head])
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("D1:D2")
    sheet.cell(row=9, column=1).font = Font(bold=True)  # formatted but empty rows at the end
    book.save(tmp_path / "units.xlsx")
    outcome = reportgen.batch(campaign, tmp_path / "units.xlsx", tmp_path / "out", jobs=1)
    assert [(e.unit, e.status, e.file) for e in outcome.entries] == [
        ("城关街道", "已生成", "城关街道.docx"), ("东关街道", "已生成", "东关街道.docx")]
    body = texts(tmp_path / "out" / "城关街道.docx")
    assert body[0] == "城关街道关于爱国卫生月活动的工作总结"
    assert "城关街道共发放资料326份，举办培训12场。" in body
    assert "由张三牵头。" in body
    assert "由李四牵头。" in texts(tmp_path / "out" / "东关街道.docx")


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8", "utf-16"])
def test_a_csv_as_excel_saves_it(campaign, tmp_path, encoding):
    units = write_csv(tmp_path / "units.csv", ROWS, encoding)
    outcome = reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert [e.status for e in outcome.entries] == ["已生成"] * 3
    assert "西关街道共发放资料150份，举办培训5场。" in texts(tmp_path / "out" / "西关街道.docx")


def test_a_yaml_list_of_units(campaign, write_yaml, tmp_path):
    units = write_yaml("- {单位名称: 城关街道, 发放资料: 326, 培训场次: 12, 负责人: 张三}\n",
                       "units.yaml")
    reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert "由张三牵头。" in texts(tmp_path / "out" / "城关街道.docx")


def test_bad_units_are_reported_and_the_others_still_built(capsys, campaign, tmp_path):
    rows = [ROWS[0], ("东关街道", "xxx", 8, "李四"), ("西关街道", "", 5, "王五"), ("", 1, 1, "赵六")]
    units = write_csv(tmp_path / "units.csv", rows)
    code, out, err = run(capsys, "batch", str(campaign), "--units", str(units), "-o",
                         str(tmp_path / "out"), "-j", "1")
    assert code == 1
    assert err == (f"{units}:3:2: 发放资料: 应为数字，实际为文本“xxx”（单位“东关街道”）\n"
                   f"{units}:4:2: 发放资料: 没有填写（没有就填 0）（单位“西关街道”）\n"
                   f"{units}:5:1: 单位名称: 单位名称不能为空（单位“”）\n")
    assert out.splitlines()[0] == "[1/4] 已生成 城关街道：城关街道.docx"
    assert out.splitlines()[-1] == (f"共 4 个单位：已生成 1 个，未变 0 个，失败 3 个；汇总：{tmp_path}/out/汇总.docx；"
                                    f"清单：{tmp_path}/out/manifest.csv")
    rows = manifest_rows(tmp_path / "out")
    assert rows[0] == ["单位", "行号", "状态", "文件", "sha256", "错误信息", "输入摘要", "工作表"]
    assert [r[:4] for r in rows[1:]] == [["城关街道", "2", "已生成", "城关街道.docx"],
                                         ["东关街道", "3", "失败", ""], ["西关街道", "4", "失败", ""],
                                         ["", "5", "失败", ""]]
    assert rows[2][5] == f"{units}:3:2: 发放资料: 应为数字，实际为文本“xxx”（单位“东关街道”）"
    assert rows[1][4] == hashlib.sha256((tmp_path / "out" / "城关街道.docx").read_bytes()).hexdigest()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "manifest.csv", "城关街道.docx", "汇总.docx"]


def test_a_placeholder_a_unit_cannot_fill_names_the_campaign_line_and_the_unit_row(campaign, tmp_path):
    units = tmp_path / "units.csv"
    units.write_text("单位名称,发放资料,培训场次\n城关街道,326,12\n", encoding="utf-8")
    outcome = reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert outcome.entries[0].error == (
        f"{campaign}:10:3: 主要做法.内容: 占位符中的“单位.负责人”没有定义；可用：单位.name、单位.名称"
        f"（单位“城关街道”，{units} 第 2 行）")


def test_the_rollup_totals_every_unit_that_succeeded(campaign, tmp_path):
    units = write_csv(tmp_path / "units.csv", [*ROWS, ("南关街道", "x", 1, "钱七")])
    outcome = reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert outcome.rollup == tmp_path / "out" / "汇总.docx"
    document = docx.Document(outcome.rollup)
    body = texts(outcome.rollup)
    assert body[:2] == ["爱国卫生月活动情况汇总", "共4个单位，汇总3个，共发放资料676份。"]
    assert "应报4个单位，已汇总3个；1个单位的数据有误，未汇总：南关街道。" in body
    table = [[c.text for c in row.cells] for row in document.tables[-1].rows]
    assert table == [["序号", "单位", "发放资料（份）", "培训场次"],
                     ["1", "城关街道", "326", "12"], ["2", "东关街道", "200", "8"],
                     ["3", "西关街道", "150", "5"], ["合计", "", "676", "25"]]


@pytest.mark.parametrize(("old", "new", "message"), [
    ("{{ 合计.发放资料 }}", "{{ 合计.发放资枓 }}",
     "{campaign}:15:3: 汇总.开头: 占位符中的“合计.发放资枓”没有定义；是否想写“合计.发放资料”？"),
    ("文种: 总结\n", "文种: 总结\n模板: house.doc\n",
     "{folder}/house.doc: 这是 Word 97-2003 格式（.doc）的文件：请在 Word 或 WPS 中“另存为”.docx 格式后再用"),
], ids=["rollup", "template"])
def test_a_broken_campaign_stops_the_batch_before_any_unit_is_built(write_yaml, tmp_path, old, new,
                                                                     message):
    (tmp_path / "house.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    campaign = write_yaml(CAMPAIGN.replace(old, new), "campaign.yaml")
    units = write_csv(tmp_path / "units.csv", ROWS)
    with pytest.raises(ReportgenError) as raised:
        reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert str(raised.value) == message.format(campaign=campaign, folder=tmp_path)
    assert not (tmp_path / "out").exists()


def test_rollup_alone_from_the_data(capsys, campaign, tmp_path):
    units = write_csv(tmp_path / "units.csv", ROWS)
    code, out, err = run(capsys, "rollup", str(campaign), "--units", str(units), "-o", str(tmp_path / "r"))
    assert (code, out, err) == (0, f"已生成 {tmp_path}/r/汇总.docx\n", "")
    assert "共3个单位，汇总3个，共发放资料676份。" in texts(tmp_path / "r" / "汇总.docx")
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == ["汇总.docx"]


def test_a_rollup_too_big_to_read_back_is_refused_as_too_many_units(capsys, campaign, tmp_path,
                                                                    monkeypatch):
    import reportgen.word.fill

    monkeypatch.setattr(reportgen.word.fill, "MAX_XML", 2_000)  # a 汇总 of 3 units fills more
    units = write_csv(tmp_path / "units.csv", ROWS)
    code, out, err = run(capsys, "rollup", str(campaign), "--units", str(units), "-o", str(tmp_path / "r"))
    assert (code, out) == (1, "")
    assert err == (f"{campaign}: 汇总: 3 个单位的汇总表太大，填写后超过 reportgen 能再读取检查的文档大小，"
                   "未生成汇总.docx：请把单位分成几份，分别批量生成并汇总\n未生成文件。\n")
    assert not (tmp_path / "r" / "汇总.docx").exists()


def test_a_batch_whose_rollup_is_too_big_says_its_units_are_written(capsys, campaign, tmp_path,
                                                                     monkeypatch):
    import reportgen.word.fill

    rows = [(f"第{i}街道", i, 1, "张三") for i in range(60)]
    units = write_csv(tmp_path / "units.csv", rows)
    sizes = {p.name: len(zipfile.ZipFile(p).read("word/document.xml")) for p in
             (reportgen.batch(campaign, units, tmp_path / "whole", jobs=1).rollup.parent).iterdir()
             if p.suffix == ".docx"}
    rollup = sizes.pop("汇总.docx")
    assert max(sizes.values()) * 2 < rollup  # so a limit between them refuses only the 汇总
    monkeypatch.setattr(reportgen.word.fill, "MAX_XML", (max(sizes.values()) + rollup) // 2)
    code, out, err = run(capsys, "batch", str(campaign), "--units", str(units), "-o",
                         str(tmp_path / "out"), "-q", "-j", "1")
    assert (code, out) == (1, "")
    assert err == (f"{campaign}: 汇总: 60 个单位的汇总表太大，填写后超过 reportgen 能再读取检查的文档大小，"
                   "未生成汇总.docx：请把单位分成几份，分别批量生成并汇总\n"
                   "各单位的文件已写好，都记在 manifest.csv 中；未生成汇总.docx。\n")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        ["manifest.csv", *sizes])


def test_an_unchanged_rerun_writes_nothing_not_even_the_rollup(campaign, tmp_path):
    units = write_csv(tmp_path / "units.csv", ROWS)
    reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    files = sorted((tmp_path / "out").iterdir())
    before = [(p.name, p.stat().st_ino, p.stat().st_mtime_ns) for p in files]
    again = reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert [e.status for e in again.entries] == ["未变"] * 3
    after = sorted((tmp_path / "out").iterdir())
    assert [(p.name, p.stat().st_ino, p.stat().st_mtime_ns) for p in after] == before
    assert "汇总.docx" in [name for name, _, _ in before]


def test_two_processes_give_the_same_bytes_as_one(campaign, tmp_path):
    units = write_csv(tmp_path / "units.csv", ROWS * 1 + [(f"第{i}小学", i, i, "校长") for i in range(9)])
    reportgen.batch(campaign, units, tmp_path / "one", jobs=1)
    reportgen.batch(campaign, units, tmp_path / "two", jobs=2)
    assert len(digests(tmp_path / "one")) == 13
    assert digests(tmp_path / "one") == digests(tmp_path / "two")
    assert manifest_rows(tmp_path / "one") == manifest_rows(tmp_path / "two")


def test_a_rerun_skips_what_did_not_change_and_rebuilds_what_did(campaign, tmp_path):
    units = write_csv(tmp_path / "units.csv", ROWS)
    reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    again = reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert [e.status for e in again.entries] == ["未变"] * 3
    write_csv(units, [ROWS[0], ("东关街道", 201, 8, "李四"), ROWS[2]])
    (tmp_path / "out" / "西关街道.docx").write_bytes(b"damaged")
    changed = reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert [e.status for e in changed.entries] == ["未变", "已生成", "已生成"]
    forced = reportgen.batch(campaign, units, tmp_path / "out", jobs=1, force=True)
    assert [e.status for e in forced.entries] == ["已生成"] * 3


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_interrupted_batch_keeps_what_it_finished_and_a_rerun_completes_it(campaign, tmp_path,
                                                                             jobs):
    units = write_csv(tmp_path / "units.csv", [(f"单位{i}", i, i, "甲") for i in range(12)])
    reportgen.batch(campaign, units, tmp_path / "clean", jobs=1)

    def interrupt(entry, done, total):
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        reportgen.batch(campaign, units, tmp_path / "out", jobs=jobs, progress=interrupt)
    rows = manifest_rows(tmp_path / "out")[1:]
    assert 2 <= len(rows) < 12 if jobs == 1 else len(rows) >= 2  # two processes may finish first
    written = digests(tmp_path / "out")
    assert all(r[2] == "已生成" and written[r[3]] == r[4] for r in rows)  # listed means complete
    assert sorted(written) == sorted(r[3] for r in rows)  # and every file written is listed
    rerun = reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    done = {r[0] for r in rows}
    assert [e.status for e in rerun.entries] == ["未变" if f"单位{i}" in done else "已生成"
                                                 for i in range(12)]
    assert digests(tmp_path / "out") == digests(tmp_path / "clean")


def test_unit_names_become_safe_unique_file_names(campaign, tmp_path):
    names = ["../x", "CON", "a/b", "a_b", "汇总", "A_B", "nul.txt", " 点. ", "x" * 100]
    units = write_csv(tmp_path / "units.csv", [(n, 1, 1, "张三") for n in names])
    outcome = reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert [e.file for e in outcome.entries] == [
        "_x.docx", "_CON.docx", "a_b.docx", "a_b-2.docx", "汇总-2.docx", "A_B-3.docx",
        "_nul.txt.docx", "点.docx", "x" * 80 + ".docx"]
    assert {p.parent for p in (tmp_path / "out").rglob("*.docx")} == {tmp_path / "out"}


def test_shards_split_the_units_without_overlap(campaign, tmp_path):
    units = write_csv(tmp_path / "units.csv", [(f"单位{i}", i, i, "甲") for i in range(7)])
    built = [reportgen.batch(campaign, units, tmp_path / "out", jobs=1, shard=(k, 3)) for k in (1, 2, 3)]
    assert [[e.unit for e in b.entries] for b in built] == [
        ["单位0", "单位3", "单位6"], ["单位1", "单位4"], ["单位2", "单位5"]]
    assert all(b.rollup is None for b in built)
    assert [b.manifest.name for b in built] == ["manifest-1-3.csv", "manifest-2-3.csv", "manifest-3-3.csv"]


def test_only_builds_the_named_units_and_keeps_the_manifest_whole(campaign, tmp_path):
    units = write_csv(tmp_path / "units.csv", ROWS)
    reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    outcome = reportgen.batch(campaign, units, tmp_path / "out", jobs=1, only=("东关街道",), force=True)
    assert [(e.unit, e.status) for e in outcome.entries] == [("东关街道", "已生成")]
    assert len(manifest_rows(tmp_path / "out")) == 4
    with pytest.raises(ReportgenError) as raised:
        reportgen.batch(campaign, units, tmp_path / "out", jobs=1, only=("东关",))
    assert str(raised.value) == "--only: 名单中没有单位“东关”；是否想写“东关街道”？"


def test_the_manifest_never_holds_a_formula(campaign, tmp_path):
    units = write_csv(tmp_path / "units.csv", [("=cmd|' /C calc'!A0", 1, 1, "甲"), ROWS[0]])
    reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    raw = (tmp_path / "out" / "manifest.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf\xe5\x8d\x95\xe4\xbd\x8d,")  # BOM, then 单位
    assert manifest_rows(tmp_path / "out")[1][0] == "'=cmd|' /C calc'!A0"


def test_quiet_batch_prints_only_problems(capsys, campaign, tmp_path):
    units = write_csv(tmp_path / "units.csv", ROWS)
    assert run(capsys, "batch", str(campaign), "--units", str(units), "-o", str(tmp_path / "o"),
               "-q", "-j", "2") == (0, "", "")
    assert len(digests(tmp_path / "o")) == 4


@pytest.mark.parametrize(("name", "content", "message"), [
    ("units.xls", b"\xd0\xcf\x11\xe0", "不支持Excel 97-2003（.xls）格式：请在 Excel 或 WPS 中“另存为”.xlsx 或 .csv 后再用"),
    ("units.json", b"[]", "单位名单应为 .xlsx、.csv、.txt（制表符分隔）或 .yaml 文件，或放各单位 YAML 文件的文件夹"),
    ("units.csv", "名称x,发放资料\n城关街道,1\n".encode(),
     "1:1: 缺少单位名称列：第一行应有一列名为“单位名称”（或 name、名称）；现有列：名称x、发放资料"),
    ("units.csv", "单位名称,发放资料\n\n".encode(), "名单中没有任何单位"),
    ("units.csv", "单位名称,,发放资料\n城关街道,x,1\n".encode(), "2:2: 这一列有内容但没有列名：请在第一行填写列名"),
    ("units.xlsx", b"PK\x03\x04broken", "无法读取这个 Excel 文件（文件已损坏，或不是 .xlsx 格式）：请在 Excel 或 WPS 中打开后“另存为”.xlsx"),
])
def test_unusable_unit_lists_are_refused_before_anything_is_built(campaign, tmp_path, name, content, message):
    units = tmp_path / name
    units.write_bytes(content)
    with pytest.raises(ReportgenError) as raised:
        reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert str(raised.value) == f"{units}{':' if message[0].isdigit() else ': '}{message}"
    assert not (tmp_path / "out").exists()


def test_how_columns_map_onto_unit_fields_metrics_and_vars(tmp_path):
    from reportgen.batches.unit_lists import read_sheet
    from reportgen.batches.units import columns, unit_inputs
    from reportgen.validation.placeholders import Unwritten

    path = tmp_path / "u.csv"
    path.write_text("名称,发放资料（份）,培训场次,邮编,电话,单位.工号,变量.片区,指标.评分,备注\n"
                    "城关街道,326,12,0311,13800000000,7,东片,9.5,好\n"
                    "东关街道,\"1,200\",8,0312,13900000000,8,西片,8,\n", encoding="utf-8")
    sheet = read_sheet(path)
    name, mapping = columns(sheet, {"培训场次"})
    assert name == "名称"
    assert [(c.name, c.kind, c.key, c.measure) for c in mapping] == [
        ("发放资料（份）", "metrics", "发放资料", "份"), ("培训场次", "metrics", "培训场次", ""),
        ("邮编", "unit", "邮编", ""), ("电话", "metrics", "电话", ""),
        ("单位.工号", "unit", "工号", ""), ("变量.片区", "vars", "片区", ""),
        ("指标.评分", "metrics", "评分", ""), ("备注", "unit", "备注", "")]
    second = unit_inputs(sheet, name, mapping)[1]
    assert second.values == {
        "unit": {"邮编": "0312", "工号": "8", "备注": Unwritten(str(path), 3, 9, "备注")},
        "metrics": {"发放资料": {"value": 1200, "unit": "份"}, "培训场次": {"value": 8, "unit": ""},
                    "电话": {"value": 13900000000, "unit": ""}, "评分": {"value": 8, "unit": ""}},
        "vars": {"片区": "西片"}}


def test_a_folder_of_unit_files_each_laid_over_the_campaign(campaign, write_yaml, tmp_path):
    (tmp_path / "units").mkdir()
    write_yaml("单位: {名称: 城关街道, 负责人: 张三}\n指标: {发放资料: 326, 培训场次: 12}\n"
               "主要做法:\n  内容: 城关街道自己的一段话。\n", "units/01-城关.yaml")
    write_yaml("单位: {负责人: 李四}\n指标: {发放资料: 200, 培训场次: 8}\n", "units/02-东关街道.yaml")
    bad = write_yaml("单位: {名称: 西关街道, 负责人: 王五}\n指标: {发放资料: 1, 培训场次: 1}\n"
                     "成文日期: 2025-02-30\n",
                     "units/03.yaml")
    outcome = reportgen.batch(campaign, tmp_path / "units", tmp_path / "out", jobs=1)
    assert [(e.unit, e.status, e.file) for e in outcome.entries] == [
        ("城关街道", "已生成", "城关街道.docx"), ("02-东关街道", "已生成", "02-东关街道.docx"),
        ("西关街道", "失败", "")]
    own = texts(tmp_path / "out" / "城关街道.docx")
    assert "城关街道自己的一段话。" in own and "由张三牵头。" not in own
    assert "02-东关街道共发放资料200份，举办培训8场。" in texts(tmp_path / "out" / "02-东关街道.docx")
    assert outcome.entries[2].error == (
        f"{bad}:3:1: 成文日期: 日期不存在：2025年2月30日（单位“西关街道”）")  # its own file


def test_a_unit_comes_out_as_the_same_document_built_alone(campaign, write_yaml, tmp_path):
    units = write_csv(tmp_path / "units.csv", ROWS[:1])
    reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    alone = write_yaml(CAMPAIGN.split("汇总:")[0].replace(
        "单位: 示例单位", "单位: {名称: 城关街道, 负责人: 张三}").replace(
        "  发放资料: {值: 0, 单位: 份}", "  发放资料: {值: 326, 单位: 份}\n  培训场次: 12"), "alone.yaml")
    single = docx.Document(reportgen.build(alone, tmp_path / "alone.docx"))
    batched = docx.Document(tmp_path / "out" / "城关街道.docx")
    assert [(p.style.name, p.text, p.paragraph_format.right_indent) for p in batched.paragraphs] == \
        [(p.style.name, p.text, p.paragraph_format.right_indent) for p in single.paragraphs]


def test_a_wide_rollup_table_keeps_its_short_columns_whole(tmp_path):
    from docx.oxml.ns import qn

    campaign = reportgen.batch(ROOT / "samples" / "campaign" / "campaign.yaml",
                               ROOT / "samples" / "campaign" / "units.csv", tmp_path, jobs=1).rollup
    table = docx.Document(campaign).tables[-1]
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(grid) == 8845
    assert grid[:2] == [3 * 280, 5 * 280]  # 序号 and 单位 (城关街道): their natural width, in 4号 字


def test_the_sheet_is_chosen_by_name(campaign, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "说明"
    named = book.create_sheet("名单")
    named.append(["单位名称", "发放资料", "培训场次", "负责人"])
    named.append(list(ROWS[0]))
    book.save(tmp_path / "units.xlsx")
    outcome = reportgen.batch(campaign, tmp_path / "units.xlsx", tmp_path / "out", jobs=1, sheet="名单")
    assert [e.unit for e in outcome.entries] == ["城关街道"]
    with pytest.raises(ReportgenError) as raised:
        reportgen.batch(campaign, tmp_path / "units.xlsx", tmp_path / "out", jobs=1, sheet="单位")
    assert str(raised.value) == f"{tmp_path / 'units.xlsx'}: 没有名为“单位”的工作表；有：说明、名单"


def test_a_document_that_cannot_be_written_fails_its_unit_only(campaign, tmp_path):
    units = write_csv(tmp_path / "units.csv", ROWS)
    (tmp_path / "out" / "东关街道.docx").mkdir(parents=True)  # a folder where the file should go
    outcome = reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert [(e.unit, e.status) for e in outcome.entries] == [
        ("城关街道", "已生成"), ("东关街道", "失败"), ("西关街道", "已生成")]
    assert outcome.entries[1].error == (
        f"{tmp_path / 'out' / '东关街道.docx'}: 无法写入：这里已有同名的文件夹，请换一个文件名（单位“东关街道”）")
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")) == []
