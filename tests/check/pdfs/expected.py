"""The findings ``check --render`` gives for each document of this folder, as a reviewer would
agree with them."""

from __future__ import annotations

GRID = "每页应为22行×28字，按页面设置和正文格式为{}"
SIGNATURE, DATE = "第17段「城关区应急管理局」", "第18段「2024年5月20日」"
NO_NUMBER = ("page.number", "页脚", "没有页码（应插入 PAGE 域，写作“— 1 —”）")

EXPECTED: dict[str, list[tuple[str, str, str]]] = {  # rule, where, message: `check --render`
    "long": [],
    "field-and-hidden-text": [],
    "break-after-the-first-paragraph": [],
    "built-upward": [],
    "body-on-page-2": [("render.first_page_body", "第1页", "首页应有正文，正文却从第2页开始")],
    "lines-29pt": [("page.grid", "页面设置", GRID.format("21行×28字（行距29磅，每字15.75磅）")),
                   ("render.lines", "排版结果", "每页排21行（行距29.00磅），应为22行")],
    "lines-27pt": [("page.grid", "页面设置", GRID.format("23行×28字（行距27磅，每字15.75磅）")),
                   ("render.lines", "排版结果", "每页排23行（行距27.00磅），应为22行")],
    "no-character-spacing": [("page.grid", "页面设置", GRID.format("22行×27字（行距28.95磅，每字16磅）")),
                             ("render.chars", "排版结果", "每行排27字，应为28字")],
    # The 署名's and the date's indents, set in points for 15.75-point characters, shift too.
    "character-spacing-1pt": [("page.grid", "页面设置", GRID.format("22行×29字（行距28.95磅，每字15磅）")),
                              ("render.chars", "排版结果", "每行排29字，应为28字"),
                              ("render.signature_place", DATE, "成文日期首字应比署名首字右移二字，实际右移2.8字")],
    "signature-alone": [("render.signature_alone", "第3页", "署名和成文日期单独成页，应调整行距、字距，使其与正文同页")],
    "date-alone": [("render.signature_alone", "第4页", "成文日期与署名不在同一页，应调整行距、字距，使其与署名同页")],
    "date-with-tabs": [("render.signature_place", DATE, "成文日期首字应比署名首字右移二字，实际左移11.0字")],
    "sealed": [],
    "sealed-name-off-centre": [("render.signature_place", SIGNATURE,
                                "署名“城关区应急管理局”应以成文日期为准居中，实际偏右1.3字")],
    "imprint-mid-page": [("render.imprint", "第3页", "版记应位于最后一页版心底部，实际离底边还有164毫米")],
    "imprint-before-attachment": [("render.imprint", "第2页", "版记应在最后一页（第3页）")],
    "two-attachments": [("render.attachment_page", "第3页", "附件应另起一页：“附件2”之前还有其他内容")],
    "note-in-a-text-box": [NO_NUMBER, ("layout.indent", "第3段「注：检查中发现的重大隐患…」", "正文段落首行应缩进2字，实为0字")],
    "lost-in-a-table": [("render.lost_text", "第14段「检查结果按时报送区应急管…」",
                         "排版后的 PDF 中缺少本段的21个字符：“应”“急”“管”“理”“局”“。”“检”“查”“结”“果”等")],
    "ten-lost-in-a-table": [("render.lost_text", "第14段「检查结果按时报送区应急管…」",
                             "排版后的 PDF 中缺少本段的10个字符：“应”“急”“管”“理”“局”“。”“请”“各”“单”“位”")],
    # The pages of signatures.py hold a line of body text (or none) and no page number.
    "tabbed-under-the-signature": [
        ("page.grid", "页面设置", GRID.format("30行×27字（行距20.8磅，每字16磅）")), NO_NUMBER,
        ("render.signature_place", "第2段「2024年5月20日」", "成文日期首字应比署名首字右移二字，实际右移0.0字"),
        ("render.signature_alone", "第1页", "署名和成文日期单独成页，应调整行距、字距，使其与正文同页")],
    "joint-sealed": [NO_NUMBER, ("render.signature_place", "第2段「城关区应急管理局」",
                                 "署名“城关区应急管理局”应以成文日期为准居中，实际偏右1.8字")],
    "sealed-date-with-tabs": [NO_NUMBER, ("render.signature_place", "第2段「城关区应急管理局」",
                                          "署名“城关区应急管理局”应以成文日期为准居中，实际偏右10.0字"),
                              ("render.signature_place", "第3段「2024年5月20日」",
                               "加盖印章时成文日期应右空四字，实际右空14.4字")],
    "sealed-name-left": [NO_NUMBER, ("render.signature_place", "第2段「城关区应急管理局」",
                                     "署名“城关区应急管理局”应以成文日期为准居中，实际偏左2.2字")],
    "date-as-field": [],
    "date-without-signature": [],
    "date-counted-by-the-standard": [],
    "joint-signature-on-its-own-page": [
        ("layout.date", DATE, "成文日期应右空11.5字（首字比署名首字右移二字；用印时右空四字），实为右空0.5字"),
        ("render.signature_alone", "第3页", "署名和成文日期单独成页，应调整行距、字距，使其与正文同页")],
    "school-date-with-tabs": [("render.signature_place", DATE, "成文日期首字应比署名首字右移二字，实际左移12.4字")],
}
