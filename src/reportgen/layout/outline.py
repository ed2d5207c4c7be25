"""Stage 3: turn a validated document into numbered blocks and parts the template lays out."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..chinese.dates import chinese_date, date_range
from ..chinese.numerals import chinese_number, ordinal
from ..model.documents import Document, Group, Leadership, Stage, Stages
from ..model.sections import Attachment, Item, Section
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
        attachment_pages=attachment_blocks(plan.attachments),
        signature=signature(plan.signature or plan.issuer or "", plan.date, plan.sealed),
        sealed=plan.sealed,
        note=_note(plan.note),
        cc=_cc(plan.cc),
        printed_by=plan.printed_by or "",
        printed_on=f"{chinese_date(plan.printed_on)}印发" if plan.printed_on else "",
    )


def body_blocks(plan: Document) -> list[Block]:
    """Preamble, the numbered sections in the user's order, then the closing."""
    sections = plan.body_sections()
    blocks = _paragraphs(plan.preamble)
    for number, (section, default_title) in enumerate(sections, start=1):
        blocks += section_blocks(section, number, default_title)
    return blocks + _paragraphs(plan.closing)


def section_blocks(section: Section, number: int, default_title: str) -> list[Block]:
    """一、 heading, its text and table, a 领导小组 list or stages, then items from level 2 down."""
    blocks = [Block("h1", f"{ordinal(1, number)}{section.title or default_title}")]
    blocks += _paragraphs(section.text) + _table(section.table)
    if isinstance(section, Leadership) and section.group:
        blocks += group_blocks(section.group)
    if isinstance(section, Stages):
        return blocks + _each(section.items, lambda s, n: stage_blocks(s, n, section.format))
    return blocks + item_blocks(section.items, 2)


def item_blocks(items: list[Item], level: int) -> list[Block]:
    """Items numbered at ``level``, restarting under each parent."""
    return _each(items, lambda item, n: _item(item, level, ordinal(level, n)))


def _item(item: Item, level: int, head: str) -> list[Block]:
    text = item.text
    if item.title and text and level >= 3:
        blocks = [Block(f"r{level}", head + _sentence(item.title), text[0])] + _paragraphs(text[1:])
    elif item.title:
        blocks = [Block(f"h{level}", head + item.title)] + _paragraphs(text)
    else:
        blocks = [Block(f"r{level}", head, text[0])] + _paragraphs(text[1:]) if text else []
    return blocks + _table(item.table) + item_blocks(item.items, level + 1)


def attachment_blocks(attachments: list[Attachment]) -> list[Block]:
    """Pages of the attachments that have content: 附件N label, title, text, table, items 一、."""
    blocks = []
    for number, attachment in enumerate(attachments, start=1):
        if attachment.has_pages:
            label = "附件" if len(attachments) == 1 else f"附件{number}"
            blocks += [Block("label", label)] + [Block("title", t) for t in _lines(attachment.title)]
            blocks += _paragraphs(attachment.text) + _table(attachment.table)
            blocks += item_blocks(attachment.items, 1)
    return blocks


def stage_blocks(stage: Stage, number: int, form: str) -> list[Block]:
    """（一）名称阶段（时间） as a heading, or 第一阶段：名称（时间）。 running into its text."""
    period = stage.period or (date_range(stage.start, stage.end) if stage.start else "")
    period = f"（{period}）" if period else ""
    if form == "heading":
        name = stage.name if stage.name.endswith("阶段") else f"{stage.name}阶段"
        heading = Item(title=f"{name}{period}", text=stage.text, items=stage.items)
        return _item(heading, 2, ordinal(2, number))
    head = f"第{chinese_number(number)}阶段：{stage.name.removesuffix('阶段')}{period}"
    blocks = [Block("r2", f"{head}。", stage.text[0])] if stage.text else [Block("h2", head)]
    return blocks + _paragraphs(stage.text[1:]) + item_blocks(stage.items, 3)


def group_blocks(group: Group) -> list[Block]:
    """成立××领导小组，组成人员如下： then 组长/副组长/成员 lines and the 办公室 text."""
    blocks = [Block("p", text=f"成立{group.name}，组成人员如下：")] if group.name else []
    for attr, label in GROUP_ROLES:
        for i, person in enumerate(getattr(group, attr)):
            blocks.append(Block("list", label if i == 0 else PAD * len(label), person))
    return blocks + _paragraphs(group.office)


def _each(things: list, blocks_of) -> list[Block]:
    return [b for n, thing in enumerate(things, start=1) for b in blocks_of(thing, n)]


def _paragraphs(texts: list[str]) -> list[Block]:
    return [Block("p", text=t) for t in texts]


def _table(table) -> list[Block]:
    return [Block("table", table=table_view(table))] if table is not None else []


def _lines(title: str) -> list[str]:
    return [line.strip() for line in title.splitlines() if line.strip()]


def _sentence(title: str) -> str:
    return title if title[-1] in SENTENCE_END else f"{title}。"


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
