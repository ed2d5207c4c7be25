"""A document that is not laid out as a 公文 at all (a news page, a report on US Letter paper):
said in one line, followed by its three most important faults, instead of a hundred findings."""

from __future__ import annotations

import re

from .docx_read import Reading
from .report import Finding, Where, error
from .roles import Role, paired
from .rules_page import margins, paper

# The 文种 a 公文 title ends with (GB/T 9704 and the kinds offices issue besides), or "关于…".
OFFICIAL_TITLE = re.compile(
    r"^关于|(?:通知|通报|报告|请示|批复|意见|决定|决议|命令|令|公报|公告|通告|议案|函|纪要|方案|总结"
    r"|规划|计划|要点|办法|规定|细则|规则|条例|章程|制度|预案|安排|讲话|汇报|简报|说明|倡议书|公示"
    r"|建议|提案|答复|标准|指南|清单|名单|任务书|责任书|承诺书)(?:[（(][^）)]{0,12}[）)])?$")
IMPORTANT = ("page.size", "page.margin", "font.body", "font.title", "page.grid", "font.heading1",
             "page.number")
SHOWN = 3
ALWAYS = ("links.external",)  # listed in full even for a document that is no 公文


def not_official(reading: Reading, roles: list[Role]) -> str:
    """What shows the document is no 公文 ("纸张不是A4" …): no 公文 title, and a page that is not
    the 公文's A4 with its margins; "" when it may be one."""
    titles = [p.text.strip() for p, r in paired(reading.paragraphs, roles)
              if r.kind == "title"]
    if any(OFFICIAL_TITLE.search(t) for t in titles):
        return ""
    section, where = reading.sections[0], Where(part="")
    page = ["纸张不是A4"] * bool(paper(section, where)) + [
        "页边距不是公文的（上37、下35、左28、右26毫米）"] * bool(margins(section, where))
    return "没有公文标题，" + "，".join(page) if page else ""


def summarised(findings: list[Finding], why: str) -> list[Finding]:
    """One line saying why, then the first finding of each of the three most important rules;
    and, whatever the document is, every link outside it (a risk to whoever opens it)."""
    rules = [rule for rule in IMPORTANT if any(f.rule == rule for f in findings)]
    rules += [f.rule for f in findings if f.rule not in rules and f.rule not in ALWAYS]
    shown = [next(f for f in findings if f.rule == rule) for rule in dict.fromkeys(rules)][:SHOWN]
    summary = error("document.kind", Where(part="全文"),
                    f"不是按公文格式排版的文档：{why}；下面只列最主要的{len(shown)}个问题"
                    "（加 --all 列出全部）")
    return [summary, *shown, *(f for f in findings if f.rule in ALWAYS)]
