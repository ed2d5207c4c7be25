"""Hostile input: files built to exhaust, trick or break reportgen stop with a located message.

Campaign files, unit lists and templates travel between offices; none may run code, read or
write outside the project, or hang the program. Each test asserts the message the user sees.
"""

from __future__ import annotations

import csv
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from helpers import problems, run

import reportgen
from reportgen.errors import Problem
from reportgen.load.yaml_file import load_rows
from reportgen.word.template_check import template_problems
from reportgen.word.template_files import builtin_folder, export_template

pytestmark = pytest.mark.hostile  # each test in a child capped in memory and CPU (capped.py)

LAUGHS = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"] + [
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
LIMIT = "一份文档用不了这么多内容，请检查是否选错了文件"


def quickly(seconds: float = 5.0):
    """A sanity bound on the time a refusal takes (speed targets belong in bench/)."""
    started = time.perf_counter()
    return lambda: time.perf_counter() - started < seconds


# 1. YAML bombs


@pytest.mark.usefixtures("each_yaml_reader")
def test_billion_laughs_stops_at_the_alias_that_passes_the_limit(write_yaml):
    path = write_yaml("标题: x\n" + "\n".join(LAUGHS) + "\n")
    done = quickly(1)
    assert problems(path) == [f"{path}:6:25: 文件中的项过多：超过 50,000 项（含“*别名”引用展开的项）；{LIMIT}"]
    assert done()


@pytest.mark.usefixtures("each_yaml_reader")
def test_aliases_may_not_repeat_more_than_100000_items_even_in_a_unit_list(write_yaml):
    path = write_yaml("- &a [" + ", ".join(["x"] * 1000) + "]\n" + "- *a\n" * 200, "units.yaml")
    with pytest.raises(Exception) as caught:
        load_rows(path)
    assert str(caught.value) == (f"{path}:101:3: “*a”等引用展开后重复了超过 100,000 项：请不要用“&锚点”和"
                                 "“*别名”大量重复内容（这样的文件可能是恶意构造的）")


@pytest.mark.usefixtures("each_yaml_reader")
@pytest.mark.parametrize(("text", "col"), [("a: &x [*x]", 8), ("a: &x {b: *x}", 11),
                                           ("a: &x\n  - b: [*x]", 9)])
def test_an_alias_inside_its_own_anchor_is_refused(write_yaml, text, col):
    path = write_yaml(f"标题: x\n{text}\n")
    line = 2 + text.count("\n")
    assert problems(path) == [f"{path}:{line}:{col}: “*x”在“&x”自身之内，引用了它自己（循环引用）"]


@pytest.mark.usefixtures("each_yaml_reader")
@pytest.mark.parametrize("text", ["a: " + "[" * 10_000 + "]" * 10_000,
                                  "a: " + "{b: " * 10_000 + "}" * 10_000,
                                  "a:\n" + "".join("  " * i + "- \n" for i in range(1, 80))])
def test_deep_nesting_stops_at_50_levels(write_yaml, text):
    path = write_yaml(f"标题: x\n{text}\n")
    done = quickly(2)
    [message] = problems(path)
    assert message.endswith(": 嵌套超过 50 层：请检查缩进，以及“[”“{”是否各有配对的“]”“}”")
    assert message.startswith(f"{path}:")
    assert done()


# 2. Size


def test_a_10_mb_file_is_refused_unread(write_yaml):
    path = write_yaml("标题: x\n开头: |\n" + "  一二三四五六七八九十\n" * 320_000)
    assert problems(path) == [f"{path}: 文件过大（10.6 MB，上限 1 MB）：{LIMIT}"]


@pytest.mark.usefixtures("each_yaml_reader")
def test_a_document_of_100000_items_is_refused_where_it_passes_50000(write_yaml):
    path = write_yaml("标题: x\n条目: [" + ",".join(["1"] * 100_000) + "]\n")
    assert problems(path) == [f"{path}:2:100000: 文件中的项过多：超过 50,000 项（含“*别名”引用展开的项）；{LIMIT}"]


def test_a_unit_list_over_8_mb_is_refused(write_yaml):
    path = write_yaml("".join(f"- 单位名称: 单位{i}\n  发放资料: {i}\n" for i in range(170_000)),
                      "units.yaml")
    with pytest.raises(Exception) as caught:
        load_rows(path)
    assert str(caught.value) == f"{path}: 文件过大（8.6 MB，上限 8 MB）：名单很大时请用 .xlsx 或 .csv 文件"


# 3. YAML tags


@pytest.mark.usefixtures("each_yaml_reader")
@pytest.mark.parametrize(("value", "tag"), [
    ("!!python/object:os.system {a: 1}", "!!python/object:os.system"),
    ("!!python/object/apply:os.system ['touch pwned']", "!!python/object/apply:os.system"),
    ("!!python/name:os.system", "!!python/name:os.system"),
    ("!!binary aGVsbG8=", "!!binary"), ("!!set {a, b}", "!!set"), ("!!omap [a: 1]", "!!omap"),
    ("!foo bar", "!foo"), ("!!timestamp 2024-01-01", "!!timestamp")])
def test_tags_that_construct_objects_are_refused(write_yaml, tmp_path, value, tag):
    path = write_yaml(f"标题: {value}\n")
    assert problems(path) == [f"{path}:1:5: 不支持的 YAML 标签“{tag}”（reportgen 只读取文本、数字、列表和映射）"]
    assert not (tmp_path / "pwned").exists()


@pytest.mark.usefixtures("each_yaml_reader")
def test_a_tag_directive_cannot_disguise_a_python_tag(write_yaml):
    path = write_yaml("%TAG !p! tag:yaml.org,2002:python/\n---\n标题: !p!object/apply:os.system [ls]\n")
    assert problems(path) == [f"{path}:3:5: 不支持的 YAML 标签“!!python/object/apply:os.system”"
                              "（reportgen 只读取文本、数字、列表和映射）"]


@pytest.mark.usefixtures("each_yaml_reader")
@pytest.mark.parametrize(("value", "message"), [
    ("!!int abc", "“abc”不能按标签“!!int”读取（删去“!!int”即按文字读取）"),
    ("!!float abc", "“abc”不能按标签“!!float”读取（删去“!!float”即按文字读取）"),
    ("!!bool abc", "“abc”不能按标签“!!bool”读取（删去“!!bool”即按文字读取）")])
def test_a_plain_tag_with_a_value_it_cannot_read_is_located(write_yaml, value, message):
    path = write_yaml(f"标题: {value}\n")
    assert problems(path) == [f"{path}:1:5: {message}"]


@pytest.mark.usefixtures("each_yaml_reader")
def test_a_merge_key_with_a_scalar_is_located(write_yaml):
    path = write_yaml("标题: x\na:\n  <<: 1\n")
    assert problems(path) == [f"{path}:3:7: “<<”合并的应是映射或映射的列表（如 <<: *默认值）"]


# 5. Paths written in YAML files: relative, inside the project folder

OUTSIDE = "在项目文件夹 {} 之外：请把文件复制到项目文件夹内，或在命令中加 --project 指定更大的项目文件夹"
NOT_RELATIVE = ("不是相对路径：文件中只能写相对于本文件所在文件夹的路径（如 ../2024/方案.yaml），"
                "请把要用的文件复制到项目文件夹内")


@pytest.fixture
def years(tmp_path, monkeypatch) -> Path:
    """创卫/2024/方案.yaml and 创卫/2025/方案.yaml extending it; the current folder is tmp_path."""
    monkeypatch.chdir(tmp_path)
    for year in ("2024", "2025"):
        (tmp_path / "创卫" / year).mkdir(parents=True)
    (tmp_path / "创卫/2024/方案.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "创卫/2025/方案.yaml").write_text("继承: ../2024/方案.yaml\n", encoding="utf-8")
    return tmp_path / "创卫"


PLAN = "标题: 关于开展创卫工作的方案\n发文机关: 区爱卫办\n成文日期: 2024-05-20\n开头: 为做好创卫工作，制定本方案。\n"


def test_a_base_in_a_sibling_year_folder_needs_project(years, capsys):
    status, _, err = run(capsys, "build", "创卫/2025/方案.yaml")
    assert (status, err) == (1, f"创卫/2025/方案.yaml:1:1: 继承: “../2024/方案.yaml”"
                                f"{OUTSIDE.format('创卫/2025')}\n未生成文件。\n")
    assert run(capsys, "build", "创卫/2025/方案.yaml", "--project", "创卫")[:2] == (
        0, "已生成 创卫/2025/方案.docx\n")
    assert reportgen.validate("创卫/2025/方案.yaml", project="创卫").title == "关于开展创卫工作的方案"


def test_a_windows_path_with_backslashes_reads_as_folders(years):
    (years / "2025/方案.yaml").write_text("继承: ..\\2024\\方案.yaml\n", encoding="utf-8")
    assert reportgen.validate(years / "2025/方案.yaml", project=years).title == "关于开展创卫工作的方案"


@pytest.mark.parametrize("written", ["/etc/passwd", "~/方案.yaml", "C:\\2024\\方案.yaml",
                                     "c:/2024/方案.yaml", "\\\\server\\share\\方案.yaml"])
def test_absolute_paths_are_refused_in_extends(years, written):
    (years / "2025/方案.yaml").write_text(f"继承: '{written}'\n", encoding="utf-8")
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.validate(years / "2025/方案.yaml", project=years)
    assert str(caught.value) == f"{years / '2025/方案.yaml'}:1:1: 继承: “{written}”{NOT_RELATIVE}"


def test_dot_dots_past_the_project_are_refused_even_with_project(years):
    (years / "2025/方案.yaml").write_text("继承: ../../../../etc/passwd\n", encoding="utf-8")
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.validate("创卫/2025/方案.yaml", project="创卫")
    assert str(caught.value) == f"创卫/2025/方案.yaml:1:1: 继承: “../../../../etc/passwd”{OUTSIDE.format('创卫')}"


def test_a_link_inside_the_project_to_a_file_outside_is_refused(years, tmp_path):
    (tmp_path / "elsewhere.yaml").write_text(PLAN, encoding="utf-8")
    (years / "2025/base.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    (years / "2025/方案.yaml").write_text("继承: base.yaml\n", encoding="utf-8")
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.validate("创卫/2025/方案.yaml")
    assert str(caught.value) == f"创卫/2025/方案.yaml:1:1: 继承: “base.yaml”{OUTSIDE.format('创卫/2025')}"


@pytest.mark.parametrize(("written", "message"), [
    ("../模板.docx", "“../模板.docx”" + OUTSIDE.format("创卫/2025")),
    ("/tmp/模板.docx", "“/tmp/模板.docx”" + NOT_RELATIVE)])
def test_a_template_outside_the_project_is_refused(years, written, message):
    export_template("plan", years / "模板.docx")
    (years / "2025/方案.yaml").write_text(PLAN + f"模板: {written}\n", encoding="utf-8")
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.build("创卫/2025/方案.yaml")
    assert str(caught.value) == f"创卫/2025/方案.yaml:5:1: 模板: {message}"
    assert reportgen.build("创卫/2025/方案.yaml", project="创卫") if written[0] == "." else True


def test_next_year_into_another_folder_says_to_build_with_project(years, capsys):
    (years / "2026").mkdir()
    status, out, _ = run(capsys, "next-year", "创卫/2024/方案.yaml", "-o", "创卫/2026/方案.yaml",
                         "--year", "2026")
    assert (status, out.splitlines()[1]) == (0, "注意：创卫/2024/方案.yaml 在新文件的文件夹之外，生成时请加 "
                                                "--project 创卫，如 reportgen build 创卫/2026/方案.yaml --project 创卫")
    assert reportgen.validate("创卫/2026/方案.yaml", project="创卫").title == "关于开展创卫工作的方案"


# Writes: a batch writes only inside its output folder, under names it makes safe


def test_hostile_unit_names_become_file_names_inside_the_output_folder(tmp_path, recwarn):
    campaign = tmp_path / "campaign.yaml"
    campaign.write_text(PLAN.replace("创卫工作的方案", "{{ 单位.名称 }}创卫工作的方案"), encoding="utf-8")
    names = ["../../x", "/etc/x", "C:\\x", "..", ".", "a\x00b", "\x01\x1f名", "长" * 300]
    units = tmp_path / "units.csv"
    units.write_bytes(("单位名称\n" + "\n".join(names) + "\n").encode("utf-8"))
    outcome = reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert [(e.unit, e.file) for e in outcome.entries] == [
        ("../../x", "_.._x.docx"), ("/etc/x", "_etc_x.docx"), ("C:\\x", "C__x.docx"), ("..", "_.docx"),
        (".", "_-2.docx"), ("ab", "ab.docx"), ("名", "名.docx"), ("长" * 300, "长" * 60 + ".docx")]
    assert {p.parent for p in tmp_path.rglob("*.docx")} == {tmp_path / "out"}
    assert [str(w.message) for w in recwarn] == [f"{units}:7:1: 已删除不可见的控制字符 U+0000",
                                                 f"{units}:8:1: 已删除不可见的控制字符 U+0001、U+001F"]


def test_a_unit_file_linking_outside_the_units_folder_fails_that_unit(tmp_path):
    campaign = tmp_path / "campaign.yaml"
    campaign.write_text(PLAN, encoding="utf-8")
    (tmp_path / "units").mkdir()
    (tmp_path / "units/甲.yaml").write_text("单位: 甲\n", encoding="utf-8")
    (tmp_path / "secret.yaml").write_text("单位: 乙\n", encoding="utf-8")
    (tmp_path / "units/乙.yaml").symlink_to(tmp_path / "secret.yaml")
    outcome = reportgen.batch(campaign, tmp_path / "units", tmp_path / "out", jobs=1)
    assert [(e.unit, e.status, e.error) for e in outcome.entries] == [
        ("乙", "失败", f"{tmp_path / 'units/乙.yaml'}: 这个文件是链接，指向项目文件夹 {tmp_path / 'units'} 之外的 "
                      f"{tmp_path / 'secret.yaml'}：请把文件本身复制到文件夹中，或在命令中加 --project 指定更大的项目文件夹（单位“乙”）"),
        ("甲", "已生成", "")]


# 6. Zip bombs and malformed zips, as templates and as documents to check

SUSPECT = "，可能是恶意构造的文件：请不要使用它；如确需使用，请在 Word 中打开后另存为 .docx"
BROKEN = "文件已损坏，无法按 Word 文档（.docx）读取"
XXE = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [<!ENTITY x SYSTEM '
       b'"file:///etc/passwd">]>\n')
LOL = (b'<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY a "lollollollollol">'
       + b"".join(b'<!ENTITY %c "%s">' % (98 + i, b"&%c;" % (97 + i) * 10) for i in range(9)) + b"]>\n")


def rezipped(tmp_path: Path, name: str, parts: dict, extra: int = 0) -> Path:
    """The built-in plan template with ``parts`` replaced (None removes one) and ``extra`` entries."""
    source = zipfile.ZipFile(builtin_folder() / "plan.docx")
    target = tmp_path / name
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = parts.pop(info.filename, source.read(info))
            if data is not None:
                out.writestr(info.filename, data(source.read(info)) if callable(data) else data)
        for part, data in parts.items():
            out.writestr(part, data)
        for i in range(extra):
            out.writestr(f"customXml/item{i}.xml", b"<a/>")
    return target


def body_with(prefix: bytes):
    """document.xml with ``prefix`` (an XML declaration and a DOCTYPE) in place of its declaration."""
    return lambda xml: prefix + xml[xml.index(b"?>") + 2:]


def refusals(path: Path, capsys) -> tuple[list[str], tuple]:
    """What the template check says of ``path``, and what ``reportgen check`` does with it."""
    return ([str(p) for p in template_problems(path)], run(capsys, "check", str(path)))


def check_says(path: Path, message: str) -> tuple:
    return (2, "", f"{path}: {message}\n未检查。\n")


@pytest.mark.parametrize(("name", "parts", "extra", "message"), [
    ("large.docx", {"customXml/item1.xml": b"<a/>" * 8_100_000}, 0,
     "文档过大：解压后的 XML 超过 32 MB（上千页的公文也不到 10 MB），reportgen 不读取这样大的文件"),
    ("many.docx", {}, 5_000, f"压缩包中的文件超过 1,000 个，不像 Word 文档{SUSPECT}"),
    ("slip.docx", {"../../evil.sh": b"rm -rf ~"}, 0,
     f"压缩包中有指向外部的文件名（含“..”、以“/”或盘符开头）{SUSPECT}"),
    ("xxe.docx", {"word/document.xml": body_with(XXE)}, 0,
     f"文档的 XML 中有 DOCTYPE 声明（Word 从不写入，可用来读取本机文件）{SUSPECT}"),
    ("padded.docx", {"word/document.xml": body_with(b"<?xml version='1.0'?><!--" + b"x" * 8000
                                                    + b"-->" + XXE[XXE.index(b"<!DOCTYPE"):])}, 0,
     f"文档的 XML 中有 DOCTYPE 声明（Word 从不写入，可用来读取本机文件）{SUSPECT}"),
    ("lol.docx", {"word/document.xml": body_with(LOL)}, 0,
     f"文档的 XML 中有 DOCTYPE 声明（Word 从不写入，可用来读取本机文件）{SUSPECT}"),
    ("no-types.docx", {"[Content_Types].xml": None}, 0, BROKEN),
    ("not-xml.docx", {"word/document.xml": b"this is not XML"}, 0, BROKEN),
    ("gbk.docx", {"word/document.xml": lambda xml: xml.decode().replace("w:body>", "w:body>汉字", 1)
                  .encode("gbk")}, 0, BROKEN)])
def test_a_hostile_zip_is_refused_before_anything_reads_it(tmp_path, capsys, name, parts, extra,
                                                           message):
    path = rezipped(tmp_path, name, dict(parts), extra)
    done = quickly(3)
    template_says, checked = refusals(path, capsys)
    fix = "，或用 reportgen templates export 重新导出内置模板"
    expected = f"{message}：请在 Word 中打开并另存为 .docx{fix}" if message == BROKEN else message
    assert (template_says, checked) == ([f"{path}: {expected}"], check_says(path, message))
    assert done()


def test_declared_sizes_that_lie_bad_crc_and_truncation_are_broken(tmp_path, capsys):
    good = rezipped(tmp_path, "good.docx", {})
    raw = good.read_bytes()
    lying = bytearray(raw)
    for start in (0, raw.index(b"PK\x01\x02")):  # the first entry's sizes, in both headers
        field = start + (22 if start == 0 else 24)
        lying[field:field + 4] = (10).to_bytes(4, "little")
    bad_crc = bytearray(raw)
    bad_crc[200] ^= 0xFF
    cases = {"lying.docx": bytes(lying), "crc.docx": bytes(bad_crc), "cut.docx": raw[:len(raw) // 2]}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        template_says, checked = refusals(tmp_path / name, capsys)
        assert template_says == [f"{tmp_path / name}: {BROKEN}：请在 Word 中打开并另存为 .docx，"
                                 "或用 reportgen templates export 重新导出内置模板"], name
        assert checked == check_says(tmp_path / name, BROKEN), name


def with_zeros(path: Path, megabytes: int) -> Path:
    """``path`` (a zip) with a picture of ``megabytes`` MB of zeros added, written a MB at a time."""
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive, \
            archive.open("word/media/zeros.bin", "w", force_zip64=True) as picture:
        for _ in range(megabytes):
            picture.write(bytes(1 << 20))
    return path


def test_a_zip_inflating_past_300_mb_is_a_bomb_but_compressing_well_is_not(tmp_path, capsys):
    bomb = with_zeros(rezipped(tmp_path, "bomb.docx", {}), 301)
    message = f"解压后超过 300 MB（即“压缩炸弹”）{SUSPECT}"
    assert refusals(bomb, capsys) == ([f"{bomb}: {message}"], check_says(bomb, message))
    dense = with_zeros(rezipped(tmp_path, "dense.docx", {}), 60)  # 60 MB in 60 KB: 1000:1
    assert template_problems(dense) == []


def test_a_yaml_naming_a_zip_bomb_as_template_stops_before_building(tmp_path):
    with_zeros(rezipped(tmp_path, "模板.docx", {}), 301)
    plan = tmp_path / "方案.yaml"
    plan.write_text(PLAN + "模板: 模板.docx\n", encoding="utf-8")
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.build(plan)
    assert str(caught.value) == f"{tmp_path / '模板.docx'}: 解压后超过 300 MB（即“压缩炸弹”）{SUSPECT}"
    assert not (tmp_path / "方案.docx").exists()


# 4. Template injection: placeholders in YAML text, tags in Word templates

NOT_ALLOWED = "占位符不允许这样写："
ONLY = "（只能写名称、运算、过滤器、if 和 for）"
UNDEFINED = "没有定义；可用的名称：unit、metrics、vars、period（或 单位、指标、变量、时段）"


@pytest.mark.parametrize(("text", "message"), [
    ("{{ cycler.__init__.__globals__ }}", NOT_ALLOWED + "不能访问内部属性“__init__”"),
    ("{{ self }}", NOT_ALLOWED + "不能使用“self”" + ONLY),
    ("{{ lipsum }}", "占位符中的“lipsum”" + UNDEFINED),
    ("{{ dict }}", "占位符中的“dict”" + UNDEFINED),
    ("{{ ''.__class__ }}", NOT_ALLOWED + "不能访问内部属性“__class__”"),
    ("{{ 变量['__class__'] }}", NOT_ALLOWED + "不能访问内部属性“__class__”"),
    ("{% include '/etc/passwd' %}", NOT_ALLOWED + "不能使用“include”"),
    ("{% import 'os' as os %}", NOT_ALLOWED + "不能使用“import”"),
    ("{% from 'os' import system %}", NOT_ALLOWED + "不能使用“from … import”"),
    ("{% extends '/etc/passwd' %}", NOT_ALLOWED + "不能使用“extends”"),
    ("{% macro m() %}x{% endmacro %}{{ m() }}", NOT_ALLOWED + "不能使用“macro”"),
    ("{% set x = 'ab' %}{% set x = x ~ x %}{{ x }}", NOT_ALLOWED + "不能使用“set”"),
    ("{{ '{0.__class__}'.format('') }}", NOT_ALLOWED + "不能调用函数或方法" + ONLY),
    ("{{ '{:>1000000000}'.format('a') }}", NOT_ALLOWED + "不能调用函数或方法" + ONLY),
    ("{{ '%1000000000s' % 'a' }}", NOT_ALLOWED + "不能用“%”格式化文字，请用过滤器"),
    ("{{ 'a' | center(1000000000) }}", NOT_ALLOWED + "没有名为“center”的过滤器"),
    ("{{ 'a' * 10**9 }}", NOT_ALLOWED + "重复后的结果超过 100,000 个字符"),
    ("{{ ['a' * 1000] * 1000 }}", NOT_ALLOWED + "重复后的结果超过 100,000 个字符"),
    ("{{ (((2**64)**64)**64)**64 }}", NOT_ALLOWED + "乘方的结果超过 1000 位"),
    ("{{ range(10**9) | list }}", NOT_ALLOWED + "range() 最多 100,000 个数"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     NOT_ALLOWED + "循环次数超过 100,000 次"),
    ("{% for i in range(20) %}{{ 'a' * 99999 }}{% endfor %}", NOT_ALLOWED + "填写后的文字超过 1,000,000 个字符"),
    ("{% for x in 变量.部门 recursive %}{{ x }}{% endfor %}", NOT_ALLOWED + "不能使用“for … recursive”")])
def test_placeholders_reaching_python_or_exhausting_the_machine_are_refused(write_yaml, text, message):
    quoted = text.replace("'", "''")
    path = write_yaml(f"{PLAN}变量:\n  部门: [甲, 乙]\n结尾: '{quoted}'\n")
    done = quickly(2)
    assert problems(path) == [f"{path}:7:1: 结尾: {message}"]
    assert done()


def test_placeholders_that_a_document_needs_still_work(write_yaml, tmp_path):
    text = ("{% for x in 变量.部门 %}{{ loop.index }}{{ x | trim }}{% endfor %}{{ 变量.部门 | length }}"
            "{% for k, v in 变量.人.items() %}{{ k }}{{ v }}{% endfor %}{{ 2 ** 10 }}{{ '-' * 3 }}")
    quoted = text.replace("'", "''")
    path = write_yaml(f"{PLAN}变量:\n  部门: [甲, 乙]\n  人: {{张: 1}}\n结尾: '{quoted}'\n")
    assert reportgen.validate(path).closing == ["1甲2乙2张11024---"]


def tagged(tmp_path: Path, tag: str) -> Path:
    """The built-in plan template exported, with a paragraph holding ``tag`` at its end."""
    path = export_template("plan", tmp_path / "模板.docx")
    doc = docx.Document(path)
    doc.add_paragraph(tag)
    doc.save(path)
    return path


@pytest.mark.parametrize(("tag", "message"), [
    ("{{ ''.__class__ }}", "不能访问内部属性“__class__”"),
    ("{{ self }}", "不能使用“self”" + ONLY),
    ("{% include '/etc/passwd' %}", "不能使用“include”"),
    ("{% import 'os' as os %}", "不能使用“import”"),
    ("{% extends '/etc/passwd' %}", "不能使用“extends”"),
    ("{% macro m() %}x{% endmacro %}", "不能使用“macro”"),
    ("{{ '{:>1000000000}'.format('a') }}", "不能调用函数或方法" + ONLY),
    ("{{ 'a' | center(1000000000) }}", "没有名为“center”的过滤器")])
def test_a_template_tag_reaching_python_is_refused_by_the_check_in_word_terms(tmp_path, tag, message):
    path = tagged(tmp_path, tag)
    done = quickly(2)
    where = tag.split("%}")[0] + "%}" if tag.startswith("{%") else tag
    assert template_problems(path) == [Problem(str(path), message, path=f"正文第134段「{where}」")]
    assert done()


@pytest.mark.parametrize(("tag", "message"), [
    ("{{ 'a' * 1000000000 }}", "重复后的结果超过 100,000 个字符"),
    ("{{ '%1000000000s' % 'a' }}", "不能用“%”格式化文字，请用过滤器"),
    ("{{ (((2**64)**64)**64)**64 }}", "乘方的结果超过 1000 位"),
    ("{{ range(10**9) | list }}", "range() 最多 100,000 个数"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "计算量过大（超过 5,000,000 步）：请简化占位符或标签中的运算和循环")])
def test_a_template_tag_exhausting_the_machine_is_stopped_by_the_sandbox(tmp_path, tag, message):
    path = tagged(tmp_path, tag)
    plan = tmp_path / "方案.yaml"
    plan.write_text(PLAN + "模板: 模板.docx\n", encoding="utf-8")
    done = quickly(5)
    assert template_problems(path) == []
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.build(plan)
    assert str(caught.value) == f"{path}: 模板中的标签不允许这样写：{message}"
    assert done()
    assert not (tmp_path / "方案.docx").exists()


# 2 (continued). A unit list of more than 100,000 units


def test_a_unit_list_of_more_than_100000_units_is_refused_before_building(tmp_path):
    campaign = tmp_path / "campaign.yaml"
    campaign.write_text(PLAN, encoding="utf-8")
    units = tmp_path / "units.csv"
    units.write_text("单位名称,发放资料\n" + "".join(f"单位{i},{i}\n" for i in range(100_001)), "utf-8")
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert str(caught.value) == f"{units}:100002:1: 名单中有 100,001 个单位，超过上限 100,000 个：请分成几个名单分别生成"
    assert not (tmp_path / "out").exists()


# 7. Formulas in unit data: kept as text, never evaluated, never written back as formulas

FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)"]


def test_formulas_in_unit_data_stay_text_and_the_manifest_holds_none(tmp_path):
    campaign = tmp_path / "campaign.yaml"
    campaign.write_text(PLAN.replace("为做好创卫工作，制定本方案。", '"{{ 单位.负责人 }}为做好创卫工作，制定本方案。"').replace(
        "创卫工作的方案", "{{ 单位.名称 }}创卫工作的方案"), encoding="utf-8")
    units = tmp_path / "units.csv"
    rows = [["单位名称", "负责人", "指标.发放资料"], *[[f, f, "1"] for f in FORMULAS],
            ["甲", "\t=1+1", "=1+1"], ["乙", "\r=1+1", "-2+3"]]
    with units.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    outcome = reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    built = [e for e in outcome.entries if e.ok]
    assert [e.unit for e in built] == FORMULAS
    for entry, formula in zip(built, FORMULAS, strict=True):
        text = [p.text for p in docx.Document(tmp_path / "out" / entry.file).paragraphs]
        assert f"关于开展{formula}创卫工作的方案" in "".join(text)
        assert f"{formula}为做好创卫工作，制定本方案。" in text
    assert [e.error for e in outcome.entries if not e.ok] == [
        f"{units}:6:3: 指标.发放资料: 应为数字，实际为文本“=1+1”（单位“甲”）",
        f"{units}:7:3: 指标.发放资料: 应为数字，实际为文本“-2+3”（单位“乙”）"]
    cells = [c for row in csv.reader((tmp_path / "out/manifest.csv").read_text("utf-8-sig").splitlines())
             for c in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    again = reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert [e.status for e in again.entries] == ["未变"] * 4 + ["失败"] * 2


def test_placeholders_in_unit_data_are_text_not_placeholders(tmp_path):
    campaign = tmp_path / "campaign.yaml"
    campaign.write_text(PLAN.replace("为做好创卫工作，制定本方案。", '"{{ 单位.负责人 }}为做好创卫工作，制定本方案。"'),
                        encoding="utf-8")
    tags = "{{ 单位.__class__ }}{% for i in range(9**9) %}x{% endfor %}"
    units = tmp_path / "units.csv"
    units.write_text(f"单位名称,负责人\n{{{{ 7*7 }}}}街道,{tags}\n", encoding="utf-8")
    outcome = reportgen.batch(campaign, units, tmp_path / "out", jobs=1)
    assert [(e.unit, e.status) for e in outcome.entries] == [("{{ 7*7 }}街道", "已生成")]
    text = [p.text for p in docx.Document(tmp_path / "out" / outcome.entries[0].file).paragraphs]
    assert f"{tags}为做好创卫工作，制定本方案。" in text


def test_a_workbook_with_formulas_saved_without_values_is_refused(tmp_path):
    campaign = tmp_path / "campaign.yaml"
    campaign.write_text(PLAN, encoding="utf-8")
    book = openpyxl.Workbook()
    book.active.append(["单位名称", "发放资料", "负责人"])
    book.active.append(["甲", "=SUM(1,2)", "张三"])
    book.active.append(['="乙"&""', 2, "=C2"])
    book.save(tmp_path / "units.xlsx")
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.batch(campaign, tmp_path / "units.xlsx", tmp_path / "out", jobs=1)
    unsaved = ("这个单元格是公式（{}），文件中没有保存计算结果：请在 Excel 或 WPS 中打开并保存一次，"
               "或复制后“选择性粘贴 → 数值”")
    file = tmp_path / "units.xlsx"
    assert [str(p) for p in caught.value.problems] == [
        f"{file}:{place}: {unsaved.format(formula)}"
        for place, formula in (("2:2", "=SUM(1,2)"), ("3:1", '="乙"&""'), ("3:3", "=C2"))]


def test_recursion_through_extends_by_a_link_is_a_cycle(tmp_path):
    (tmp_path / "a.yaml").write_text("继承: link.yaml\n标题: 甲\n", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "a.yaml")
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.validate(tmp_path / "a.yaml")
    assert str(caught.value) == (f"{tmp_path / 'a.yaml'}:1:1: 继承: 循环继承：{tmp_path / 'a.yaml'} → "
                                 f"{tmp_path / 'link.yaml'}")


def test_a_units_folder_elsewhere_keeps_the_campaigns_own_template(tmp_path):
    (tmp_path / "活动").mkdir()
    (tmp_path / "名单").mkdir()
    export_template("plan", tmp_path / "活动/模板.docx")
    campaign = tmp_path / "活动/campaign.yaml"
    campaign.write_text(PLAN + "模板: 模板.docx\n", encoding="utf-8")
    (tmp_path / "名单/甲.yaml").write_text("单位: 甲\n", encoding="utf-8")
    outcome = reportgen.batch(campaign, tmp_path / "名单", tmp_path / "out", jobs=1)
    assert [(e.unit, e.status, e.error) for e in outcome.entries] == [("甲", "已生成", "")]


def test_unit_files_extending_a_shared_file_need_project(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("campaign.yaml").write_text(PLAN, encoding="utf-8")
    Path("名单").mkdir()
    Path("共同.yaml").write_text("单位:\n  负责人: 张三\n", encoding="utf-8")
    Path("名单/甲.yaml").write_text("继承: ../共同.yaml\n单位:\n  名称: 甲\n", encoding="utf-8")
    status, _, err = run(capsys, "batch", "campaign.yaml", "--units", "名单", "-o", "out", "-q")
    assert (status, err) == (1, f"名单/甲.yaml:1:1: 继承: “../共同.yaml”{OUTSIDE.format('名单')}（单位“甲”）\n")
    assert run(capsys, "batch", "campaign.yaml", "--units", "名单", "-o", "out", "-q",
               "--project", ".")[:2] == (0, "")
    assert Path("out/甲.docx").is_file()


def test_next_year_of_a_file_extending_a_sibling_year_takes_project(years, capsys):
    (years / "2026").mkdir()
    status, out, _ = run(capsys, "next-year", "创卫/2025/方案.yaml", "-o", "创卫/2026/方案.yaml",
                         "--year", "2026", "--project", "创卫")
    assert (status, out.splitlines()[1]) == (0, "注意：创卫/2025/方案.yaml 在新文件的文件夹之外，生成时请加 "
                                                "--project 创卫，如 reportgen build 创卫/2026/方案.yaml --project 创卫")
    assert reportgen.validate("创卫/2026/方案.yaml", project="创卫").title == "关于开展创卫工作的方案"
