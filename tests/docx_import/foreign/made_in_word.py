"""Documents as an office types them in Word: heading styles, a 红头 in red 小标宋, ordinals typed
by hand, full-width spaces typed before paragraphs, tables, 版记 lines."""

from __future__ import annotations

from docx_shapes import (
    FS,
    HT,
    KT,
    SENTENCE,
    XBS,
    add,
    body,
    gb_styles,
    heading,
    new_document,
    no_indent,
    para,
    run,
    signed,
    table,
    title,
)

RED = "FF0000"


def cell(text: str) -> list[str]:
    return [para(run(text, FS, 14), ind='w:firstLine="0"')]


def grid(rows: list[list[str]]) -> str:
    return table([[cell(t) for t in row] for row in rows])


def red_header(mark: str, number: str) -> list[str]:
    return [para(run(mark, XBS, 36, color=RED), jc="center", ind='w:firstLine="0"'),
            para(run(number), jc="center", ind='w:firstLine="0"')]


def plan_with_red_header():
    """A 方案 with 红头, headings typed with their ordinals, a 领导小组 list as Word users type it
    (组长：…), an attachment with a table, and the 版记 as two lines."""
    doc = new_document()
    gb_styles(doc)
    add(doc, *red_header("城关区应急管理局文件", "城应急发〔2024〕7号"),
        title("城关区2024年安全生产月活动实施方案"), no_indent("各科室、各下属单位："),
        body("为扎实开展2024年“安全生产月”活动，结合我局实际，制定本方案。"),
        heading("一、指导思想", 1), body(SENTENCE * 2),
        heading("二、组织领导", 1), body("为加强对活动的组织领导，局成立安全生产月活动领导小组。"),
        no_indent("组长：王建国　局长"), no_indent("副组长：李明　副局长"),
        no_indent("成员：赵立新　办公室主任"), no_indent("　　　　陈志刚　安全科科长"),
        heading("三、主要任务", 1), heading("（一）开展安全宣传", 2), body(SENTENCE),
        heading("（二）组织隐患排查", 2), body("1.排查重点企业。" + SENTENCE),
        body("2.建立整改台账。" + SENTENCE),
        heading("四、工作要求", 1), body(SENTENCE * 3),
        no_indent("附件：城关区安全生产月活动任务分解表"),
        *signed("城关区应急管理局", "2024年5月20日", 1280),
        para(run("附件", HT), ind='w:firstLine="0"'), title("城关区安全生产月活动任务分解表"),
        grid([["序号", "任务", "责任科室", "完成时间"], ["1", "安全宣传咨询日", "宣教科", "6月上旬"],
              ["2", "重点企业隐患排查", "安全科", "6月中下旬"]]),
        no_indent("抄送：区安委会办公室，区应急指挥中心。"),
        no_indent("城关区应急管理局办公室\t2024年5月21日印发"))
    return doc


def summary_with_table():
    """A 总结 with a table in a section, a closing 特此报告。, typed indents, no 红头."""
    doc = new_document()
    gb_styles(doc)
    add(doc, title("城关区应急管理局2024年上半年安全生产工作总结"), no_indent("区安委会："),
        body("　　2024年上半年，我局认真贯彻落实上级部署，安全生产形势总体平稳。现将有关情况总结如下："),
        heading("一、主要做法", 1), heading("（一）压实安全责任", 2), body(SENTENCE),
        heading("（二）深化隐患排查", 2), body("共排查企业326家，发现隐患1,260处，已整改1,198处。"),
        heading("二、取得成效", 1), body("各项指标完成情况如下："),
        grid([["指标", "目标", "完成"], ["隐患整改率", "90%", "95%"], ["培训人次", "2,000", "2,360"]]),
        heading("三、存在问题", 1), body(SENTENCE),
        heading("四、下步打算", 1), body(SENTENCE * 2), body("特此报告。"),
        *signed("城关区应急管理局", "2024年7月5日", 1280))
    return doc


def notice_with_run_in_headings():
    """A 通知 with run-in headings at every level and a 附注, as offices type them in Word."""
    doc = new_document()
    gb_styles(doc)
    add(doc, *red_header("城关街道办事处文件", "城街发〔2024〕3号"),
        title("关于开展“学雷锋”志愿服务活动的通知"), no_indent("各社区居委会："),
        body("为弘扬雷锋精神，经研究，决定开展“学雷锋”志愿服务活动。现将有关事项通知如下："),
        para(run("一、活动主题：", HT), run("邻里守望，雷锋相伴")),
        para(run("二、活动时间：", HT), run("2024年3月1日至31日")),
        heading("三、活动内容", 1),
        para(run("（一）开展宣讲活动。", KT), run("组织志愿者深入社区宣讲雷锋故事。")),
        para(run("（二）开展志愿服务。", KT), run(SENTENCE)),
        heading("四、有关要求", 1), body(SENTENCE),
        *signed("城关街道办事处", "2024年2月26日", 1280),
        body("（此件公开发布）"))
    return doc



