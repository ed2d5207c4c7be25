"""Summaries (总结), attachment pages, and text that must come out exactly as written."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn
from helpers import ROOT

import reportgen
from reportgen.api import checked

SAMPLES = ROOT / "samples"


def texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs if p.text]


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    out = tmp_path_factory.mktemp("summary") / "summary.docx"
    return Document(reportgen.build(SAMPLES / "summary.yaml", out))


def test_sample_summary_reads_with_its_figures_filled(summary):
    out = texts(summary)
    assert out[:3] == ["市交通运输局关于2021年春季", "以灭鼠为重点的除害防病活动总结",
                       "市爱国卫生运动委员会办公室："]
    assert [t for t in out if t[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")] == [
        "一、健全相关组织，加强领导，及时制定专项工作方案",
        "二、认真做好鼠、蚊、蝇、蟑螂相关情况调查工作，科学制定工作方案",
        "三、抓好宣传培训工作，发动群众统一灭鼠、蚊、蝇、蟑螂",
        "四、狠抓各项技术措施的落实",
        "五、购置毒饵数量及灭鼠取得的主要成果",
    ]
    assert "鼠密度下降62%。" in out[3]
    assert "共举办培训12场次，发放资料三百余份。" in " ".join(out)
    assert "局共购买毒饵150包、毒饵盒48个，现已全部投放。" in " ".join(out)
    assert not any("{{" in t or "xxx" in t for t in out)


def test_sample_summary_ends_with_signature_then_attachment_page(summary):
    out = texts(summary)
    end = out.index("特此报告。")
    assert out[end:] == ["特此报告。", "附件：除害防病活动工作情况统计表", "市交通运输局",
                         "2021年6月10日", "附件", "除害防病活动工作情况统计表"]
    label = next(p for p in summary.paragraphs if p.text == "附件")
    assert label.style.name == "附件标识"
    assert summary.styles["附件标识"].paragraph_format.page_break_before
    body_table, attachment_table = summary.tables
    assert [c.text for c in body_table.rows[-1].cells] == ["合计", "", "150", "48", ""]
    assert [c.text for c in attachment_table.rows[1].cells] == ["发放宣传资料", "326", "份"]


def test_each_kind_has_its_built_in_template(write_yaml):
    summary = write_yaml("文种: 总结\n标题: 甲总结\n", "s.yaml")
    plan = write_yaml("标题: 甲方案\n", "p.yaml")
    own = write_yaml("文种: 总结\n标题: 甲总结\n模板: plan\n", "o.yaml")
    assert [checked(p)[1].name for p in (summary, plan, own)] == [
        "summary.docx", "plan.docx", "plan.docx"]


def test_kind_is_inferred_from_summary_sections_or_given(write_yaml, tmp_path):
    inferred = write_yaml("title: 总结\noverview: 基本情况。\nproblems: [问题一。]\n"
                          "next_steps:\n  items: [下步一。, 下步二。]\nclosing: 特此报告。\n")
    assert texts(Document(reportgen.build(inferred, tmp_path / "a.docx"))) == [
        "总结", "一、基本情况", "基本情况。", "二、存在问题", "问题一。", "三、下步打算",
        "（一）下步一。", "（二）下步二。", "特此报告。"]
    given = write_yaml("文种: 总结\n标题: 总结\n主要做法: 做法。\n取得成效: 成效。\n经验体会: 体会。\n",
                       "b.yaml")
    assert texts(Document(reportgen.build(given, tmp_path / "b.docx")))[1::2] == [
        "一、主要做法", "二、取得成效", "三、经验体会"]


def test_a_plan_section_in_a_summary_is_an_unknown_key(write_yaml):
    path = write_yaml("文种: 总结\n标题: 总结\n指导思想: 甲\n")
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.validate(path)
    assert str(caught.value).startswith(f"{path}:3:1: 指导思想: 未知的键“指导思想”；这里可用的键：")
    bad = write_yaml("文种: 通知\n标题: 总结\n", "bad.yaml")
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.validate(bad)
    assert str(caught.value) == f"{bad}:1:1: 文种: 应为 方案（plan）或 总结（summary），实际为文本“通知”"


def test_attachment_note_and_labels_are_numbered_alike(write_yaml, tmp_path):
    path = write_yaml("""\
        标题: 方案
        开头: 正文。
        署名: 城关区委
        附件:
          - 名单
          - 标题: "项目\\n表"
            内容: 说明。
            条目: [甲项。, {标题: 乙项, 内容: 乙项内容。}]
          - {标题: 进度表, 表格: {列: [事项, 时限], 行: [[甲, 5月]]}}
        """)
    out = texts(Document(reportgen.build(path, tmp_path / "a.docx")))
    assert out == ["方案", "正文。", "附件：1.名单", "　　　2.项目表", "　　　3.进度表", "城关区委",
                   "附件2", "项目", "表", "说明。", "一、甲项。", "二、乙项", "乙项内容。",
                   "附件3", "进度表"]


def test_every_string_comes_out_exactly_once_and_literally(write_yaml, tmp_path):
    specials = ["A&B", "x < y", "“引号”\"直引号\"", "'单引号'", "<b>粗体</b>", "a > b && c",
                "&amp;", "]]>", "𠀀字", "😀"]
    strings = [f"{s}#{i}#" for i, s in enumerate(specials * 2)]
    quoted = [s.replace("\\", "\\\\").replace('"', '\\"') for s in strings]
    q = [f'"{s}"' for s in quoted]
    path = write_yaml(f"""\
        标题: {q[0]}
        主送机关: {q[1]}
        开头: {q[2]}
        工作重点:
          内容: {q[3]}
          表格: {{标题: {q[4]}, 列: [{q[5]}, 数], 行: [[{q[6]}, 1]]}}
          条目:
            - {{标题: {q[7]}, 内容: {q[8]}}}
            - {{标题: {q[9]}, 条目: [{{标题: {q[10]}, 内容: {q[11]}}}]}}
        结尾: {q[12]}
        署名: {q[13]}
        附注: {q[14]}
        附件: [{q[15]}, {{标题: {q[16]}, 内容: {q[17]}}}]
        抄送: [{q[18]}]
        印发机关: {q[19]}
        """)
    doc = Document(reportgen.build(path, tmp_path / "a.docx"))
    paragraphs: dict = {}
    for t in doc.element.body.iter(qn("w:t")):
        paragraphs.setdefault(t.getparent().getparent(), []).append(t.text or "")
    body = "\n".join("".join(parts) for parts in paragraphs.values())
    for s in strings:
        assert body.count(s) == (2 if s == strings[16] else 1), s  # 附件 16: note and its page


def test_attachment_items_nest_at_most_four_levels(write_yaml):
    path = write_yaml("""\
        标题: 方案
        附件:
          - 标题: 表
            条目:
              - 标题: 一
                条目:
                  - 标题: 二
                    条目:
                      - 标题: 三
                        条目:
                          - 标题: 四
                            条目:
                              - 标题: 五
        """)
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.validate(path)
    assert str(caught.value) == (
        f"{path}:13:25: 附件[1].条目[1].条目[1].条目[1].条目[1].条目[1]: "
        "层次过深：公文结构层次最多四级（一、（一）1.（1）），请把这一层并入上一级的内容")
