"""Safe, unique file names for the documents of a batch's units."""

from __future__ import annotations

import re


def file_names(names: list[str], reserved: tuple[str, ...] = ()) -> list[str]:
    """A safe .docx file name for each unit: unique (ignoring case), never a path or a device name."""
    taken = {r.casefold() for r in reserved}
    result = []
    for name in names:
        stem = safe_stem(name)
        candidate, number = stem, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{stem}-{number}"
        taken.add(candidate.casefold())
        result.append(f"{candidate}.docx")
    return result


MAX_STEM_BYTES = 180
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                   *(f"LPT{i}" for i in range(1, 10))}


def safe_stem(name: str) -> str:
    """``name`` made safe as a file name on Windows and Linux: at most 80 characters and 180
    bytes in UTF-8, so that the temporary file beside it (atomic_write.write_atomic) fits in the 255
    bytes Linux allows for a name."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]', "_", name).strip().rstrip(". ")[:80]
    stem = stem.encode()[:MAX_STEM_BYTES].decode(errors="ignore").rstrip(". ")
    stem = stem.lstrip(".") or "_"
    return f"_{stem}" if stem.split(".")[0].upper() in WINDOWS_DEVICES else stem
