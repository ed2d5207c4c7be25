"""What the built-in templates must hold, written down from GB/T 9704-2012 and its OOXML values.

Not read from the templates or from tools/make_templates.py: a value changed in the generator
and regenerated into the templates fails against this table. [STD] marks what the standard
fixes, [OOXML] the practitioners' values that reproduce it; the rest is the template's choice.
Lengths in twips (1 mm = 56.693), sizes in points, rule widths in eighths of a point.
"""

from __future__ import annotations

FS, KT, HT, XBS, SONG, TNR = "仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体", "Times New Roman"
CHAR = 320  # one 3号 (16 pt) 字
SMALL_CHAR = 280  # one 4号 (14 pt) 字
LINE = 579  # 28.95 pt: 22 lines fill the 225 mm 版心 [OOXML]
TEXT_WIDTH = 8845  # the 156 mm 版心 [STD]

PAGE = {  # [STD] A4 and the four margins; footer 25 mm down so the number sits 7 mm below the 版心
    "width": 11906, "height": 16838, "top": 2098, "bottom": 1984, "left": 1587, "right": 1474,
    "header": 850, "footer": 1417,
}
GRID = {"type": "lines", "linePitch": str(LINE)}  # no character grid: LibreOffice halves it [OOXML]
DEFAULTS = {"east_asia": FS, "latin": TNR, "size": 16}  # docDefaults: 3号仿宋 [STD]

RUN = {"east_asia": FS, "latin": TNR, "hint": "eastAsia", "size": 16, "bold": False,
       "color": "000000"}
BODY = {  # 正文: 3号仿宋, first line 2 字 in, exact 28.95 pt lines, −0.25 pt tracking [STD, OOXML]
    **RUN, "tracking": -5, "before": 0, "after": 0, "line": (LINE, "exact"), "left": 0, "right": 0,
    "first_line": 2 * CHAR, "jc": "both", "outline": None, "keep_next": False,
    "page_break": False, "grid": True, "tabs": (), "bottom_rule": None,
}
CENTRED = {"left": 0, "right": 0, "first_line": 0, "jc": "center"}  # no inherited indent [OOXML]
SMALL = {"size": 14, "tracking": 0}  # 4号, no tracking
ONE_POINT = {"size": 1, "before": 0, "after": 0, "line": (20, "exact")}  # an invisible 1 pt line
RED_LINE = {"val": "single", "sz": 11, "space": 11, "color": "FF0000"}  # 0.49 mm, 4 mm below [STD]

SIGNATURE = {**BODY, "keep_next": True, "before": LINE, "right": 0, "first_line": 0, "jc": "right"}
DOC_NUMBER = {**BODY, **CENTRED, "before": 2 * LINE, "after": 2 * LINE, "bottom_rule": RED_LINE}
IMPRINT = {**BODY, **SMALL, "left": SMALL_CHAR, "right": SMALL_CHAR, "first_line": 0, "jc": "left",
           "tabs": (("right", TEXT_WIDTH - SMALL_CHAR),)}  # 4号仿宋, 1 字 in from each side [STD]
TABLE_TEXT = {**BODY, **SMALL, **CENTRED, "jc": "left", "grid": False, "line": (440, "exact")}

PARAGRAPH_STYLES = {  # by w:name, each property as Word resolves it through basedOn and defaults
    "Normal": BODY,
    "Title": {**BODY, **CENTRED, "east_asia": XBS, "size": 22, "after": LINE, "grid": False},
    "heading 1": {**BODY, "east_asia": HT, "keep_next": True, "outline": 0},  # 一、 黑体 [STD]
    "heading 2": {**BODY, "east_asia": KT, "keep_next": True, "outline": 1},  # （一） 楷体 [STD]
    "heading 3": {**BODY, "east_asia": FS, "keep_next": True, "outline": 2},  # 1. 仿宋 [STD]
    "heading 4": {**BODY, "east_asia": FS, "keep_next": True, "outline": 3},  # （1） 仿宋 [STD]
    "主送机关": {**BODY, "first_line": 0},  # flush left [STD]
    # one blank line below the body; "附件：" 2 字 in, further names aligned under the first [STD]
    "附件说明": {**BODY, "before": LINE, "left": 5 * CHAR, "first_line": -3 * CHAR},
    "名单": {**BODY, "left": 6 * CHAR, "first_line": -4 * CHAR},  # "组　长：" hangs, names align
    "发文机关署名": SIGNATURE,  # one blank line below the body [STD]
    "发文机关署名（用印）": {**SIGNATURE, "before": 3 * LINE},  # room for the seal
    "成文日期": {**BODY, "right": 0, "first_line": 0, "jc": "right"},
    "附注": BODY,  # 2 字 in like the body [STD]
    "发文机关标志": {**BODY, **CENTRED, "east_asia": XBS, "size": 36, "color": "FF0000",
                "before": 1984, "line": (240, "auto")},  # red, 35 mm below the 版心's top [STD]
    "发文字号": DOC_NUMBER,  # two blank lines below the 标志, the red line under it [STD]
    # 1 字 in, the 签发人 1 字 from the right; the red line still spans the 版心 [STD]
    "发文字号（上行文）": {**DOC_NUMBER, "first_line": CHAR, "jc": "left",
                    "tabs": (("right", TEXT_WIDTH - CHAR),)},
    "版记": IMPRINT,
    "版记抄送": {**IMPRINT, "left": 4 * SMALL_CHAR, "first_line": -3 * SMALL_CHAR},
    "版记定位": {**BODY, **ONE_POINT},
    "分页": {**BODY, **ONE_POINT, "page_break": True, "grid": False},
    "附件标识": {**BODY, "east_asia": HT, "page_break": True, "after": LINE, "first_line": 0,
             "jc": "left"},  # 3号黑体 flush left on a new page, the title on line 3 [STD]
    "表题": {**BODY, **CENTRED, "east_asia": HT, "keep_next": True},
    "表格文字": TABLE_TEXT,  # 4号 with 22 pt exact lines in cells [OOXML]
    "表格数字": {**TABLE_TEXT, "jc": "right"},
    "表格居中": {**TABLE_TEXT, "jc": "center"},
    "表头": {**TABLE_TEXT, "east_asia": HT, "keep_next": True, "jc": "center"},
    # 4号半角宋体, one 字 in from the right on odd pages [STD]
    "footer": {**BODY, **SMALL, "east_asia": SONG, "latin": SONG, "left": 0, "right": SMALL_CHAR,
               "first_line": 0, "jc": "right", "line": (240, "auto")},
}
CHARACTER_STYLES = {  # run-in headings in their level's font; the 签发人's name in 楷体 [STD]
    "标题 1 字符": {**RUN, "east_asia": HT}, "标题 2 字符": {**RUN, "east_asia": KT},
    "标题 3 字符": {**RUN, "east_asia": FS}, "标题 4 字符": {**RUN, "east_asia": FS},
    "签发人姓名": {**RUN, "east_asia": KT},
}
BLACK_RULE = {"val": "single", "space": 1, "color": "000000"}
TABLE_STYLES = {  # the borders each side of a table style draws (None: none)
    "Normal Table": {},
    "公文表格": {side: {**BLACK_RULE, "sz": 4} for side in (
        "top", "left", "bottom", "right", "insideH", "insideV")},
}
# 版记: black, as wide as the 版心; first and last 0.35 mm (sz 8), those between 0.25 mm (sz 6) [STD]
IMPRINT_RULES = {"top": {**BLACK_RULE, "sz": 8}, "bottom": {**BLACK_RULE, "sz": 8},
                 "insideH": {**BLACK_RULE, "sz": 6}}
IMPRINT_BOX = {"horizontal": ("margin", "center"), "vertical": ("margin", "bottom"),
               "width": TEXT_WIDTH}  # at the foot of the 版心 [STD]
PAGE_NUMBER = "— 1 —"  # a PAGE field between two 一字线 [STD]
EVEN_FOOTER = {"left": SMALL_CHAR, "right": 0, "first_line": 0, "jc": "left"}  # [STD]
