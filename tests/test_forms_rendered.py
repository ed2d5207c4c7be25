"""samples/notice-plan.yaml built and rendered: a 印发通知 on page 1, the 方案 from the top of
page 2 with no 附件 label, run-in headings in two fonts, labelled stages, a 行内 paragraph."""

from __future__ import annotations

import re
import warnings

import pytest
from docx import Document
from helpers import ROOT, effective_font, pdf_pages, to_pdf

import reportgen
from reportgen.check.run import check_files

TOP = 1049 / 20 * 2  # 37 mm: the top of the 版心, in points
LINE = 28.95
FOOTER = re.compile(r"^—\d+—$")
LONG_NOTICE = """\
    标题: 关于开展“深入基层、服务群众”主题实践活动的实施方案
    印发通知:
      内容: 现将《关于开展“深入基层、服务群众”主题实践活动的实施方案》印发给你们，请各单位结合实际，认真贯彻落实，执行中遇到的问题请及时报告区委组织部。
    发文机关: 中共城关区委
    发文字号: 城委发〔2024〕12号
    红头: 是
    主送机关: [各街道党工委, 区直各党（工）委, 区直各部门（单位）党组织, 各人民团体党组织]
    成文日期: 2024-03-05
    用印: 是
    开头: 为深入贯彻落实上级部署，结合我区实际，制定本方案。
    指导思想: 紧紧围绕目标，以人为本。
    """


@pytest.fixture(scope="module")
def notice(tmp_path_factory):
    return reportgen.build(ROOT / "samples" / "notice-plan.yaml", tmp_path_factory.mktemp("notice"))


@pytest.fixture(scope="module")
def pages(notice, lo_profile, tmp_path_factory):
    folder = tmp_path_factory.mktemp("long")
    (folder / "long.yaml").write_text(LONG_NOTICE.replace("\n    ", "\n").lstrip(), "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        long = reportgen.build(folder / "long.yaml")
    return {"sample": [[ln for ln in page if not FOOTER.match(ln.text)]
                       for page in pdf_pages(to_pdf(notice, lo_profile))],
            "long": [[ln for ln in page if not FOOTER.match(ln.text)]
                     for page in pdf_pages(to_pdf(long, lo_profile))]}


def paragraphs(docx):
    doc = Document(docx)
    return doc, [p for p in doc.paragraphs if p.text]


def test_the_notice_then_the_plan_in_order(notice):
    _, found = paragraphs(notice)
    texts = [p.text for p in found]
    assert texts[:9] == [
        "中共城关街道工委文件", "城街党发〔2024〕5号", "关于印发《城关街道2024年",
        "“学雷锋志愿服务月”活动方案》的通知", "各社区党组织、街道机关各科室：",
        "现将《城关街道2024年“学雷锋志愿服务月”活动方案》印发给你们，请结合实际，认真贯彻落实。",
        "中共城关街道工作委员会", "2024年2月26日", "城关街道2024年"]
    assert texts[9] == "“学雷锋志愿服务月”活动方案"
    assert [p.style.name for p in found[8:10]] == ["Title", "Title"]
    assert texts.index("附件") > texts.index("附件：城关街道学雷锋志愿服务项目清单") > 10
    assert "二、活动主题：邻里守望，雷锋相伴" in texts and "三、活动时间：2024年3月1日至31日" in texts
    assert "活动一：启动仪式（3月1日）。在街道文化广场举行学雷锋志愿服务月启动仪式，发布志愿服务项目清单。" in texts
    assert ("各社区、各科室要按照本方案要求，认真做好以下工作：（一）高度重视，把学雷锋志愿服务月活动作为"
            "推进文明创建的重要抓手；（二）注重实效，坚持群众需要什么就服务什么，杜绝形式主义；（三）加强"
            "宣传，及时报送活动信息，每周五前将活动开展情况报街道党建办。") in texts
    leaders = [t for t in texts if t.startswith(("副组长", "办公室主任"))]
    assert leaders == ["副组长：李　明　街道办事处主任", "办公室主任：张华"]


def test_the_plan_starts_on_a_new_page(notice):
    every = Document(notice).paragraphs
    breaks = [i for i, p in enumerate(every) if p.style.name == "分页"]
    assert len(breaks) == 1 and every[breaks[0]].text == ""
    assert every[breaks[0]].style.paragraph_format.page_break_before
    assert [every[breaks[0] - 1].text, every[breaks[0] + 1].text] == ["2024年2月26日", "城关街道2024年"]


@pytest.mark.parametrize(("start", "head_font"), [
    ("二、活动主题", "黑体"), ("（一）开展“雷锋精神进社区”", "楷体_GB2312"), ("活动一：", "楷体_GB2312")])
def test_run_in_headings_in_their_level_font_then_body_font(notice, start, head_font):
    doc, found = paragraphs(notice)
    paragraph = next(p for p in found if p.text.startswith(start))
    head, rest = [r for r in paragraph.runs if r.text]
    assert (effective_font(doc, paragraph, head)["eastAsia"], effective_font(doc, paragraph, head)["size"]) \
        == (head_font, 16)
    assert effective_font(doc, paragraph, rest)["eastAsia"] == "仿宋_GB2312"
    assert head.text in ("二、活动主题：", "（一）开展“雷锋精神进社区”宣讲活动。", "活动一：启动仪式（3月1日）。")


def test_the_serial_column_is_centred_and_the_total_in_its_unit(notice):
    (table,) = Document(notice).tables
    assert [c.paragraphs[0].style.name for c in table.rows[1].cells][:2] == ["表格居中", "表格文字"]
    assert [c.text for c in table.rows[-1].cells] == ["合计", "", "", "", "36", "场"]


def test_the_notice_fills_page_one_and_the_plan_title_tops_page_two(pages):
    first, second, *_ = pages["sample"]
    texts = [line.text for line in first]
    assert texts[-2:] == ["中共城关街道工作委员会", "2024年2月26日"]
    assert "印发给你们，请结合实际，认真贯彻落实。" in texts
    assert [line.text for line in second[:2]] == ["城关街道2024年", "“学雷锋志愿服务月”活动方案"]
    assert second[0].top == pytest.approx(TOP, abs=LINE / 2)
    assert not any(line.text.startswith("附件") for page in pages["sample"][:2] for line in page)
    last = pages["sample"][-1]
    assert last[-1].text.endswith("2024年2月27日印发") and last[0].text == "附件"


def test_a_long_notice_keeps_its_text_on_page_one(pages):
    first = [line.text for line in pages["long"][0]]
    assert first[-3:] == ["中遇到的问题请及时报告区委组织部。", "中共城关区委", "2024年3月5日"]
    assert pages["long"][1][0].text == "关于开展“深入基层、服务群众”"


def test_check_finds_nothing_to_mark(notice):
    assert check_files([notice]) == ({str(notice): []}, [])
