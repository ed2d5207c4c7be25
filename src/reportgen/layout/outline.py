"""Stage 3: turn a validated document into numbered blocks and parts the template lays out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..chinese.dates import chinese_date, date_range
from ..chinese.numerals import chinese_number, ordinal
from ..chinese.text_rules import is_han
from ..model.documents import Document, Group, Leadership, Stage, Stages
from ..model.levels import LEVELS, document_levels, section_levels
from ..model.sections import Attachment, Item, Point, Section
from .signature import Signature, signature
from .tables import TableView, table_view

SENTENCE_END = "。！？；：…"
PAD = "\u3000"  # an ideographic space: one 字, used to align list continuation lines
GROUP_ROLES = (("leader", "组　长："), ("deputies", "副组长："), ("members", "成　员："))


@dataclass(frozen=True)
class Block:
    """One body paragraph or table.

    ``kind`` is p, h1–h4 (heading), r1–r4 (run-in heading), list, table (with ``table``),
    or, on attachment pages, label (附件1) and title.
    """

    kind: str
    head: str = ""
    text: str = ""
    table: TableView | None = None


@dataclass
class Outline:
    """Everything the template shows, as plain strings and lists; the template owns the look."""

    title_lines: list[str]
    body: list[Block]
    red_header: bool = False
    issuer_mark: str = ""
    doc_number: str = ""
    signer: str = ""
    recipients: str = ""
    attachment_note: list[Block] = field(default_factory=list)
    attachment_pages: list[Block] = field(default_factory=list)
    signature: Signature = field(default_factory=Signature)
    sealed: bool = False
    note: str = ""
    cc: str = ""
    printed_by: str = ""
    printed_on: str = ""


def outline(plan: Document) -> Outline:
    """Number the sections and lay out the document elements of ``plan`` (a 方案 or 总结)."""
    return Outline(
        title_lines=_lines(plan.title),
        body=body_blocks(plan),
        red_header=plan.red_header,
        issuer_mark=plan.issuer_mark or (f"{plan.issuer}文件" if plan.issuer else ""),
        doc_number=plan.doc_number or "",
        signer=plan.signer or "",
        recipients=_recipients(plan.recipients),
        attachment_note=_attachment_note(["".join(_lines(a.title)) for a in plan.attachments]),
        attachment_pages=attachment_blocks(plan.attachments, document_levels(plan.ordinals)),
        signature=signature(plan.signature or plan.issuer or "", plan.date, plan.sealed),
        sealed=plan.sealed,
        note=_note(plan.note),
        cc=_cc(plan.cc),
        printed_by=plan.printed_by or "",
        printed_on=f"{chinese_date(plan.printed_on)}印发" if plan.printed_on else "",
    )


def body_blocks(plan: Document) -> list[Block]:
    """Preamble, the numbered sections in the user's order, then the closing."""
    top = document_levels(plan.ordinals)
    blocks = _paragraphs(plan.preamble)
    for number, (section, default_title) in enumerate(plan.body_sections(), start=1):
        blocks += section_blocks(section, number, default_title, section_levels(top, section.ordinals))
    return blocks + _paragraphs(plan.closing)


def section_blocks(section: Section, number: int, default_title: str,
                   levels: tuple[int, ...] = LEVELS) -> list[Block]:
    """一、 heading, its text and table, a 领导小组 list or stages, then items one level down."""
    group = group_blocks(section.group) if isinstance(section, Leadership) and section.group else []
    children = _each(section.items, lambda s, n: stage_blocks(s, n, section.format, levels[1:])) \
        if isinstance(section, Stages) else None
    head = ordinal(levels[0], number)
    return point_blocks(section, levels, head, section.title or default_title, group, children)


def item_blocks(items: list[Item], levels: tuple[int, ...]) -> list[Block]:
    """Items numbered at ``levels[0]``, restarting under each parent; theirs one level down."""
    return _each(items, lambda item, n: point_blocks(item, levels, ordinal(levels[0], n), item.title))


def point_blocks(point: Point, levels: tuple[int, ...], head: str, title: str | None,
                 extra: list[Block] = (), children: list[Block] | None = None) -> list[Block]:
    """A heading (or a run-in heading) with its text, table, ``extra`` blocks, then its items.

    Levels 3–4 run their first paragraph into the heading unless 接排 says otherwise; 行内 items
    join the text (after a closing ：) as one numbered paragraph.
    """
    level, text, after_table = levels[0], list(point.text), []
    if point.inline:
        enumeration = inline_text(point.items, levels[1])
        if point.table:
            after_table = [enumeration]
        elif text and text[-1].endswith(("：", ":")):
            text[-1] += enumeration
        else:
            text.append(enumeration)
    run_in = point.run_in if point.run_in is not None else level >= 3
    if title and text and run_in:
        blocks = [Block(f"r{level}", head + _run_in_title(title, level), text[0])]
        blocks += _paragraphs(text[1:])
    elif title:
        blocks = [Block(f"h{level}", head + title)] + _paragraphs(text)
    else:
        blocks = [Block(f"r{level}", head, text[0])] + _paragraphs(text[1:]) if text else []
    blocks += _table(point.table) + _paragraphs(after_table) + list(extra)
    if point.inline:
        return blocks
    return blocks + (children if children is not None else item_blocks(point.items, levels[1:]))


def inline_text(items: list[Item], level: int) -> str:
    """1.……；2.……；3.……。: each item's one paragraph, its own last ；or 。 replaced."""
    parts = [ordinal(level, n) + _without_end(item.text[0]) for n, item in enumerate(items, start=1)]
    return "；".join(parts) + "。"


def attachment_blocks(attachments: list[Attachment], levels: tuple[int, ...] = LEVELS) -> list[Block]:
    """Pages of the attachments that have content: 附件N label, title, text, table, items 一、."""
    blocks = []
    for number, attachment in enumerate(attachments, start=1):
        if attachment.has_pages:
            label = "附件" if len(attachments) == 1 else f"附件{number}"
            blocks += [Block("label", label)] + [Block("title", t) for t in _lines(attachment.title)]
            blocks += _paragraphs(attachment.text) + _table(attachment.table)
            blocks += item_blocks(attachment.items, levels)
    return blocks


def stage_blocks(stage: Stage, number: int, form: str, levels: tuple[int, ...] = (2, 3, 4)) -> list[Block]:
    """（一）名称阶段（时间） as a heading, or 第一阶段：名称（时间）。 (活动一：…, 第一步：…) running
    into its text, as 格式 says."""
    period = stage.period or (date_range(stage.start, stage.end) if stage.start else "")
    period = f"（{period}）" if period else ""
    if form == "heading":
        name = stage.name if stage.name.endswith("阶段") else f"{stage.name}阶段"
        heading = Item(title=f"{name}{period}", text=stage.text, items=stage.items)
        return point_blocks(heading, levels, ordinal(levels[0], number), heading.title)
    label = stage_label(form, number)
    name = stage.name.removesuffix("阶段") if label.endswith("阶段") else stage.name
    head, level = f"{label}：{name}{period}", levels[0]
    blocks = [Block(f"r{level}", f"{head}。", stage.text[0])] if stage.text else [Block(f"h{level}", head)]
    return blocks + _paragraphs(stage.text[1:]) + item_blocks(stage.items, levels[1:])


def stage_label(form: str, number: int) -> str:
    """The label of stage ``number`` in ``form``: 第一阶段 → 第三阶段, 活动一 → 活动三, 活动1 → 活动3."""
    if "一" in form:
        return form.replace("一", chinese_number(number), 1)
    return form.replace("1", str(number), 1)


def group_blocks(group: Group) -> list[Block]:
    """成立××领导小组，组成人员如下： then 组长/副组长/成员 lines, the 办公室 text and its 主任."""
    blocks = [Block("p", text=f"成立{group.name}，组成人员如下：")] if group.name else []
    for attr, label in GROUP_ROLES:
        for i, person in enumerate(getattr(group, attr)):
            blocks.append(Block("list", label if i == 0 else PAD * len(label), padded_name(person)))
    if group.office:
        blocks += _paragraphs(group.office.text)
        blocks += [Block("list", "办公室主任：", name) for name in group.office.director]
    return blocks


def padded_name(person: str) -> str:
    """李明　副局长 → 李　明　副局长: a two-character name takes three, so the titles line up."""
    name, rest = re.match(r"(\S*)(.*)", person, re.DOTALL).groups()
    if len(name) == 2 and all(is_han(c) for c in name):
        return f"{name[0]}{PAD}{name[1]}{rest}"
    return person


def _each(things: list, blocks_of) -> list[Block]:
    return [b for n, thing in enumerate(things, start=1) for b in blocks_of(thing, n)]


def _paragraphs(texts: list[str]) -> list[Block]:
    return [Block("p", text=t) for t in texts]


def _table(table) -> list[Block]:
    return [Block("table", table=table_view(table))] if table is not None else []


def _lines(title: str) -> list[str]:
    return [line.strip() for line in title.splitlines() if line.strip()]


def _run_in_title(title: str, level: int) -> str:
    """The heading part of a run-in paragraph: 活动主题： at level 1, 标题。 below."""
    return title if title[-1] in SENTENCE_END else f"{title}{'：' if level == 1 else '。'}"


def _without_end(text: str) -> str:
    return text[:-1] if text and text[-1] in "；。，、;,." else text


def _recipients(names: list[str]) -> str:
    return f"{'、'.join(names).rstrip('：:')}：" if names else ""


def _attachment_note(names: list[str]) -> list[Block]:
    names = [n.rstrip("。，；.,;") for n in names]
    if len(names) == 1:
        return [Block("list", "附件：", names[0])]
    return [Block("list", "附件：" if i == 1 else PAD * 3, f"{i}.{n}")
            for i, n in enumerate(names, start=1)]


def _note(note: str | None) -> str:
    if not note:
        return ""
    return note if note.startswith(("（", "(")) else f"（{note}）"


def _cc(names: list[str]) -> str:
    return f"{'，'.join(n.rstrip('。，,.') for n in names)}。" if names else ""
