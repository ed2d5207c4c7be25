"""What a .docx fetches from outside itself: external relationships and include fields.

A picture "linked to file" (``r:link`` → ``file:///…`` or ``\\\\server\\…``), an attached template
(``http://…/x.dotm``), a linked OLE object, an INCLUDETEXT or INCLUDEPICTURE field: Word fetches
these when the document is opened, LibreOffice when it converts it, so a document received by
email can read a local file into a PDF or tell a server who opened it. Hyperlinks are not
fetched (only followed when clicked) and are left alone.

``external_links`` lists them, in Word's terms, for ``reportgen check`` and the template check;
``without_external_links`` removes them from one part, for the copy LibreOffice converts.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
FETCHING_FIELDS = {"INCLUDETEXT", "INCLUDEPICTURE", "INCLUDE", "IMPORT", "LINK", "DDE", "DDEAUTO",
                   "RD", "DATABASE"}
KINDS = {  # relationship type (its last segment) → Word's name for it
    "attachedTemplate": "附加的模板（开发工具 → 文档模板）",
    "image": "链接的图片（插入时选了“链接到文件”）",
    "oleObject": "链接的对象（OLE 链接）", "package": "链接的对象", "aFChunk": "链接的外部内容",
    "subDocument": "子文档（主控文档）", "frame": "框架中的网页",
    "audio": "链接的音频", "video": "链接的视频", "media": "链接的媒体",
    "mailMergeSource": "邮件合并的数据源", "mailMergeHeaderSource": "邮件合并的数据源",
    "recipientData": "邮件合并的收件人", "externalLinkPath": "链接的外部数据",
}
FIXES = {
    "attachedTemplate": "在 Word 中点“开发工具 → 文档模板”，把文档模板改为 Normal 后保存",
    "image": "删除这张图片，再用“插入 → 图片”插入（不要选“链接到文件”）",
    "field": "在 Word 中选中这个域，按 Ctrl+Shift+F9 把它变成普通文字，或删除它",
}
LINKS_FIX = "在 Word 中点“文件 → 信息 → 编辑指向文件的链接”，选中后点“断开链接”，或删除它"
PARTS = ((r"^word/document\.xml$", "正文"), (r"^word/header\d*\.xml$", "页眉"),
         (r"^word/footer\d*\.xml$", "页脚"), (r"^word/footnotes\.xml$", "脚注"),
         (r"^word/endnotes\.xml$", "尾注"), (r"^word/comments\.xml$", "批注"),
         (r"^word/settings\.xml$", "文档设置"), (r"^word/charts/", "图表"),
         (r"^word/glossary/", "文档部件"), (r"^word/webSettings\.xml$", "Web 设置"))
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass(frozen=True)
class Link:
    """One thing fetched from outside: the part holding it, Word's name for it, its target."""

    part: str
    kind: str
    target: str
    fix: str

    @property
    def where(self) -> str:
        """The part in Word's terms (正文, 页眉, 文档设置 …), else its name in the zip."""
        return next((name for pattern, name in PARTS if re.match(pattern, self.part)), self.part)


def external_links(archive: zipfile.ZipFile) -> list[Link]:
    """Every external relationship (hyperlinks aside) and fetching field of a judged .docx."""
    links: list[Link] = []
    for name in archive.namelist():
        data = archive.read(name) if _may_link(name) else b""
        if name.endswith(".rels") and b"External" in data:
            links += [_relationship_link(name, r) for r in _external(_root(data))]
        elif data and (b"instrText" in data or b"fldSimple" in data):
            links += [Link(name, f"{word} 域", _argument(instruction, word), FIXES["field"])
                      for word, instruction, _ in _fetching_fields(_root(data))]
    return links


def without_external_links(name: str, data: bytes) -> bytes:
    """Part ``name`` without its external relationships (hyperlinks aside) and with each fetching
    field replaced by the text it last showed; ``data`` itself when it has none."""
    if name.endswith(".rels") and b"External" in data:
        root = _root(data)
        found = list(_external(root))
        for relationship in found:
            root.remove(relationship)
    elif _may_link(name) and (b"instrText" in data or b"fldSimple" in data):
        root = _root(data)
        found = _fetching_fields(root)
        for _, _, elements in found:
            _unwrap(elements)
    else:
        return data
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if found else data


def _may_link(name: str) -> bool:
    return name.endswith((".xml", ".rels")) and not re.match(r"^[a-z]+/(media|embeddings)/", name)


def _root(data: bytes):
    return etree.fromstring(data, PARSER)


def _external(root):
    for relationship in root.iter(PACKAGE_RELS):
        kind = relationship.get("Type", "").rsplit("/", 1)[-1]
        if relationship.get("TargetMode") == "External" and kind != "hyperlink":
            yield relationship


def _relationship_link(rels_name: str, relationship) -> Link:
    """The link a relationship makes, named for the part whose .rels holds it."""
    folder, _, file = rels_name.rpartition("_rels/")
    kind = relationship.get("Type", "").rsplit("/", 1)[-1]
    return Link(folder + file.removesuffix(".rels"), KINDS.get(kind, f"外部链接（{kind}）"),
                relationship.get("Target", ""), FIXES.get(kind, LINKS_FIX))


def _fetching_fields(root) -> list[tuple[str, str, list]]:
    """Each field whose instruction fetches something: its first word, its instruction, and the
    elements that make it a field (fldSimple, or fldChar and instrText)."""
    found, open_fields = [], []
    for element in root.iter(f"{W}fldSimple", f"{W}fldChar", f"{W}instrText"):
        kind = element.get(f"{W}fldCharType")
        if element.tag == f"{W}fldSimple":
            found.append((element.get(f"{W}instr") or "", [element]))
        elif kind == "begin":
            open_fields.append(["", [element]])
        elif open_fields:
            open_fields[-1][1].append(element)
            if element.tag == f"{W}instrText":
                open_fields[-1][0] += element.text or ""
            elif kind == "end":
                found.append(tuple(open_fields.pop()))
    words = [((instruction.split() or [""])[0].upper(), instruction.strip(), elements)
             for instruction, elements in found]
    return [w for w in words if w[0] in FETCHING_FIELDS]


def _argument(instruction: str, word: str) -> str:
    """The file a field fetches, as Word reads it (no quotes, ``\\\\`` as one backslash): its
    first argument, or for LINK (``LINK Excel.Sheet.12 "表.xlsx" …``) the second, after the class
    of the linked object; the whole instruction when it has no such argument."""
    arguments = re.findall(r'"([^"]*)"|(\S+)', instruction)[1:]
    index = 1 if word == "LINK" and len(arguments) > 1 else 0
    if len(arguments) <= index:
        return instruction
    quoted, plain = arguments[index]
    return (quoted or plain).replace("\\\\", "\\")


def _unwrap(elements: list) -> None:
    """Remove what makes a field a field, keeping the runs of its last result."""
    for element in elements:
        parent = element.getparent()
        if element.tag == f"{W}fldSimple":
            for child in reversed(list(element)):
                element.addnext(child)
        if parent is not None:
            parent.remove(element)
