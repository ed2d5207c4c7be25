"""Fonts and sizes of title, body and headings; run-in headings judged part by part."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .chars import is_han, size_name
from .docx_read import Para, Reading, Run
from .report import Finding, at, error
from .roles import Role, paired

BODY_KINDS = ("body", "names", "recipients", "doc_number", "attachment_note", "signature", "date", "note")


@dataclass(frozen=True)
class Expected:
    """What a part of a paragraph must be set in: its name in messages, font family, size."""

    rule: str
    label: str
    family: str
    size: float


TITLE = Expected("font.title", "标题", "小标宋", 22)
BODY = Expected("font.body", "正文", "仿宋", 16)
AFTER_HEADING = Expected("font.body", "标题后的正文", "仿宋", 16)
SIGNER = Expected("font.signer", "签发人姓名", "楷体", 16)
IMPRINT = Expected("font.imprint", "版记", "仿宋", 14)
SIGNER_LABEL = "签发人："
HEADINGS = {1: Expected("font.heading1", "一级标题", "黑体", 16),
            2: Expected("font.heading2", "二级标题", "楷体", 16),
            3: Expected("font.heading3", "三级标题", "仿宋", 16),
            4: Expected("font.heading4", "四级标题", "仿宋", 16)}


def font_findings(reading: Reading, roles: list[Role]) -> list[Finding]:
    """Every paragraph of a known role whose Chinese characters are in the wrong font or size."""
    findings = []
    for para, role in paired(reading.paragraphs, roles):
        for expected, runs in parts(para, role):
            findings += judge(para, runs, expected)
    return findings


def parts(para: Para, role: Role) -> list[tuple[Expected, list[Run]]]:
    """The paragraph split into what each stretch should be: heading part, then body text."""
    if role.kind == "title":
        return [(TITLE, para.runs)]
    if role.kind == "doc_number" and SIGNER_LABEL in para.text:
        number, name = split_runs(para.runs, para.text.index(SIGNER_LABEL) + len(SIGNER_LABEL))
        return [(BODY, number), (SIGNER, name)]
    if role.kind in BODY_KINDS:
        return [(BODY, para.runs)]
    if role.kind == "imprint":
        return [(IMPRINT, para.runs)]
    if role.kind == "minutes":  # 出席：… the label (黑体 in a 纪要) is not judged, the names are body
        return [(BODY, split_runs(para.runs, role.head)[1])]
    if role.kind != "heading" or role.level not in HEADINGS:
        return []
    head, rest = split_runs(para.runs, role.head)
    return [(HEADINGS[role.level], head), (AFTER_HEADING, rest)]


def split_runs(runs: list[Run], head: int) -> tuple[list[Run], list[Run]]:
    """Runs (cut where needed) covering the first ``head`` characters, and those after."""
    before, after, seen = [], [], 0
    for run in runs:
        cut = max(0, min(len(run.text), head - seen))
        if cut:
            before.append(replace(run, text=run.text[:cut]))
        if cut < len(run.text):
            after.append(replace(run, text=run.text[cut:]))
        seen += len(run.text)
    return before, after


def judge(para: Para, runs: list[Run], expected: Expected) -> list[Finding]:
    """At most one font and one size finding for this stretch: the first wrong run tells."""
    chinese = [r for r in runs if any(is_han(c) for c in r.text)]
    return (font_of(para, chinese, expected) + size_of(para, chinese, expected)
            + colour_of(para, chinese, expected))


def colour_of(para: Para, runs: list[Run], expected: Expected) -> list[Finding]:
    """Text in black (or nearly): a coloured body, heading or title is a fault of its own."""
    wrong = next((r for r in runs if not is_black(r.color)), None)
    if wrong is None:
        return []
    return [error("font.color", at(para), f"{expected.label}应为黑色，实为{colour_name(wrong.color)}")]


def is_black(colour: str | None) -> bool:
    """No colour, automatic ("auto"), a value Word cannot read, or each of red, green and blue
    below 0x40."""
    if not colour or len(colour) != 6:
        return True
    try:
        return all(int(colour[i:i + 2], 16) < 0x40 for i in (0, 2, 4))
    except ValueError:
        return True


def colour_name(colour: str) -> str:
    """红色（FF0000）: the nearest plain name, then the value Word shows in its colour dialog."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    if max(red, green, blue) - min(red, green, blue) < 0x30:
        name = "灰色"
    else:
        name = {0: "红色", 1: "绿色", 2: "蓝色"}[(red, green, blue).index(max(red, green, blue))]
    return f"{name}（{colour.upper()}）"


def font_of(para: Para, runs: list[Run], expected: Expected) -> list[Finding]:
    """A theme font (reported as such), else a font of another family."""
    themed = next((r for r in runs if r.east_asia.theme), None)
    if themed is not None:
        return [error("font.theme", at(para), theme_message(expected, themed))]
    wrong = next((r for r in runs if family(r.east_asia.name) != expected.family), None)
    if wrong is None:
        return []
    return [error(expected.rule, at(para), f"{expected.label}应为{expected.family}，实为{wrong.east_asia}")]


def size_of(para: Para, runs: list[Run], expected: Expected) -> list[Finding]:
    wrong = next((r for r in runs if abs(r.size - expected.size) > 0.25), None)
    if wrong is None:
        return []
    return [error(expected.rule, at(para), f"{expected.label}字号应为{size_name(expected.size)}，"
                                           f"实为{size_name(wrong.size)}")]


def theme_message(expected: Expected, run: Run) -> str:
    shown = run.east_asia.name or run.east_asia.theme
    return (f"{expected.label}字体取自文档主题（{shown}），主题字体会盖过所设字体，"
            f"应直接设为{expected.family}")


def family(name: str | None) -> str:
    """The standard's font family a font name belongs to: 仿宋_GB2312 and FangSong → 仿宋."""
    if not name:
        return ""
    low = name.lower()
    for fam, marks in (("小标宋", ("小标宋",)), ("仿宋", ("仿宋", "fangsong")),
                       ("楷体", ("楷", "kaiti", "kai_gb2312")), ("黑体", ("黑体", "simhei", "heiti")),
                       ("宋体", ("宋", "simsun", "songti"))):
        if any(mark in low for mark in marks):
            return fam
    return name

