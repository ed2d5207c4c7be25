"""The YAML loader and the limits it keeps while composing a file from elsewhere.

Beside yaml_file.py, the only other module that imports yaml. A file received by email may be built
to exhaust the reader: aliases that expand a few lines into billions of items (a "billion laughs"
file), a long text aliased thousands of times, an alias inside its own anchor, ten thousand nested
``[``. The composer counts every item and every character as they would be after expanding
aliases, and stops at the first alias, item or level past a limit, so such a file costs
milliseconds and gets a located message, never a RecursionError or a MemoryError. Aliases may
not make a file hold more characters than its size limit in bytes allows a file to hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

MAX_DEPTH = 50  # levels of nesting; a real document has about 10
MAX_ALIASED = 100_000  # items that aliases (*别名) may add to a file, in total
RESOLVED = 4096  # short scalars whose tags one file's reading remembers
# What an escape ("\0", "\a", "\ud800") may put in a text that no .docx can hold.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class Limits:
    """How large one kind of YAML file may be: bytes as written, items after expanding aliases."""

    size: int
    items: int
    hint: str  # what to do instead, when a file is over a limit


class Refused(yaml.MarkedYAMLError):
    """The file is over a limit; ``problem`` says which, in Chinese, and ``problem_mark`` where."""

    def __init__(self, message: str, mark: yaml.Mark):
        super().__init__(problem=message, problem_mark=mark)


class ResolvedTags:
    """The tag a plain or quoted scalar resolves to, by ``resolve`` (a Resolver's); short ones
    (keys, names, numbers, which a unit list repeats thousands of times) resolved once per file's
    reading, at most RESOLVED of them remembered."""

    def __init__(self, resolve):
        self.resolve, self.known = resolve, {}

    def __call__(self, value: str, implicit: tuple[bool, bool]) -> str:
        if len(value) > 64:
            return self.resolve(yaml.ScalarNode, value, implicit)
        found = self.known.get((value, implicit))
        if found is None:
            if len(self.known) >= RESOLVED:
                self.known.clear()
            found = self.known[value, implicit] = self.resolve(yaml.ScalarNode, value, implicit)
        return found


class _Guarded(yaml.composer.Composer):
    """A composer that refuses aliases that refer to themselves, nesting past MAX_DEPTH and more
    than ``limits.items`` items, whichever parser gives it the events."""

    limits = Limits(10**6, 50_000, "")

    def get_single_node(self) -> yaml.Node | None:
        """The one document of the stream; a second one (after "---") is refused where it starts."""
        self.get_event()
        document = None if self.check_event(yaml.StreamEndEvent) else self.compose_document()
        if not self.check_event(yaml.StreamEndEvent):
            raise Refused("YAML 格式错误：文件中只能有一个文档，请删除这里的“---”（或把其后的内容并入前面）",
                          self.peek_event().start_mark)
        self.get_event()
        return document

    def compose_document(self) -> yaml.Node:
        self.open_anchors: list[str | None] = []
        self.sizes: dict[int, tuple[int, int]] = {}
        self.items = self.aliased = self.chars = 0
        self.resolved = ResolvedTags(self.resolve)
        return super().compose_document()

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            return self._alias(event, parent, index)
        self._within_depth(event)
        if isinstance(event, yaml.ScalarEvent) and event.anchor is None:
            return self._scalar(self.get_event())
        if event.anchor in self.anchors:
            raise Refused(f"“&{event.anchor}”重复：第 {self.anchors[event.anchor].start_mark.line + 1} "
                          "行已有同名的“&”锚点，请换一个名字", event.start_mark)
        before = (self.items, self.chars)
        self.open_anchors.append(getattr(event, "anchor", None))
        try:
            node = super().compose_node(parent, index)
        finally:
            self.open_anchors.pop()
        if isinstance(node, yaml.ScalarNode):
            self._text(node)
        self._count(1, node.start_mark)
        self.sizes[id(node)] = (self.items - before[0], self.chars - before[1])
        return node

    def _within_depth(self, event: yaml.Event) -> None:
        if len(self.open_anchors) >= MAX_DEPTH:
            raise Refused(f"嵌套超过 {MAX_DEPTH} 层：请检查缩进，以及“[”“{{”是否各有配对的“]”“}}”",
                          event.start_mark)

    def _scalar(self, event: yaml.ScalarEvent) -> yaml.ScalarNode:
        """A scalar without an anchor, as Composer.compose_scalar_node makes it, counted; the
        most common node by far, made without the steps an anchor or a collection needs. A
        scalar far from every limit is counted in place; near one, by _text and _count, which
        say which limit it passes."""
        tag, value = event.tag, event.value
        if tag is None or tag == "!":
            tag = self.resolved(value, event.implicit)
        node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, style=event.style)
        items, chars = self.items + 1, self.chars + len(value)
        if items <= self.limits.items and chars <= self.limits.size and not NOT_IN_XML.search(value):
            self.items, self.chars = items, chars
            return node
        self._text(node)
        self._count(1, node.start_mark)
        return node

    def _text(self, node: yaml.ScalarNode) -> None:
        """Count the characters of ``node``; refuse one an escape made that no .docx can hold."""
        self._count(0, node.start_mark, len(node.value))
        found = NOT_IN_XML.search(node.value)
        if found:
            code = ord(found.group())
            what = "（半个代理对，来自“\\ud800”这样的转义）" if 0xD800 <= code <= 0xDFFF else "（来自转义）"
            raise Refused(f"文字中有不能用的字符 U+{code:04X}{what}，Word 文档中不能有：请删除它",
                          node.start_mark)

    def _alias(self, event: yaml.AliasEvent, parent: yaml.Node | None, index: object) -> yaml.Node:
        """The anchored node, refused if it contains this alias or expands past the limits."""
        if event.anchor in self.open_anchors:
            raise Refused(f"“*{event.anchor}”在“&{event.anchor}”自身之内，引用了它自己（循环引用）",
                          event.start_mark)
        if event.anchor not in self.anchors:
            raise Refused(f"“*{event.anchor}”没有对应的“&{event.anchor}”：引用之前要先用"
                          f"“&{event.anchor}”标出被引用的内容", event.start_mark)
        node = super().compose_node(parent, index)
        size, chars = self.sizes.get(id(node), (1, 0))
        self.aliased += size
        if self.aliased > MAX_ALIASED:
            raise Refused(f"“*{event.anchor}”等引用展开后重复了超过 {MAX_ALIASED:,} 项：请不要用"
                          "“&锚点”和“*别名”大量重复内容（这样的文件可能是恶意构造的）",
                          event.start_mark)
        self._count(size, event.start_mark, chars)
        return node

    def _count(self, added: int, mark: yaml.Mark, chars: int = 0) -> None:
        self.items += added
        self.chars += chars
        if self.items > self.limits.items:
            raise Refused(f"文件中的项过多：超过 {self.limits.items:,} 项（含“*别名”引用展开的项）；"
                          f"{self.limits.hint}", mark)
        if self.chars > self.limits.size:
            raise Refused(f"“*别名”引用展开后文字超过 {self.limits.size:,} 个字符：请不要用“&锚点”和"
                          "“*别名”大量重复长段文字（这样的文件可能是恶意构造的）", mark)


class Loader(_Guarded, yaml.SafeLoader):
    """SafeLoader that reads a scalar as what it looks like (IMPLICIT below; dates stay text, which
    reportgen parses with located errors), composing within the limits; all in Python."""


try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml: the Python reader alone
    CParser = None

if CParser is not None:
    class FastLoader(_Guarded, CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """The same loader with libyaml's parser (in C, about six times as fast): only the
        composing, which keeps the limits, is in Python. Its marks count characters, as the
        Python reader's do."""

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
else:
    FastLoader = None


# Scalars mean what they look like (docs/yaml-format.md): true/false, null and plain decimals
# are read as such; whatever else YAML 1.1 would turn into a number, a yes/no or a date (010,
# 0x10, 1_000, 8:30, .inf, yes, on, 2024-03-05, =) stays text as written.
IMPLICIT = (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^-?(?:0|[1-9][0-9]{0,38})$", "-0123456789"),
    ("float", r"^-?(?:0|[1-9][0-9]{0,38})\.[0-9]{1,38}$", "-0123456789"),
    ("merge", r"^<<$", "<"),
)
Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in IMPLICIT:
    Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))
# What a scalar of these tags that looks as IMPLICIT says is worth, as SafeConstructor reads it
# (a decimal is its digits, true/True/TRUE is True), made without the constructor's steps.
READ_AS = {f"tag:yaml.org,2002:{tag}": (re.compile(pattern), read) for (tag, pattern, _), read in zip(
    IMPLICIT[:4], (lambda v: v.lower() == "true", lambda v: None, int, float), strict=True)}
if FastLoader is not None:
    FastLoader.yaml_implicit_resolvers = Loader.yaml_implicit_resolvers


def compose(text: str, limits: Limits) -> yaml.Node | None:
    """The node tree of ``text``, within ``limits``; raises yaml.YAMLError (Refused when over).

    libyaml's parser composes where it is installed; a file it finds fault with is read again by
    the Python one, whose errors (and their positions) the Chinese messages are written for. So is
    a file with a Tab, which libyaml takes for a space after a colon where the Python reader
    (and so reportgen, everywhere else) refuses it.
    """
    if FastLoader is not None and "\t" not in text:
        try:
            return _composed(FastLoader(text), limits)
        except yaml.YAMLError:
            pass
    return _composed(Loader(text), limits)


def _composed(loader: _Guarded, limits: Limits) -> yaml.Node | None:
    loader.limits = limits
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()
