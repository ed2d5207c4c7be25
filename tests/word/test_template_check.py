"""The template check: each kind of fault in a Word template, located as a Word user finds it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from helpers import ROOT

import reportgen
from reportgen.word.template_check import check_template, template_problems
from reportgen.word.template_files import builtin_folder, export_template

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture
def template(tmp_path: Path) -> Path:
    """The built-in plan template exported for editing, as a clerk would."""
    return export_template("plan", tmp_path / "my-plan.docx")


def problems(path: Path) -> list[str]:
    """The template's problems as printed, without the file name in front."""
    return [str(p).removeprefix(f"{path}: ") for p in template_problems(path)]


def paragraph(doc, text: str) -> Paragraph:
    """The first paragraph (body, tables or text boxes) whose text is ``text``."""
    for p in doc.element.body.iter(qn("w:p")):
        if "".join(t.text or "" for t in p.iter(qn("w:t"))) == text:
            return Paragraph(p, doc.part)
    raise AssertionError(f"no paragraph {text!r}")


def retext(doc, old: str, *runs: str) -> Paragraph:
    """Replace the runs of the paragraph reading ``old`` by plain runs of ``runs``."""
    para = paragraph(doc, old)
    style = para.runs[0]._r.rPr
    for r in para._p.findall(qn("w:r")):
        para._p.remove(r)
    for text in runs:
        run = para.add_run(text)
        if style is not None:
            run._r.insert(0, parse_xml(style.xml))
    return para


def edited(path: Path, edit) -> Path:
    doc = Document(path)
    edit(doc)
    doc.save(path)
    return path


@pytest.mark.parametrize("name", ["plan", "summary"])
def test_builtin_templates_pass(name):
    assert template_problems(builtin_folder() / f"{name}.docx") == []


def test_an_exported_template_passes(template):
    assert problems(template) == []
    check_template(template)


def test_unknown_names_are_reported_with_their_full_path(template):
    def edit(doc):
        retext(doc, "{{ b.text }}", "{{ b.titel }}")
        retext(doc, "{{ line }}", "{{ lines }}")
        paragraph(doc, "{{ signature.name }}").runs[0].text = "{{ signature.nme }}"
        paragraph(doc, "{{ b.table.title }}").runs[0].text = "{{ b.table.caption }}"
    edited(template, edit)
    assert problems(template) == [
        "正文第10段「{{ lines }}」: 变量“lines”在模板数据中没有；是否想写“line”？",
        "正文第47段「{{ signature.nme }}」: 变量“signature.nme”在模板数据中没有；是否想写“signature.name”？",
        "模板用到 2 个 reportgen 不提供的名称：b.titel（正文第17段；可用：b.kind、b.head、b.text、b.table）、"
        "b.table.caption（正文第38段；可用：b.table.header、b.table.rows、b.table.widths、b.table.total、"
        "b.table.title、b.table.natural）",
    ]


def test_names_inside_tables_and_loops_follow_the_data(template):
    def edit(doc):
        cell = paragraph(doc, "{%tc for c in r %}")
        cell.runs[0].text = "{%tc for c in b.table.rows[0] %}"
        paragraph(doc, "{%p if c.num %}").runs[0].text = "{%p if c.num and loop.frist %}"
        retext(doc, "{{ a.head }}{{ a.text }}", "{{ a.head }}", "{{ a.text.strip() }}{{ a.text.x }}")
        paragraph(doc, "{{ b.table.title }}").runs[0].text = "{{ b.table.rows[0][0].nm }}"
    edited(template, edit)
    assert problems(template) == [
        "正文第38段「{{ b.table.rows[0][0].nm }}」: 变量“b.table.rows[0][0].nm”在模板数据中没有；"
        "是否想写“b.table.rows[0][0].num”？",
        "表格1第3行第2列第1段「{%p if c.num and loop.frist %}」: 变量“loop.frist”在模板数据中没有；"
        "是否想写“loop.first”？",
        "模板用到 1 个 reportgen 不提供的名称：a.text.x（正文第43段）",
    ]


def test_names_of_another_program_are_listed_once_with_a_hint(template):
    """A template written for another program: each foreign name once, however often it is used."""
    def edit(doc):
        for old, new in (("{{ b.text }}", "{{ 单位名称 }}{{ 年度 }}"), ("{{ b.head }}", "{{ 单位名称 }}"),
                         ("{{ note }}", "{{ 联系人 }}{{ 电话 }}{{ 地址 }}{{ 年度 }}")):
            for p in doc.element.body.iter(qn("w:p")):
                for t in p.iter(qn("w:t")):
                    if t.text == old:
                        t.text = new
    edited(template, edit)
    assert problems(template) == [
        "模板用到 5 个 reportgen 不提供的名称：单位名称（正文第17段）、年度（正文第17段）、联系人（正文第58段）、"
        "电话（正文第58段）、地址（正文第58段）。这个模板可能是为别的程序写的：可用 reportgen templates adopt "
        "把它改成 reportgen 的模板"]


def test_a_template_without_title_or_body_tags_fails(template):
    def edit(doc):
        paragraph(doc, "{%p for line in title_lines %}").runs[0].text = "{%p for line in attachment_note %}"
        retext(doc, "{%p for b in body %}", "{%p for b in attachment_pages %}")
    edited(template, edit)
    assert problems(template) == [
        "模板中没有标题的标签（{%p for line in title_lines %}{{ line }}{%p endfor %}）：生成的文档会没有标题",
        "模板中没有正文的标签（{%p for b in body %} … {%p endfor %}）：生成的文档会没有正文"]


def test_a_template_with_every_tag_removed_fails(template):
    def edit(doc):
        for t in doc.element.body.iter(qn("w:t")):
            t.text = re.sub(r"\{[{%#].*?[}%#]\}", "", t.text or "")
    edited(template, edit)
    assert problems(template) == [
        "模板中没有标题的标签（{%p for line in title_lines %}{{ line }}{%p endfor %}）：生成的文档会没有标题",
        "模板中没有正文的标签（{%p for b in body %} … {%p endfor %}）：生成的文档会没有正文"]


DOCXTPL_TAGS = {  # a tag put before {{ c.text }} in the table header cell → the problem, or none
    "{% vm %}": "reportgen 不支持 docxtpl 的 {% vm %} 标签（纵向合并单元格）：表格的行、列和列宽由 reportgen "
                "按数据生成，请删掉这个标签",
    "{% hm %}": "reportgen 不支持 docxtpl 的 {% hm %} 标签（横向合并单元格）：表格的行、列和列宽由 reportgen "
                "按数据生成，请删掉这个标签",
    "{% colspan 2 %}": "reportgen 不支持 docxtpl 的 {% colspan %} 标签（合并单元格）：表格的行、列和列宽由 "
                       "reportgen 按数据生成，请删掉这个标签",
    "{{r c.text }}": "reportgen 不支持 docxtpl 的 {{r }} 标签（RichText 富文本）：reportgen 填入的都是纯文字，"
                     "请写成 {{ c.text }}",
    "{{p c.text }}": "reportgen 不支持 docxtpl 的 {{p }} 标签（整段富文本或子文档）：reportgen 填入的都是纯文字，"
                     "请写成 {{ c.text }}",
    "{% cellbg 'D9D9D9' %}": None, "{% cellbg c.colour %}": "模板用到 1 个 reportgen 不提供的名称：c.colour"
                                                             "（表格1第1行第2列；可用：c.text、c.num、c.centred）",
    "{# 表头 #}": None, "{%r if c.num %}数{%r endif %}": None, "{%- if c.num -%}数{%- endif -%}": None,
}


@pytest.mark.parametrize("tag", DOCXTPL_TAGS)
def test_docxtpl_tags_are_taken_where_safe_and_refused_with_a_reason(tag, template, tmp_path):
    edited(template, lambda doc: retext(doc, "{{ c.text }}", tag, "{{ c.text }}"))
    message = DOCXTPL_TAGS[tag]
    where = "" if message is None or message.startswith("模板用到") else f"表格1第1行第2列「{tag}」: "
    assert problems(template) == ([] if message is None else [where + message])
    if message is None:
        plan = tmp_path / "plan.yaml"
        plan.write_text((ROOT / "samples" / "plan.yaml").read_text(encoding="utf-8")
                        + f"\n模板: {template.name}\n", encoding="utf-8")
        assert reportgen.build(plan, tmp_path / "out.docx").is_file()


def test_cellbg_outside_a_table_is_refused(template):
    edited(template, lambda doc: retext(doc, "{{ note }}", "{% cellbg 'D9D9D9' %}{{ note }}"))
    assert problems(template) == [
        "正文第58段「{% cellbg 'D9D9D9' %}」: {% cellbg %} 标签只能写在表格单元格中（它设置单元格的底色）"]


def test_syntax_errors_are_all_reported(template):
    def edit(doc):
        paragraph(doc, "{{ b.text }}").runs[0].text = "{{ b.te xt }}"
        paragraph(doc, "{%p endfor %}").runs[0].text = "{%p endfro %}"  # the title lines' loop
        paragraph(doc, "{{ recipients }}").runs[0].text = "{{ recipients | 顿号 }}"
        paragraph(doc, "{{ note }}").runs[0].text = "{{ note }"
    edited(template, edit)
    assert problems(template) == [
        "正文第9段「{%p for line in title_lines %}」: 这个 for 没有结束：缺少与它配对的 endfor",
        "正文第11段「{%p endfro %}」: 不认识的标签“endfro”",
        "正文第13段「{{ recipients | 顿号 }}」: 没有名为“顿号”的过滤器",
        "正文第17段「{{ b.te xt }}」: “xt”处有误：{{ }} 中只能写一个名称或表达式",
        "正文第58段「{{ note }」: 标签没有在本段结束（缺少“}}”）：一个标签要完整地写在同一段里",
    ]


def test_tags_word_has_broken_apart(template):
    def edit(doc):
        retext(doc, "{{ b.head }}", "{{ b.he", "ad }}").runs[1].bold = True
        retext(doc, "{{ line }}", "{{ li", "ne }}")  # split as Word does while typing: fine
        tab = retext(doc, "{{ b.text }}", "{{ b.", "text }}")
        tab.runs[0].add_tab()
        revised = retext(doc, "{{ signature.date }}", "{{ signature.", "date }}")
        revised._p.append(parse_xml(f'<w:ins xmlns:w="{W_NS}" w:id="1" w:author="科员"/>'))
        revised._p[-1].append(revised.runs[1]._r)
        linked = retext(doc, "{{ recipients }}", "{{ recipi", "ents }}")
        linked._p.append(parse_xml(f'<w:hyperlink xmlns:w="{W_NS}" w:anchor="x"/>'))
        linked._p[-1].append(linked.runs[1]._r)
    edited(template, edit)
    assert problems(template) == [
        "正文第13段「{{ recipients }}」: 标签跨越了超链接、域或内容控件的边界：请删掉这个标签，再一次输入完整",
        "正文第17段「{{ b.text }}」: 标签中间夹着制表符、换行符、域或图片：请删掉它们，让标签连成一串文字",
        "正文第19段「{{ b.head }}」: 标签的各部分格式不同（如一部分换了字体或加粗），生成的文字只会沿用"
        "开头部分的格式：请选中整个标签，统一设置格式",
        "正文第52段「{{ signature.date }}」: 标签处在修订中：请在 Word 中“接受所有修订”后保存",
    ]


def test_a_tag_across_paragraphs(template):
    def edit(doc):
        first = retext(doc, "{{ issuer_mark }}", "{{ issuer_")
        first._p.addnext(parse_xml(f'<w:p xmlns:w="{W_NS}"><w:r><w:t>mark }}}}</w:t></w:r></w:p>'))
    edited(template, edit)
    assert problems(template) == [
        "正文第2段「{{ issuer_」: 标签没有在本段结束（缺少“}}”）：一个标签要完整地写在同一段里"]


def test_paragraph_row_and_cell_tags_must_stand_alone(template):
    def edit(doc):
        retext(doc, "{%p if note %}", "附注：{%p if note %}")
        retext(doc, "{%tc endfor %}", "{%tc endfor %}合计")
        body = doc.element.body
        for text in ("{%tr if cc %}", "{%tr endif %}"):
            body.sectPr.addprevious(parse_xml(
                f'<w:p xmlns:w="{W_NS}"><w:r><w:t>{text}</w:t></w:r></w:p>'))
    edited(template, edit)
    assert problems(template) == [
        "表格1第1行第3列「{%tc endfor %}」: {%tc %} 标签要独占一个单元格：生成时整单元格换成这个标签，"
        "同单元格的其他内容会丢失",
        "正文第57段「{%p if note %}」: {%p %} 标签要独占一段：生成时整段换成这个标签，同段的其他内容会丢失",
        "正文第134段「{%tr if cc %}」: {%tr %} 标签只能写在表格中（它代表整个表格行）",
        "正文第135段「{%tr endif %}」: {%tr %} 标签只能写在表格中（它代表整个表格行）",
    ]


def test_many_missing_styles_are_listed_in_one_line(template):
    def edit(doc):
        for name in ("附件说明", "公文表格", "Heading 2", "名单", "表题"):
            doc.styles.element.remove(doc.styles[name].element)
    edited(template, edit)
    assert problems(template) == [
        "样式: 缺少 reportgen 需要的 5 个样式：标题 2、名单、附件说明、表题、公文表格：可用 reportgen templates "
        "adopt 把这个模板改成 reportgen 的模板（缺少的样式从内置模板复制）"]


def test_styles_the_outline_needs(template):
    def edit(doc):
        for name in ("附件说明", "公文表格", "Heading 2"):
            doc.styles.element.remove(doc.styles[name].element)
    edited(template, edit)
    assert problems(template) == [
        "样式: 缺少段落样式“标题 2”（用于二级标题）：请从导出的内置模板中复制这个样式，或在 Word 中新建同名样式",
        "样式: 缺少段落样式“附件说明”（用于附件说明）：请从导出的内置模板中复制这个样式，或在 Word 中新建同名样式",
        "样式: 缺少表格样式“公文表格”（用于表格的边框）：请从导出的内置模板中复制这个样式，或在 Word 中新建同名样式",
    ]


def test_headers_are_checked_and_named(template):
    def edit(doc):
        header = doc.sections[0].header
        header.is_linked_to_previous = False
        header.paragraphs[0].text = "{{ isuer_mark }}"
        footer = doc.sections[0].even_page_footer
        footer.add_paragraph("{{ doc_number }}{{ printed_bye }}")
    edited(template, edit)
    assert problems(template) == [
        "奇数页页眉「{{ isuer_mark }}」: 变量“isuer_mark”在模板数据中没有；是否想写“issuer_mark”？",
        "偶数页页脚第2段「{{ printed_bye }}」: 变量“printed_bye”在模板数据中没有；是否想写“printed_by”？",
    ]


def test_what_docxtpl_sees_is_parsed_last(template):
    """A tag only in the copy Word keeps for old versions beside a text box is not located by the
    finer checks, but still stops the build."""
    def edit(doc):
        doc.element.body.sectPr.addprevious(parse_xml(
            f'<w:p xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility'
            '/2006"><w:r><mc:AlternateContent><mc:Choice Requires="wps"/><mc:Fallback><w:pict>'
            "<w:p><w:r><w:t>{{ b. }}</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent>"
            "</w:r></w:p>"))
    edited(template, edit)
    assert problems(template) == ["正文「{{ b. }}」: 模板无法使用（expected name or number）"]


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def wrong_format(folder: Path, name: str) -> Path:
    """A file a clerk might give as a template: old Word, WPS, encrypted, not a document at all."""
    path = folder / name
    if name == "archive.docx":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "不是文档")
    elif name == "model.dotx":
        source = zipfile.ZipFile(builtin_folder() / "plan.docx")
        with zipfile.ZipFile(path, "w") as archive:
            for item in source.namelist():
                data = source.read(item)
                if item == "[Content_Types].xml":
                    data = data.replace(b"document.main+xml", b"template.main+xml")
                archive.writestr(item, data)
    else:
        path.write_bytes({"old.doc": OLE + "WordDocument".encode("utf-16-le"), "house.wps": OLE,
                          "locked.docx": OLE + "EncryptedPackage".encode("utf-16-le"),
                          "noise.docx": bytes(range(256)) * 4}[name])
    return path


WRONG_FORMATS = {
    "old.doc": "这是 Word 97-2003 格式（.doc）的文件：请在 Word 或 WPS 中“另存为”.docx 格式后再用",
    "house.wps": "这是 WPS 文字格式（.wps）的文件：请在 WPS 中“另存为”Word 文件（*.docx）后再用",
    "locked.docx": "文件设有打开密码：请在 Word 中取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，"
                   "清空密码）并保存后再用",
    "noise.docx": "不是 .docx 文件（.docx 是 zip 压缩包，此文件不是）：请在 Word 或 WPS 中“另存为”"
                  ".docx 格式后再用，或用 reportgen templates export 重新导出内置模板",
    "archive.docx": "不是 Word 文档（压缩包中没有 word/document.xml）：请用 Word 或 WPS 编辑模板，"
                    "或用 reportgen templates export 重新导出内置模板",
    "model.dotx": "这是 Word 模板（.dotx）或启用宏的文档（.docm）：请在 Word 中“另存为”"
                  "Word 文档（*.docx）后再用",
}


@pytest.mark.parametrize("name", WRONG_FORMATS)
def test_templates_in_the_wrong_format(tmp_path, name):
    path = wrong_format(tmp_path, name)
    assert problems(path) == [WRONG_FORMATS[name]]


@pytest.mark.parametrize("name", WRONG_FORMATS)
def test_the_build_refuses_a_template_in_the_wrong_format(write_yaml, tmp_path, name):
    template = wrong_format(tmp_path, name)
    path = write_yaml(f"标题: 方案\n模板: {name}\n")
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.build(path, tmp_path / "out")
    assert str(caught.value) == f"{template}: {WRONG_FORMATS[name]}"
    assert not (tmp_path / "out").exists()


def test_the_build_reports_every_template_problem_and_writes_nothing(write_yaml, template, tmp_path):
    def edit(doc):
        paragraph(doc, "{{ signature.name }}").runs[0].text = "{{ signature.nme }}"
        paragraph(doc, "{%p endfor %}").runs[0].text = "{%p endfo %}"
    edited(template, edit)
    path = write_yaml("标题: 方案\n模板: my-plan.docx\n")
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.build(path, tmp_path / "out")
    assert [str(p) for p in caught.value.problems] == [
        f"{template}: 正文第9段「{{%p for line in title_lines %}}」: 这个 for 没有结束：缺少与它配对的 endfor",
        f"{template}: 正文第11段「{{%p endfo %}}」: 不认识的标签“endfo”",
        f"{template}: 正文第47段「{{{{ signature.nme }}}}」: 变量“signature.nme”在模板数据中没有；"
        "是否想写“signature.name”？",
    ]
    assert not (tmp_path / "out").exists()


def test_a_template_is_checked_again_once_changed(template):
    assert template_problems(template) == []
    edited(template, lambda doc: retext(doc, "{{ note }}", "{{ notes }}"))
    assert problems(template) == ["正文第58段「{{ notes }}」: 变量“notes”在模板数据中没有；是否想写“note”？"]


def test_a_tag_outside_its_guard_stops_the_build(write_yaml, template, tmp_path):
    """Names are right, but the paragraph branch reads a table that only tables have."""
    edited(template, lambda doc: retext(doc, "{{ b.text }}", "{{ b.table.title }}"))
    path = write_yaml("标题: 方案\n开头: 正文。\n模板: my-plan.docx\n")
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.build(path, tmp_path / "out")
    assert str(caught.value) == (
        f"{template}: 填写模板时出错（'None' has no attribute 'title'）：模板中有标签取用了这份文档"
        "没有的内容，请检查它是否在对应的 {%p if … %} 之内")
    assert not (tmp_path / "out").exists()
