"""A campaign's own 单位 and 指标 are examples: they never reach a unit's document, and a value a
unit left empty fails that unit at the cell (or file) where it belongs."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import openpyxl
import pytest
from helpers import ROOT, run

import reportgen
from reportgen.errors import ReportgenError

SAMPLE = ROOT / "samples" / "campaign"
HEADER = "单位名称,负责人,发放资料,培训场次,清理垃圾,参与群众\n"


@pytest.fixture
def campaign(tmp_path) -> Path:
    return Path(shutil.copy(SAMPLE / "campaign.yaml", tmp_path / "campaign.yaml"))


def texts(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(path).paragraphs)


def test_an_empty_cell_fails_its_unit_at_the_cell_instead_of_printing_the_example(
        capsys, campaign, tmp_path):
    units = tmp_path / "units.csv"
    units.write_text(HEADER + "甲,,1,1,1,1\n乙,李明,2,2,2,2\n", "utf-8")
    code, out, err = run(capsys, "batch", str(campaign), "--units", str(units), "-o",
                         str(tmp_path / "out"), "-j", "1", "-q")
    assert (code, out) == (1, "")
    assert err == f"{units}:2:2: 负责人: 没有填写，而文中用到了“单位.负责人”（单位“甲”）\n"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["manifest.csv", "乙.docx", "汇总.docx"]
    assert "示例" not in texts(tmp_path / "out" / "乙.docx")


def test_an_empty_cell_the_text_does_not_use_is_no_problem(tmp_path, write_yaml):
    campaign = write_yaml("文种: 总结\n标题: '{{ 单位.名称 }}总结'\n单位: {名称: 示例, 电话: 示例电话}\n"
                          "开头: '电话{{ 单位.电话 | default(\"（未填）\") }}'\n", "campaign.yaml")
    units = tmp_path / "units.csv"
    units.write_text("单位名称,电话,备注\n甲,,\n", "utf-8")
    outcome = reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert [e.status for e in outcome.entries] == ["已生成"]
    assert "电话（未填）" in texts(tmp_path / "out" / "甲.docx")


def test_a_unit_field_the_list_lacks_is_never_the_examples(tmp_path, write_yaml):
    campaign = write_yaml("文种: 总结\n标题: '{{ 单位.名称 }}总结'\n单位: {名称: 示例, 负责人: 示例负责人}\n"
                          "开头: '由{{ 单位.负责人 }}负责。'\n", "campaign.yaml")
    units = tmp_path / "units.csv"
    units.write_text("单位名称\n甲\n", "utf-8")
    outcome = reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert outcome.entries[0].error == (
        f"{campaign}:4:1: 开头: 占位符中的“单位.负责人”没有定义；可用：单位.name、单位.名称"
        f"（单位“甲”，{units} 第 2 行）")


def test_a_declared_metric_without_a_column_stops_the_batch_before_anything_is_built(
        campaign, tmp_path):
    units = tmp_path / "units.csv"
    units.write_text("单位名称,负责人,发放资料,培训场次\n甲,张三,1,1\n", "utf-8")
    with pytest.raises(ReportgenError) as raised:
        reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert str(raised.value) == (f"{units}:1:1: 名单中没有“清理垃圾”“参与群众”列：活动文件的“指标”中有，"
                                 "各单位都要填写（没有就填 0）；不需要的请从活动文件的“指标”中删去")
    assert not (tmp_path / "out").exists()


def test_a_workbook_and_a_yaml_list_locate_the_empty_value(campaign, tmp_path, write_yaml):
    book = openpyxl.Workbook()
    book.active.append(HEADER.strip().split(","))
    book.active.append(["甲", None, 1, 1, 1, 1])
    book.save(tmp_path / "units.xlsx")
    listed = write_yaml("- {单位名称: 乙, 负责人: 李明, 发放资料: 2, 培训场次: 2, 清理垃圾: 2, 参与群众: 2}\n"
                        "- {单位名称: 丙, 发放资料: 3, 培训场次: 3, 清理垃圾: 3, 参与群众: 3}\n", "units.yaml")
    book_outcome = reportgen.batch(campaign, tmp_path / "units.xlsx", tmp_path / "a", jobs=1)
    list_outcome = reportgen.batch(campaign, listed, tmp_path / "b", jobs=1)
    assert book_outcome.entries[0].error == (f"{tmp_path / 'units.xlsx'}:2:2: 负责人: 没有填写，"
                                             "而文中用到了“单位.负责人”（单位“甲”）")
    assert [e.error for e in list_outcome.entries] == [
        "", f"{listed}:2:1: 负责人: 没有填写，而文中用到了“单位.负责人”（单位“丙”）"]


def test_a_unit_file_gets_neither_the_example_fields_nor_the_example_figures(campaign, write_yaml):
    (campaign.parent / "units").mkdir()
    write_yaml("单位: {名称: 甲, 负责人: 张三}\n指标: {发放资料: 1, 培训场次: 2, 清理垃圾: 3, 参与群众: 4}\n",
               "units/甲.yaml")
    no_leader = write_yaml("单位: {名称: 乙}\n指标: {发放资料: 1, 培训场次: 2, 清理垃圾: 3, 参与群众: 4}\n",
                           "units/乙.yaml")
    no_figures = write_yaml("单位: {名称: 丙, 负责人: 王芳}\n指标:\n  发放资料: 5\n", "units/丙.yaml")
    outcome = reportgen.batch(campaign, no_leader.parent, campaign.parent / "out", jobs=1)
    assert [e.error for e in outcome.entries] == [  # in file name order: 丙 乙 甲
        f"{no_figures}:2:1: 指标.培训场次: 没有填写（没有就填 0）（单位“丙”）\n"
        f"{no_figures}:2:1: 指标.清理垃圾: 没有填写（没有就填 0）（单位“丙”）\n"
        f"{no_figures}:2:1: 指标.参与群众: 没有填写（没有就填 0）（单位“丙”）",
        f"{no_leader}:1:1: 单位.负责人: 没有填写，而文中用到了“单位.负责人”（单位“乙”）", ""]
    body = texts(campaign.parent / "out" / "甲.docx")
    assert "由张三任组长" in body and "发放资料1份" in body and "示例" not in body


def test_an_empty_vars_cell_takes_the_campaigns_shared_value(tmp_path, write_yaml):
    campaign = write_yaml("文种: 总结\n标题: '{{ 单位.名称 }}总结'\n单位: 示例\n变量: {年度: 2025}\n"
                          "开头: '{{ 变量.年度 }}年，联系人{{ 变量.联系人 }}。'\n", "campaign.yaml")
    units = tmp_path / "units.csv"
    units.write_text("单位名称,变量.年度,变量.联系人\n甲,,张三\n乙,2024,\n", "utf-8")
    outcome = reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert "2025年，联系人张三。" in texts(tmp_path / "out" / "甲.docx")
    assert outcome.entries[1].error == (f"{units}:3:3: 变量.联系人: 没有填写，而文中用到了“变量.联系人”"
                                        "（单位“乙”）")
