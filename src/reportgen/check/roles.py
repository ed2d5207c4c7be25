"""What each paragraph is (title, heading level, body, 署名 …): from style names, else from its text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .docx_read import Para
from .ordinal_parse import parse_ordinal

STYLE_ROLES = {
    "title": "title", "标题": "title", "发文机关标志": "mark", "发文字号": "doc_number",
    "发文字号（上行文）": "doc_number", "主送机关": "recipients", "附件说明": "attachment_note",
    "发文机关署名": "signature", "发文机关署名（用印）": "signature", "成文日期": "date",
    "附注": "note", "版记": "imprint", "版记抄送": "imprint", "名单": "body",
    **{f"heading {n}": f"h{n}" for n in range(1, 5)}, **{f"标题 {n}": f"h{n}" for n in range(1, 5)},
}
RUN_IN_STYLES = {**{f"标题 {n} 字符": n for n in range(2, 5)},
                 **{f"heading {n} char": n for n in range(2, 5)}}
DOC_NUMBER = re.compile(r"^\S{1,12}[〔\[［(（【](19|20)\d{2}[〕\]］)）】]第?\d+号")
DATE_ONLY = re.compile(r"^((19|20)\d{2}|[〇零一二三四五六七八九]{4})年\S{1,3}月\S{1,3}日$")
ATTACHMENT_LABEL = re.compile(r"^附件\s*\d*[：:]?$")
TITLE_SIZE = 18  # points: a centred paragraph at least this big is a title (body text is 16)
SIGNATURE_LENGTH = 30


@dataclass(frozen=True)
class Role:
    """A paragraph's role; for headings the level and how many characters are the heading part."""

    kind: str
    level: int = 0
    head: int = 0


class PartSoFar(list):
    """The roles so far, knowing what _top_role asks of the current part (since the last
    attachment label) without looking back over it, so that a check stays linear in paragraphs."""

    def __init__(self, roles: list[Role] = ()):
        super().__init__()
        self.started = self.titled = False  # body, heading or 主送 seen; a title seen
        self.last: Role | None = None  # the last role that is not empty
        for role in roles:
            self.append(role)

    def append(self, role: Role) -> None:
        super().append(role)
        if role.kind == "attachment_label":
            self.started = self.titled = False
            self.last = None
        elif role.kind != "empty":
            self.started = self.started or role.kind in ("body", "heading", "recipients")
            self.titled = self.titled or role.kind == "title"
            self.last = role


def assign_roles(paragraphs: list[Para]) -> list[Role]:
    """The role of every paragraph, in order; an attachment label starts a fresh part."""
    roles: list[Role] = PartSoFar()
    for para in paragraphs:
        roles.append(styled_role(para) or inferred_role(para, roles))
    _mark_signature(paragraphs, roles)
    return roles


def styled_role(para: Para) -> Role | None:
    """The role a known style name gives (nearest in the based-on chain), or None."""
    if not para.text.strip():
        return Role("empty")
    kind = next((STYLE_ROLES[n] for n in para.styles if n in STYLE_ROLES), None)
    if kind is None and para.outline_level is not None and para.outline_level < 4:
        kind = f"h{para.outline_level + 1}"
    if kind and kind.startswith("h"):
        found = parse_ordinal(para.text)  # the ordinal's form says the level, if there is one
        return Role("heading", found.level if found else int(kind[1]), len(para.text))
    return Role(kind) if kind else None


def inferred_role(para: Para, before: list[Role]) -> Role:
    """The role of a paragraph with no telling style, judged from its text and place."""
    text = para.text.strip()
    previous = next((r for r in reversed(before) if r.kind != "empty"), Role("start"))
    if text.startswith("抄送") or (text.endswith("印发") and re.search(r"\d日印发$", text)):
        return Role("imprint")
    if para.in_table:
        return Role("table")
    return (_heading(para) or _part_role(text, previous)
            or _top_role(para, text, before) or Role("body"))


def _heading(para: Para) -> Role | None:
    """A heading by its ordinal, or by a run-in heading character style (第一阶段：… in 标题 2 字符)."""
    found = parse_ordinal(para.text)
    styled_level, styled_length = run_in_head(para)
    if found is not None:
        return Role("heading", found.level, styled_length or _text_head(para.text, found.end))
    return Role("heading", styled_level, styled_length) if styled_length else None


def run_in_head(para: Para) -> tuple[int, int]:
    """Level and length of the leading runs set in a run-in heading style (标题 2 字符 …)."""
    level, length = 0, 0
    for run in filter(lambda r: r.text, para.runs):
        styled = [RUN_IN_STYLES[n] for n in run.char_styles if n in RUN_IN_STYLES]
        if not styled:
            break
        level, length = level or styled[0], length + len(run.text)
    return level, length


def _text_head(text: str, after_ordinal: int) -> int:
    """A run-in heading ends at its first 。; a paragraph without one is all heading."""
    stop = text.find("。", after_ordinal)
    return stop + 1 if 0 <= stop < len(text.rstrip()) - 1 else len(text)


def _part_role(text: str, previous: Role) -> Role | None:
    if ATTACHMENT_LABEL.match(text):
        return Role("attachment_label")
    if text.startswith(("附件：", "附件:")) or (
            previous.kind == "attachment_note" and re.match(r"^\d+[.．]", text)):
        return Role("attachment_note")
    if DATE_ONLY.match(text):
        return Role("date")
    if previous.kind == "date" and text.startswith(("（", "(")):
        return Role("note")
    return None


def _top_role(para: Para, text: str, before: list[Role]) -> Role | None:
    """版头 and title before the body of a part; the 主送 line right after the title."""
    part = before if isinstance(before, PartSoFar) else PartSoFar(before)
    if part.started:
        return None
    if DOC_NUMBER.match(text) and not part.titled:
        return Role("doc_number")
    if para.align == "center" and _biggest_size(para) >= TITLE_SIZE:
        return Role("mark") if _is_red(para) else Role("title")
    if part.last == Role("title") and text.endswith(("：", ":")) and len(text) <= 60:
        return Role("recipients")
    return None


def _mark_signature(paragraphs: list[Para], roles: list[Role]) -> None:
    """An unstyled short line right above an inferred 成文日期 is the 署名."""
    for i, role in enumerate(roles):
        if role.kind != "date":
            continue
        j = next((k for k in range(i - 1, -1, -1) if roles[k].kind != "empty"), None)
        if j is not None and roles[j].kind == "body" and _looks_like_signature(paragraphs[j]):
            roles[j] = Role("signature")


def _looks_like_signature(para: Para) -> bool:
    text = para.text.strip()
    return len(text) <= SIGNATURE_LENGTH and not text.endswith(("。", "：", ":", "；"))


def _biggest_size(para: Para) -> float:
    return max((r.size for r in para.runs if r.text.strip()), default=0)


def _is_red(para: Para) -> bool:
    colors = [r.color for r in para.runs if r.text.strip() and r.color]
    return bool(colors) and all(_reddish(c) for c in colors)


def _reddish(color: str) -> bool:
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", color):
        return False
    red, green, blue = (int(color[i:i + 2], 16) for i in (0, 2, 4))
    return red >= 0xC0 and green < 0x60 and blue < 0x60
