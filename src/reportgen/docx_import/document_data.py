"""The whole YAML file for a document's parts, keys in the order reportgen's samples use: the
版头 and title, 主送 and 成文日期, the body, 署名, 附件, 附注 and the 版记; what could not be placed
goes at the end of 结尾 with a note to check it."""

from __future__ import annotations

import re

from ..chinese.dates import date_parts
from ..chinese.doc_numbers import DOC_NUMBER, LOOSE_DOC_NUMBER
from ..chinese.text_rules import CHINESE_DATE, chinese_date_read
from ..model.forms import NOTICE_SENTENCE
from .body_outline import Body, body_outline
from .document_parts import Part, Parts, table_text
from .ordinal_levels import Ordinals, ordinals
from .sections_data import CHECK, literal, paragraphs, point_data, sections_data, table_data
from .yaml_text import Block, Noted

SIGNER = re.compile(r"^(?P<number>.+?号)\s*签发人[：:]\s*(?P<signer>\S.*)$")
NOTICE_TITLE = re.compile(r"^关于印发《(?P<title>.+)》的通知$")
ATTACHMENT_LABEL = re.compile(r"^附件\s*[\d０-９]*")
NOTE_NUMBER = re.compile(r"^(?:附件[：:])?\s*(?:\d+[.．、]\s*)?")
PRINTED = re.compile(r"^(?P<by>.*?)\s*(?P<on>\S+年\S+月\S+日)印发$")
SUMMARY_TITLE = re.compile(r"总结(?:[（(][^）)]{0,12}[）)])?$")  # …工作总结, …总结（2024年）


def document_data(parts: Parts) -> dict:
    """Every key of the YAML file for ``parts``, in order."""
    unlabelled = [p for p in parts.parts if not p.label]
    notice, main = _notice_and_main(unlabelled)
    unplaced = list(parts.unplaced) + [t for p in unlabelled if p not in (notice, main)
                                       for t in _part_text(p)]
    if notice is not None:  # the 方案's own closing, which reportgen takes from the notice
        unplaced += [*main.signature, main.date, main.note, *notice.notes]
    head = notice or main
    title = "".join(main.title)
    data: dict = {"文种": "总结"} if SUMMARY_TITLE.search(title) else {}
    data["标题"] = _title(main.title)
    data |= _issuer(parts, head, unplaced)
    year = _year(head.date)
    if notice is not None:
        data["印发通知"] = _notice(notice, main)
    body = body_outline(main.body)
    pages = [body_outline(p.body, sections=False) for p in parts.parts if p.label]
    forms = ordinals(body.points, [q for page in pages for q in page.points])
    if forms.document:
        data["序号"] = forms.document
    data |= _recipients_and_date(head, unplaced)
    data |= _body(body, forms, "文种" in data, year)
    data |= _closing(head, main, parts, pages, unplaced)
    data["结尾"] = closing_text(body.closing, unplaced)
    return {k: v for k, v in data.items() if v is not None}


def _notice_and_main(parts: list[Part]) -> tuple[Part | None, Part]:
    """The 印发通知 and the 方案 after it, or no notice and the document itself."""
    if not parts:
        return None, Part()
    if len(parts) > 1 and NOTICE_TITLE.match("".join(parts[0].title)):
        return parts[0], parts[1]
    return None, parts[0]


def _title(lines: list[str]) -> Block | str:
    return Block(tuple(literal(t) for t in lines), spaced=False) if len(lines) > 1 \
        else literal("".join(lines))


def _issuer(parts: Parts, head: Part, unplaced: list[str]) -> dict:
    data: dict = {}
    signature = head.signature
    if len(signature) == 1:
        data["发文机关"] = literal(signature[0])
    mark = "".join(parts.mark)
    if mark and mark != f"{data.get('发文机关', '')}文件":
        data["发文机关标志"] = literal(mark)
    written, signer = _number_and_signer(parts.doc_number)
    number = _doc_number(written) if written else None
    if number is not None:
        data["发文字号"] = number
        if signer:
            data["签发人"] = literal(signer)
    elif parts.doc_number:
        unplaced.append(parts.doc_number)  # 城发〔202X〕X号: a form reportgen cannot print
    if mark:
        data["红头"] = "是"
    return data


def _number_and_signer(line: str) -> tuple[str, str]:
    """A 上行文's line: 城政〔2024〕5号　　签发人：王建国 (the 签发人 ""  when there is none)."""
    found = SIGNER.match(line)
    return (found["number"], found["signer"]) if found else (line, "")


def _doc_number(text: str) -> str | Noted | None:
    """The 发文字号, in the form reportgen prints (〔〕, no 第, no leading zero) when close to it;
    None when it is not one reportgen can print."""
    if DOC_NUMBER.match(text):
        return text
    loose = LOOSE_DOC_NUMBER.match(text)
    if loose is None:
        return None
    fixed = f"{loose['code']}〔{loose['year']}〕{loose['num']}号"
    return Noted(fixed, f"{CHECK}原文写作“{text}”，已按 GB/T 9704 改写")


def _notice(notice: Part, main: Part) -> str | dict:
    """是 for the usual title and sentence, else the notice's own 标题 and 内容."""
    plan_title = "".join(main.title)
    title = "".join(notice.title)
    text = [t for p in notice.body for t in (table_text(p) if p.is_table else [p.text.strip()])]
    own: dict = {}
    if title != f"关于印发《{plan_title}》的通知":
        own["标题"] = literal(title)
    if text != [NOTICE_SENTENCE.format(title=plan_title)]:
        own["内容"] = paragraphs(text)
    return own or "是"


def _recipients_and_date(head: Part, unplaced: list[str]) -> dict:
    data: dict = {}
    if head.recipients:
        names = head.recipients.rstrip("：:").split("、")
        data["主送机关"] = [literal(n) for n in names] if len(names) > 1 else literal(names[0])
    day = _date(head.date)
    if day:
        data["成文日期"] = day
    elif head.date:
        unplaced.append(head.date)
    return data


def _date(text: str) -> str:
    """2024-03-05 for 2024年3月5日 (or 二〇二四年三月五日); "" for anything else."""
    found = CHINESE_DATE.fullmatch(text)
    parts = date_parts(chinese_date_read(found) if found else text)
    return f"{parts[0]}-{parts[1]:02d}-{parts[2]:02d}" if parts else ""


def _year(text: str) -> int | None:
    day = _date(text)
    return int(day[:4]) if day else None


def _body(body: Body, forms: Ordinals, summary: bool, year: int | None) -> dict:
    """开头 and the sections; the notes on the body as a whole go before the first of its keys."""
    notes = body.notes + ([forms.note] if forms.note else [])
    opening = body.opening + [body.caption] * bool(body.caption) + [
        "\u3000".join(row) for row in body.rows or []]
    if body.rows:
        notes.append("原文开头的表格已改为文字（每行一段，单元格以全角空格隔开）")
    data = {"开头": paragraphs(opening)} if opening else {}
    data |= sections_data(body.points, summary, year, forms.sections)
    if notes and data:
        first = next(iter(data))
        value, own = (data[first].value, [data[first].comment]) if isinstance(
            data[first], Noted) else (data[first], [])
        data[first] = Noted(value, "\n".join([*(n if n.startswith(CHECK) else CHECK + n
                                                 for n in notes), *own]))
    data["结尾"] = None  # its place among the keys; filled once every part is read
    return data


def _closing(head: Part, main: Part, parts: Parts, pages: list[Body], unplaced: list[str]) -> dict:
    data: dict = {}
    if len(head.signature) > 1:
        data["署名"] = Block(tuple(literal(s) for s in head.signature), spaced=False)
    if any("用印" in style for style in head.sealed):
        data["用印"] = "是"
    attachments = _attachments(main, [p for p in parts.parts if p.label], pages)
    if attachments:
        data["附件"] = attachments
    if head.note:
        data["附注"] = literal(head.note)
    data |= _imprint(parts.imprint, unplaced)
    return data


def closing_text(closing: list[str], unplaced: list[str]):
    """结尾: the body's closing, then (noted) the text that had no place of its own; None: none."""
    unplaced = [t for t in unplaced if t.strip()]
    if unplaced:
        return Noted(paragraphs(closing + unplaced), f"{CHECK}结尾的最后{len(unplaced)}段在原文中的"
                     "位置无法对应到 YAML 的键，已放在这里，请移到应在的地方或删去")
    return paragraphs(closing) if closing else None


def _attachments(main: Part, pages: list[Part], bodies: list[Body]) -> list:
    """The 附件说明's names, each with its page (附件2 is the second name's) where it has one."""
    names = [NOTE_NUMBER.sub("", n, count=1).strip() for n in main.notes]
    numbered = {_label_number(p.label, len(pages) == 1): (p, b) for p, b in zip(pages, bodies,
                                                                                strict=True)}
    found: list = []
    for n in range(1, max([len(names), *numbered]) + 1 if names or numbered else 1):
        name = names[n - 1] if n <= len(names) else ""
        if n in numbered:
            found.append(_attachment_page(*numbered.pop(n), name))
        elif name:
            found.append(literal(name))
    return found + [_attachment_page(p, b, "") for p, b in numbered.values()]


def _label_number(label: str, only: bool) -> int:
    """2 for 附件2; 1 for a lone 附件; 0 (no name of the 附件说明) for anything else."""
    number = ATTACHMENT_LABEL.match(label)[0].removeprefix("附件").strip()
    return int(number) if number.isdigit() else 1 if only else 0


def _attachment_page(page: Part, body: Body, name: str) -> dict | Noted:
    data: dict = {"标题": _title(page.title) if page.title else literal(name)}
    extra = ATTACHMENT_LABEL.sub("", page.label, count=1).strip()  # 附件1（可选）: reportgen prints 附件1
    text = [extra] * bool(extra) + body.opening + body.closing
    if text:
        data["内容"] = paragraphs(text)
    if body.rows is not None:
        data["表格"] = table_data(body.rows, body.caption)
    if body.points:
        data["条目"] = [point_data(p) for p in body.points]
    notes = [f"{CHECK}附件说明中写的是“{name}”"] * bool(name and name != "".join(page.title))
    notes += [f"{CHECK}原文的附件标识是“{page.label}”，reportgen 只排“附件”和序号，其余移到内容开头"] * bool(extra)
    return Noted(data, "\n".join(notes)) if notes else data


def _imprint(lines: list[str], unplaced: list[str]) -> dict:
    """抄送：A，B。 (A、B stays one name, printed as written) and 印发机关 + 印发日期 (the line
    ending 印发)."""
    data: dict = {}
    for line in lines:
        printed = PRINTED.match(line)
        if line.startswith(("抄送：", "抄送:")) and "抄送" not in data:
            names = line[3:].removesuffix("。").split("，")  # reportgen joins them with ，
            data["抄送"] = [literal(n.strip()) for n in names if n.strip()]
        elif printed and _date(printed["on"]) and "印发日期" not in data:
            if printed["by"]:
                data["印发机关"] = literal(printed["by"])
            data["印发日期"] = _date(printed["on"])
        else:
            unplaced.append(line)
    return data


def _part_text(part: Part) -> list[str]:
    """Every text of a part reportgen has no place for (a second document in one file)."""
    body = [t for p in part.body for t in (table_text(p) if p.is_table else [p.text.strip()])]
    return [*part.title, part.recipients, *body, *part.notes, *part.signature, part.date,
            part.note]
