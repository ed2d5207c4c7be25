"""Make pandoc-通知.docx: a 通知 written in Markdown and converted by pandoc with an office's
reference.docx, as some offices publish. Run by hand (needs pandoc); the result is committed.

    python tests/check/corpus/pandoc/make_pandoc.py

The reference.docx is python-docx's default document set up for 公文 (A4, margins, fonts, page
numbers), the way an office prepares one in Word: it lacks pandoc's own styles (First Paragraph,
Body Text, Compact), so the paragraphs pandoc writes name styles the document does not define.
pandoc puts the title (#) in `heading 1`, styled here as the 公文 title.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))
from docx_shapes import (  # noqa: E402
    FS,
    HT,
    KT,
    SENTENCE,
    XBS,
    gb_footers,
    gb_styles,
    made_with_pandoc,
    new_document,
    rpr,
    set_style,
    style,
)

MARKDOWN = f"""\
# 关于开展安全生产大检查的通知

各科室、各下属单位：

按照区安委会统一部署，结合我局实际，现就开展安全生产大检查有关事项通知如下。

## 一、总体要求

{SENTENCE * 3}

### （一）工作目标

{SENTENCE * 2}

### （二）工作步骤

1\\.排查隐患。{SENTENCE}

2\\.落实整改。{SENTENCE}

## 二、工作要求

{SENTENCE * 2}

城关区应急管理局

2024年5月20日
"""
HEADINGS = (  # style id, name, font, size, paragraph properties
    ("Heading1", "heading 1", XBS, 22, '<w:jc w:val="center"/>', '<w:ind w:firstLine="0"/>'),
    ("Heading2", "heading 2", HT, 16, "", ""),
    ("Heading3", "heading 3", KT, 16, "", ""),
    ("Heading4", "heading 4", FS, 16, "", ""),
)


def reference(path: Path) -> Path:
    """An office's reference.docx: python-docx's default styles, restyled for 公文."""
    doc = new_document()
    gb_styles(doc)
    for level, (sid, name, font, size, jc, ind) in enumerate(HEADINGS):
        set_style(doc, style(sid, name, based="Normal", rpr_xml=rpr(font, size),
                             ppr=f"<w:keepNext/>{ind}{jc}<w:outlineLvl w:val=\"{level}\"/>"))
    gb_footers(doc)
    doc.save(path)
    return path


def main() -> None:
    print(f"wrote {made_with_pandoc(MARKDOWN, reference, HERE / 'pandoc-通知.docx')}")


if __name__ == "__main__":
    main()
