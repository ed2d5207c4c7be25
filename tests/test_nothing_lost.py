"""Nothing lost: every character of every document, ours or made elsewhere, is in its PDF.

LibreOffice lays a closing mark that hangs past a full line out in the margin and, at some line
widths, never paints it; the conversion copy turns its hanging punctuation off. The documents
here are converted in one LibreOffice run and counted as a user would: the document's characters
against ``pdftotext`` of the PDF.
"""

from __future__ import annotations

import csv
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from conftest import SAMPLES
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from handmade import page_setup, para

import reportgen
from reportgen.authoring.starter_files import KINDS, starter_text
from reportgen.check.docx_read import read_docx
from reportgen.check.run import check
from reportgen.office import convert, pdf_text

SOURCE = ("各级党组织要把开展主题活动作为加强基层党组织建设的重要举措切实加强组织领导和工作指导"
          "确保活动取得实效区直各部门要结合工作职能深入基层调查研究帮助群众解决实际困难把好事"
          "办好把实事办实推动各项工作任务落到实处全区上下形成合力营造良好氛围扎实推进主题活动")
RIGHT_EDGE = 595.3 - 1474 / 20


def marked_lines(lines: int, start: int = 0) -> str:
    """A paragraph whose every line (26 字 after a 2 字 indent, then 28) is followed by ，or 、."""
    text, at = "", start
    for n in range(lines):
        width = 26 if n == 0 else 28
        text += "".join(SOURCE[(at + i) % len(SOURCE)] for i in range(width)) + "，、"[n % 2]
        at += width
    return text


def ours(folder: Path) -> dict[str, Path]:
    """The starters, both batches (units and 汇总) and a plan of marked lines, built by reportgen."""
    docs = {}
    for kind in KINDS:
        (folder / f"{kind}.yaml").write_text(starter_text(kind, 2025), encoding="utf-8")
        docs[f"starter {kind}"] = reportgen.build(folder / f"{kind}.yaml", folder / f"starter-{kind}.docx")
    reportgen.batch(SAMPLES / "campaign" / "campaign.yaml", SAMPLES / "campaign" / "units.csv",
                    folder / "campaign")
    docs |= {f"campaign {p.stem}": p for p in sorted((folder / "campaign").glob("*.docx"))}
    docs |= {f"twelve {p.stem}": p for p in twelve_units(folder)}
    paragraphs = "".join(f"  - {marked_lines(8, 37 * n)}\n" for n in range(6))
    (folder / "marks.yaml").write_text(f"标题: 标点测试\n开头:\n{paragraphs}", encoding="utf-8")
    docs["marked lines"] = reportgen.build(folder / "marks.yaml")
    return docs


def twelve_units(folder: Path) -> list[Path]:
    """The sample campaign for twelve units whose names, 2 to 13 字 long, move every line end."""
    names = [SOURCE[n:n + 2 + n] + "街道" for n in range(12)]
    with (folder / "twelve.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["单位名称", "负责人", "发放资料", "培训场次", "清理垃圾", "参与群众"],
                                      *[[name, "张三", 1326, 12, 35.5, 2860] for name in names]])
    reportgen.batch(SAMPLES / "campaign" / "campaign.yaml", folder / "twelve.csv", folder / "twelve")
    return sorted((folder / "twelve").glob("*.docx"))


def elsewhere(folder: Path) -> dict[str, Path]:
    """Documents shaped as python-docx, Word and LibreOffice write them, marked lines throughout,
    in Chinese (w:lang w:eastAsia="zh-CN", as Word and WPS on a Chinese system write it: only
    then does LibreOffice hang punctuation)."""
    shapes = {"python-docx": None, "Word, 允许标点溢出边界 unticked": "0",
              "saved by LibreOffice": "false", "overflowPunct on": "1"}
    docs = {}
    for n, (shape, value) in enumerate(shapes.items()):
        doc = Document()
        page_setup(doc)
        defaults = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        defaults.find(qn("w:lang")).set(qn("w:eastAsia"), "zh-CN")
        for k in range(3):
            para(doc, marked_lines(6, 53 * k + 11 * n))
        table = doc.add_table(rows=1, cols=1)
        table.cell(0, 0).paragraphs[0].paragraph_format.first_line_indent = Pt(32)
        table.cell(0, 0).paragraphs[0].add_run(marked_lines(3, 200 + n))
        text_box(para(doc, "文本框："), marked_lines(3, 300 + n))
        if value is not None:
            for p in doc.element.body.iter(qn("w:p")):
                p.get_or_add_pPr().insert(0, parse_xml(f'<w:overflowPunct {nsdecls("w")} w:val="{value}"/>'))
        docs[shape] = folder / f"elsewhere-{n}.docx"
        doc.save(docs[shape])
    return docs


def text_box(paragraph, text: str) -> None:
    """A floating text box as Word 2010 and later write it (wps shape), the 版心 wide, 4 lines high."""
    width, height = 8845 * 635, 4 * 579 * 635
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w", "wp", "a")} xmlns:wps="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" '
        'simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
        f'</wp:positionV><wp:extent cx="{width}" cy="{height}"/><wp:wrapTopAndBottom/>'
        '<wp:docPr id="5" name="文本框 5"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{width}" cy="{height}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '</wps:spPr><wps:txbx><w:txbxContent><w:p><w:pPr><w:ind w:firstLine="640"/></w:pPr><w:r>'
        f'<w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr lIns="0" tIns="0" '
        'rIns="0" bIns="0"/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>'))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, sample_docs, lo_profile) -> dict[str, tuple[Path, Path]]:
    """Every document here and its PDF, all converted in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("lost")
    campaign_alone = reportgen.build(SAMPLES / "campaign" / "campaign.yaml", folder / "campaign.docx")
    docs = {f"samples/{name}": path for name, path in sample_docs.items()}
    docs |= {"samples/campaign": campaign_alone, **ours(folder), **elsewhere(folder)}
    targets = {path: folder / "pdf" / f"{n}.pdf" for n, path in enumerate(docs.values())}
    convert.convert_to_pdf(targets, lo_profile)
    return {name: (path, targets[path]) for name, path in docs.items()}


def characters(text: str) -> Counter:
    """Characters other than whitespace, in compatibility form (pdftotext gives ，as ,)."""
    return Counter(c for c in unicodedata.normalize("NFKC", text) if not c.isspace())


def lost(docx: Path, pdf: Path) -> dict[str, int]:
    """The document's characters the PDF's text lacks, and how many of each."""
    text = "".join(p.text for p in read_docx(docx).paragraphs)
    drawn = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return dict(characters(text) - characters(drawn.stdout))


def test_every_document_has_all_its_characters_in_its_pdf(rendered):
    assert len(rendered) >= 30
    assert {name: lost(*pair) for name, pair in rendered.items()} == {name: {} for name in rendered}


def test_check_render_finds_nothing_lost_in_any_of_them(rendered):
    found = {name: [f.message for f in check(*pair) if f.rule == "render.lost_text"]
             for name, pair in rendered.items()}
    assert found == {name: [] for name in rendered}


def test_no_mark_hangs_into_the_margin_and_full_lines_hold_28_characters(rendered):
    for name in ("marked lines", "python-docx", "saved by LibreOffice"):
        lines = [ln for page in pdf_text.pdf_pages(rendered[name][1]) for ln in page.lines]
        assert max(ln.right for ln in lines) <= RIGHT_EDGE + 0.5, name
        assert max(len(ln.text) for ln in lines) == 28, name
