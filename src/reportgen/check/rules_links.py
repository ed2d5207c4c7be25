"""Links to outside files: a 公文 holds all it shows, and opening it fetches nothing."""

from __future__ import annotations

import zipfile

from ..files.external_links import external_links
from .docx_read import Reading
from .report import Finding, Where, error


def link_findings(reading: Reading) -> list[Finding]:
    """Each linked picture, attached template, linked object or fetching field (INCLUDETEXT …)."""
    with zipfile.ZipFile(reading.path) as archive:
        links = external_links(archive)
    return [error("links.external", Where(part=link.where),
                  f"{link.kind}指向外部的“{link.target}”：打开文档时会去读取它（可能泄露本机或网络"
                  f"信息，收文方也看不到其内容）；{link.fix}") for link in links]
