"""Stage 1: read a YAML file into plain data, remembering where every key and item was written.

A file may extend another (``extends``/``继承``); ``load_yaml`` resolves the chain with
``inherit.resolve_extends``. This is the only module that parses or writes YAML text.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem, ReportgenError
from .extends import resolve_extends
from .located_data import Source, Where
from .text_file import clean, decode, read_bytes, refuse_too_big
from .written_paths import project_of
from .yaml_errors import syntax_problem
from .yaml_events import TEXT, finished, quick_read
from .yaml_limits import READ_AS, Limits, Loader, Refused, compose

# Real documents are under 100 KB with a few thousand items; real unit lists have tens of
# thousands of rows, usually in a workbook. Beyond these a file is a mistake or an attack.
DOCUMENT = Limits(1_000_000, 50_000, "一份文档用不了这么多内容，请检查是否选错了文件")
UNIT_LIST = Limits(8_000_000, 1_000_000, "名单很大时请用 .xlsx 或 .csv 文件")
NOT_A_MAPPING = "文件的顶层应是“键: 值”形式的映射（例如“标题: ……”）"
NOT_A_LIST = "文件的顶层应是列表，每个单位一项（以“- ”开头）"
PLAIN_TAGS = {
    f"tag:yaml.org,2002:{t}" for t in ("map", "seq", "str", "int", "float", "bool", "null", "merge")
}


def load_yaml(path: str | Path, project: str | Path | None = None) -> Source:
    """Read ``path`` and the files it extends, merged; raise ReportgenError listing every problem.

    Paths written in the files must stay in ``project`` (default: ``path``'s folder; load/written_paths.py).
    """
    source = replace(read_yaml(path), project=project_of(path, project))
    return resolve_extends(source, read_yaml)


def read_yaml(path: str | Path) -> Source:
    """Read, decode, clean and parse the one file ``path`` (its ``extends`` key left as written)."""
    return _load(Path(path), DOCUMENT, dict, NOT_A_MAPPING)


def load_rows(path: str | Path) -> Source:
    """Like load_yaml, for a file holding a list (of units) instead of a mapping."""
    return _load(Path(path), UNIT_LIST, list, NOT_A_LIST)


def read_yaml_text(name: str, text: str, folder: Path) -> Source:
    """Like read_yaml, for YAML text not yet written to a file (``name``, in ``folder``), within
    the same limits (a file larger than read_yaml reads is refused)."""
    size = len(text.encode("utf-8"))
    if size > DOCUMENT.size:
        refuse_too_big(name, size, DOCUMENT)
    return _parse(name, clean(name, text), DOCUMENT, dict, NOT_A_MAPPING, folder)


def _load(path: Path, limits: Limits, kind: type, wrong_kind: str) -> Source:
    name = str(path)
    text = clean(name, decode(name, read_bytes(path, limits)))
    return _parse(name, text, limits, kind, wrong_kind, path.resolve().parent)


def _parse(name: str, text: str, limits: Limits, kind: type, wrong_kind: str,
           folder: Path) -> Source:
    """The quick reader's data (yaml_events.py) where it reads the file, else the full reader's."""
    found = quick_read(name, text, limits) or read_fully(name, text, limits, wrong_kind)
    if not isinstance(found[0], kind):
        raise ReportgenError(Problem(name, wrong_kind, 1, 1))
    return Source(name, *found, folder)


def read_fully(name: str, text: str, limits: Limits, wrong_kind: str = NOT_A_MAPPING
               ) -> tuple[Any, dict[tuple, Where]]:
    """``text``'s data and positions, composed node by node within ``limits``; every problem of
    the file raised together (ReportgenError). ``wrong_kind`` is the message for an empty file."""
    node = _compose(name, text, limits)
    if node is None:
        raise ReportgenError(Problem(name, wrong_kind, 1, 1))
    builder = _Builder(name, text)
    data = builder.build(node, ())
    if builder.problems:
        raise ReportgenError(builder.problems)
    return data, builder.positions


def _compose(name: str, text: str, limits: Limits) -> yaml.Node | None:
    try:
        return compose(text, limits)
    except Refused as exc:
        mark = exc.problem_mark
        raise ReportgenError(Problem(name, exc.problem, mark.line + 1, mark.column + 1)) from None
    except yaml.MarkedYAMLError as exc:
        raise ReportgenError(syntax_problem(name, text, exc)) from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses, such as U+0080
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - text.rfind("\n", 0, exc.position)
        raise ReportgenError(Problem(
            name, f"YAML 格式错误：不能使用的控制字符 U+{exc.character:04X}（看不见），请删除它", line, col)) from None
    except yaml.YAMLError:
        raise ReportgenError(Problem(name, "YAML 格式错误：文件无法读取，请检查缩进、冒号和引号")) from None


class _Builder:
    """Turns composed YAML nodes into dicts, lists and scalars, recording positions and problems."""

    def __init__(self, name: str, text: str):
        self.name, self.text = name, text
        self.positions: dict[tuple, Where] = {(): Where(name, 1, 1)}
        self.problems: list[Problem] = []
        self.constructor = Loader("")

    def build(self, node: yaml.Node, path: tuple) -> Any:
        if node.tag not in PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problems.append(self._at(
                node, f"不支持的 YAML 标签“{tag}”（reportgen 只读取文本、数字、列表和映射）"))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self._item(child, path + (i,)) for i, child in enumerate(node.value)]
        try:
            value = node.value if node.tag == TEXT else self._scalar(node)
        except (ValueError, KeyError):  # a value its explicit tag cannot read: !!int abc
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problems.append(self._at(node, f"“{node.value}”不能按标签“{tag}”读取"
                                                f"（删去“{tag}”即按文字读取）"))
            return None
        return finished(value, node.value, node.style, node.start_mark, node.end_mark, self.text)

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        """A number, true/false or null: read directly where it looks as IMPLICIT says (most
        do), else by the constructor (an explicit tag: !!int 0x10)."""
        pattern, read = READ_AS.get(node.tag, (None, None))
        if pattern is not None and pattern.fullmatch(node.value):
            return read(node.value)
        return self.constructor.construct_object(node)

    def _item(self, node: yaml.Node, path: tuple) -> Any:
        self.positions[path] = Where(self.name, *_pos(node))
        return self.build(node, path)

    def _mapping(self, node: yaml.MappingNode, path: tuple) -> dict:
        try:
            self.constructor.flatten_mapping(node)
        except yaml.constructor.ConstructorError as exc:
            self.problems.append(Problem(self.name, "“<<”合并的应是映射或映射的列表（如 <<: *默认值）",
                                         exc.problem_mark.line + 1, exc.problem_mark.column + 1))
            return {}
        result: dict = {}
        for key_node, value_node in node.value:
            key = self._key(key_node, path)
            if key in result:
                self.problems.append(self._at(key_node, f"键“{key}”重复出现（第 "
                                              f"{self.positions[path + (key,)].line} 行已写过）"))
                continue
            self.positions[path + (key,)] = Where(self.name, *_pos(key_node))
            result[key] = self.build(value_node, path + (key,))
        return result

    def _key(self, node: yaml.Node, path: tuple) -> str:
        """A key as written (010 stays 010, yes stays yes); a list or mapping as a key is refused."""
        if not (isinstance(node, yaml.ScalarNode) and node.tag == TEXT):  # text keys cannot be at fault
            self.build(node, path)
        if not isinstance(node, yaml.ScalarNode):
            self.problems.append(self._at(node, "键应是文字，不能是列表或映射"))
            return ""
        return node.value

    def _at(self, node: yaml.Node, message: str) -> Problem:
        return Problem(self.name, message, *_pos(node))


class _Dumper(yaml.SafeDumper):
    """Writes dates unquoted, as reportgen reads them (as text), and indents list items."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    """Text of several lines as a ``|`` block, as a user writes paragraphs."""
    style = "|" if "\n" in text.strip() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.yaml_implicit_resolvers = Loader.yaml_implicit_resolvers
_Dumper.add_representer(str, _text)


def dump_yaml(data: dict) -> str:
    """``data`` as block-style YAML text, keys in their order, Chinese written as is."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1000)


def _pos(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)
