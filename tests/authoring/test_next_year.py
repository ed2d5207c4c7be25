"""reportgen next-year: a thin file extending last year's, 年度 and dates moved on, and it builds."""

from __future__ import annotations

import shutil

import docx
import pytest
from conftest import SAMPLES
from helpers import problems, run

import reportgen
from reportgen.authoring.next_year import moved
from reportgen.load.yaml_file import load_yaml

THIN_2025 = """\
# 2025年的文件：继承 2024.yaml，只写与2024年不同的内容。
# 没有写的都沿用 2024.yaml；要改哪一项，就在这里写同名的键：映射逐项合并，
# 列表和文字整体替换，写 null 删除。日期已顺延，请核对。
继承: 2024.yaml
变量:
  年度: 2025
成文日期: 2025-05-20
印发日期: 2025-05-21
阶段安排:
  条目:
    - 名称: 动员部署
      开始: 2025-06-01
      结束: 2025-06-05
      内容: 各单位制定具体方案，召开动员会议，明确责任分工。
    - 名称: 组织实施
      开始: 2025-06-06
      结束: 2025-06-25
      内容: 按照工作重点逐项落实，区安委会办公室开展督导检查。
    - 名称: 总结提高
      开始: 2025-06-26
      结束: 2025-06-30
      内容: 各单位总结活动开展情况，于6月30日前报送区安委会办公室。

# 以下继承来的内容写着“2024”，请核对（要改就在这里重写该项）：
#   {old}:8:1: 发文字号: 写着“2024”
"""


@pytest.fixture
def old_2024(tmp_path):
    return shutil.copy(SAMPLES / "two-years" / "2024.yaml", tmp_path / "2024.yaml")


def paragraphs(path) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs if p.text]


def test_next_year_writes_a_thin_file_that_builds(old_2024, tmp_path, capsys):
    new = tmp_path / "2025.yaml"
    assert run(capsys, "next-year", str(old_2024)) == (0, (
        f"已生成 {new}（2025年，继承 {old_2024}）\n以下继承来的内容写着“2024”，请核对：\n"
        f"{old_2024}:8:1: 发文字号: 写着“2024”\n"), "")
    assert new.read_text("utf-8") == THIN_2025.format(old=old_2024)
    assert load_yaml(new).data["变量"]["年度"] == 2025
    text = paragraphs(reportgen.build(new))
    assert text[:2] == ["关于开展2025年“安全生产月”", "活动的实施方案"]
    assert "第一阶段：动员部署（6月1日至5日）。各单位制定具体方案，召开动员会议，明确责任分工。" in text
    assert "2025年5月20日" in text


def test_another_year_and_file_name(old_2024, tmp_path, capsys):
    out = tmp_path / "二〇二六" / "方案.yaml"
    out.parent.mkdir()
    status, shown, _ = run(capsys, "next-year", str(old_2024), "--year", "2026", "-o", str(out))
    assert (status, shown.splitlines()[:2]) == (0, [
        f"已生成 {out}（2026年，继承 {old_2024}）",
        f"注意：{old_2024} 在新文件的文件夹之外，生成时请加 --project {tmp_path}，"
        f"如 reportgen build {out} --project {tmp_path}"])
    data = load_yaml(out, project=tmp_path).data
    assert out.read_text("utf-8").splitlines()[3] == "继承: ../2024.yaml"
    assert (data["变量"]["年度"], data["成文日期"]) == (2026, "2026-05-20")
    assert data["阶段安排"]["条目"][2]["结束"] == "2026-06-30"
    reportgen.validate(out, project=tmp_path)


def test_english_keys_stay_english_and_the_name_follows_the_year(write_yaml, tmp_path, capsys):
    old = write_yaml("title: Plan\ndate: 2023/3/5\npreamble: text\n", "safety-2023.yaml")
    assert run(capsys, "next-year", str(old))[:2] == (
        0, f"已生成 {tmp_path / 'safety-2024.yaml'}（2024年，继承 {old}）\n")
    assert (tmp_path / "safety-2024.yaml").read_text("utf-8").endswith(
        "extends: safety-2023.yaml\nvars:\n  year: 2024\ndate: 2024/3/5\n")


def test_a_name_without_the_year_gets_it_appended(write_yaml, tmp_path, capsys):
    old = write_yaml("标题: 方案\n变量: {年度: 2024}\n")
    assert run(capsys, "next-year", str(old))[0] == 0
    assert (tmp_path / "plan-2025.yaml").is_file()


def test_dates_move_written_the_same_way():
    assert moved("2024年5月20日", 1) == "2025年5月20日"
    assert moved("2024/5/20", 2) == "2026/5/20"
    assert moved("2024-02-29", 1) == "2025-02-28"
    assert moved("{{ 变量.年度 }}-06-01", 1) == "{{ 变量.年度 }}-06-01"


def test_an_existing_file_is_never_overwritten(old_2024, tmp_path, capsys):
    (tmp_path / "2025.yaml").write_text("标题: 别动\n", "utf-8")
    assert run(capsys, "next-year", str(old_2024)) == (1, "", (
        f"{tmp_path / '2025.yaml'}: 文件已存在，未覆盖：请用 -o 另写一个文件名，或先删除它\n未生成文件。\n"))
    assert (tmp_path / "2025.yaml").read_text("utf-8") == "标题: 别动\n"


def test_an_invalid_old_file_is_reported_and_nothing_written(write_yaml, tmp_path, capsys):
    old = write_yaml("标题: 方案\n成文日期: 2024-02-30\n", "2024.yaml")
    assert run(capsys, "next-year", str(old)) == (
        1, "", f"{old}:2:1: 成文日期: 日期不存在：2024年2月30日\n未生成文件。\n")
    assert not (tmp_path / "2025.yaml").exists()


def test_a_file_without_any_year_needs_one(write_yaml, capsys):
    old = write_yaml("标题: 方案\n")
    assert run(capsys, "next-year", str(old)) == (1, "", (
        f"{old}: 无法确定原文件的年度（没有“变量.年度”或日期）：请用 --year 指定新的年度\n未生成文件。\n"))


def test_the_two_year_sample_builds_with_the_new_values(sample_docs):
    text = paragraphs(sample_docs["two-years/2025"])
    assert text[:2] == ["关于开展2025年“安全生产月”", "活动的实施方案"]
    assert "（二）查找身边隐患" in text
    assert "第三阶段：总结提高（6月26日至30日）。各单位总结活动开展情况，于6月30日前报送区安委会办公室。" in text
    assert "2025年5月20日" in text
    assert paragraphs(sample_docs["two-years/2024"])[:2] == ["关于开展2024年“安全生产月”", "活动的实施方案"]


def test_the_sample_of_next_year_has_no_problems():
    assert reportgen.validate(SAMPLES / "two-years" / "2025.yaml").doc_number == "城安委〔2025〕3号"


def test_problems_in_the_inherited_year_point_at_last_years_file(tmp_path, old_2024):
    new = tmp_path / "2025.yaml"
    new.write_text("继承: 2024.yaml\n变量: {届次: null}\n", "utf-8")
    assert problems(new) == [
        f"{old_2024}:20:1: 开头: 占位符中的“变量.届次”没有定义；可用：变量.年度、变量.主题"]
