"""What a reviewer marks, found in the YAML: warnings located at the key, --strict, and the same
rules as ``reportgen check``."""

from __future__ import annotations

import warnings

import pytest
from helpers import run

import reportgen
from reportgen.check.run import check_files

PASTED = """\
    标题: 关于开展活动的实施方案
    成文日期: 二○一三年六月八日
    开头: 根据揭委发[2008]22号文件精神,结合实际,制定本方案。
    工作要求:
      条目:
        - 请于2021年06月10日前报送××单位。
    """
CLEAN_DATE = PASTED.replace("二○一三年六月八日", "2013-06-08")


def marked(path, **options) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reportgen.validate(path, **options)
    return [str(w.message) for w in caught if issubclass(w.category, reportgen.ReportgenWarning)]


def test_a_date_in_chinese_numerals_is_an_error_with_its_reading(write_yaml):
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.validate(write_yaml(PASTED))
    assert [str(p).split(": ", 1)[1] for p in caught.value.problems] == [
        "成文日期: 日期格式应为 2024-10-17 或 2024年10月17日，实际为“二○一三年六月八日”（即 2013-06-08）"]


def test_every_text_is_checked_and_each_fault_located_with_its_correction(write_yaml):
    path = write_yaml(CLEAN_DATE)
    assert marked(path) == [
        f"{path}:3:1: 开头: 警告：中文中用了半角标点：“精神,结合”中的“,”应为“，”（共2处）",
        f"{path}:3:1: 开头: 警告：发文字号“揭委发[2008]22号”应写作“揭委发〔2008〕22号”",
        f"{path}:6:7: 工作要求.条目[1]: 警告：日期“2021年06月10日”应写作“2021年6月10日”",
        f"{path}:6:7: 工作要求.条目[1]: 警告：残留占位符“××”，应填入实际内容",
    ]


def test_strict_makes_warnings_errors_and_writes_nothing(write_yaml, tmp_path, capsys):
    path = write_yaml(CLEAN_DATE)
    code, out, err = run(capsys, "build", str(path), "--strict", "-o", str(tmp_path / "out.docx"))
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == f"{path}:3:1: 开头: 中文中用了半角标点：“精神,结合”中的“,”应为“，”（共2处）"
    assert err.splitlines()[-1] == "共 4 个问题，未生成文件。"
    assert not (tmp_path / "out.docx").exists()
    assert run(capsys, "validate", str(path))[0] == 0  # without --strict: warnings only


def test_errors_and_warnings_together_under_strict(write_yaml):
    path = write_yaml(PASTED.replace("    工作要求:\n", "    工作要求:\n      颜色: 红\n"))
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.validate(path, strict=True)
    assert [p.line for p in caught.value.problems] == [2, 3, 3, 5, 7, 7]


def test_placeholders_are_filled_before_the_rules_and_data_is_not_text(write_yaml):
    path = write_yaml("""\
        标题: "{{ 单位.名称 }}方案"
        成文日期: 2024-03-05
        单位: {名称: "XX街道,东关"}
        变量: {备注: "2024年03月"}
        开头: 由{{ 单位.名称 }}牵头。
        模板: plan
        """)
    assert marked(path) == [
        f"{path}:1:1: 标题: 警告：中文中用了半角标点：“街道,东关”中的“,”应为“，”",
        f"{path}:1:1: 标题: 警告：残留占位符“XX”，应填入实际内容",
        f"{path}:5:1: 开头: 警告：中文中用了半角标点：“街道,东关”中的“,”应为“，”",
        f"{path}:5:1: 开头: 警告：残留占位符“XX”，应填入实际内容",
    ]


def test_a_document_without_date_or_with_half_an_imprint(write_yaml):
    path = write_yaml("标题: 方案\n开头: 正文。\n抄送: [市委办公室]\n印发日期: 2024-03-06\n")
    assert marked(path) == [
        f"{path}:1:1: 警告：没有“成文日期”：公文应写明成文日期（如 成文日期: 2024-03-05）",
        f"{path}:3:1: 抄送: 警告：版记缺少“印发机关”：版记末行应写印发机关和印发日期",
    ]
    assert marked(write_yaml("标题: 方案\n成文日期: 2024-03-05\n开头: 正文。\n")) == []


def test_check_applies_the_same_rules_to_the_built_document(write_yaml, tmp_path):
    path = write_yaml(CLEAN_DATE)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        built = reportgen.build(path, tmp_path / "out.docx")
    from_yaml = {m.split("警告：", 1)[1] for m in marked(path)}
    from_docx = {f.message for f in check_files([built])[0][str(built)] if f.rule.startswith("text.")}
    assert from_yaml == from_docx
