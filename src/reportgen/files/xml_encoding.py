"""The encoding an XML parser reads a part in, and a DOCTYPE found anywhere in it, as it streams.

A DOCTYPE is how an XML file reads local files or expands to gigabytes (external entities, entity
bombs); Word never writes one. It may hide after a long comment, or in a part that is UTF-16 or
UTF-32 without a byte-order mark, or in an encoding the part declares (UTF-7 spells ``<`` as
``+ADw-``). So each part is decoded as a parser would decode it (byte-order mark, else the form
of its first characters, else its declaration), chunk by chunk, and all of it is searched.
"""

from __future__ import annotations

import codecs
import re

MARKS = (  # byte-order marks first (UTF-32's begins like UTF-16's), then "<?" in each form
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (b"<\0\0\0", "utf-32-le"), (b"\0\0\0<", "utf-32-be"), (b"<\0?\0", "utf-16-le"),
    (b"\0<\0?", "utf-16-be"),
)
DECLARED = re.compile(rb"<\?xml[^>]{0,200}?\sencoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']")
DOCTYPE = re.compile("<!DOCTYPE", re.IGNORECASE)
OVERLAP = len("<!DOCTYPE") - 1


def xml_encoding(head: bytes) -> str | None:
    """The text encoding of an XML part starting with ``head``; None when it names one Python
    cannot decode (or an EBCDIC one), which no .docx or .xlsx uses."""
    for mark, name in MARKS:
        if head.startswith(mark):
            return name
    if head.startswith(b"\x4c\x6f\xa7\x94"):  # "<?xm" in EBCDIC
        return None
    declared = DECLARED.match(head)
    if declared is None:
        return "utf-8"
    try:
        codec = codecs.lookup(declared.group(1).decode("ascii"))
    except LookupError:
        return None
    return codec.name if codec._is_text_encoding else None


class DoctypeScan:
    """Feed a part's bytes in order to ``refusal``: "doctype" once a DOCTYPE has been seen,
    "broken" if the part's encoding cannot be read, else None."""

    def __init__(self) -> None:
        self.decoder: codecs.IncrementalDecoder | None = None
        self.tail = ""

    def refusal(self, chunk: bytes) -> str | None:
        if self.decoder is None:
            encoding = xml_encoding(chunk[:256])
            if encoding is None:
                return "broken"
            self.decoder = codecs.getincrementaldecoder(encoding)("replace")
        text = self.tail + self.decoder.decode(chunk)
        if DOCTYPE.search(text):
            return "doctype"
        self.tail = text[-OVERLAP:]
        return None
