"""The forms docs/check.md's rule table names for font.title, font.heading1–4, font.signer,
font.imprint and font.color — a wrong family and a wrong size for each part — found by ``check`` in
a correct hand-made document, and the nearest forms it must not report (other names of the
family, a size within 0.25 pt, a black that is nearly black)."""

from __future__ import annotations

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt, RGBColor
from handmade import FANGSONG, HEITI, KAITI, SONG, correct_document, find, para, run, set_font

from reportgen.check.rules_fonts import family
from reportgen.check.run import check

TITLE = "第1段「关于开展安全生产大检查的…」"
H1, H2 = "第4段「一、总体要求」", "第6段「（一）工作目标」"
H3, H4 = "第9段「1.排查隐患。各科室要把…」", "第10段「（1）重点企业。各科室要…」"
BODY, SIGNER = "第3段「按照区安委会（城安委〔2…」", "第1段「城安呈〔2024〕3号 …」"
CC, PRINTED = "第22段「抄送：市应急管理局。」", "第23段「城关区应急管理局办公室 …」"
SIZE_3 = "字号应为三号（16磅），实为"


def findings(doc, tmp_path) -> list[tuple[str, str, str]]:
    doc.save(tmp_path / "通知.docx")
    return [(f.rule, str(f.where), f.message) for f in check(tmp_path / "通知.docx")]


def font(start: str, name: str, index: int = 0):
    return lambda doc: set_font(find(doc, start).runs[index], name)


def size(start: str, points: float, index: int = 0):
    def plant(doc):
        find(doc, start).runs[index].font.size = Pt(points)
    return plant


def colour(start: str, value: str, index: int = 0):
    def plant(doc):
        find(doc, start).runs[index].font.color.rgb = RGBColor.from_string(value)
    return plant


def signer(name: str, points: float = 16):
    def plant(doc):
        number = find(doc, "关于开展").insert_paragraph_before()
        run(number, "城安呈〔2024〕3号\t签发人：")
        run(number, "王建国", name, points)
    return plant


def imprint(cc: tuple = (FANGSONG, 14), printed: tuple = (FANGSONG, 14), reviewer: tuple = (),
            red: bool = False):
    """抄送 and 印发 lines, after a 审核 line set in ``reviewer`` if given."""
    def plant(doc):
        if reviewer:
            para(doc, ("审核：李明", *reviewer), indent=False)
        line = para(doc, ("抄送：市应急管理局。", *cc), indent=False)
        para(doc, ("城关区应急管理局办公室\u3000\u30002024年5月20日印发", *printed), indent=False)
        if red:
            line.runs[0].font.color.rgb = RGBColor(0xFF, 0, 0)
    return plant


def case(plant, *found: tuple[str, str, str], name: str):
    return pytest.param(plant, list(found), id=name)


TITLES = [
    case(font("关于开展", SONG), ("font.title", TITLE, "标题应为小标宋，实为宋体"), name="title:宋体"),
    case(font("关于开展", HEITI), ("font.title", TITLE, "标题应为小标宋，实为黑体"), name="title:黑体"),
    case(size("关于开展", 18), ("font.title", TITLE, "标题字号应为二号（22磅），实为小二（18磅）"),
         name="title:18"),
    case(size("关于开展", 16), ("font.title", TITLE, "标题字号应为二号（22磅），实为三号（16磅）"),
         name="title:16"),
    case(size("关于开展", 22.5), ("font.title", TITLE, "标题字号应为二号（22磅），实为22.5磅"),
         name="title:22.5"),
    case(font("关于开展", "方正小标宋_GBK"), name="passes:title:方正小标宋_GBK"),
    case(font("关于开展", "华康小标宋"), name="passes:title:华康小标宋"),
]

HEADINGS = [
    case(font("一、", SONG), ("font.heading1", H1, "一级标题应为黑体，实为宋体"), name="heading1:宋体"),
    case(font("一、", KAITI), ("font.heading1", H1, f"一级标题应为黑体，实为{KAITI}"), name="heading1:楷体"),
    case(size("一、", 14), ("font.heading1", H1, f"一级标题{SIZE_3}四号（14磅）"), name="heading1:14"),
    case(font("一、", "SimHei"), name="passes:heading1:SimHei"),
    case(font("（一）工作目标", HEITI), ("font.heading2", H2, "二级标题应为楷体，实为黑体"), name="heading2:黑体"),
    case(font("（一）工作目标", FANGSONG), ("font.heading2", H2, f"二级标题应为楷体，实为{FANGSONG}"),
         name="heading2:仿宋"),
    case(size("（一）工作目标", 18), ("font.heading2", H2, f"二级标题{SIZE_3}小二（18磅）"), name="heading2:18"),
    case(font("（一）工作目标", "KaiTi"), name="passes:heading2:KaiTi"),
    case(font("（一）工作目标", "楷体"), name="passes:heading2:楷体"),
    case(font("1.排查", KAITI), ("font.heading3", H3, f"三级标题应为仿宋，实为{KAITI}"), name="heading3:楷体"),
    case(size("1.排查", 15), ("font.heading3", H3, f"三级标题{SIZE_3}小三（15磅）"), name="heading3:15"),
    case(font("1.排查", "FangSong"), name="passes:heading3:FangSong"),
    case(font("（1）", HEITI), ("font.heading4", H4, "四级标题应为仿宋，实为黑体"), name="heading4:黑体"),
    case(size("（1）", 16.5), ("font.heading4", H4, f"四级标题{SIZE_3}16.5磅"), name="heading4:16.5"),
    case(font("（1）", "仿宋"), name="passes:heading4:仿宋"),
]

SIGNERS = [
    case(signer(SONG), ("font.signer", SIGNER, "签发人姓名应为楷体，实为宋体"), name="signer:宋体"),
    case(signer(FANGSONG), ("font.signer", SIGNER, f"签发人姓名应为楷体，实为{FANGSONG}"), name="signer:仿宋"),
    case(signer(KAITI, 14), ("font.signer", SIGNER, f"签发人姓名{SIZE_3}四号（14磅）"), name="signer:14"),
    case(signer("KaiTi"), name="passes:signer:KaiTi"),
    case(signer("楷体"), name="passes:signer:楷体"),
]

IMPRINTS = [
    case(imprint(cc=(SONG, 14)), ("font.imprint", CC, "版记应为仿宋，实为宋体"), name="imprint:宋体"),
    case(imprint(cc=(FANGSONG, 16)), ("font.imprint", CC, "版记字号应为四号（14磅），实为三号（16磅）"),
         name="imprint:抄送:16"),
    case(imprint(printed=(FANGSONG, 16)),
         ("font.imprint", PRINTED, "版记字号应为四号（14磅），实为三号（16磅）"), name="imprint:印发:16"),
    case(imprint(printed=(HEITI, 14)), ("font.imprint", PRINTED, "版记应为仿宋，实为黑体"), name="imprint:印发:黑体"),
    case(imprint(reviewer=(FANGSONG, 16)),
         ("font.imprint", "第22段「审核：李明」", "版记字号应为四号（14磅），实为三号（16磅）"), name="imprint:审核:16"),
    case(imprint(reviewer=(FANGSONG, 14)), name="passes:imprint:审核"),
    case(imprint(), name="passes:imprint"),
]

BLACK = "应为黑色，实为"
COLOURS = [
    case(colour("按照", "FF0000"), ("font.color", BODY, f"正文{BLACK}红色（FF0000）"), name="body:red"),
    case(colour("按照", "C00000"), ("font.color", BODY, f"正文{BLACK}红色（C00000）"), name="body:dark-red"),
    case(colour("按照", "0000FF"), ("font.color", BODY, f"正文{BLACK}蓝色（0000FF）"), name="body:blue"),
    case(colour("按照", "00B050"), ("font.color", BODY, f"正文{BLACK}绿色（00B050）"), name="body:green"),
    case(colour("按照", "404040"), ("font.color", BODY, f"正文{BLACK}灰色（404040）"), name="body:grey"),
    # Named by the strongest of red, green and blue; grey when they differ by less than 0x30.
    case(colour("按照", "774848"), ("font.color", BODY, f"正文{BLACK}灰色（774848）"), name="body:grey-0x2F"),
    case(colour("按照", "784848"), ("font.color", BODY, f"正文{BLACK}红色（784848）"), name="body:red-0x30"),
    case(colour("按照", "C0A040"), ("font.color", BODY, f"正文{BLACK}红色（C0A040）"), name="body:C0A040"),
    case(colour("按照", "C040A0"), ("font.color", BODY, f"正文{BLACK}红色（C040A0）"), name="body:C040A0"),
    case(colour("按照", "40C040"), ("font.color", BODY, f"正文{BLACK}绿色（40C040）"), name="body:40C040"),
    case(colour("按照", "40C0A0"), ("font.color", BODY, f"正文{BLACK}绿色（40C0A0）"), name="body:40C0A0"),
    case(colour("关于开展", "FF0000"), ("font.color", TITLE, f"标题{BLACK}红色（FF0000）"), name="title:red"),
    case(colour("二、", "FF0000"), ("font.color", "第14段「二、工作要求」", f"一级标题{BLACK}红色（FF0000）"),
         name="heading1:red"),
    case(colour("（二）工作步骤", "0000FF", 1),
         ("font.color", "第8段「（二）工作步骤。检查分三…」", f"标题后的正文{BLACK}蓝色（0000FF）"),
         name="after-heading:blue"),
    case(imprint(red=True), ("font.color", CC, f"版记{BLACK}红色（FF0000）"), name="imprint:red"),
    case(colour("按照", "3F3F3F"), name="passes:body:3F3F3F"),
    case(colour("按照", "000000"), name="passes:body:000000"),
]


@pytest.mark.parametrize(("plant", "found"), TITLES + HEADINGS + SIGNERS + IMPRINTS + COLOURS)
def test_each_part_is_judged_in_its_own_font_size_and_colour(plant, found, tmp_path):
    doc = correct_document()
    plant(doc)
    assert findings(doc, tmp_path) == found


@pytest.mark.parametrize("value", ["auto", "AUTO", "ZZZZZZ", "12345G", "F00", "FF00000"])
def test_automatic_colour_and_one_word_cannot_read_are_black(value, tmp_path):
    doc = correct_document()
    find(doc, "按照").runs[0]._r.rPr.append(parse_xml(f'<w:color {nsdecls("w")} w:val="{value}"/>'))
    assert findings(doc, tmp_path) == []


@pytest.mark.parametrize(("names", "found"), [
    (SONG, [("font.body", "第17段「出席：张明、李华」", "正文应为仿宋，实为宋体")]), (FANGSONG, [])])
def test_the_names_after_a_minutes_label_are_body_text(names, found, tmp_path):
    doc = correct_document()
    line = find(doc, "城关区应急管理局").insert_paragraph_before()
    run(line, "出席：", HEITI)
    run(line, "张明、李华", names)
    assert findings(doc, tmp_path) == found


@pytest.mark.parametrize(("name", "standard"), [
    ("仿宋_GB2312", "仿宋"), ("FangSong", "仿宋"), ("FangSong_GB2312", "仿宋"), ("方正仿宋_GBK", "仿宋"),
    ("楷体_GB2312", "楷体"), ("KaiTi", "楷体"), ("Kai_GB2312", "楷体"), ("华文楷体", "楷体"),
    ("黑体", "黑体"), ("SimHei", "黑体"), ("Heiti SC", "黑体"), ("方正黑体_GBK", "黑体"),
    ("宋体", "宋体"), ("SimSun", "宋体"), ("NSimSun", "宋体"), ("Songti SC", "宋体"), ("华文宋体", "宋体"),
    ("方正小标宋简体", "小标宋"), ("方正小标宋_GBK", "小标宋"), ("微软雅黑", "微软雅黑"), ("", "")])
def test_each_family_is_known_by_the_names_word_and_wps_give_it(name, standard):
    assert family(name) == standard
