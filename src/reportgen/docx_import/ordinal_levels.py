"""序号 for an imported document: the ordinal forms its sections and items were written in, for the
file as a whole (the forms most sections use) and for each section that differs from them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model.levels import FORMS, LEVELS, completed
from .body_outline import Point

MIXED = "原文同一层次用了不同的序号，已按层次统一编号"


@dataclass
class Ordinals:
    """The file's 序号 (None: the default 一、（一）1.（1）), each section's own, and a note when a
    depth mixes forms that no 序号 can say."""

    document: list[str] | None = None
    sections: dict[int, list[str]] = field(default_factory=dict)
    note: str = ""


def point_levels(point: Point) -> tuple[int, ...] | None:
    """The forms of ``point``'s depths, itself first; None when a depth mixes forms, or a deeper
    depth is not a lower level."""
    by_depth: dict[int, set[int]] = {}
    for depth, found in _depths([point], 1):
        by_depth.setdefault(depth, set()).add(found.form)
    if any(len(forms) > 1 for forms in by_depth.values()):
        return None
    levels = tuple(min(by_depth[d]) for d in sorted(by_depth))
    return levels if all(a < b for a, b in zip(levels, levels[1:], strict=False)) else None


def ordinals(sections: list[Point], attachment_items: list[Point]) -> Ordinals:
    """The 序号 that number ``sections`` and the attachments' items as they were written."""
    levels = [point_levels(p) for p in sections]
    known = [lv for lv in levels if lv]
    common = max(Counter(known).most_common(), key=lambda c: (c[1], len(c[0])))[0] if known \
        else (1,)
    top = completed(common)
    found = Ordinals(None if top == LEVELS else [FORMS[level] for level in common])
    mixed = any(lv is None or lv[0] != top[0] for lv in levels)
    for i, own in enumerate(levels):
        if own and own[0] == top[0] and top[:len(own)] != own:
            found.sections[i] = [FORMS[level] for level in own]
    mixed = mixed or any((lv := point_levels(p)) is None or top[:len(lv)] != lv
                         for p in attachment_items)
    found.note = MIXED if mixed else ""
    return found


def _depths(points: list[Point], depth: int):
    for point in points:
        yield depth, point
        yield from _depths(point.items, depth + 1)
