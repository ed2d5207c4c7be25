"""docxtpl's own tags a template may bring from elsewhere: those reportgen takes, those it refuses.

Taken: ``{%p %}``, ``{%tr %}``, ``{%tc %}`` and ``{%r %}`` (a paragraph, row, cell or run as the
tag), comments ``{# #}``, ``{#p #}``, ``{#tr #}``, ``{#tc #}``, whitespace control ``{%- -%}``, and
``{% cellbg … %}`` in a table cell (the cell's background colour). Refused, with what to do:
``{% vm %}``, ``{% hm %}`` and ``{% colspan %}`` merge cells of tables whose rows, columns and
widths reportgen makes from the data; ``{{r }}`` and ``{{p }}`` expect docxtpl's RichText or
subdocuments, while reportgen fills in plain text.
"""

from __future__ import annotations

import re

CELL_TAG = re.compile(r"^\{%-?\s*(vm|hm|colspan|cellbg)\b(.*?)-?%\}$", re.DOTALL)
RICH_TAG = re.compile(r"^\{\{([rp])\s(.*?)\}\}$", re.DOTALL)
MERGING = {"vm": "纵向合并单元格", "hm": "横向合并单元格", "colspan": "合并单元格"}
RICH = {"r": "RichText 富文本", "p": "整段富文本或子文档"}


def docxtpl_tag(text: str, in_cell: bool) -> tuple[str | None, str | None]:
    """For a docxtpl-only tag: why reportgen refuses it (or None), and the Jinja source to check
    in its place ("" for none); (None, None) for any other tag."""
    cell = CELL_TAG.match(text)
    if cell is not None:
        kind, value = cell[1], cell[2].strip()
        if kind in MERGING:
            return (f"reportgen 不支持 docxtpl 的 {{% {kind} %}} 标签（{MERGING[kind]}）：表格的行、列和列宽"
                    "由 reportgen 按数据生成，请删掉这个标签"), ""
        if not in_cell:
            return "{% cellbg %} 标签只能写在表格单元格中（它设置单元格的底色）", ""
        return None, f"{{{{ {value} }}}}" if value else ""
    rich = RICH_TAG.match(text)
    if rich is not None:
        return (f"reportgen 不支持 docxtpl 的 {{{{{rich[1]} }}}} 标签（{RICH[rich[1]]}）：reportgen 填入的"
                f"都是纯文字，请写成 {{{{ {rich[2].strip()} }}}}"), ""
    return None, None
