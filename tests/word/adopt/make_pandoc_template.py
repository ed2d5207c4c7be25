"""Make pandoc-公文模板.docx: an office's 公文 template written in Markdown and converted by
pandoc with its reference.docx, for `templates adopt`. Run by hand (needs pandoc); the result is
committed.

    python tests/word/adopt/make_pandoc_template.py

The reference.docx names the office's styles: 发文机关标志 (red 小标宋) and 发文字号 (with the
red rule) for the 红头, 公文标题, and headings 1–3 in 黑体, 楷体, 仿宋; Markdown's custom-style
blocks put the 红头 and the title in them. pandoc's own paragraph styles (First Paragraph, Body
Text) are not in the reference.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
from docx_shapes import (  # noqa: E402
    FS,
    HT,
    KT,
    XBS,
    gb_footers,
    gb_styles,
    made_with_pandoc,
    new_document,
    rpr,
    set_style,
    style,
)

MARKDOWN = """\
::: {custom-style="发文机关标志"}
城关区应急管理局文件
:::

::: {custom-style="发文字号"}
城应急发〔20XX〕X号
:::

::: {custom-style="公文标题"}
关于XXXX的通知
:::

XXXXXX：

# 一、XXXX

正文XXXXXX。

## （一）XXXX

正文XXXXXX。

城关区应急管理局

20XX年X月X日
"""
CENTRED = '<w:ind w:firstLine="0"/><w:jc w:val="center"/>'
STYLES = (  # id, name, font, size, colour, paragraph properties
    ("IssuerMark", "发文机关标志", XBS, 36, "FF0000",
     f'<w:spacing w:before="1984" w:line="240" w:lineRule="auto"/>{CENTRED}'),
    ("DocNumber", "发文字号", FS, 16, None,
     '<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="11" w:color="FF0000"/></w:pBdr>'
     f'<w:spacing w:before="1158" w:after="1158"/>{CENTRED}'),
    ("GongwenTitle", "公文标题", XBS, 22, None, f'<w:spacing w:after="579"/>{CENTRED}'),
    ("Heading1", "heading 1", HT, 16, None, '<w:keepNext/><w:outlineLvl w:val="0"/>'),
    ("Heading2", "heading 2", KT, 16, None, '<w:keepNext/><w:outlineLvl w:val="1"/>'),
    ("Heading3", "heading 3", FS, 16, None, '<w:keepNext/><w:outlineLvl w:val="2"/>'),
)


def reference(path: Path) -> Path:
    doc = new_document()
    gb_styles(doc)
    for sid, name, font, size, colour, ppr in STYLES:
        set_style(doc, style(sid, name, based="Normal", ppr=ppr, rpr_xml=rpr(font, size, color=colour)))
    gb_footers(doc)
    doc.save(path)
    return path


def main() -> None:
    print(f"wrote {made_with_pandoc(MARKDOWN, reference, HERE / 'pandoc-公文模板.docx')}")


if __name__ == "__main__":
    main()
