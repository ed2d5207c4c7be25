"""Every sample, built, imported and built again, shows the same text, paragraph by paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES
from docx_text import shown_text

import reportgen
from reportgen.docx_import.import_file import import_docx

NAMES = ("plan", "plan-minimal", "summary", "notice-plan", "two-years/2024", "two-years/2025",
         "campaign/campaign")


def round_trip(docx: Path, folder: Path, **options) -> tuple[Path, Path]:
    """``docx`` imported into ``folder`` and built again: the YAML and the new .docx."""
    imported = import_docx(docx, folder / f"{docx.stem}.yaml", **options)
    return imported.path, reportgen.build(imported.path, folder / f"{docx.stem}-again.docx")


@pytest.mark.parametrize("name", NAMES)
def test_each_sample_comes_back_with_the_same_text(name, tmp_path):
    built = reportgen.build(SAMPLES / f"{name}.yaml", tmp_path / "built.docx")
    _, again = round_trip(built, tmp_path)
    assert shown_text(again) == shown_text(built)
    assert len(shown_text(built)) >= 9  # the text compared is the whole document


def test_the_plan_comes_back_with_its_structure(tmp_path):
    built = reportgen.build(SAMPLES / "plan.yaml", tmp_path / "plan.docx")
    data = reportgen.validate(round_trip(built, tmp_path)[0])
    assert [s.name for s in data.stages.items] == ["走访调研、汇集民情", "公开承诺、为民办事", "总结提高、完善机制"]
    assert data.stages.format == "第一阶段"
    group = data.leadership.group
    assert (group.leader, group.deputies[0], group.members[-1]) == (
        ["王建国　区委书记"], "李明　区委副书记", "吴海燕　区信访局局长")
    assert data.attachments[0].table.columns == ["序号", "实事内容", "办理时限", "推进措施", "责任人", "责任单位"]
    assert data.doc_number == "城委发〔2024〕12号" and data.red_header and data.cc[0] == "市委组织部"


def test_stage_dates_come_back_as_dates(tmp_path):
    built = reportgen.build(SAMPLES / "notice-plan.yaml", tmp_path / "notice.docx")
    data = reportgen.validate(round_trip(built, tmp_path)[0])
    assert [(str(s.start), str(s.end)) for s in data.stages.items] == [
        ("2024-03-01", "2024-03-01"), ("2024-03-04", "2024-03-25"), ("2024-03-26", "2024-04-05")]
    assert data.cover_notice is not None and data.sealed


def test_metrics_become_placeholders_and_print_the_same(tmp_path):
    built = reportgen.build(SAMPLES / "summary.yaml", tmp_path / "summary.docx")
    yaml, again = round_trip(built, tmp_path, metrics=True)
    data = reportgen.validate(yaml)
    assert data.metrics["毒饵盒"].value == 48 and data.metrics["毒饵盒"].unit == "个"
    assert "{{ 指标.毒饵盒 }}{{ 指标.毒饵盒.unit }}" in yaml.read_text("utf-8")
    assert shown_text(again) == shown_text(built)


def test_a_total_row_reportgen_sums_again_is_a_total(tmp_path):
    built = reportgen.build(SAMPLES / "summary.yaml", tmp_path / "summary.docx")
    table = reportgen.validate(round_trip(built, tmp_path)[0]).sections[-1].table
    assert table.total is True and [row[1] for row in table.rows] == [
        "局机关", "市养路段", "市客运中心站", "公路养护道班"]


def test_a_total_row_that_does_not_add_up_stays_a_row(tmp_path):
    source = tmp_path / "原来的总结.yaml"
    source.write_text("标题: 安全检查工作总结\n成文日期: 2024-07-05\n正文:\n  - 标题: 检查情况\n"
                      "    表格:\n      列: [单位, 隐患]\n      行: [[一中, 12], [二小, 8], [合计, 21]]\n",
                      "utf-8")
    built = reportgen.build(source, tmp_path / "总结.docx")
    table = reportgen.validate(round_trip(built, tmp_path)[0]).sections[0].table
    assert table.total is False and table.rows[-1] == ["合计", "21"]
