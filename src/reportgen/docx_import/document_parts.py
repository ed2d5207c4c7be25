"""A document cut into the parts a YAML file names: 版头, title, 主送, body, 附件说明, 署名, 成文日期,
附注, attachment pages and 版记, from the roles ``check`` gives each paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..check.docx_read import Para, Reading
from ..check.roles import Role, assign_roles

CLOSING = ("attachment_note", "signature", "date", "note")


@dataclass
class Piece:
    """A paragraph (its role and stripped text) or a table (``rows`` of cell texts)."""

    role: Role
    text: str = ""
    para: Para | None = None
    rows: list[list[str]] = field(default_factory=list)

    @property
    def is_table(self) -> bool:
        return self.role.kind == "table"


@dataclass
class Part:
    """One titled part: the document itself, the 方案 after a 印发通知, or an attachment page."""

    title: list[str] = field(default_factory=list)
    label: str = ""  # 附件2, for an attachment page
    recipients: str = ""
    body: list[Piece] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # the 附件说明's lines
    signature: list[str] = field(default_factory=list)
    date: str = ""
    note: str = ""
    sealed: tuple[str, ...] = ()  # the 署名's styles: 发文机关署名（用印） for a sealed one


@dataclass
class Parts:
    """The whole document: 版头, the parts in order, the 版记, and text found nowhere else."""

    mark: list[str] = field(default_factory=list)
    doc_number: str = ""
    parts: list[Part] = field(default_factory=list)
    imprint: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)


def pieces(reading: Reading) -> list[Piece]:
    """Paragraphs with their roles, each table's paragraphs gathered into one Piece by cell."""
    found: list[Piece] = []
    roles = assign_roles(reading.paragraphs)
    for para, role in zip(reading.paragraphs, roles, strict=True):
        if para.table and role.kind in ("table", "empty") and not _in_imprint(found, para):
            _add_cell(found, para)
        elif role.kind != "empty":
            found.append(Piece(role, para.text, para))
    return found


def _in_imprint(found: list[Piece], para: Para) -> bool:
    return bool(found) and found[-1].role.kind == "imprint" and found[-1].para.table == para.table


def _add_cell(found: list[Piece], para: Para) -> None:
    """Add ``para``'s text to its cell of the table Piece (a new one for a new table)."""
    last = found[-1] if found else None
    if last is None or not last.is_table or last.para.table != para.table:
        last = Piece(Role("table"), para=para)
        found.append(last)
    row, column = max(para.row - 1, 0), para.cell
    while len(last.rows) <= row:
        last.rows.append([])
    cells = last.rows[row]
    while len(cells) <= column:
        cells.append("")
    text = para.text.strip()
    cells[column] = f"{cells[column]}\n{text}" if cells[column] and text else cells[column] or text


def document_parts(found: list[Piece]) -> Parts:
    """Cut ``found`` into parts: a part starts at a title after the closing of the last one (the
    方案 after its 印发通知) or at an attachment label."""
    parts, part, stage = Parts(), None, "top"
    for piece in found:
        kind = piece.role.kind
        if kind == "imprint":
            parts.imprint.append(piece.text.strip())
        elif kind == "attachment_label":
            part, stage = Part(label=piece.text.strip()), "title"
            parts.parts.append(part)
        elif kind == "title" and (part is None or stage in ("title", "closing")):
            if part is None or stage == "closing":
                part = Part()
                parts.parts.append(part)
            part.title.append(piece.text.strip())
            stage = "title"
        elif part is None:
            _header(parts, piece)
        else:
            stage = _add(part, piece, stage, parts)
    return parts


def _header(parts: Parts, piece: Piece) -> None:
    """Before the first title: the 发文机关标志 (also as a table, as WPS sets it) and 发文字号."""
    if piece.role.kind == "doc_number" and not parts.doc_number:
        parts.doc_number = piece.text.strip()
    elif piece.role.kind == "mark" or (piece.is_table and _one_cell(piece)):
        parts.mark.append(_one_cell(piece) if piece.is_table else piece.text.strip())
    else:
        parts.unplaced += table_text(piece) if piece.is_table else [piece.text.strip()]


def _one_cell(piece: Piece) -> str:
    texts = [cell for row in piece.rows for cell in row if cell]
    return texts[0] if len(texts) == 1 and "\n" not in texts[0] else ""


def _add(part: Part, piece: Piece, stage: str, parts: Parts) -> str:
    """Add ``piece`` to ``part``; the stage reached: title, body or closing."""
    kind = piece.role.kind
    if kind == "recipients" and stage == "title" and not part.recipients:
        part.recipients = piece.text.strip()
        return "body"
    if kind in CLOSING:
        _closing(part, piece, parts)
        return "closing"
    if stage == "closing":
        text = piece.text.strip()
        if text.startswith(("（", "(")) and not part.note and not piece.is_table:
            part.note = text
        else:
            parts.unplaced += table_text(piece) if piece.is_table else [text]
        return stage
    part.body.append(piece)
    return "body"


def _closing(part: Part, piece: Piece, parts: Parts) -> None:
    """附件说明, 署名, 成文日期 and 附注 (in brackets, as reportgen prints it); a second date or a
    附注 reportgen would bracket is text it has no place for."""
    kind, text = piece.role.kind, piece.text.strip()
    if kind == "attachment_note":
        part.notes.append(text)
    elif kind == "signature":
        part.signature.append(text)
        part.sealed = piece.para.styles
    elif kind == "date" and not part.date:
        part.date = text
    elif kind == "note" and not part.note and text.startswith(("（", "(")):
        part.note = text
    else:
        parts.unplaced.append(text)


def table_text(piece: Piece) -> list[str]:
    """A table as text, a paragraph a row, its cells apart by a full-width space."""
    return ["\u3000".join(row) for row in piece.rows]
