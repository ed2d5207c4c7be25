"""Random text for documents, and the YAML files that hold them.

What the text avoids, because the documentation (docs/) says that reportgen changes it:
- surrounding whitespace (stripped: such padding is generated, and the stripped text expected);
- control characters and line or paragraph separators inside one line of text (removed, or taken
  as line breaks, by YAML and reportgen);
- ``{{`` and ``{%`` (they start a placeholder; placeholders are generated on purpose, with
  values holding anything, ``{{`` too);
- line folding: the YAML is written with one line per scalar, or a ``|`` block, never folded
  (reportgen drops the space YAML puts between two Chinese characters at a fold).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import yaml
from hypothesis import strategies as st

FRAGMENTS = ("&", "<", ">", '"', "'", "&amp;", "<w:t>", "]]>", "𠀀", "𪚥", "😀", "👨‍👩‍👧", "\t", " ",
             "\u3000", "\u00a0", "{_{", "}_}", "{_%", "%_}", "{#", "#}", "}}", "%}", "{", "}", "：",
             "（一）", "1.", "\\", "#", "- ", ": ", "---", "*a", "!!str", "%", "“", "”", "—", "…")
CHARS = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # common Chinese
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),  # ASCII
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),  # CJK extension B, beyond the BMP
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),  # emoji
    st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Zl", "Zp")),  # anything else assigned
)
PIECES = st.one_of(st.text(CHARS, min_size=1, max_size=6), st.sampled_from(FRAGMENTS))


def plain(text: str) -> bool:
    """True for text reportgen shows as written: no surrounding space, no placeholder."""
    return bool(text) and text == text.strip() and "{{" not in text and "{%" not in text


LINES = st.lists(PIECES, min_size=1, max_size=5).map("".join).map(str.strip).filter(plain)
LONG = st.tuples(LINES, st.integers(300, 600)).map(lambda t: "，".join([t[0]] * t[1]))
PARAGRAPHS = st.one_of(LINES, LINES, LINES, LINES, LINES, LINES, LINES, LINES, LINES, LONG)
AROUND = LINES.filter(lambda t: "{#" not in t and not t.endswith("{") and not t.startswith("}"))
RAW = st.lists(PIECES | st.sampled_from(["{{", "{%", "{{ x }}", "{% if %}", "{#"]), min_size=1,
               max_size=5).map("".join).map(str.strip).filter(bool)
CODES = st.text(CHARS.filter(lambda c: not c.isspace()), min_size=1, max_size=6).filter(plain)
DOC_NUMBERS = st.tuples(CODES, st.integers(1949, 2100), st.integers(1, 9999)).map(
    lambda t: f"{t[0]}〔{t[1]}〕{t[2]}号")
PADS = st.sampled_from(["", "", "", " ", "\u3000", "\t", "  "])
DATES = st.dates(min_value=date(1949, 10, 1), max_value=date(2100, 12, 31))
WIDE, LONG_TABLE = (10, 13), (30, 40)  # items of a wide list (numbers from 十 on), rows of a long table
WIDE_LISTS = 2
DATE_FORMS = ("{y}-{m:02d}-{d:02d}", "{y}-{m}-{d}", "{y}/{m}/{d}", "{y}.{m}.{d}", "{y}年{m}月{d}日")


@dataclass
class Generated:
    """A drawn document: its data, and what its .docx must show.

    ``shown`` holds (how, text): "whole" a paragraph's entire text, "tail" the end of one
    paragraph (body text follows a run-in heading), "part" inside one paragraph.
    ``ordinals`` holds the numbered headings in order, (level, number), and "附件" where an
    attachment's own pages start.
    """

    data: dict
    kind: str
    shown: list[tuple[str, str]] = field(default_factory=list)
    ordinals: list = field(default_factory=list)
    encoding: str = "utf-8"


class Draft:
    """One document being drawn: how its keys are spelled, what it must show."""

    def __init__(self, draw, language: str, wide: int = WIDE_LISTS):
        self.draw, self.language = draw, language
        self.shown: list[tuple[str, str]] = []
        self.ordinals: list = []
        self.wide = wide

    def count(self, low: int, high: int = 3, wide: tuple[int, int] = WIDE) -> int:
        """How many items a list gets: ``low`` to ``high``, or now and then (WIDE_LISTS times in
        a document at most, so that it stays small enough to build in a blink) ``wide``."""
        if self.wide and self.maybe(4):
            self.wide -= 1
            return self.draw(st.integers(*wide))
        return self.draw(st.integers(low, high))

    def key(self, spellings: tuple[str, str]) -> str:
        """The English or Chinese spelling, as the document's language (or a coin, if mixed) says."""
        language = self.language if self.language != "mixed" else self.draw(st.sampled_from("ez"))
        return spellings[0] if language == "e" else spellings[1]

    def text(self, how: str = "part", strategy=LINES, shown=lambda t: t) -> str:
        """A line of text, remembered as it must be shown."""
        text = self.draw(strategy)
        self.shown.append((how, shown(text)))
        return text

    def maybe(self, probability: int = 2) -> bool:
        """True about once in ``probability`` draws."""
        return self.draw(st.integers(1, probability)) == 1

    def paragraphs(self, how: str = "tail", max_size: int = 3):
        """Paragraphs as a list, or as one string with blank lines between them, padded."""
        texts = self.draw(st.lists(PARAGRAPHS, min_size=1, max_size=max_size))
        self.shown += [(how, t) for t in texts]
        padded = [self.draw(PADS) + t + self.draw(PADS) for t in texts]
        if self.maybe():
            return padded if len(padded) > 1 or self.maybe() else padded[0]
        return "\n\n".join(padded)


class _Dumper(yaml.SafeDumper):
    """One line per scalar, or a ``|`` block for text of several lines: never folded."""

    def choose_scalar_style(self):
        style = super().choose_scalar_style()
        return '"' if style == "'" and self.analysis.multiline else style


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def yaml_text(data: dict) -> str:
    """``data`` as YAML text, keys in their order, Chinese and emoji written as they are."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**9)


def file_bytes(data: dict, encoding: str) -> bytes:
    """``data`` as YAML in ``encoding``; GB18030 only where it cannot be taken for UTF-8."""
    text = yaml_text(data)
    raw = text.encode(encoding)
    if encoding == "gb18030" and _reads_as_utf8(raw, text):
        return text.encode("utf-8")
    return raw


def _reads_as_utf8(raw: bytes, text: str) -> bool:
    """True when GB18030 bytes are also valid UTF-8 of other text: "联通" read back as UTF-8."""
    try:
        return raw.decode("utf-8") != text
    except UnicodeDecodeError:
        return False
