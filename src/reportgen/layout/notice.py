"""印发通知: the short notice that issues a 方案, the 方案 following it on a new page.

The notice takes the file's 版头, 主送, 署名, 成文日期, 附注 and 版记; its title and sentence
are the usual ones unless the file gives its own. The 方案 keeps its title, body and 附件说明,
and its attachments follow it with their own labels. It is not an attachment: no 附件 label.
"""

from __future__ import annotations

from ..chinese.title_lines import title_lines
from ..model.forms import NOTICE_SENTENCE, CoverNotice

NOTICE_TITLE = "关于印发《{title}》的通知"


def notice_title(notice: CoverNotice, plan_title: str) -> list[str]:
    """The notice's title lines: its own, or 关于印发《方案标题》的通知."""
    return title_lines(notice.title or NOTICE_TITLE.format(title=_one_line(plan_title)))


def notice_text(notice: CoverNotice, plan_title: str) -> list[str]:
    """The notice's paragraphs: its own, or 现将《方案标题》印发给你们，请结合实际，认真贯彻落实。"""
    return notice.text or [NOTICE_SENTENCE.format(title=_one_line(plan_title))]


def _one_line(title: str) -> str:
    return "".join(line.strip() for line in title.splitlines())
