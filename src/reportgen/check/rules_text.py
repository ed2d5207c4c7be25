"""Text rules: the shared ones of chinese/text_rules.py on every paragraph, and the 主送 and 抄送
endings, which depend on a paragraph's role."""

from __future__ import annotations

from ..chinese.text_rules import text_faults
from .docx_read import Para, Reading
from .ordinal_parse import parse_ordinal
from .report import ERROR, WARNING, Finding, at, error
from .roles import Role, paired


def text_findings(reading: Reading, roles: list[Role]) -> list[Finding]:
    """Every paragraph's text, with the 主送 and 抄送 lines judged by their roles."""
    findings = []
    for para, role in paired(reading.paragraphs, roles):
        if para.number:
            findings += [Finding(f.rule, ERROR if f.serious else WARNING, at(para), f.message)
                         for f in text_faults(without_ordinal(para.text, role))]
            findings += endings(para, role)
    return findings


def without_ordinal(text: str, role: Role) -> str:
    """A heading's text with its ordinal blanked: ordinal.form judges “一.” and “(1)”, which are
    no sentence's full stop or brackets (“一.” is not to be written “一。”)."""
    found = parse_ordinal(text) if role.kind == "heading" else None
    return text if found is None else " " * found.end + text[found.end:]


def endings(para: Para, role: Role) -> list[Finding]:
    text = para.text.strip()
    if role.kind == "recipients" and not text.endswith("："):
        return [error("text.recipients", at(para), "主送机关应以全角冒号“：”结尾")]
    if role.kind == "imprint" and text.startswith("抄送") and not text.endswith("。"):
        return [error("text.cc", at(para), "抄送机关之后应以句号“。”结尾")]
    return []
