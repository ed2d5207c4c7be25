"""What Word shows for a style or a run: each property from the nearest level that sets it (direct
formatting, the style and its basedOn ancestors, the document defaults), read straight from the
XML so that the template tests do not lean on what reportgen's own check reads."""

from __future__ import annotations

from docx.oxml.ns import qn


def styles_by_name(doc, kind: str) -> dict[str, object]:
    return {s.find(qn("w:name")).get(qn("w:val")): s for s in doc.styles.element.findall(qn("w:style"))
            if s.get(qn("w:type")) == kind}


def chain(doc, style) -> list:
    """The style element and its basedOn ancestors, nearest first."""
    by_id = {s.get(qn("w:styleId")): s for s in doc.styles.element.findall(qn("w:style"))}
    found = []
    while style is not None and style not in found:
        found.append(style)
        based = style.find(qn("w:basedOn"))
        style = by_id.get(based.get(qn("w:val"))) if based is not None else None
    return found


def defaults(doc, kind: str):
    return doc.styles.element.find(f"{qn('w:docDefaults')}/{qn(f'w:{kind}Default')}/{qn(f'w:{kind}')}")


def levels(doc, tag: str, direct, *styles) -> list:
    """``tag`` (w:pPr or w:rPr) of the direct formatting, each style chain, and the defaults."""
    found = [direct] + [s.find(qn(tag)) for style in styles for s in chain(doc, style)]
    return [e for e in [*found, defaults(doc, tag[2:])] if e is not None]


def first(elements: list, tag: str, attr: str = "val") -> str | None:
    for element in elements:
        child = element.find(qn(f"w:{tag}"))
        if child is not None and child.get(qn(f"w:{attr}")) is not None:
            return child.get(qn(f"w:{attr}"))
    return None


def flag(elements: list, tag: str, default: bool = False) -> bool:
    child = next((c for e in elements if (c := e.find(qn(f"w:{tag}"))) is not None), None)
    return default if child is None else child.get(qn("w:val"), "1") not in ("0", "false", "off")


def run_values(rprs: list) -> dict:
    latin = {first(rprs, "rFonts", slot) for slot in ("ascii", "hAnsi", "cs")}
    return {"east_asia": first(rprs, "rFonts", "eastAsia"),
            "latin": latin.pop() if len(latin) == 1 else sorted(latin, key=str),
            "hint": first(rprs, "rFonts", "hint"), "size": int(first(rprs, "sz")) / 2,
            "bold": flag(rprs, "b"), "color": first(rprs, "color")}


def paragraph_values(pprs: list, rprs: list) -> dict:
    """A paragraph's run values, character spacing, spacing, indents, alignment and flags."""
    return {**run_values(rprs), "tracking": int(first(rprs, "spacing") or 0), **spacing(pprs),
            **{side: int(first(pprs, "ind", side) or 0) for side in ("left", "right")},
            "first_line": first_line(pprs), "jc": first(pprs, "jc"),
            "outline": int(level) if (level := first(pprs, "outlineLvl")) else None,
            "keep_next": flag(pprs, "keepNext"), "page_break": flag(pprs, "pageBreakBefore"),
            "grid": flag(pprs, "snapToGrid", default=True), "tabs": tabs(pprs),
            "bottom_rule": rule(nearest(pprs, "pBdr", "bottom"))}


def spacing(pprs: list) -> dict:
    """Space before and after (twips) and the line spacing with its rule."""
    line = first(pprs, "spacing", "line")
    return {**{side: int(first(pprs, "spacing", side) or 0) for side in ("before", "after")},
            "line": (int(line) if line else None, first(pprs, "spacing", "lineRule") or "auto")}


def nearest(elements: list, child: str, grandchild: str):
    """The first ``child/grandchild`` element along ``elements``."""
    path = f"{qn(f'w:{child}')}/{qn(f'w:{grandchild}')}"
    return next((found for e in elements if (found := e.find(path)) is not None), None)


def first_line(pprs: list) -> int:
    """The nearest first-line indent, negative when hanging (w:firstLine and w:hanging exclude
    each other: the level nearest the paragraph that sets either wins)."""
    for ppr in pprs:
        ind = ppr.find(qn("w:ind"))
        for name, sign in (("hanging", -1), ("firstLine", 1)):
            if ind is not None and ind.get(qn(f"w:{name}")) is not None:
                return sign * int(ind.get(qn(f"w:{name}")))
    return 0


def tabs(pprs: list) -> tuple:
    found = next((t for e in pprs if (t := e.find(qn("w:tabs"))) is not None), None)
    return () if found is None else tuple(
        (t.get(qn("w:val")), int(t.get(qn("w:pos")))) for t in found.findall(qn("w:tab")))


def rule(border) -> dict | None:
    """A border's style, width (eighths of a point), distance (points) and colour."""
    if border is None:
        return None
    found = {name: border.get(qn(f"w:{name}")) for name in ("val", "sz", "space", "color")}
    return {name: int(v) if name in ("sz", "space") else v for name, v in found.items() if v}


def style_values_of(doc, name: str) -> dict:
    style = styles_by_name(doc, "paragraph")[name]
    return paragraph_values(levels(doc, "w:pPr", None, style), levels(doc, "w:rPr", None, style))
