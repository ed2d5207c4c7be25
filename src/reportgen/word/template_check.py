"""Checking a Word template before it is filled: every problem at once, located as in Word.

A template is checked for: its file format; tags Word has broken (template_tags.py); Jinja
syntax; names the Outline does not provide; styles the Outline needs; links to outside files
(files/external_links.py), which every generated document would carry. Faults of tags are listed
in document order, then missing styles, then links. A template with none of these is also parsed exactly as docxtpl will render it,
so a fault the finer checks miss still stops the build instead of writing a broken .docx.
"""

from __future__ import annotations

import difflib
import functools
import re
import zipfile
from pathlib import Path

from docx import Document

from ..errors import Problem, ReportgenError
from ..files.docx_kind import BROKEN, OPAQUE, REFUSED, unreadable_kind
from ..files.external_links import external_links
from ..sandbox.environments import MAX_TAGS, TemplateSyntaxError, template_environment
from ..sandbox.tag_syntax import tag_syntax_problems
from ..sandbox.template_names import Unknown, unknown_names, used_names
from .docxtpl_tags import docxtpl_tag
from .fill import jinja_sources, jinja_tags
from .template_files import builtin_folder
from .template_needs import NEEDED_STYLES, STYLE_KINDS, template_names
from .template_tags import Tag, read_tags

AGAIN = "，或用 reportgen templates export 重新导出内置模板"
REQUIRED_TAGS = (("title_lines", "标题", "{%p for line in title_lines %}{{ line }}{%p endfor %}"),
                 ("body", "正文", "{%p for b in body %} … {%p endfor %}"))
FOREIGN_HINT = 5  # this many names reportgen does not supply: the template was made for another program
MANY_STYLES = 3  # more missing styles than this are listed in one line
MAX_TEMPLATE_XML = 4_000_000  # bytes; checking and compiling a template take about a second per MB
FORMATS = {
    "missing": "找不到文件",
    "folder": "这是文件夹，不是 .docx 文件",
    "ole": "这是 Word 97-2003 格式（.doc）的文件：请在 Word 或 WPS 中“另存为”.docx 格式后再用",
    "wps": "这是 WPS 文字格式（.wps）的文件：请在 WPS 中“另存为”Word 文件（*.docx）后再用",
    "encrypted": "文件设有打开密码：请在 Word 中取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，"
                 "清空密码）并保存后再用",
    "not_zip": "不是 .docx 文件（.docx 是 zip 压缩包，此文件不是）：请在 Word 或 WPS 中“另存为”"
               f".docx 格式后再用{AGAIN}",
    "not_word": f"不是 Word 文档（压缩包中没有 word/document.xml）：请用 Word 或 WPS 编辑模板{AGAIN}",
    "not_docx": "这是 Word 模板（.dotx）或启用宏的文档（.docm）：请在 Word 中“另存为”"
                "Word 文档（*.docx）后再用",
    "broken": f"文件已损坏，无法按 Word 文档（.docx）读取：请在 Word 中打开并另存为 .docx{AGAIN}",
    "too_big": f"模板过大：其中的 XML 超过 {MAX_TEMPLATE_XML // 1_000_000} MB（模板通常只有几十 KB）："
               "请只在模板中保留版式、样式和标签",
    **REFUSED,
}


def check_template(path: str | Path) -> None:
    """Raise ReportgenError listing every problem of the template at ``path``; return if it is fine."""
    problems = template_problems(path)
    if problems:
        raise ReportgenError(problems)


def check_own_template(path: Path) -> None:
    """check_template for a template of the user's; the built-in ones are checked by their own
    tests (tests/word/test_template_check.py), not again at each build or batch."""
    if Path(path).parent != builtin_folder():
        check_template(path)


def template_problems(path: str | Path) -> list[Problem]:
    """Every problem of the template at ``path``, located in Word terms; [] for a good template.

    Results are kept per file version (path, size, modification time), so a batch or a long
    session reads each template once.
    """
    try:
        stat = Path(path).stat()
    except OSError:
        return list(_problems(str(path)))
    return list(_problems_of_version(str(path), stat.st_size, stat.st_mtime_ns))


@functools.lru_cache(maxsize=64)
def _problems_of_version(name: str, size: int, mtime_ns: int) -> tuple[Problem, ...]:
    return _problems(name)


def _problems(name: str) -> tuple[Problem, ...]:
    path = Path(name)
    kind = unreadable_kind(path)
    if kind == "ole" and path.suffix.lower() == ".wps":
        kind = "wps"
    if kind is None and _xml_size(path) > MAX_TEMPLATE_XML:
        kind = "too_big"
    if kind is None:
        try:
            return tuple(_content_problems(name, Document(name)))
        except BROKEN:
            kind = "broken"
    return (Problem(name, FORMATS[kind]),)


def _xml_size(path: Path) -> int:
    """Bytes of XML in the template (as inflated: docx_kind has checked what the zip declares)."""
    with zipfile.ZipFile(path) as archive:
        return sum(i.file_size for i in archive.infolist() if not OPAQUE.match(i.filename))


def _content_problems(name: str, doc) -> list[Problem]:
    """The faults of the tags in document order (broken tags first in a paragraph), names the
    template uses that reportgen does not supply (listed once), the tags every document needs,
    then styles."""
    reading = read_tags(doc)
    if sum(len(t.text) for _, tags in reading.parts for t in tags) > MAX_TAGS:
        return [Problem(name, f"模板中的标签共超过 {MAX_TAGS:,} 个字符（模板通常只有几十个标签）："
                              "请减少或简化标签")]
    found = [(f.order, Problem(name, f.message, path=_at(f.where, f.text))) for f in reading.flaws]
    foreign: list[tuple[Unknown, Tag]] = []
    used: set[str] = set()
    for _, tags in reading.parts:
        found += _tag_problems(name, tags, foreign, used)
    problems = [p for _, p in sorted(found, key=lambda f: f[0])]
    problems += _foreign_problems(name, foreign) + _missing_tags(name, used) + _style_problems(name, doc)
    return (problems + _link_problems(name)) or _docxtpl_problems(name, doc)


def _link_problems(name: str) -> list[Problem]:
    """Each picture, template, object or field the template links to outside itself."""
    with zipfile.ZipFile(name) as archive:
        links = external_links(archive)
    return [Problem(name, f"{link.kind}指向外部的“{link.target}”：生成的每份文档都会带上它，收到的人"
                          f"用 Word 打开时会去读取（可能泄露本机或网络信息）；{link.fix}", path=link.where)
            for link in links]


def _tag_problems(name: str, tags: list[Tag], foreign: list[tuple[Unknown, Tag]], used: set[str]
                  ) -> list[tuple[int, Problem]]:
    """Syntax errors, docxtpl tags reportgen refuses, and names the Outline lacks that are close
    to one it has, of the tags of one part, with their order. Other unknown names go to
    ``foreign``, the names the tags use to ``used``."""
    found: list[tuple[int, str]] = []
    texts = [t.text for t in tags]
    for i, tag in enumerate(tags):
        refusal, source = docxtpl_tag(tag.text, "表格" in tag.where)
        if refusal:
            found.append((i, refusal))
        if source is not None:
            texts[i] = source
    # One tag per line, so a line number names a tag: a line break inside one would shift them.
    sources = [source.replace("\n", " ") for source in jinja_tags(texts)]
    syntax, tree = tag_syntax_problems(sources)
    used.update(used_names(tree))
    found += syntax
    for unknown in unknown_names(tree, template_names()):
        message = _unknown_message(unknown)
        if message:
            found.append((unknown.line - 1, message))
        else:
            foreign.append((unknown, tags[unknown.line - 1]))
    return [(tags[i].order, Problem(name, message, path=_at(tags[i].where, tags[i].text)))
            for i, message in sorted(found, key=lambda f: f[0])]


def _unknown_message(unknown: Unknown) -> str | None:
    """An unknown filter or test; a name with the nearest one there is (by its last part); None
    for a name close to none, which is listed with the others (``_foreign_problems``)."""
    if unknown.kind != "name":
        return f"没有名为“{unknown.path}”的{'过滤器' if unknown.kind == 'filter' else '测试'}"
    by_last = {re.split(r"[.\[]", name)[-1]: name for name in unknown.available}
    last = re.split(r"[.\[]", unknown.path)[-1]
    close = difflib.get_close_matches(last, list(by_last), n=1, cutoff=0.6)
    if close:
        return f"变量“{unknown.path}”在模板数据中没有；是否想写“{by_last[close[0]]}”？"
    return None


def _foreign_problems(name: str, foreign: list[tuple[Unknown, Tag]]) -> list[Problem]:
    """One problem listing, once each, the names reportgen does not supply and where each is
    first used; with what there is instead when they are few, a hint when they are many."""
    first: dict[str, tuple[Unknown, Tag]] = {}
    for unknown, tag in sorted(foreign, key=lambda f: f[1].order):
        first.setdefault(unknown.path, (unknown, tag))
    if not first:
        return []
    many = len(first) >= FOREIGN_HINT
    shown = "、".join(f"{path}（{tag.where}" + ("" if many or not unknown.available else
                                                 f"；可用：{'、'.join(unknown.available)}") + "）"
                     for path, (unknown, tag) in first.items())
    message = f"模板用到 {len(first)} 个 reportgen 不提供的名称：{shown}"
    if many:
        message += "。这个模板可能是为别的程序写的：可用 reportgen templates adopt 把它改成 reportgen 的模板"
    return [Problem(name, message)]


def _missing_tags(name: str, used: set[str]) -> list[Problem]:
    """The tags every document needs (its title and body), when the template has none of them."""
    return [Problem(name, f"模板中没有{what}的标签（{tag}）：生成的文档会没有{what}")
            for needed, what, tag in REQUIRED_TAGS if needed not in used]


def _style_problems(name: str, doc) -> list[Problem]:
    """Each style reportgen needs that the template lacks; many of them in one problem."""
    have = {(s.name, s.type) for s in doc.styles}
    missing = [(kind, shown, role) for style, kind, shown, role in NEEDED_STYLES
               if (style, kind) not in have]
    if len(missing) > MANY_STYLES:
        return [Problem(name, f"缺少 reportgen 需要的 {len(missing)} 个样式："
                              f"{'、'.join(shown for _, shown, _ in missing)}：可用 reportgen templates "
                              "adopt 把这个模板改成 reportgen 的模板（缺少的样式从内置模板复制）", path="样式")]
    return [Problem(name, f"缺少{STYLE_KINDS[kind]}“{shown}”（用于{role}）：请从导出的内置模板中"
                          "复制这个样式，或在 Word 中新建同名样式", path="样式")
            for kind, shown, role in missing]


def _docxtpl_problems(name: str, doc) -> list[Problem]:
    """The template parsed as docxtpl renders it; an error here is one the finer checks missed."""
    for part, source in jinja_sources(doc):
        try:
            template_environment().parse(source)
        except TemplateSyntaxError as exc:
            lines = source.splitlines()
            near = lines[min(max((exc.lineno or 1) - 1, 0), len(lines) - 1)] if lines else ""
            text = re.sub(r"<[^>]*>", "", near)[:30]
            return [Problem(name, f"模板无法使用（{exc.message}）", path=_at(part, text))]
    return []


def _at(where: str, text: str) -> str:
    return f"{where}「{text}」" if text else where
