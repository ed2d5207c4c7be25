"""Hostile and faulty inputs, each run as a user runs reportgen: in a process of its own, measured.

The bar for every case: a located Chinese message (exit status 1; 2 for a document ``check``
cannot read) or the correct result, never an internal error (3), nothing written when refused,
and at most 10 CPU seconds for the whole process tree and 500 MB for its largest process.
CPU seconds rather than wall time: the machine is shared, and the work is what a limit bounds.
Each process also runs capped (helpers.measured: 1 GB of address space, 30 CPU seconds), so a
limit that breaks fails the test within seconds instead of taking the machine's memory.
Big inputs are generated as streams and shared between cases (module fixtures).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from helpers import Measured, measured

from reportgen.word.template_files import export_template

SECONDS, MEGABYTES = 10, 500
LONGEST_CHECK = 15  # seconds of CPU for checking the longest document reportgen reads
PLAN = "标题: 关于开展创卫工作的方案\n发文机关: 区爱卫办\n成文日期: 2024-05-20\n开头: 为做好创卫工作，制定本方案。\n"
OPENING = "开头: 为做好创卫工作，制定本方案。"
NOT_BUILT = "未生成文件。"
SUSPECT = "，可能是恶意构造的文件：请不要使用它；如确需使用，请在 Word 中打开后另存为 .docx"
DOCTYPE = f"文档的 XML 中有 DOCTYPE 声明（Word 从不写入，可用来读取本机文件）{SUSPECT}"
XXE = '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
UNREADABLE = ("文件按 {} 编码读取时，这里的字节（{}）无法识别，可能是从其他编码的文件中复制来的文字："
              "请重新输入这几个字，或在记事本中“另存为”，编码选择 UTF-8")
NOT_ALLOWED = "占位符不允许这样写："
TOO_MUCH_WORK = "计算量过大（超过 {:,} 步）：请简化占位符或标签中的运算和循环"
TOO_MANY_TAGS = "占位符过多：全部占位符（{{ }} 和 {% %} 之内）共超过 200,000 个字符，请减少或简化"


def within_bounds(run: Measured, seconds: float = SECONDS) -> Measured:
    assert run.status is not None, "still running after 60 seconds"
    assert run.status >= 0, f"killed by {signal.Signals(-run.status).name} (past its memory or CPU cap)"
    assert run.status != 3, run.err  # a MemoryError past the memory cap ends here
    assert (run.cpu < seconds, run.mb < MEGABYTES) == (True, True), f"{run.cpu:.1f} s, {run.mb:.0f} MB"
    return run


def files_in(folder: Path) -> set[tuple[str, int]]:
    return {(str(p.relative_to(folder)), p.stat().st_size) for p in folder.rglob("*") if p.is_file()}


def refused(folder: Path, *args: str, status: int = 1) -> str:
    """What reportgen says on stderr when it stops, within bounds, with ``status`` and no file written."""
    before = files_in(folder)
    run = within_bounds(measured(*args, cwd=folder))
    assert (run.status, files_in(folder) - before) == (status, set()), run.err
    return run.err


def plan_with(opening: str) -> str:
    return PLAN.replace(OPENING, opening)


def opening(template: str) -> str:
    """The plan with ``template`` as its 开头, quoted as YAML text."""
    return plan_with("开头: '" + template.replace("'", "''") + "'")


# 1. Placeholders and YAML: every value, step and nesting of one file bounded, messages in Chinese

ALIASED = "变量:\n  s: &s " + "长" * 300_000 + "\n结尾: [" + ", ".join(["*s"] * 20_000) + "]\n"
BIG_INT = " * ".join(["(2**64)**15"] * 16)
LOOP = "{% for i in range(99999) %}{% if (range(99999)|list|sort|length) < 0 %}x{% endif %}{% endfor %}"


@pytest.mark.parametrize(("text", "message"), [
    # listed
    (opening("{{ ('a'*99999)|list|string|list|string|list|string|length }}"),
     "4:1: 开头: 占位符的值是列表（99999 项），不能直接写入正文：请用过滤器把它连成文字："
     "{{ … | 顿号 }}（甲、乙、丙）或 {{ … | 列举 }}（甲、乙和丙）"),
    (opening("{{ " + " ~ ".join(["'a'*99999"] * 20_000) + " }}"), "4:1: 开头: " + TOO_MANY_TAGS),
    (opening(LOOP), "4:1: 开头: " + NOT_ALLOWED + TOO_MUCH_WORK.format(2_000_000)),
    (opening("{{ " + "+".join(["1"] * 300) + " }}"),
     "4:1: 开头: " + NOT_ALLOWED + "括号、运算或过滤器嵌套超过 50 层：请把它拆成几个简单的占位符"),
    (opening("{{ " + "(" * 200 + "1" + ")" * 200 + " }}"),
     "4:1: 开头: " + NOT_ALLOWED + "括号、运算或过滤器嵌套过深：请把它拆成几个简单的占位符"),
    (PLAN + ALIASED, "7:14: “*别名”引用展开后文字超过 1,000,000 个字符：请不要用“&锚点”和“*别名”大量"
                     "重复长段文字（这样的文件可能是恶意构造的）"),
    (opening("{{ " + BIG_INT + " }}"), "4:1: 开头: " + NOT_ALLOWED + "计算结果超过 1,000 位数"),
    (opening("{{ 1 | percent(digits=100000) }}"),
     "4:1: 开头: 占位符中的过滤器出错：百分比：小数位数应为 0 到 30"),
    (plan_with('开头: "a\\0b"'), "4:5: 文字中有不能用的字符 U+0000（来自转义），Word 文档中不能有：请删除它"),
    (plan_with('开头: "\\ud800"'),
     "4:5: 文字中有不能用的字符 U+D800（半个代理对，来自“\\ud800”这样的转义），Word 文档中不能有：请删除它"),
    (PLAN + "---\n结尾: x\n", "5:1: YAML 格式错误：文件中只能有一个文档，请删除这里的“---”（或把其后的内容并入前面）"),
    (PLAN + "结尾: *x\n", "5:5: “*x”没有对应的“&x”：引用之前要先用“&x”标出被引用的内容"),
    # nobody listed
    (PLAN + "附件: [" + ", ".join(f"'{{{{ {i} }}}}'" for i in range(9_000)) + "]\n",
     "5:69274: 附件[5028]: " + TOO_MANY_TAGS),
    (PLAN + "变量:\n  s: " + "长" * 300_000 + "\n附件: [" + ", ".join(["'{{ 变量.s }}'"] * 10) + "]\n",
     "7:48: 附件[4]: " + NOT_ALLOWED + "全部占位符填写后共增加了超过 1,000,000 个字符"),
    (PLAN + "变量:\n  s: " + "a" * 600_000 + "\n结尾: '{{ 变量.s ~ 变量.s }}'\n",
     "7:1: 结尾: " + NOT_ALLOWED + TOO_MUCH_WORK.format(2_000_000)),
    (PLAN + "变量:\n  s: " + "a" * 600_000 + "\n结尾: '{{ 变量.s * 2 }}'\n",
     "7:1: 结尾: " + NOT_ALLOWED + "重复后的结果超过 100,000 个字符"),
    (opening("{{ [[1, 2], [3]] | sum(start=[]) }}"), "4:1: 开头: " + NOT_ALLOWED + "sum 只能对数字求和"),
    (opening("{{ 1e308 * 10 }}"), "4:1: 开头: " + NOT_ALLOWED + "计算结果超出数的范围（溢出）"),
    (opening("{{ '1e999999' | thousands }}"),
     "4:1: 开头: 占位符中的过滤器出错：千分位：应为数字，实际为“1e999999”"),
    (opening("{{ ('9' * 5000) | thousands }}"),
     "4:1: 开头: 占位符中的过滤器出错：千分位：数字的位数超过 30 位"),
    (opening("{{ ('区委发[2024]' ~ '9' * 5000 ~ '号') | 发文字号 }}"),
     "4:1: 开头: 占位符中的过滤器出错：序号：数字的位数超过 30 位"),
    (plan_with("变量:\n  表: [" + ", ".join(["甲"] * 40_000) + "]\n开头: '{% for i in range(100000) %}"
               "{% if 变量.表 == 变量.表 %}{% endif %}{% endfor %}'"),
     "6:1: 开头: " + NOT_ALLOWED + TOO_MUCH_WORK.format(2_000_000)),
    (opening("{{ 变量.a + 1 }}") + "变量: {a: 甲}\n",
     "4:1: 开头: 占位符无法计算：参与运算的值应都是数字（文字、列表不能相加减乘除；数字请不要加引号）"),
    (PLAN + "a: &x 1\nb: &x 2\n", "6:4: “&x”重复：第 5 行已有同名的“&”锚点，请换一个名字"),
], ids=["list-string", "concat-chain", "loop-sort", "300-terms", "200-brackets", "alias-text", "big-int",
        "percent-digits", "nul-escape", "surrogate", "two-documents", "undefined-alias",
        "9000-placeholders", "placeholder-output", "big-value", "big-repeat", "sum-of-lists", "overflow", "thousands-exponent", "thousands-digits",
        "doc-number-digits", "compare-in-loop", "text-plus-number", "duplicate-anchor"])
def test_a_hostile_yaml_file_is_refused_at_its_place(tmp_path, text, message):
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    assert refused(tmp_path, "build", "plan.yaml") == f"plan.yaml:{message}\n{NOT_BUILT}\n"


@pytest.mark.parametrize(("raw", "message"), [
    (PLAN.encode().replace("区爱卫办".encode(), "区爱".encode() + b"\xff\xfe" + "卫办".encode()),
     "2:9: " + UNREADABLE.format("UTF-8", "FF")),
    (PLAN.encode().replace(OPENING.encode(), OPENING.encode("gbk")), "4:1: " + UNREADABLE.format("UTF-8", "BF")),
    (PLAN.encode("gbk") + "结尾: 完\n".encode("gbk") + b"\xff\xff\n", "6:1: " + UNREADABLE.format("GBK", "FF")),
], ids=["bad-utf8-bytes", "gbk-line-in-utf8", "bad-gbk-bytes"])
def test_a_byte_no_encoding_reads_is_located(tmp_path, raw, message):
    (tmp_path / "plan.yaml").write_bytes(raw)
    assert refused(tmp_path, "build", "plan.yaml") == f"plan.yaml:{message}\n{NOT_BUILT}\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_without_a_bom_and_utf32_are_read_as_written(tmp_path, encoding):
    (tmp_path / "plan.yaml").write_bytes(PLAN.encode(encoding))
    run = within_bounds(measured("build", "plan.yaml", cwd=tmp_path))
    assert (run.status, run.err) == (0, "")
    assert docx.Document(tmp_path / "plan.docx").paragraphs[0].text == "关于开展创卫工作的方案"


def test_a_3000_file_chain_of_extends_stops_at_20(tmp_path):
    (tmp_path / "f0.yaml").write_text(PLAN, encoding="utf-8")
    for i in range(1, 3000):
        (tmp_path / f"f{i}.yaml").write_text(f"继承: f{i - 1}.yaml\n", encoding="utf-8")
    assert refused(tmp_path, "validate", "f2999.yaml") == (
        "f2979.yaml:1:1: 继承: 继承超过 20 层：请把较早的年份合并为一个文件（每年的文件只继承上一年的）\n"
        f"{NOT_BUILT}\n")


def test_extended_files_hold_50000_items_together(tmp_path):
    items = "条目: [" + ", ".join(["1"] * 30_000) + "]\n"
    (tmp_path / "base.yaml").write_text(PLAN + items, encoding="utf-8")
    (tmp_path / "plan.yaml").write_text("继承: base.yaml\n附件: [" + ", ".join(["1"] * 30_000) + "]\n",
                                        encoding="utf-8")
    assert refused(tmp_path, "validate", "plan.yaml") == (
        f"plan.yaml:1:1: 继承: 连同继承的文件共超过 50,000 项：一份文档用不了这么多内容\n{NOT_BUILT}\n")


def test_a_pipe_named_on_the_command_line_is_refused_unread(tmp_path):
    os.mkfifo(tmp_path / "plan.yaml")
    os.mkfifo(tmp_path / "doc.docx")
    assert refused(tmp_path, "validate", "plan.yaml") == (
        f"plan.yaml: 这不是普通文件（而是管道、设备等），reportgen 不读取它\n{NOT_BUILT}\n")
    assert refused(tmp_path, "check", "doc.docx", status=2) == (
        "doc.docx: 这不是普通文件（而是管道、设备等），reportgen 不读取它\n未检查。\n")


# 2. Documents to check: linear in their size, within a cap on what is parsed, DOCTYPE anywhere

DOC_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
            b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
DOC_TAIL = b'<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
DEFAULT_DOCX = Path(docx.__file__).parent / "templates" / "default.docx"


def streamed_docx(path: Path, body, parts: dict | None = None) -> Path:
    """python-docx's default document with its body streamed from ``body`` (byte chunks), as
    another program writes one, and ``parts`` replaced."""
    parts = parts or {}
    with zipfile.ZipFile(DEFAULT_DOCX) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info.filename, parts.pop(info.filename, None) or source.read(info))
        for name, data in parts.items():
            out.writestr(name, data)
        with out.open("word/document.xml", "w", force_zip64=True) as document:
            for chunk in (DOC_HEAD, *body, DOC_TAIL):
                document.write(chunk)
    return path


def paragraphs(texts) -> list[bytes]:
    return [f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>".encode() for t in texts]


A4_FINDINGS = ["页面设置: 上边距（天头）应为37毫米，实为0毫米", "页面设置: 下边距应为35毫米，实为0毫米"]


@pytest.mark.parametrize("texts", [(f"第{i}段文字，内容各不相同。" for i in range(100_000)),
                                   ("这是一段相同的文字。" for _ in range(100_000))],
                         ids=["100000-paragraphs", "100000-identical-paragraphs"])
def test_a_long_document_is_checked_in_linear_time_not_called_a_bomb(tmp_path, texts):
    streamed_docx(tmp_path / "long.docx", paragraphs(texts))
    run = within_bounds(measured("check", "--all", "long.docx", cwd=tmp_path))
    assert (run.status, run.out.splitlines()[:2]) == (1, [f"long.docx: {f}" for f in A4_FINDINGS])


@pytest.fixture(scope="module")
def own_long_document(tmp_path_factory) -> tuple[Path, Measured]:
    """A valid YAML of 140,000 paragraphs, built by reportgen (measured)."""
    folder = tmp_path_factory.mktemp("long")
    (folder / "long.yaml").write_text(plan_with("开头: |\n" + "  一\n\n" * 140_000), encoding="utf-8")
    return folder, measured("build", "long.yaml", cwd=folder)


def test_reportgen_builds_and_checks_its_own_140000_paragraph_document(own_long_document):
    folder, built = own_long_document
    assert (within_bounds(built).status, built.out) == (0, "已生成 long.docx\n")
    # the largest document check reads (MAX_READ): 8.5 s of CPU on an idle 2-core machine, up to
    # 11 s when another process shares its cores; work growing faster than the document would take
    # minutes, so this bound still tells the two apart
    checked = within_bounds(measured("check", "long.docx", cwd=folder), seconds=LONGEST_CHECK)
    assert (checked.status, checked.out) == (0, "long.docx: 检查通过\n")


def test_a_282_mb_document_xml_is_refused_unparsed(tmp_path):
    chunk = b"".join(paragraphs(f"{i:08d}" for i in range(26_000)))  # 1 MB, compresses 20:1
    streamed_docx(tmp_path / "huge.docx", [chunk] * 282)
    assert refused(tmp_path, "check", "huge.docx", status=2) == (
        "huge.docx: 文档过大：解压后的 XML 超过 32 MB（上千页的公文也不到 10 MB），reportgen 不读取这样大的文件\n"
        "未检查。\n")


def declared(encoding: str, *body: bytes) -> list[bytes]:
    head = DOC_HEAD.decode().replace('encoding="UTF-8"', f'encoding="{encoding}"')
    return [head.encode(encoding), *body]


@pytest.mark.parametrize(("document", "message"), [
    (b'<?xml version="1.0"?><!--' + b"x" * 1_200_000 + b"-->" + XXE.encode() + DOC_HEAD[DOC_HEAD.index(b"<w:"):]
     + DOC_TAIL, DOCTYPE),
    (('<?xml version="1.0" encoding="UTF-32"?>' + XXE + DOC_HEAD.decode()[DOC_HEAD.index(b"<w:"):]
      + DOC_TAIL.decode()).encode("utf-32"), DOCTYPE),
    (('<?xml version="1.0" encoding="UTF-7"?>' + XXE + DOC_HEAD.decode()[DOC_HEAD.index(b"<w:"):]
      + DOC_TAIL.decode()).encode("utf-7"), DOCTYPE),
    (('<?xml version="1.0" encoding="UTF-16"?>' + XXE).encode("utf-16-le") + b"<\0w\0:\0", DOCTYPE),
    (b'<?xml version="1.0" encoding="x-unknown"?>' + DOC_HEAD[DOC_HEAD.index(b"<w:"):] + DOC_TAIL,
     "文件已损坏，无法按 Word 文档（.docx）读取"),
], ids=["after-a-1-mb-comment", "utf-32", "utf-7", "utf-16-without-bom", "unknown-encoding"])
def test_a_doctype_in_any_encoding_anywhere_in_a_part_is_refused(tmp_path, document, message):
    with zipfile.ZipFile(DEFAULT_DOCX) as source, zipfile.ZipFile(tmp_path / "d.docx", "w") as out:
        for info in source.infolist():
            out.writestr(info.filename, document if info.filename == "word/document.xml" else source.read(info))
    assert refused(tmp_path, "check", "d.docx", status=2) == f"d.docx: {message}\n未检查。\n"


def run_formatted(size: int) -> bytes:
    return f'<w:r><w:rPr><w:sz w:val="{size}"/></w:rPr><w:t>字</w:t></w:r>'.encode()


@pytest.mark.parametrize(("body", "message"), [
    ([b"<w:p>", *[b"<w:r><w:t>x</w:t></w:r>"] * 300_001, b"</w:p>"],
     "文档过长：段落和文字块超过 300,000 个（一份公文通常不到一万个），reportgen 不检查这样的文档"),
    ([b"<w:p>", *(run_formatted(size) for size in range(20_001)), b"</w:p>"],
     "文档中段落和文字的格式超过 20,000 种（一份公文通常只有几十种），reportgen 不检查这样的文档"),
], ids=["300001-runs", "20001-formats"])
def test_a_document_too_long_or_too_varied_to_check_in_seconds_is_refused(tmp_path, body, message):
    streamed_docx(tmp_path / "d.docx", body)
    assert refused(tmp_path, "check", "d.docx", status=2) == f"d.docx: {message}\n未检查。\n"


def test_a_style_chain_of_5000_styles_is_read_once(tmp_path):
    with zipfile.ZipFile(DEFAULT_DOCX) as source:
        styles = source.read("word/styles.xml").decode()
    chained = "".join(f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="s{i}"/>'
                      f'<w:basedOn w:val="{f"S{i - 1}" if i else "Normal"}"/></w:style>' for i in range(5_000))
    styles = styles.replace("</w:styles>", chained + "</w:styles>")
    body = [b'<w:p><w:pPr><w:pStyle w:val="S4999"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>'] * 20_000
    streamed_docx(tmp_path / "d.docx", body, {"word/styles.xml": styles.encode()})
    run = within_bounds(measured("check", "--all", "d.docx", cwd=tmp_path))
    assert (run.status, run.out.splitlines()[0]) == (1, f"d.docx: {A4_FINDINGS[0]}")


# 3. Templates and documents that link outside themselves; paths read as options

SECRET = b"\x89PNG\r\n\x1a\n secret picture bytes"


def linked_picture(doc, url: str) -> None:
    """A picture inserted with “链接到文件”: a:blip r:link to an external relationship."""
    rid = doc.part.relate_to(url, RT.IMAGE, is_external=True)
    doc.add_paragraph().add_run()._r.append(parse_xml(
        f'<w:drawing {nsdecls("w", "wp", "a", "pic", "r")}><wp:inline><wp:extent cx="914400" cy="914400"/>'
        '<wp:docPr id="9" name="图片 9"/><a:graphic><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr>'
        '<pic:cNvPr id="9" name="图.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
        f'<a:blip r:link="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr/>'
        '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>'))


def attached_template(doc) -> None:
    settings = doc.part.part_related_by(RT.SETTINGS)
    rid = settings.relate_to("http://example.invalid/x.dotm", f"{RT.SETTINGS.rsplit('/', 1)[0]}/attachedTemplate",
                             is_external=True)
    settings.element.insert(0, parse_xml(f'<w:attachedTemplate {nsdecls("w", "r")} r:id="{rid}"/>'))


def linked_object(doc) -> None:
    rid = doc.part.relate_to("http://example.invalid/表.xlsx", RT.OLE_OBJECT, is_external=True)
    doc.add_paragraph()._p.append(parse_xml(
        f'<w:r {nsdecls("w", "r")} xmlns:o="urn:schemas-microsoft-com:office:office"><w:object>'
        f'<o:OLEObject Type="Link" ProgID="Excel.Sheet.12" r:id="{rid}" UpdateMode="Always"/></w:object></w:r>'))


def field(instruction: str):
    def plant(doc) -> None:
        paragraph = doc.add_paragraph()
        for xml in ('<w:fldChar w:fldCharType="begin"/>', f'<w:instrText xml:space="preserve"> {instruction} '
                    '</w:instrText>', '<w:fldChar w:fldCharType="separate"/>', "<w:t>（上次的内容）</w:t>",
                    '<w:fldChar w:fldCharType="end"/>'):
            paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}>{xml}</w:r>'))
    return plant


FETCHED = "：生成的每份文档都会带上它，收到的人用 Word 打开时会去读取（可能泄露本机或网络信息）；"
FIELD_FIX = "在 Word 中选中这个域，按 Ctrl+Shift+F9 把它变成普通文字，或删除它"


@pytest.mark.parametrize(("plant", "message"), [
    (attached_template, "文档设置: 附加的模板（开发工具 → 文档模板）指向外部的“http://example.invalid/x.dotm”"
                        f"{FETCHED}在 Word 中点“开发工具 → 文档模板”，把文档模板改为 Normal 后保存"),
    (lambda doc: linked_picture(doc, "file://server/share/x.png"),
     f"正文: 链接的图片（插入时选了“链接到文件”）指向外部的“file://server/share/x.png”{FETCHED}"
     "删除这张图片，再用“插入 → 图片”插入（不要选“链接到文件”）"),
    (linked_object, f"正文: 链接的对象（OLE 链接）指向外部的“http://example.invalid/表.xlsx”{FETCHED}"
                    "在 Word 中点“文件 → 信息 → 编辑指向文件的链接”，选中后点“断开链接”，或删除它"),
    (field('INCLUDETEXT "http://example.invalid/x.docx"'),
     f"正文: INCLUDETEXT 域指向外部的“http://example.invalid/x.docx”{FETCHED}{FIELD_FIX}"),
    (field(r'INCLUDEPICTURE "\\\\server\\x.png" \d'),  # Word doubles each backslash of a path
     rf"正文: INCLUDEPICTURE 域指向外部的“\\server\x.png”{FETCHED}{FIELD_FIX}"),
    (field(r'DDEAUTO "c:\\windows\\system32\\cmd.exe" "/k calc"'),
     rf"正文: DDEAUTO 域指向外部的“c:\windows\system32\cmd.exe”{FETCHED}{FIELD_FIX}"),
], ids=["attached-template", "unc-picture", "ole-link", "includetext", "includepicture", "ddeauto"])
def test_a_template_linking_outside_itself_is_refused_naming_the_link(tmp_path, plant, message):
    template = export_template("plan", tmp_path / "模板.docx")
    doc = docx.Document(template)
    plant(doc)
    doc.save(template)
    template = template.resolve()
    (tmp_path / "plan.yaml").write_text(PLAN + "模板: 模板.docx\n", encoding="utf-8")
    run = within_bounds(measured("templates", "check", "模板.docx", cwd=tmp_path))
    assert (run.status, run.out) == (1, f"模板.docx: {message}\n模板.docx: 共 1 个问题\n")
    assert refused(tmp_path, "build", "plan.yaml", "--pdf") == f"{template}: {message}\n{NOT_BUILT}\n"


def test_check_reports_every_link_of_a_document(tmp_path):
    doc = docx.Document()
    linked_picture(doc, "file:///etc/secret.png")
    field("INCLUDETEXT http://example.invalid/x.docx")(doc)
    doc.save(tmp_path / "来文.docx")
    run = within_bounds(measured("check", "--json", "来文.docx", cwd=tmp_path))
    links = [f for f in json.loads(run.out) if f["rule"] == "links.external"]
    assert (run.status, [(f["where"], f["message"].split("：")[0]) for f in links]) == (1, [
        ("正文", "INCLUDETEXT 域指向外部的“http://example.invalid/x.docx”"),
        ("正文", "链接的图片（插入时选了“链接到文件”）指向外部的“file:///etc/secret.png”")])


def test_a_received_document_is_converted_without_what_it_links_to(tmp_path, lo_profile):
    """Its linked picture (a local file) and INCLUDETEXT field are not fetched into the PDF, and
    file names LibreOffice would read as options are converted like any other."""
    (tmp_path / "secret.png").write_bytes(SECRET)
    doc = docx.Document()
    doc.add_paragraph("来文正文")
    linked_picture(doc, (tmp_path / "secret.png").as_uri())
    field(f'INCLUDETEXT "{(tmp_path / "secret.txt").as_uri()}"')(doc)
    (tmp_path / "secret.txt").write_text("本机的秘密", encoding="utf-8")
    names = ["来文.docx", "-rf.docx", "-env:UserInstallation=x.docx"]
    for name in names:
        doc.save(tmp_path / name)
    run = within_bounds(measured("pdf", "--", *names, cwd=tmp_path))
    assert (run.status, run.out) == (0, "".join(f"已生成 {n[:-5]}.pdf\n" for n in names))
    images = subprocess.run(["pdfimages", "-list", str(tmp_path / "来文.pdf")], capture_output=True, text=True)
    text = subprocess.run(["pdftotext", str(tmp_path / "来文.pdf"), "-"], capture_output=True, text=True)
    assert (images.stdout.splitlines()[2:], "来文正文" in text.stdout, "秘密" in text.stdout) == ([], True, False)


def test_only_a_docx_is_given_to_libreoffice(tmp_path):
    (tmp_path / "旧.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert refused(tmp_path, "pdf", "旧.doc") == (
        "旧.doc: 这是 Word 97-2003 格式（.doc）或 WPS 格式的文件：请在 Word 或 WPS 中打开并另存为 .docx 后再转换\n"
        f"{NOT_BUILT}\n")


def tagged_template(folder: Path, *texts: str) -> Path:
    template = export_template("plan", folder / "模板.docx")
    doc = docx.Document(template)
    for text in texts:
        doc.add_paragraph(text)
    doc.save(template)
    (folder / "plan.yaml").write_text(PLAN + "模板: 模板.docx\n", encoding="utf-8")
    return template


def test_a_template_loop_that_passes_its_check_is_stopped_at_build(tmp_path):
    template = tagged_template(tmp_path, LOOP)
    assert within_bounds(measured("templates", "check", "模板.docx", cwd=tmp_path)).status == 0
    assert refused(tmp_path, "build", "plan.yaml") == (
        f"{template}: 模板中的标签不允许这样写：{TOO_MUCH_WORK.format(5_000_000)}\n{NOT_BUILT}\n")


def test_a_template_filled_past_32_million_characters_is_stopped(tmp_path):
    template = tagged_template(tmp_path, "{% for i in range(90000) %}" + "填" * 400 + "{% endfor %}")
    assert refused(tmp_path, "build", "plan.yaml") == (
        f"{template}: 填写后的文档超过 32,000,000 个字符：reportgen 不生成大到无法再读取检查的文档\n"
        f"{NOT_BUILT}\n")


def test_a_template_tag_nested_200_brackets_deep_is_located(tmp_path):
    tag = "{{ " + "(" * 200 + "1" + ")" * 200 + " }}"
    tagged_template(tmp_path, tag)
    run = within_bounds(measured("templates", "check", "模板.docx", cwd=tmp_path))
    assert (run.status, run.out) == (1, f"模板.docx: 正文第134段「{tag}」: 括号、运算或过滤器嵌套过深："
                                        "请把它拆成几个简单的标签\n模板.docx: 共 1 个问题\n")


def test_a_template_of_over_4_mb_of_xml_is_refused_unread(tmp_path):
    template = export_template("plan", tmp_path / "模板.docx")
    with zipfile.ZipFile(template, "a") as archive:
        archive.writestr("customXml/item9.xml", b"<a/>" * 1_100_000)
    (tmp_path / "plan.yaml").write_text(PLAN + "模板: 模板.docx\n", encoding="utf-8")
    assert refused(tmp_path, "build", "plan.yaml") == (
        f"{template}: 模板过大：其中的 XML 超过 4 MB（模板通常只有几十 KB）：请只在模板中保留版式、样式和标签\n{NOT_BUILT}\n")


# 4. Unit lists and batches: workbooks streamed, lists bounded in characters, pipes unread

WORKBOOK_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxml'
    'formats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
    'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="'
    'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxml'
    'formats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxml'
    'formats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxml'
    'formats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
    'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '</Relationships>',
}
SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/' \
             'spreadsheetml/2006/main">'


def streamed_workbook(path: Path, rows, dimension: str | None = None, head: str = SHEET_HEAD,
                      encoding: str = "utf-8") -> Path:
    """A workbook written row by row as a program writes one (inline strings), with ``dimension``
    as Excel writes it, or none."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        for name, xml in WORKBOOK_PARTS.items():
            book.writestr(name, xml)
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write((head + (f'<dimension ref="{dimension}"/>' if dimension else "")
                         + "<sheetData>").encode(encoding))
            for row in rows:
                sheet.write(row.encode(encoding))
            sheet.write("</sheetData></worksheet>".encode(encoding))
    return path


def unit_rows(count: int, columns: int = 2):
    yield '<row r="1"><c r="A1" t="inlineStr"><is><t>单位名称</t></is></c><c r="B1" t="inlineStr"><is><t>发放资料</t></is></c></row>'
    for n in range(2, count + 2):
        yield f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>单位{n}</t></is></c><c r="B{n}"><v>{n}</v></c></row>'


def campaign(folder: Path) -> Path:
    (folder / "campaign.yaml").write_text(plan_with("开头: '{{ 单位.名称 }}为做好创卫工作，制定本方案。'"),
                                         encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def million_rows(tmp_path_factory) -> Path:
    """A workbook of a million units, in a folder of its own (written once for the module)."""
    folder = campaign(tmp_path_factory.mktemp("million"))
    streamed_workbook(folder / "units.xlsx", unit_rows(1_000_000), "A1:B1000001")
    return folder


def test_a_million_row_workbook_is_refused_where_it_passes_100000_units(million_rows):
    assert refused(million_rows, "batch", "campaign.yaml", "--units", "units.xlsx", "-o", "out") == (
        f"units.xlsx:100003:1: 名单超过 100,000 个单位：请分成几个名单分别生成\n{NOT_BUILT}\n")


def test_a_workbook_hiding_one_cell_at_xfd1048576_is_refused_at_that_cell(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["单位名称", "发放资料"])
    book.active.append(["甲", 1])
    book.active["XFD1048576"] = "x"
    book.save(campaign(tmp_path) / "units.xlsx")
    assert (tmp_path / "units.xlsx").stat().st_size < 6_000
    assert refused(tmp_path, "batch", "campaign.yaml", "--units", "units.xlsx", "-o", "out") == (
        "units.xlsx:1048576:16384: 这个单元格在第 16,384 列，超过上限 1,000 列：请删除名单右侧多余的内容\n"
        f"{NOT_BUILT}\n")


WIDE_ROW = '<row r="2">' + "<c/>" * 20_000 + "</row>"  # cells without values, as formatting leaves


@pytest.mark.parametrize(("rows", "dimension", "message"), [
    (unit_rows(300_000), None, "units.xlsx: 工作表没有写明大小（Excel 保存的文件都有），又很大：请在 Excel 或 WPS "
                               "中打开并保存一次后再用"),
    ([*unit_rows(0), WIDE_ROW], "A1:B2", "units.xlsx:2:1: 这一行的单元格超过 16,384 个，不像 Excel 保存的文件"),
    ([*unit_rows(1), '<row r="3"><c r="BXX3"><v>1</v></c></row>'], "A1:BXX3",
     "units.xlsx:3:2000: 这个单元格在第 2,000 列，超过上限 1,000 列：请删除名单右侧多余的内容"),
], ids=["300000-rows-without-dimension", "20000-cells-in-a-row", "a-value-in-column-2000"])
def test_a_workbook_is_read_only_as_far_as_its_limits(tmp_path, rows, dimension, message):
    streamed_workbook(campaign(tmp_path) / "units.xlsx", rows, dimension)
    assert refused(tmp_path, "batch", "campaign.yaml", "--units", "units.xlsx", "-o", "out") == (
        f"{message}\n{NOT_BUILT}\n")


def test_a_workbook_with_a_doctype_in_a_utf16_sheet_is_refused(tmp_path):
    head = '<?xml version="1.0" encoding="UTF-16"?>' + XXE.replace("w:document", "worksheet") + SHEET_HEAD[38:]
    streamed_workbook(campaign(tmp_path) / "units.xlsx", unit_rows(2), "A1:B3", head, "utf-16")
    assert refused(tmp_path, "batch", "campaign.yaml", "--units", "units.xlsx", "-o", "out") == (
        "units.xlsx: 这个 Excel 文件的压缩包异常（文件过多、解压后过大或含不安全的文件名），可能是恶意构造的："
        f"请不要使用它；如确需使用，请在 Excel 或 WPS 中打开后“另存为”.xlsx\n{NOT_BUILT}\n")


def test_one_text_aliased_by_2000_units_is_refused_before_any_is_built(tmp_path):
    rows = [f"- {{单位名称: 单位{i}, 说明: *s}}" for i in range(1, 2000)]
    (campaign(tmp_path) / "units.yaml").write_text(
        "- {单位名称: 单位0, 说明: &s " + "长" * 300_000 + "}\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert refused(tmp_path, "batch", "campaign.yaml", "--units", "units.yaml", "-o", "out") == (
        "units.yaml:27:20: “*别名”引用展开后文字超过 8,000,000 个字符：请不要用“&锚点”和“*别名”大量重复长段文字"
        f"（这样的文件可能是恶意构造的）\n{NOT_BUILT}\n")


def test_a_pipe_in_a_units_folder_fails_its_unit_unread(tmp_path):
    (campaign(tmp_path) / "units").mkdir()
    (tmp_path / "units/甲.yaml").write_text("单位: 甲\n", encoding="utf-8")
    os.mkfifo(tmp_path / "units/乙.yaml")
    run = within_bounds(measured("batch", "campaign.yaml", "--units", "units", "-o", "out", "-q",
                                 cwd=tmp_path))
    assert (run.status, run.err) == (1, "units/乙.yaml: 这不是普通文件（而是管道、设备等），reportgen 不读取它"
                                        "（单位“乙”）\n")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["manifest.csv", "甲.docx"]


def children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def started_batch(tmp_path, units: int, jobs: int, stderr=subprocess.DEVNULL) -> subprocess.Popen:
    """``reportgen batch -j JOBS`` over ``units`` units of the campaign in ``tmp_path``, started
    in a session of its own (so that the whole tree can be killed)."""
    (campaign(tmp_path) / "units.csv").write_text("单位名称\n" + "".join(f"单位{i}\n" for i in range(units)),
                                                  encoding="utf-8")
    return subprocess.Popen([sys.executable, "-m", "reportgen", "batch", "campaign.yaml", "--units",
                             "units.csv", "-o", "out", "-q", "-j", str(jobs)], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)


def test_two_jobs_are_this_process_and_one_worker(tmp_path):
    main = started_batch(tmp_path, 400, 2, stderr=subprocess.PIPE)
    seen: set[int] = set()
    try:
        while main.poll() is None:
            with contextlib.suppress(FileNotFoundError, ProcessLookupError):
                seen |= children(main.pid)
            time.sleep(0.02)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(main.pid, signal.SIGKILL)
    assert (main.returncode, main.stderr.read()) == (0, b"")
    assert len(seen) == 1
    assert len(list((tmp_path / "out").glob("单位*.docx"))) == 400


def test_workers_end_when_the_main_process_is_killed(tmp_path):
    main = started_batch(tmp_path, 5000, 3)
    try:
        deadline = time.monotonic() + 30
        while not (tmp_path / "out").is_dir() or len(children(main.pid)) < 2:
            assert time.monotonic() < deadline and main.poll() is None, "the workers never started"
            time.sleep(0.1)
        workers = children(main.pid)
        main.send_signal(signal.SIGKILL)
        main.wait()
        deadline = time.monotonic() + 5
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [w for w in workers if alive(w)] == []
    finally:
        with contextlib.suppress(ProcessLookupError):  # the process group this test started, if left
            os.killpg(main.pid, signal.SIGKILL)
