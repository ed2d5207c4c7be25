"""docProps/core.xml with each document's title: serialized once per template, the title put in.

Word shows the title under 文件 > 信息 > 属性; its document properties hold at most 255
characters, and a document's title may be longer. python-docx serializes the whole part for each
title it is given; here the part is serialized once with a mark for the title, and each title is
escaped as lxml escapes text (``&``, ``<``, ``>``, and a carriage return as ``&#13;``) and put in
its place: the same bytes. A title with any other control character goes through python-docx.
"""

from __future__ import annotations

import re

from docx.document import Document

from .docx_zip import Part

CORE = "docProps/core.xml"
MAX_TITLE = 255
MARK = "\ue000reportgen\ue001title\ue000"  # private-use characters no title can hold unchanged
ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
NOT_PLAIN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ue000\ue001]")


class CoreTitle:
    """The template's docProps/core.xml, to be given many titles."""

    def __init__(self, document: Document):
        self.document = document
        self.part = next((p for p in document.part.package.iter_parts()
                          if p.partname == f"/{CORE}"), None)
        self.around: tuple[bytes, bytes] | None = None
        if self.part is not None:
            document.core_properties.title = MARK
            before, mark, after = self.part.blob.partition(MARK.encode())
            self.around = (before, after) if mark else None

    def with_title(self, title: str) -> Part | None:
        """The part with ``title`` (its first MAX_TITLE characters); None if the template has none."""
        if self.part is None:
            return None
        title = title[:MAX_TITLE]
        if self.around is None or NOT_PLAIN.search(title):
            self.document.core_properties.title = title
            return Part.of(CORE, self.part.blob)
        before, after = self.around
        return Part.of(CORE, before + title.translate(ESCAPES).encode() + after)
