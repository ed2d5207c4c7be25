"""Findings of a check and how they are shown: one line each for people, a JSON list for CI."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from .docx_read import Para

ERROR, WARNING = "error", "warning"
FIRST_WORDS = 12
SHOWN_REPEATS = 3
RULES = {  # every rule id a finding can carry, with what it checks (the table in docs/check.md)
    "page.size": "纸张为 A4（210×297 毫米）",
    "page.margin": "上 37、下 35、左 28、右 26 毫米（±1）",
    "page.text_area": "版心 156×225 毫米",
    "page.grid": "文档网格或正文固定行距、字距使每页 22 行、每行 28 字",
    "page.number": "页脚有 PAGE 域页码，写作“— 1 —”",
    "page.number_side": "奇偶页不同；单页页码居右，双页居左",
    "font.page_number": "页码 4 号宋体",
    "font.title": "标题 2 号小标宋",
    "font.body": "正文（含主送、署名、日期、附件说明、段首标题后的文字）3 号仿宋",
    "font.heading1": "一级标题 3 号黑体",
    "font.heading2": "二级标题 3 号楷体",
    "font.heading3": "三级标题 3 号仿宋",
    "font.heading4": "四级标题 3 号仿宋",
    "font.signer": "上行文发文字号行中的签发人姓名 3 号楷体",
    "font.imprint": "版记 4 号仿宋",
    "font.color": "标题、正文、版记的文字为黑色",
    "font.theme": "不用主题字体（主题字体会盖过所设字体）",
    "ordinal.form": "序号写作 一、 （一） 1. （1）",
    "ordinal.gap": "序号不跳号，从 1 开始",
    "ordinal.repeat": "序号不重复",
    "ordinal.order": "序号不倒序",
    "ordinal.restart": "序号在上一级标题下重新编号",
    "ordinal.auto": "不用 Word 自动编号",
    "text.date": "日期写作 2024年3月5日（2024-03-05 之类为警告）",
    "text.doc_number": "发文字号用六角括号：〔2024〕12号，不加“第”，不编虚位",
    "text.recipients": "主送机关以全角“：”结尾",
    "text.cc": "抄送机关以“。”结尾",
    "text.punctuation": "中文中不用半角标点 , ; : ? ! ( ) \" .",
    "text.placeholder": "没有残留占位符（××、XX、xxx、×月、**、{{、{#、[日期]、【 】等）",
    "layout.indent": "正文段落首行缩进 2 字",
    "layout.date": "成文日期在署名首字右移二字处（长于署名时右空二字；用印时右空四字）",
    "layout.red_line": "发文字号下的分隔线为红色，与版心等宽",
    "layout.imprint_lines": "版记的分隔线为黑色、与版心等宽，首末两条为粗线（0.35 毫米），中间为细线（0.25 毫米）",
    "document.kind": "按公文格式排版（没有公文标题、也不是公文页面时只列最主要的 3 个问题）",
    "render.first_page_body": "首页有正文",
    "render.lines": "排版后每页 22 行",
    "render.chars": "排版后每行 28 字",
    "render.signature_alone": "署名和成文日期不单独成页",
    "render.signature_place": "署名和成文日期的位置：不用印时日期首字比署名首字右移二字；用印时日期右空四字、署名以日期为准居中",
    "render.imprint": "版记在最后一页版心底部",
    "render.attachment_page": "附件另起一页",
    "render.lost_text": "文档的每个字符（正文、表格、文本框）都在排版后的 PDF 中",
    "links.external": "不链接外部文件（链接的图片、附加的模板、INCLUDETEXT 等域）",
}


@dataclass(frozen=True)
class Where:
    """A paragraph (number and first words), a page, or a named part such as 页脚 or 页面设置."""

    paragraph: int | None = None
    text: str = ""
    page: int | None = None
    part: str = ""

    def __str__(self) -> str:
        if self.paragraph is not None:
            return f"第{self.paragraph}段「{self.text}」"
        return f"第{self.page}页" if self.page is not None else self.part

    def as_dict(self) -> dict:
        if self.paragraph is not None:
            return {"paragraph": self.paragraph, "text": self.text}
        return {"page": self.page} if self.page is not None else {"part": self.part}


@dataclass(frozen=True)
class Finding:
    """One departure from GB/T 9704: a stable rule id, error or warning, where, and what to fix."""

    rule: str
    level: str
    where: Where
    message: str

    def line(self, file: str) -> str:
        warning = "警告：" if self.level == WARNING else ""
        return f"{file}: {self.where}: {warning}{self.message}"

    def as_dict(self, file: str) -> dict:
        return {"file": file, "rule": self.rule, "level": self.level,
                "location": self.where.as_dict(), "where": str(self.where), "message": self.message}


def at(para: Para) -> Where:
    """The location of a paragraph: its number and its first words."""
    text = " ".join(para.text.split())
    words = text[:FIRST_WORDS] + ("…" if len(text) > FIRST_WORDS else "")
    return Where(paragraph=para.number, text=words)


def in_reading_order(findings: list[Finding]) -> list[Finding]:
    """Page setup and footers first, then paragraphs in order, then rendered pages."""
    def key(f: Finding) -> tuple:
        w = f.where
        return (0, 0) if w.part else (1, w.paragraph) if w.paragraph is not None else (2, w.page)
    return sorted(findings, key=key)


def error(rule: str, where: Where, message: str) -> Finding:
    return Finding(rule, ERROR, where, message)


def warning(rule: str, where: Where, message: str) -> Finding:
    return Finding(rule, WARNING, where, message)


def as_text(results: dict[str, list[Finding]]) -> str:
    """A line per finding (repeats of one message cut short), then a count per file or 检查通过."""
    lines = []
    for file, findings in results.items():
        lines += finding_lines(file, findings)
        errors = sum(f.level == ERROR for f in findings)
        warnings = len(findings) - errors
        lines.append(f"{file}: 共 {errors} 个错误，{warnings} 个警告" if findings
                     else f"{file}: 检查通过")
    return "\n".join(lines)


def finding_lines(file: str, findings: list[Finding]) -> list[str]:
    """The first SHOWN_REPEATS findings of each rule and message, then how many more there are."""
    seen: Counter = Counter()
    lines = []
    for finding in findings:
        seen[finding.rule, finding.message] += 1
        if seen[finding.rule, finding.message] <= SHOWN_REPEATS:
            lines.append(finding.line(file))
    return lines + [f"{file}: 另有{count - SHOWN_REPEATS}处同样：{message}"
                    for (_, message), count in seen.items() if count > SHOWN_REPEATS]


def as_json(results: dict[str, list[Finding]]) -> str:
    """A JSON list of findings: file, rule, level, location, where, message."""
    items = [f.as_dict(file) for file, findings in results.items() for f in findings]
    return json.dumps(items, ensure_ascii=False, indent=2)


def has_errors(results: dict[str, list[Finding]]) -> bool:
    return any(f.level == ERROR for findings in results.values() for f in findings)
