"""Stage 3: turn a validated document into numbered blocks and parts the template lays out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..chinese.dates import chinese_date, date_range
from ..chinese.numerals import chinese_number, ordinal
from ..chinese.text_rules import is_han
from ..chinese.title_lines import title_lines
from ..model.documents import Document, Group, Leadership, Stage, Stages
from ..model.levels import LEVELS, document_levels, section_levels
from ..model.sections import Attachment, Item, Section
from .blocks import Block, each, item_blocks, paragraphs, point_blocks, table_blocks
from .notice import notice_text, notice_title
from .signature import Signature, signature

__all__ = ["Block", "Outline", "outline"]
PAD = "\u3000"  # an ideographic space: one 字, used to align list continuation lines
GROUP_ROLES = (("leader", "组　长："), ("deputies", "副组长："), ("members", "成　员："))


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
    plan_pages: list[Block] = field(default_factory=list)  # the 方案 after its 印发通知
    attachment_pages: list[Block] = field(default_factory=list)
    signature: Signature = field(default_factory=Signature)
    sealed: bool = False
    note: str = ""
    cc: str = ""
    printed_by: str = ""
    printed_on: str = ""


def outline(plan: Document) -> Outline:
    """Number the sections and lay out the document elements of ``plan`` (a 方案 or 总结);
    with a 印发通知, the notice first and the 方案 on the pages after its signature."""
    title, body = title_lines(plan.title), body_blocks(plan)
    note = _attachment_note(["".join(_lines(a.title)) for a in plan.attachments])
    notice = getattr(plan, "cover_notice", None)
    plan_pages = []
    if notice is not None:
        plan_pages = [Block("page")] + [Block("title", line) for line in title] + body
        plan_pages += [Block("note", b.head, b.text) for b in note]
        title, note = notice_title(notice, plan.title), []
        body = paragraphs(notice_text(notice, plan.title))
    return Outline(
        title_lines=title,
        body=body,
        plan_pages=plan_pages,
        red_header=plan.red_header,
        issuer_mark=plan.issuer_mark or (f"{plan.issuer}文件" if plan.issuer else ""),
        doc_number=plan.doc_number or "",
        signer=plan.signer or "",
        recipients=_recipients(plan.recipients),
        attachment_note=note,
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
    blocks = paragraphs(plan.preamble)
    for number, (section, default_title) in enumerate(plan.body_sections(), start=1):
        blocks += section_blocks(section, number, default_title, section_levels(top, section.ordinals))
    return blocks + paragraphs(plan.closing)


def section_blocks(section: Section, number: int, default_title: str,
                   levels: tuple[int, ...] = LEVELS) -> list[Block]:
    """一、 heading, its text and table, a 领导小组 list or stages, then items one level down."""
    group = group_blocks(section.group) if isinstance(section, Leadership) and section.group else []
    children = each(section.items, lambda s, n: stage_blocks(s, n, section.format, levels[1:])) \
        if isinstance(section, Stages) else None
    head = ordinal(levels[0], number)
    return point_blocks(section, levels, head, section.title or default_title, group, children)


def attachment_blocks(attachments: list[Attachment], levels: tuple[int, ...] = LEVELS) -> list[Block]:
    """Pages of the attachments that have content: 附件N label, title, text, table, items 一、."""
    blocks = []
    for number, attachment in enumerate(attachments, start=1):
        if attachment.has_pages:
            label = "附件" if len(attachments) == 1 else f"附件{number}"
            blocks += [Block("label", label)] + [Block("title", t) for t in title_lines(attachment.title)]
            blocks += paragraphs(attachment.text) + table_blocks(attachment.table)
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
    return blocks + paragraphs(stage.text[1:]) + item_blocks(stage.items, levels[1:])


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
        blocks += paragraphs(group.office.text)
        blocks += [Block("list", "办公室主任：", name) for name in group.office.director]
    return blocks


def padded_name(person: str) -> str:
    """李明　副局长 → 李　明　副局长: a two-character name takes three, so the titles line up."""
    name, rest = re.match(r"(\S*)(.*)", person, re.DOTALL).groups()
    if len(name) == 2 and all(is_han(c) for c in name):
        return f"{name[0]}{PAD}{name[1]}{rest}"
    return person


def _lines(title: str) -> list[str]:
    return [line.strip() for line in title.splitlines() if line.strip()]


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
