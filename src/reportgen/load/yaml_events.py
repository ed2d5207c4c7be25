"""The quick way to read the YAML most files hold: libyaml's events turned straight into data.

A file of plain mappings, lists and scalars (no anchor, alias, explicit tag or merge key, no
duplicate key, no Tab, within its limits, one document) is read here in one pass over libyaml's
events, with the data and the positions that composing it (yaml_limits.py) and building it
(yaml_file.py) give, without making a node for each value. Anything else makes ``quick_read``
return None, and the file is read the full way, which keeps every limit and words every problem.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..chinese.written_numbers import prints_as_written
from .line_folding import unfold
from .located_data import Where
from .yaml_limits import MAX_DEPTH, NOT_IN_XML, READ_AS, CParser, Limits, Loader, ResolvedTags

TEXT = "tag:yaml.org,2002:str"  # read as written, as SafeConstructor reads it
SCALAR, MAPPING, SEQUENCE = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent


class _Unusual(Exception):
    """The file holds something only the full reader reads (or refuses) as it should."""


def finished(value: Any, raw: str, style: str | None, start: yaml.Mark, end: yaml.Mark,
             text: str) -> Any:
    """A scalar's value as reportgen keeps it: text folded over lines joined without YAML's space
    between Chinese characters, a number that would not print as written (1.50, -0) kept as text."""
    if isinstance(value, str) and style != "|" and end.line > start.line:
        return unfold(value, text[start.index:end.index])
    if type(value) in (int, float) and not prints_as_written(value, raw):
        return raw
    return value


def quick_read(name: str, text: str, limits: Limits) -> tuple[Any, dict[tuple, Where]] | None:
    """The data of ``text`` and where each key and item was written; None if it needs the full reader."""
    if CParser is None or "\t" in text:
        return None
    reader = _EventReader(name, text, limits)
    try:
        return reader.read()
    except (_Unusual, yaml.YAMLError, RecursionError):
        return None
    finally:
        reader.parser.dispose()


class _EventReader:
    """One pass over the events of one file, counting items and characters as the full reader does."""

    def __init__(self, name: str, text: str, limits: Limits):
        self.name, self.text, self.limits = name, text, limits
        self.parser = CParser(text)
        self.next = self.parser.get_event
        self.positions: dict[tuple, Where] = {(): Where(name, 1, 1)}
        self.items = self.chars = self.depth = 0
        self.tags = ResolvedTags(Loader("").resolve)

    def read(self) -> tuple[Any, dict[tuple, Where]]:
        self._expect(yaml.StreamStartEvent)
        self._expect(yaml.DocumentStartEvent)
        data = self.value(self.next(), ())
        self._expect(yaml.DocumentEndEvent)
        self._expect(yaml.StreamEndEvent)  # a second document is the full reader's to refuse
        return data, self.positions

    def _expect(self, kind: type) -> None:
        if type(self.next()) is not kind:
            raise _Unusual

    def value(self, event: yaml.Event, path: tuple) -> Any:
        kind = type(event)
        if kind is SCALAR:
            return self.scalar(event)
        if kind not in (MAPPING, SEQUENCE) or event.anchor is not None or event.tag is not None:
            raise _Unusual  # an alias, an anchor, a tag
        self.depth += 1
        if self.depth >= MAX_DEPTH:
            raise _Unusual
        found = self.mapping(path) if kind is MAPPING else self.sequence(path)
        self.depth -= 1
        self._count(1, 0)
        return found

    def mapping(self, path: tuple) -> dict:
        result: dict = {}
        while type(event := self.next()) is not yaml.MappingEndEvent:
            key, _ = self.plain(event)  # a list or mapping as a key is refused there
            if key in result:
                raise _Unusual  # the full reader names both places
            start = event.start_mark
            self.positions[path + (key,)] = Where(self.name, start.line + 1, start.column + 1)
            result[key] = self.value(self.next(), path + (key,))
        return result

    def sequence(self, path: tuple) -> list:
        result: list = []
        while type(event := self.next()) is not yaml.SequenceEndEvent:
            start, item = event.start_mark, path + (len(result),)
            self.positions[item] = Where(self.name, start.line + 1, start.column + 1)
            result.append(self.value(event, item))
        return result

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        raw, tag = self.plain(event)
        if tag == TEXT:
            value = raw
        else:
            pattern, read = READ_AS[tag]
            if not pattern.fullmatch(raw):
                raise _Unusual
            value = read(raw)
        return finished(value, raw, event.style, event.start_mark, event.end_mark, self.text)

    def plain(self, event: yaml.Event) -> tuple[str, str]:
        """A scalar's text and the tag it resolves to, counted; anything unusual refused."""
        if type(event) is not SCALAR or event.anchor is not None or event.tag is not None:
            raise _Unusual
        raw = event.value
        self._count(1, len(raw))
        if NOT_IN_XML.search(raw):
            raise _Unusual
        tag = self.tags(raw, event.implicit)
        if tag != TEXT and tag not in READ_AS:
            raise _Unusual  # a merge key (<<)
        return raw, tag

    def _count(self, items: int, chars: int) -> None:
        self.items += items
        self.chars += chars
        if self.items > self.limits.items or self.chars > self.limits.size:
            raise _Unusual
