"""What each paragraph is (title, heading level, body, 署名 …): from style names, else from its text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chars import is_reddish
from .docx_read import Para
from .ordinal_parse import parse_ordinal

STYLE_ROLES = {
    "title": "title", "标题": "title", "发文机关标志": "mark", "发文字号": "doc_number",
    "发文字号（上行文）": "doc_number", "主送机关": "recipients", "附件说明": "attachment_note",
    "发文机关署名": "signature", "发文机关署名（用印）": "signature", "成文日期": "date",
    "附注": "note", "版记": "imprint", "版记抄送": "imprint", "名单": "names",
    **{f"heading {n}": f"h{n}" for n in range(1, 5)}, **{f"标题 {n}": f"h{n}" for n in range(1, 5)},
}
RUN_IN_STYLES = {**{f"标题 {n} 字符": n for n in range(1, 5)},
                 **{f"heading {n} char": n for n in range(1, 5)}}
BLANK = "XxＸｘ×○"  # what stands for a digit not yet filled in: XX发〔202X〕X号
DOC_NUMBER = re.compile(rf"^\S{{1,12}}[〔\[［(（【](19|20)[\d{BLANK}]{{2}}[〕\]］)）】]第?[\d{BLANK}]+号")
DATE_ONLY = re.compile(r"^((19|20)\d{2}|[〇零一二三四五六七八九]{4})年\S{1,3}月\S{1,3}日$")
ATTACHMENT_LABEL = re.compile(r"^附件\s*[\d０-９]*(?:[（(][^）)]{1,12}[）)])?[：:]?$")
NOTE_CONTINUED = re.compile(r"^[\d０-９]+[.．、]")
CAPTION = re.compile(r"^[表图]\s*[\d０-９]+(?:[-－.．][\d０-９]+)*(?:[\s　：:]|$)")
MINUTES_LABEL = re.compile(r"^(?:出席|列席|请假|缺席|参加|参会|主持|记录)(?:人员|人)?[：:]")
IMPRINT_LABEL = re.compile(r"^(?:主送|抄送|抄报|分送|报送|审核|校对|核稿|拟稿|承办|联系人|联系电话|印数)"
                           r"[^：:]{0,4}[：:]")
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


def paired(paragraphs: list[Para], roles: list[Role]) -> zip:
    """Each paragraph with its role: assign_roles gives one role per paragraph, in order."""
    return zip(paragraphs, roles, strict=True)


def assign_roles(paragraphs: list[Para]) -> list[Role]:
    """The role of every paragraph, in order; an attachment label starts a fresh part."""
    roles: list[Role] = PartSoFar()
    for para in paragraphs:
        roles.append(styled_role(para, roles) or inferred_role(para, roles))
    _mark_signature(paragraphs, roles)
    _mark_imprint(paragraphs, roles)
    return roles


def styled_role(para: Para, before: list[Role] = ()) -> Role | None:
    """The role a known style name gives (nearest in the based-on chain), or None.

    A heading's level is the one its ordinal shows, written or numbered by Word ("%1、" on
    `heading 2` is level 1); a heading style with no ordinal, centred and title-sized before the
    body, is the title (pandoc puts the title in `heading 1`).
    """
    if not para.text.strip():
        return Role("empty")
    kind = next((STYLE_ROLES[n] for n in para.styles if n in STYLE_ROLES), None)
    if kind is None and para.outline_level is not None and para.outline_level < 4:
        kind = f"h{para.outline_level + 1}"
    if kind and kind.startswith("h"):
        found = parse_ordinal(para.label + para.text)
        if found is None and _looks_like_title(para, before):
            return Role("title")
        return Role("heading", found.level if found else int(kind[1]), len(para.text))
    return Role(kind) if kind else None


def _looks_like_title(para: Para, before: list[Role]) -> bool:
    part = before if isinstance(before, PartSoFar) else PartSoFar(before)
    return (para.align == "center" and _biggest_size(para) >= TITLE_SIZE
            and not (part.started or part.titled))


def inferred_role(para: Para, before: list[Role]) -> Role:
    """The role of a paragraph with no telling style, judged from its text and place."""
    text = para.text.strip()
    previous = next((r for r in reversed(before) if r.kind != "empty"), Role("start"))
    if text.startswith("抄送") or (text.endswith("印发") and re.search(r"\d日印发$", text)):
        return Role("imprint")
    if para.in_table:
        return Role("table")
    return (_continued_note(text, previous) or _labelled(text) or _heading(para)
            or _part_role(text, previous) or _top_role(para, text, before) or Role("body"))


def _continued_note(text: str, previous: Role) -> Role | None:
    """"2.…" under "附件：1.…" continues the 附件说明; it is not a heading."""
    return Role("attachment_note") if previous.kind == "attachment_note" and NOTE_CONTINUED.match(
        text) else None


def _labelled(text: str) -> Role | None:
    """A caption (表1 …, 图1 …), or a 纪要's 出席：/请假：/列席： line (head: the label)."""
    if CAPTION.match(text) and len(text) <= 40 and not text.endswith("。"):
        return Role("caption")
    label = MINUTES_LABEL.match(text)
    return Role("minutes", head=label.end()) if label else None


def _heading(para: Para) -> Role | None:
    """A heading by its ordinal (as written, or as Word numbers it), or by a run-in heading
    character style (第一阶段：… in 标题 2 字符)."""
    found = parse_ordinal(para.label + para.text)
    styled_level, styled_length = run_in_head(para)
    if found is not None:
        after = max(0, found.end - len(para.label))
        return Role("heading", found.level, styled_length or _text_head(para.text, after))
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
    if text.startswith(("附件：", "附件:")):
        return Role("attachment_note")
    if DATE_ONLY.match(text):
        return Role("date")
    if previous.kind == "date" and text.startswith(("（", "(")):
        return Role("note")
    return None


def _top_role(para: Para, text: str, before: list[Role]) -> Role | None:
    """版头 and title before the body of a part; the 主送 line right after the title, or set
    flush left before the body (when the title is not recognised, say in a table)."""
    part = before if isinstance(before, PartSoFar) else PartSoFar(before)
    if part.started:
        return None
    if DOC_NUMBER.match(text) and not part.titled:
        return Role("doc_number")
    if para.align == "center" and (_biggest_size(para) >= TITLE_SIZE or _in_title_font(para)):
        # red is the 发文机关标志's colour, but a title (关于…) is a title in any colour
        return Role("mark") if _is_red(para) and not text.startswith("关于") else Role("title")
    flush_left = para.indent[0] + para.indent[1] <= 0 and not para.text.startswith(("\u3000", " "))
    if (part.last == Role("title") or flush_left) and text.endswith(("：", ":")) and len(text) <= 60:
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


def _mark_imprint(paragraphs: list[Para], roles: list[Role]) -> None:
    """The 版记 is the whole block round its 抄送 or 印发 line: the rest of its table, and the
    labelled lines next to it (主送：, 审核：, 联系电话： …)."""
    tables = {p.table for p, r in paired(paragraphs, roles) if r.kind == "imprint" and p.table}
    for k, para in enumerate(paragraphs):
        if para.table in tables and roles[k].kind != "empty":
            roles[k] = Role("imprint")
    for i in [i for i, r in enumerate(roles) if r.kind == "imprint"]:
        for step in (-1, 1):
            k = i + step
            while 0 <= k < len(roles) and roles[k].kind != "imprint" and (
                    roles[k].kind == "empty" or IMPRINT_LABEL.match(paragraphs[k].text.strip())):
                if roles[k].kind != "empty":
                    roles[k] = Role("imprint")
                k += step


def _looks_like_signature(para: Para) -> bool:
    text = para.text.strip()
    return len(text) <= SIGNATURE_LENGTH and not text.endswith(("。", "：", ":", "；"))


def _biggest_size(para: Para) -> float:
    return max((r.size for r in para.runs if r.text.strip()), default=0)


def _in_title_font(para: Para) -> bool:
    """Set in 小标宋, the title's font: a title however small it was made."""
    return any("小标宋" in (r.east_asia.name or "") for r in para.runs if r.text.strip())


def _is_red(para: Para) -> bool:
    colors = [r.color for r in para.runs if r.text.strip() and r.color]
    return bool(colors) and all(is_reddish(c) for c in colors)
