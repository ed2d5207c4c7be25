"""layout.date: the 成文日期 of a correct hand-made document moved about (left, centred, indented,
without its 署名), found where GB/T 9704 7.3.5 does not put it, and the nearest places it does."""

from __future__ import annotations

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from handmade import correct_document, find

from reportgen.check.run import check

WHERE, WHERE_ALONE = "第18段「2024年5月20日」", "第17段「2024年5月20日」"  # the 署名 is paragraph 17
UNDER = "成文日期应右空1.5字（首字比署名首字右移二字；用印时右空四字），实为右空{}字"
ALONE = "成文日期应右空二字（用印时右空四字），实为右空{}字"


def placed(align=WD_ALIGN_PARAGRAPH.RIGHT, right: float = 8, left: float = 0, signed: bool = True,
           before: str = "", after: str = ""):
    """The document with its date aligned ``align``, indented ``right`` and ``left`` points (16 pt
    a 字; the correct date is right-aligned ½ 字 in), with or without the 署名 above it, with
    ``before`` and ``after`` it (full-width spaces, as a clerk moves a date)."""
    doc = correct_document()
    date = find(doc, "2024年5月20日")
    date.runs[0].text = before + date.runs[0].text
    date.runs[-1].text += after
    date.alignment = align
    date.paragraph_format.right_indent, date.paragraph_format.left_indent = Pt(right), Pt(left)
    if not signed:
        name = find(doc, "城关区应急管理局")
        name._p.getparent().remove(name._p)
    return doc


@pytest.mark.parametrize(("doc", "found"), [
    (placed(WD_ALIGN_PARAGRAPH.LEFT, right=0), (WHERE, UNDER.format("21.5"))),  # 28 字 less 6.5
    (placed(WD_ALIGN_PARAGRAPH.CENTER, right=0), (WHERE, UNDER.format("11"))),  # 10.75, to ½ 字
    (placed(right=48), (WHERE, UNDER.format("3"))),
    (placed(signed=False), (WHERE_ALONE, ALONE.format("0.5"))),
    (placed(right=48, signed=False), (WHERE_ALONE, ALONE.format("3"))),
    (placed(WD_ALIGN_PARAGRAPH.LEFT, right=0, before="\u3000" * 18), (WHERE, UNDER.format("3.5"))),
    (placed(right=0, after="\u3000" * 3), (WHERE, UNDER.format("3"))),
    # The nearest places that pass: 4 字 in (sealed), 2 字 in without a 署名, and a date set left
    # with a left indent that puts it where the right-aligned one is.
    (placed(right=64), None),
    (placed(right=32, signed=False), None),
    (placed(WD_ALIGN_PARAGRAPH.LEFT, right=0, left=20 * 16), None),
    (placed(WD_ALIGN_PARAGRAPH.LEFT, right=0, before="\u3000" * 20), None),
    (placed(after="\u3000"), None),  # ½ 字 in and 1 字 of space: 1.5
], ids=["left", "centred", "3-in", "no-signature-half-in", "no-signature-3-in",
        "18-spaces-before", "3-spaces-after", "sealed-4-in", "no-signature-2-in", "left-indented",
        "20-spaces-before", "half-in-and-1-space-after"])
def test_the_date_is_judged_where_it_ends(doc, found, tmp_path):
    doc.save(tmp_path / "通知.docx")
    dates = [(str(f.where), f.message) for f in check(tmp_path / "通知.docx") if f.rule == "layout.date"]
    assert dates == ([found] if found else [])


def test_an_empty_paragraph_between_the_signature_and_the_date_keeps_them_together(tmp_path):
    doc = placed(right=48)
    find(doc, "2024年5月20日").insert_paragraph_before("")
    doc.save(tmp_path / "通知.docx")
    dates = [f.message for f in check(tmp_path / "通知.docx") if f.rule == "layout.date"]
    assert dates == [UNDER.format("3")]
