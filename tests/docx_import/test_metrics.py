"""--metrics: figures with a unit become 指标 read through placeholders, printing as before."""

from __future__ import annotations

from docx_text import shown_text

import reportgen

SUMMARY = """\
标题: 城关区2024年安全生产月活动总结
发文机关: 城关区应急管理局
成文日期: 2024-07-05
开头: 6月，我局共发放宣传资料3,260份，举办培训12场次，排查企业约326家，隐患整改率达0.95。
正文:
  - 标题: 主要做法
    内容: 2024年6月1日至30日，累计出动检查人员1,024人次。
"""


def test_figures_become_metrics_and_the_text_prints_the_same(tmp_path):
    source = tmp_path / "总结.yaml"
    source.write_text(SUMMARY, "utf-8")
    built = reportgen.build(source, tmp_path / "总结.docx")
    imported = reportgen.import_docx(built, tmp_path / "导入.yaml", metrics=True)
    data = reportgen.validate(imported.path)
    assert {name: (m.value, m.unit) for name, m in data.metrics.items()} == {
        "发放宣传资料": (3260, "份"), "举办培训": (12, "场次"), "排查企业": (326, "家"),
        "出动检查人员": (1024, "人次")}
    text = imported.path.read_text("utf-8")
    assert "发放宣传资料{{ 指标.发放宣传资料 | 千分位 }}{{ 指标.发放宣传资料.unit }}，" in text
    assert "达0.95。" in text and "2024年6月1日至30日" in text  # decimals and dates stay text
    again = reportgen.build(imported.path, tmp_path / "again.docx")
    assert shown_text(again) == shown_text(built)
