"""A batch never replaces a file it reads or a file reportgen did not write, and leaves untouched
the files a re-run would write with the same bytes."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from helpers import ROOT

import reportgen
from reportgen.errors import ReportgenError

SAMPLE = ROOT / "samples" / "campaign"
HEADER = "单位名称,负责人,发放资料,培训场次,清理垃圾,参与群众\n"


@pytest.fixture
def folder(tmp_path) -> Path:
    """A campaign folder: the sample campaign with its own template 模板.docx beside it."""
    shutil.copy(ROOT / "templates" / "summary.docx", tmp_path / "模板.docx")
    text = (SAMPLE / "campaign.yaml").read_text("utf-8").replace("文种: 总结", "文种: 总结\n模板: 模板.docx")
    (tmp_path / "campaign.yaml").write_text(text, "utf-8")
    return tmp_path


def units(folder: Path, *names: str, name: str = "units.csv") -> Path:
    path = folder / name
    path.write_text(HEADER + "".join(f"{n},张三,1,2,3,4\n" for n in names), "utf-8")
    return path


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())
            if p.is_file()}


def refused(folder: Path, listed: Path, out: Path) -> list[str]:
    """The problems of a batch of ``folder``'s campaign that is refused before anything changes."""
    before = snapshot(out)
    with pytest.raises(ReportgenError) as raised:
        reportgen.batch(folder / "campaign.yaml", listed, out, jobs=1)
    assert snapshot(out) == before  # nothing built, nothing replaced
    return [str(p) for p in raised.value.problems]


def test_a_unit_named_after_the_template_never_replaces_it(folder):
    listed = units(folder, "城关街道", "模板")
    assert refused(folder, listed, folder) == [
        f"{listed}:3:1: 单位“模板”的文件“模板.docx”会覆盖本次读取的模板（{folder / '模板.docx'}）："
        "请用 -o 指定另一个输出文件夹"]


def test_the_unit_list_and_a_unit_files_template_are_never_outputs(folder, write_yaml):
    listed = units(folder, "城关街道", name="manifest.csv")
    assert refused(folder, listed, folder) == [
        f"{listed}: 清单“manifest.csv”会覆盖本次读取的单位名单（{listed}）：请用 -o 指定另一个输出文件夹"]
    (folder / "单位").mkdir()
    figures = "指标: {发放资料: 1, 培训场次: 2, 清理垃圾: 3, 参与群众: 4}\n"
    write_yaml(f"单位: {{名称: 甲, 负责人: 张三}}\n模板: 乙.docx\n{figures}", "单位/甲.yaml")
    second = write_yaml(f"单位: {{名称: 乙, 负责人: 李四}}\n{figures}", "单位/乙.yaml")
    shutil.copy(folder / "模板.docx", folder / "单位" / "乙.docx")
    assert refused(folder, folder / "单位", folder / "单位") == [
        f"{second}:1:1: 单位“乙”的文件“乙.docx”会覆盖本次读取的模板（{folder / '单位' / '乙.docx'}）："
        "请用 -o 指定另一个输出文件夹"]


def test_a_file_reportgen_did_not_write_is_never_replaced(folder):
    out = folder / "out"
    out.mkdir()
    (out / "报告.docx").write_bytes(b"the user's own")
    (out / "汇总.docx").write_bytes(b"the user's own too")
    listed = units(folder, "城关街道", "报告")
    assert refused(folder, listed, out) == [
        f"{listed}:3:1: 单位“报告”的文件“报告.docx”会覆盖输出文件夹中已有的同名文件，它不是 reportgen 生成的"
        "（清单 manifest.csv 中没有它）：请移走它，或用 -o 指定另一个输出文件夹",
        f"{out / '汇总.docx'}: 汇总文档“汇总.docx”会覆盖输出文件夹中已有的同名文件，它不是 reportgen 生成的"
        "（清单 manifest.csv 中没有它）：请移走它，或用 -o 指定另一个输出文件夹"]
    (out / "报告.docx").unlink()
    (out / "汇总.docx").unlink()
    (out / "manifest.csv").write_text("编号,说明\n1,用户自己的清单\n", "utf-8")
    assert refused(folder, listed, out) == [
        f"{out / 'manifest.csv'}: 清单“manifest.csv”会覆盖输出文件夹中已有的同名文件，它不是 reportgen 写的"
        "清单：请移走它，或用 -o 指定另一个输出文件夹"]


def test_the_files_a_manifest_lists_are_replaced_and_new_ones_listed_before_they_are_built(folder):
    out = folder / "out"
    first = reportgen.batch(folder / "campaign.yaml", units(folder, "城关街道", "东关街道"), out, jobs=1)
    assert [e.status for e in first.entries] == ["已生成", "已生成"]
    (out / "城关街道.docx").write_bytes(b"changed by hand")
    seen = []

    def look(entry, done, total):  # the manifest on disk while the batch runs
        seen.append(list(csv.reader((out / "manifest.csv").read_text("utf-8-sig").splitlines())))

    again = reportgen.batch(folder / "campaign.yaml", units(folder, "城关街道", "东关街道", "西关街道"),
                            out, jobs=1, progress=look)
    assert [e.status for e in again.entries] == ["已生成", "未变", "已生成"]
    assert [r[:4] for r in seen[0]] == [
        ["单位", "行号", "状态", "文件"], ["城关街道", "2", "已生成", "城关街道.docx"],
        ["东关街道", "3", "已生成", "东关街道.docx"], ["西关街道", "4", "未完成", "西关街道.docx"]]


def test_an_unchanged_rerun_leaves_every_file_untouched(folder):
    out = folder / "out"
    listed = units(folder, "城关街道", "东关街道")
    reportgen.batch(folder / "campaign.yaml", listed, out, jobs=1)
    before = snapshot(out)
    again = reportgen.batch(folder / "campaign.yaml", listed, out, jobs=2)
    assert [e.status for e in again.entries] == ["未变", "未变"]
    assert snapshot(out) == before  # 汇总.docx and manifest.csv included: bytes and mtime
    rows = list(csv.reader((out / "manifest.csv").read_text("utf-8-sig").splitlines()))
    assert [r[2] for r in rows[1:]] == ["已生成", "已生成"]  # what the folder holds


def test_neither_build_nor_rollup_replaces_the_template(folder, write_yaml):
    shutil.copy(folder / "模板.docx", folder / "方案.docx")
    plan = write_yaml("标题: 方案\n模板: 方案.docx\n", "方案.yaml")  # its .docx would be 方案.docx
    with pytest.raises(ReportgenError) as built:
        reportgen.build(plan)
    with pytest.raises(ReportgenError) as rolled:
        reportgen.rollup(folder / "campaign.yaml", units(folder, "城关街道"), folder / "模板.docx")
    assert [str(built.value), str(rolled.value)] == [
        f"{folder / name}: 这是本次读取的模板，输出不能覆盖它：请用 -o 指定另一个输出文件或文件夹"
        for name in ("方案.docx", "模板.docx")]
    assert (folder / "方案.docx").read_bytes() == (folder / "模板.docx").read_bytes() == \
        (ROOT / "templates" / "summary.docx").read_bytes()
