"""The text a document shows, in the form the round trip compares: paragraph by paragraph, after
the normalisations docs/import.md lists (spacing, ordinal forms, title lines as one)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

from reportgen.check.docx_read import read_docx
from reportgen.check.ordinal_parse import parse_ordinal
from reportgen.check.roles import assign_roles

INVISIBLE = ("Cc", "Cf", "Zs", "Zl", "Zp")


def shown_text(path: Path) -> list[str]:
    """Each paragraph's text (a title's lines as one), spacing removed, ordinals as GB/T 9704
    writes them."""
    reading = read_docx(path)
    texts, last_kind = [], ""
    for para, role in zip(reading.paragraphs, assign_roles(reading.paragraphs), strict=True):
        text = _ordinal_normalised(para.label + para.text)
        text = "".join(c for c in text if unicodedata.category(c) not in INVISIBLE)
        if not text:
            continue
        if role.kind == "title" and last_kind == "title":
            texts[-1] += text
        else:
            texts.append(text)
        last_kind = role.kind
    return texts


def _ordinal_normalised(text: str) -> str:
    found = parse_ordinal(text)
    return text if found is None else text[:found.start] + found.correct + text[found.end:]


def shown_characters(path: Path) -> Counter:
    """How often each character is shown, wherever it stands: what the round trip keeps even where
    it has to move a paragraph (noted # 请核对 in the YAML)."""
    return Counter("".join(shown_text(path)))
