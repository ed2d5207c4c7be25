"""A paragraph's text as Word shows it: run by run, with the field (PAGE …) each stretch shows.

Fields are read as Word reads them, whatever their shape: a field's begin, code, separator,
result and end may each have a run of their own or share one; a field with no stored result
(no ``separate``), or a ``w:fldSimple`` with no run inside, still shows a value Word computes.
Such a field becomes an empty stretch marked with the field's name, formatted as its code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
             qn("w:noBreakHyphen"): "-"}
FLD_CHAR, INSTR, SIMPLE = qn("w:fldChar"), qn("w:instrText"), qn("w:fldSimple")


@dataclass
class OpenField:
    """A complex field being read: its code so far, whether its result has begun or been shown."""

    run: etree._Element
    code: str = ""
    in_result: bool = False
    shown: bool = False


@dataclass(frozen=True)
class Piece:
    """Text of one run (or part of one) and the name of the field whose result it is, if any."""

    run: etree._Element
    text: str
    field: str = ""


@dataclass
class FieldReader:
    """Walks a paragraph's own runs in order, keeping the stack of open fields."""

    pieces: list[Piece] = field(default_factory=list)
    fields: list[OpenField] = field(default_factory=list)

    def read(self, r: etree._Element) -> None:
        for child in r:
            if child.tag == FLD_CHAR:
                self._field_char(r, child.get(qn("w:fldCharType")))
            elif child.tag == INSTR and self.fields and not self.fields[-1].in_result:
                self.fields[-1].code += child.text or ""
            elif child.tag in TEXT_TAGS:
                self._text(r, TEXT_TAGS[child.tag] or child.text or "")

    def _field_char(self, r: etree._Element, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(OpenField(r))
        elif kind == "separate" and self.fields:
            self.fields[-1].in_result = True
        elif kind == "end" and self.fields:
            done = self.fields.pop()
            if not done.shown:  # Word computes the value it does not store
                self.pieces.append(Piece(done.run, "", field_name(done.code)))

    def _text(self, r: etree._Element, text: str) -> None:
        if self.fields and not self.fields[-1].in_result:
            return  # text inside a field's code is not shown
        for open_field in self.fields:
            open_field.shown = True
        shown = field_name(self.fields[-1].code) if self.fields else ""
        simple = next(r.iterancestors(SIMPLE), None)
        if simple is not None and not shown:
            shown = field_name(simple.get(qn("w:instr")))
        self.pieces.append(Piece(r, text, shown))


def run_pieces(p: etree._Element, own) -> list[Piece]:
    """The text of the runs of ``p`` that ``own(run)`` accepts, piece by piece, fields resolved."""
    reader = FieldReader()
    for element in p.iter(qn("w:r"), SIMPLE):
        if element.tag == SIMPLE:  # a simple field with no run of its own: Word shows its value
            if element.find(qn("w:r")) is None and next(element.iterancestors(qn("w:p"))) is p:
                reader.pieces.append(Piece(element, "", field_name(element.get(qn("w:instr")))))
        elif own(element):
            reader.read(element)
    return reader.pieces


def field_name(instruction: str | None) -> str:
    """The field's name, the first word of its code (PAGE, NUMPAGES …), in capitals."""
    words = (instruction or "").split()
    return words[0].upper() if words else ""
