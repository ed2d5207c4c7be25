"""reportgen init: starter files that validate and build as written, with the schema beside them."""

from __future__ import annotations

import json

import docx
import pytest
from helpers import run

import reportgen
from reportgen.authoring.starter_files import KINDS, SCHEMA_LINE, starter_text
from reportgen.model.documents import Plan, Summary


@pytest.mark.parametrize("kind", KINDS)
def test_starters_build_as_written(kind, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "init", kind) == (
        0, f"已生成 {kind}.yaml\n已生成 reportgen.schema.json\n", "")
    built = reportgen.build(tmp_path / f"{kind}.yaml")
    text = [p.text for p in docx.Document(built).paragraphs]
    assert not any("{{" in t or "$" in t for t in text)
    assert (tmp_path / f"{kind}.yaml").read_text("utf-8").startswith(SCHEMA_LINE)
    assert json.loads((tmp_path / "reportgen.schema.json").read_text("utf-8"))["title"]


@pytest.mark.parametrize(("kind", "model"), [("plan", Plan), ("summary", Summary)])
def test_starters_show_every_key_of_their_document(kind, model):
    lines = starter_text(kind, 2025).splitlines()
    keys = {line.lstrip("# ").split(":")[0] for line in lines if ":" in line}
    chinese = {info.validation_alias.choices[1] for info in model.model_fields.values()}
    assert chinese - keys == set()


@pytest.mark.parametrize("kind", KINDS)
def test_every_key_is_explained_on_its_line_or_the_line_above(kind):
    lines = starter_text(kind, 2025).splitlines()
    unexplained = [line for above, line in zip(lines, lines[1:], strict=False)
                   if line[:1] not in ("", " ", "#") and "#" not in line and not above.startswith("#")]
    assert unexplained == []


def test_the_year_is_filled_in():
    text = starter_text("plan", 2031)
    assert "成文日期: 2031-05-20" in text and "  年度: 2031" in text and "${" not in text


def test_the_campaign_starter_batch_builds_its_units_and_rollup(tmp_path):
    text = starter_text("campaign", 2025)
    assert "{{ 单位.名称 }}" in text and "{{ 指标." in text
    (tmp_path / "campaign.yaml").write_text(text, "utf-8")
    (tmp_path / "units.csv").write_text("单位名称,负责人,宣传场次,参与人数,排查隐患,整改隐患\n"
                                        "城关街道,张三,3,1200,5,4\n东关街道,李四,2,800,3,3\n", "utf-8")
    outcome = reportgen.batch(tmp_path / "campaign.yaml", tmp_path / "units.csv", tmp_path / "out", jobs=1)
    assert [e.status for e in outcome.entries] == ["已生成", "已生成"]
    body = [p.text for p in docx.Document(outcome.rollup).paragraphs]
    assert ("全区2个单位参加了2025年“安全生产月”活动，已汇总2个单位的情况。共开展安全宣传5场，"
            "参与群众2,000人次，排查隐患8处，已整改7处。") in body


def test_init_never_overwrites(tmp_path, capsys):
    out = tmp_path / "我的方案.yaml"
    out.write_text("标题: 旧\n", "utf-8")
    (tmp_path / "reportgen.schema.json").write_text("{}", "utf-8")
    assert run(capsys, "init", "plan", "-o", str(out)) == (
        1, "", f"{out}: 文件已存在，未覆盖：请用 -o 另写一个文件名，或先删除它\n未生成文件。\n")
    assert out.read_text("utf-8") == "标题: 旧\n"


def test_an_existing_schema_file_is_kept(tmp_path, capsys):
    (tmp_path / "reportgen.schema.json").write_text("{}", "utf-8")
    out = tmp_path / "总结.yaml"
    assert run(capsys, "init", "summary", "-o", str(out)) == (0, f"已生成 {out}\n", "")
    assert (tmp_path / "reportgen.schema.json").read_text("utf-8") == "{}"


def test_the_plan_starter_announces_its_leading_group_once(tmp_path):
    (tmp_path / "plan.yaml").write_text(starter_text("plan", 2025), "utf-8")
    text = [p.text for p in docx.Document(reportgen.build(tmp_path / "plan.yaml")).paragraphs]
    assert [t for t in text if "成立" in t] == ["成立城关区“安全生产月”活动领导小组，组成人员如下："]


@pytest.mark.parametrize("kind", ["plan", "summary"])
def test_the_period_may_quote_a_variable_as_its_comment_says(kind, tmp_path):
    lines = starter_text(kind, 2025).splitlines()
    (line,) = [line for line in lines if line.startswith("时段:")]
    example = line.split("如“")[1].split("”")[0]
    assert "{{ 变量.年度 }}" in example
    text = "\n".join(f'时段: "{example}"' if ln == line else ln for ln in lines)
    (tmp_path / "starter.yaml").write_text(text, "utf-8")
    document = reportgen.validate(tmp_path / "starter.yaml")
    assert document.period == example.replace("{{ 变量.年度 }}", "2025")
