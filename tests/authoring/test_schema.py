"""The JSON Schema for editors: samples and starters pass it, and it agrees with the validator."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import SAMPLES
from helpers import run

import reportgen
from reportgen import ReportgenError
from reportgen.authoring.json_schema import _models, json_schema
from reportgen.authoring.schema_help import description
from reportgen.authoring.starter_files import KINDS, starter_text
from reportgen.load.yaml_file import read_yaml

GOOD = {
    "minimal": "标题: 方案\n",
    "english summary": "title: 总结\noverview: 情况。\nresults: {items: [成效一, {title: 成效二}]}\n",
    "short forms": """\
        标题: 方案
        单位: 城关街道
        指标: {场次: 12, 人数: "1,200", 资料: {值: 3, 单位: 份}}
        阶段安排:
          - {名称: 动员, 开始: 2024/6/1, 结束: 2024.6.7}
          - {名称: 实施, 时间: 6月中旬}
        工作要求: [第一段。, 第二段。]
        """,
    "red header and yes/no": "标题: 通知\n发文机关: 区委\n红头: 是\n用印: true\n成文日期: 2024年5月20日\n",
    "placeholder date": "标题: 方案\n变量: {年度: 2025}\n成文日期: \"{{ 变量.年度 }}-06-01\"\n",
    "numbers as text": "标题: 2024\n主送机关: 2024\n附件: [名单, {标题: 表, 表格: {列: [项目, 2024], 行: [[甲, 1]]}}]\n",
    "type plan, english": "type: plan\ntitle: 方案\nguiding_ideology: 坚持。\n",
    "null optional value": "标题: 方案\n附注:\n",
}
CAMPAIGN_ROLLUP = "文种: 总结\n标题: 总结\n基本情况: 情况。\n汇总: {标题: 汇总, 合计: [场次]}\n"
BAD = {  # each with the top-level key where the schema finds the fault (() for the whole file)
    "unknown key": ("标题: 方案\n名字: 张三\n", ()),
    "missing title": ("开头: 正文。\n", ()),
    "both spellings": ("标题: 方案\ntitle: 方案\n", ()),
    "summary with a plan section": ("文种: 总结\n标题: 总结\n指导思想: 坚持。\n", ()),
    "plan and summary sections": ("标题: 方案\n指导思想: 坚持。\n基本情况: 情况。\n", ()),
    "unknown type": ("文种: 通知\n标题: 通知\n", ("文种",)),
    "date form": ("标题: 方案\n成文日期: 2024年5月\n", ("成文日期",)),
    "doc number form": ("标题: 方案\n发文字号: 城委发[2024]12号\n", ("发文字号",)),
    "yes/no": ("标题: 方案\n红头: 也许\n", ("红头",)),
    "unit as a list": ("标题: 方案\n单位: [甲, 乙]\n", ("单位",)),
    "unknown item key": ("标题: 方案\n工作重点: {条目: [{名字: 宣传}]}\n", ("工作重点",)),
    "stage format": ("标题: 方案\n阶段安排: {格式: 第二种, 条目: [{名称: 动员}]}\n", ("阶段安排",)),
    "metric text": ("标题: 方案\n指标: {场次: 很多}\n", ("指标",)),
    "empty section": ("标题: 方案\n指导思想:\n", ("指导思想",)),
    "stage without name": ("标题: 方案\n阶段安排: [{时间: 6月}]\n", ("阶段安排",)),
    "table without columns": ("标题: 方案\n工作重点: {表格: {行: [[1]]}}\n", ("工作重点",)),
}


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft7Validator(json_schema())


def schema_errors(validator, path) -> list[str]:
    return [e.message for e in validator.iter_errors(read_yaml(path).data)]


def schema_error_places(validator, path) -> set[tuple]:
    """The top-level key (or the file) where the schema finds each fault."""
    return {tuple(e.absolute_path)[:1] for e in validator.iter_errors(read_yaml(path).data)}


def test_the_printed_schema_is_a_draft_7_schema(capsys):
    code, out, err = run(capsys, "schema")
    assert (code, err) == (0, "")
    printed = json.loads(out)
    jsonschema.Draft7Validator.check_schema(printed)
    assert printed == json_schema()
    assert printed["properties"]["标题"]["title"] == "标题"
    assert printed["properties"]["title"]["description"].startswith("公文标题（必填）")


@pytest.mark.parametrize("path", sorted(SAMPLES.rglob("*.yaml")), ids=lambda p: p.name)
def test_every_sample_passes_the_schema(validator, path):
    assert schema_errors(validator, path) == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_starter_passes_the_schema(validator, kind, write_yaml):
    assert schema_errors(validator, write_yaml(starter_text(kind, 2025))) == []


@pytest.mark.parametrize("name", GOOD)
def test_schema_and_validator_accept_the_same_good_files(validator, write_yaml, name):
    path = write_yaml(GOOD[name])
    reportgen.validate(path)
    assert schema_errors(validator, path) == []


@pytest.mark.parametrize("name", BAD)
def test_schema_and_validator_refuse_the_same_bad_files(validator, write_yaml, name):
    text, place = BAD[name]
    path = write_yaml(text)
    with pytest.raises(ReportgenError):
        reportgen.validate(path)
    assert schema_error_places(validator, path) == {place}


def test_a_campaign_may_have_its_rollup_part(validator, write_yaml):
    assert schema_errors(validator, write_yaml(CAMPAIGN_ROLLUP)) == []
    both = write_yaml(CAMPAIGN_ROLLUP + "rollup: {title: x}\n")
    assert set(schema_errors(validator, both)) == {"False schema does not allow {'title': 'x'}",
                                                   "False schema does not allow {'标题': '汇总', '合计': ['场次']}"}


def test_a_file_that_extends_another_may_be_partial(validator, write_yaml):
    write_yaml("标题: 方案\n单位: {名称: 城关区, 简称: 区}\n附注: 公开\n开头: 正文。\n", "base.yaml")
    child = write_yaml("继承: base.yaml\n单位: {简称: 城关}\n附注: null\n", "child.yaml")
    reportgen.validate(child)
    assert schema_errors(validator, child) == []
    bad = write_yaml("继承: base.yaml\n名字: 张三\n", "bad.yaml")
    assert schema_errors(validator, bad) == [
        "Additional properties are not allowed ('名字' was unexpected)"]


def test_every_key_has_chinese_help():
    missing = [f"{m.__name__}.{name}" for m in _models() for name in m.model_fields
               if not description(m, name)]
    assert missing == []


def test_schema_written_to_a_file(tmp_path, capsys):
    out = tmp_path / "reportgen.schema.json"
    assert run(capsys, "schema", "-o", str(out)) == (0, f"已生成 {out}\n", "")
    assert json.loads(out.read_text("utf-8")) == json_schema()
