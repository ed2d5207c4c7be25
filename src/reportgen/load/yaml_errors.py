"""YAML syntax errors in Chinese, on the line of the slip, with the advice that fits it.

PyYAML notices a slip where reading can no longer go on, often a line later and in terms of
tokens ("mapping values are not allowed here"). Office staff make a handful of slips: a
full-width colon or no space after the colon, a quote left open or followed by more text, a
Tab, a line or a list item at the wrong indent. Each ``_*_slip`` looks for one of them in the
lines PyYAML read for the failing construct and returns (line, column, advice), 0-based; the
first that finds one wins, and any other error gets a Chinese rendering of PyYAML's problem.
"""

from __future__ import annotations

import re

import yaml

from ..errors import Problem

PREFIX = "YAML 格式错误："
KEY = r"[^\s:：#'\"\-\[\]{}&*!|>%@`,][^\s:：#]{0,15}"  # a key as a clerk writes one, short
FULL_WIDTH_KEY = re.compile(rf"({KEY})：")
NO_SPACE_KEY = re.compile(rf"({KEY}):(?=[^\s/])")
PROPER_KEY = re.compile(r"^\s*(?:-\s+)?[^\s#][^#]*?:(?:\s|$)")
LEADING = re.compile(r"^(\s*)(?:-\s+)?")
QUOTES = "\"'"
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what ends a line for PyYAML's marks
BRACKETS = {"[": "方括号“[”", "{": "花括号“{”"}
CLOSING = {"[": "]", "{": "}"}
PROBLEMS = {  # PyYAML's problem (its start) → what to do, for errors no slip explains
    "found undefined alias": "找不到“*”所引用的“&”锚点，或值以“*”开头：请给这个值加引号",
    "found duplicate anchor": "同名的“&”锚点写了两次",
    "found unknown escape character": "双引号里的“\\”要写成“\\\\”，或改用单引号",
    "expected ',' or ']'": "方括号“[”缺少配对的“]”，或列表的各项之间缺少逗号",
    "expected ',' or '}'": "花括号“{”缺少配对的“}”，或各项之间缺少逗号",
    "expected alphabetic or numeric character": "以“&”或“*”开头的值要加引号",
    "found unexpected end of stream": "文件意外结束：请检查括号和引号是否配对",
    "mapping values are not allowed here": "文字中的“: ”应改为全角冒号“：”，或给整个值加上引号",
    "could not find expected ':'": "这一行缺少“键: 值”中的冒号；如果它是上一行文字的续行，要比上一行的键多缩进",
}


def syntax_problem(name: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """The located Chinese problem for the YAML syntax ``error`` in ``text``, whose lines are
    counted as PyYAML counts them (LINE_BREAK), so that its marks name them."""
    lines = LINE_BREAK.split(text)
    for slip in (_tab_slip, _quote_slip, _bracket_slip, _colon_slip, _item_slip, _indent_slip):
        found = slip(lines, error)
        if found:
            line, col, advice = found
            return Problem(name, PREFIX + advice, line + 1, col + 1)
    mark = error.problem_mark or error.context_mark
    if error.context_mark and not text[mark.index:].strip():  # at the end: where it began
        mark = error.context_mark
    where = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return Problem(name, PREFIX + _problem(error.problem or "", error.context or ""), *where)


def _problem(problem: str, context: str) -> str:
    for start, advice in PROBLEMS.items():
        if problem.startswith(start) or context.startswith(start):
            return advice
    found = re.match(r"found character '(.)' that cannot start any token", problem)
    if found:
        return f"“{found.group(1)}”不能放在值的开头，请给整个值加上引号"
    return "这里的写法无法读取，请检查这一行和上一行的缩进、冒号和引号"


def _span(lines: list[str], error: yaml.MarkedYAMLError) -> range:
    """The lines PyYAML read for the failing construct: back to the last line with a proper key."""
    end = min(error.problem_mark.line, len(lines) - 1)
    start = error.context_mark.line if error.context_mark else end
    while start > 0 and lines[start - 1].strip() and not PROPER_KEY.match(lines[start - 1]):
        start -= 1
    return range(min(start, end), end + 1)


def _tab_slip(lines: list[str], error: yaml.MarkedYAMLError):
    for n in _span(lines, error):
        indent = LEADING.match(lines[n]).group(0)
        if "\t" in indent:
            return n, indent.index("\t"), "不能用 Tab 键缩进，请改用空格"
    if "'\\t'" in (error.problem or ""):
        mark = error.problem_mark
        return mark.line, mark.column, "这里有一个 Tab 字符，请改为空格"
    return None


def _quote_slip(lines: list[str], error: yaml.MarkedYAMLError):
    context = error.context or ""
    if "quoted scalar" in context and error.context_mark:
        mark = error.context_mark
        quote = lines[mark.line][mark.column:mark.column + 1]
        return mark.line, mark.column, (f"引号没有配对：这里的“{quote}”之后再没有结束的“{quote}”；"
                                        "文字中的引号请用中文引号“”，或在值的末尾补上引号")
    mark = error.problem_mark
    before = lines[mark.line][:mark.column].rstrip() if mark.line < len(lines) else ""
    if before[-1:] in QUOTES and "found '<scalar>'" in (error.problem or ""):
        return mark.line, mark.column, ("以引号开头的值，结束的引号后面不能再有文字；"
                                        "文字中的引号请用中文引号“”，或给整个值加上单引号")
    return None


def _bracket_slip(lines: list[str], error: yaml.MarkedYAMLError):
    """A “[” or “{” never closed: PyYAML reads on to the end of the file and stops there."""
    if "flow" not in (error.context or "") or error.problem_mark.line < len(lines) - 2:
        return None
    opened: list[tuple[int, int, str]] = []
    for n, line in enumerate(lines):
        for col, char in enumerate(line):
            if char in "[{":
                opened.append((n, col, char))
            elif char in "]}" and opened:
                opened.pop()
    if not opened:
        return None
    n, col, char = opened[-1]
    return n, col, f"{BRACKETS[char]}缺少配对的“{CLOSING[char]}”，或各项之间缺少逗号"


def _colon_slip(lines: list[str], error: yaml.MarkedYAMLError):
    for n in _span(lines, error):
        if PROPER_KEY.match(lines[n]) or not _at_key_position(lines, n):
            continue
        start = LEADING.match(lines[n]).end()
        for pattern, slip in ((FULL_WIDTH_KEY, "”后面的冒号是全角的“：”"), (NO_SPACE_KEY, ":”的冒号后面缺少空格")):
            found = pattern.match(lines[n], start)
            if found:
                key = found.group(1)
                return n, found.end(1), (f"“{key}{slip}；键和值之间要写半角冒号加一个空格，"
                                         f"如“{key}: ……”")
    return None


def _at_key_position(lines: list[str], n: int) -> bool:
    """Line ``n`` starts a node, not a continuation: the nearest line above with a key opens a
    block (“键:” alone) or is no less indented."""
    for above in reversed(lines[:n]):
        if PROPER_KEY.match(above):
            return above.rstrip().endswith(":") or _indent(lines[n]) <= _indent(above)
    return True


def _item_slip(lines: list[str], error: yaml.MarkedYAMLError):
    problem, mark = error.problem or "", error.problem_mark
    if not re.search(r"found '(-|<block sequence start>)'|sequence entries", problem):
        return None
    line = lines[mark.line]
    column = len(line) - len(line.lstrip())
    for n in range(mark.line - 1, -1, -1):
        if lines[n].lstrip().startswith("- ") and _indent(lines[n]) != column:
            return mark.line, column, (f"列表项“- ”的缩进不对：同一列表的各项要对齐，"
                                       f"与第 {n + 1} 行的“- ”对齐（从第 {_indent(lines[n]) + 1} 列起）")
    return mark.line, column, "列表项“- ”的缩进不对：列表项要写在它所属的“键:”下面，缩进不少于这个键"


def _indent_slip(lines: list[str], error: yaml.MarkedYAMLError):
    mark = error.problem_mark
    if not (error.problem or "").startswith("mapping values") or mark.line == 0:
        return None
    above = next((n for n in range(mark.line - 1, -1, -1) if lines[n].strip()), None)
    deeper = _indent(lines[mark.line]) - _indent(lines[above]) if above is not None else 0
    if deeper <= 0 or not PROPER_KEY.match(lines[above]) or lines[above].rstrip().endswith(":"):
        return None
    return mark.line, _indent(lines[mark.line]), (
        f"这一行比第 {above + 1} 行多缩进了 {deeper} 格，被当成了上一行文字的续行："
        "同一层的键要左对齐；列表项要写在它所属的“键:”下面")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
