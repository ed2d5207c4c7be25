"""The syntax errors of a Word template's tags, each blamed on its tag and said in Chinese.

Each docxtpl tag is one line of a Jinja source, so a line number names a tag, which the template
check locates in the document. Beside environments.py, whose template environment parses them.
"""

from __future__ import annotations

import re

from jinja2 import TemplateSyntaxError, nodes

from .environments import TOO_DEEP, template_environment
from .limits import Refused

BLOCK_TAGS = ("for", "if", "macro", "call", "filter", "with", "set", "block", "raw", "autoescape")
NEUTRAL = {"for": "{% for _ in () %}", "if": "{% if 1 %}", "elif": "{% elif 1 %}",
           "else": "{% else %}", "with": "{% with %}", "filter": "{% filter string %}",
           "macro": "{% macro _() %}", "call": "{% call _() %}", "autoescape": "{% autoescape 1 %}"}


def tag_syntax_problems(tags: list[str]) -> tuple[list[tuple[int, str]], nodes.Template]:
    """Every syntax error of a sequence of tags as (tag index, message in Chinese), and the
    syntax tree of the tags repaired, so that the names in the rest can still be checked.

    Jinja stops at its first error; the faulty tag is repaired (a missing end tag added, a stray
    one dropped, a broken expression made neutral) and the source compiled again. The end tags
    missing at the end are added on a last line of their own, which no other repair replaces.
    """
    tags, found, env = [*tags, ""], [], template_environment()
    for _ in range(3 * len(tags) + 3):
        try:
            tree = env.parse("\n".join(tags))
            env.compile(tree)
            return found, tree
        except (TemplateSyntaxError, RecursionError) as exc:
            index, message, repairs = _locate(exc, tags)
            if all(tags[i] == text for i, text in repairs.items()):
                break
            found.append((index, message))
            for i, text in repairs.items():
                tags[i] = text
    return found, env.parse("")


def _locate(exc: TemplateSyntaxError | RecursionError, tags: list[str]) -> tuple[int, str, dict[int, str]]:
    """The tag at fault, what is wrong with it, and the repaired tags by index. Jinja's parser
    recurses once per bracket, so the tag with the most nested brackets is at fault for that."""
    if isinstance(exc, RecursionError):
        line = max(range(len(tags) - 1), key=lambda i: _bracket_depth(tags[i]))
        return line, TOO_DEEP.replace("占位符", "标签"), {line: _neutral(tags[line])}
    message = exc.message or ""
    line = min(max((exc.lineno or 1) - 1, 0), len(tags) - 2)
    if isinstance(exc, Refused):  # its message says 占位符 (placeholders share the refusals)
        return line, message.replace("占位符", "标签"), _without_refused(tags, line)
    innermost = re.search(r"innermost block that needs to be closed is '(\w+)'", message)
    unknown = re.match(r"Encountered unknown tag '(\w+)'", message)
    if message.startswith("Unexpected end of template") and innermost:
        return _unclosed(tags, len(tags), innermost.group(1))
    if unknown and innermost and unknown.group(1).removeprefix("end") in _open_blocks(tags, line):
        return _unclosed(tags, line, innermost.group(1))
    if unknown:
        return line, _unknown_tag(unknown.group(1)), {line: ""}
    return line, _expression_error(message), {line: _neutral(tags[line])}


def _without_refused(tags: list[str], line: int) -> dict[int, str]:
    """The tag at ``line`` made allowed: a refused block (macro, with …) becomes an if, its end
    tag an endif; any other tag becomes a neutral one of its kind."""
    word = _keyword(tags[line])
    if word not in BLOCK_TAGS or word in ("for", "if") or (word == "set" and "=" in tags[line]):
        return {line: _neutral(tags[line]) if word in ("for", "if") else ""}
    depth = 0
    for i in range(line + 1, len(tags)):
        for tag in re.finditer(r"\{%[-+]?\s*(\w+).*?%\}", tags[i], re.DOTALL):  # a repair may add one
            depth += {word: 1, f"end{word}": -1}.get(tag.group(1), 0)
            if depth < 0:
                return {line: "{% if 1 %}", i: tags[i][:tag.start()] + "{% endif %}" + tags[i][tag.end():]}
    return {line: ""}


def _unclosed(tags: list[str], end: int, block: str) -> tuple[int, str, dict[int, str]]:
    """A block opened before tag ``end`` and never closed: blamed on its opener (or the tag before
    ``end``, the last of the user's), closed at ``end`` (after the last line when past it)."""
    opener = next((i for i, k in reversed(_open_stack(tags[:end])) if k == block), min(end, len(tags) - 1) - 1)
    close = f"{{% end{block} %}}"
    repair = {end: close + tags[end]} if end < len(tags) else {end - 1: tags[end - 1] + close}
    return opener, f"这个 {block} 没有结束：缺少与它配对的 end{block}", repair


def _bracket_depth(tag: str) -> int:
    depth = deepest = 0
    for char in tag:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


def _neutral(tag: str) -> str:
    """A valid tag of the same kind as ``tag``: the same loop variables for a for."""
    target = re.match(r"\{%[-+]?\s*for\s+([\w\s,]+?)\s+in\b", tag)
    if target:
        return f"{{% for {target.group(1)} in () %}}"
    return NEUTRAL.get(_keyword(tag), "")


def _open_blocks(tags: list[str], end: int) -> list[str]:
    return [keyword for _, keyword in _open_stack(tags[:end])]


def _open_stack(tags: list[str]) -> list[tuple[int, str]]:
    """Block tags opened and not yet closed, outermost first, as (tag index, keyword)."""
    stack: list[tuple[int, str]] = []
    for i, tag in enumerate(tags):
        word = _keyword(tag)
        if word in BLOCK_TAGS and not (word == "set" and "=" in tag):
            stack.append((i, word))
        elif word.startswith("end") and word[3:] in [k for _, k in stack]:
            while stack and stack.pop()[1] != word[3:]:
                pass
    return stack


def _keyword(tag: str) -> str:
    found = re.match(r"\{%[-+]?\s*(\w+)", tag)
    return found.group(1) if found else ""


def _unknown_tag(word: str) -> str:
    if word.startswith("end") and word[3:] in BLOCK_TAGS:
        return f"多余的 {word}：前面没有与它配对的 {word[3:]}"
    if word in ("else", "elif"):
        return f"{word} 前面没有与它配对的 if（或 for）"
    return f"不认识的标签“{word}”"


def _expression_error(message: str) -> str:
    """Jinja's message in Chinese (an unknown filter is Refused before Jinja compiles it)."""
    for pattern, chinese in (
            (r"No test named '(.+?)'", "没有名为“{}”的测试"),
            (r"expected token 'end of print statement', got '(.+?)'",
             "“{}”处有误：{{{{ }}}} 中只能写一个名称或表达式"),
            (r"unexpected '(end of (?:print )?statement(?: block)?)'", "表达式没有写完：运算符后缺少名称或数字"),
            (r"unexpected '(.+?)'", "多了一个“{}”"),
            (r"Expected an expression, got '(.+?)'", "缺少名称或表达式")):
        found = re.match(pattern, message)
        if found:
            return chinese.format(found.group(1))
    return f"标签写法有误（{message}）"
