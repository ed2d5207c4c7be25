"""The names a Word template uses, checked against the data it will be filled with.

jinja2's syntax tree, walked without data; beside environments.py (which owns the environments)
and tag_syntax.py (which repairs the tags this walks) so that each stays small.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from jinja2 import meta, nodes
from jinja2.runtime import LoopContext

from .environments import template_environment

LOOP_ATTRIBUTES = sorted(n for n in dir(LoopContext) if not n.startswith("_"))


class Shape(Protocol):
    """What a template name holds, for checking the names a template uses without data."""

    def member(self, key: str | int) -> Shape | None:
        """The shape of ``name.key`` or ``name[key]``; None when there is no such member."""

    def element(self) -> Shape:
        """The shape of what ``{% for x in name %}`` gives ``x``."""

    def members(self) -> list[str]:
        """The members to suggest when one is misspelt."""


class _Anything:
    """A value whose members are not known (set in the template, a filter's result): not checked."""

    def member(self, key: str | int) -> Shape:
        return self

    def element(self) -> Shape:
        return self

    def members(self) -> list[str]:
        return []


class _Loop(_Anything):
    """``loop`` inside a for: loop.index, loop.first …"""

    def member(self, key: str | int) -> Shape | None:
        return ANYTHING if key in LOOP_ATTRIBUTES else None

    def members(self) -> list[str]:
        return LOOP_ATTRIBUTES


ANYTHING = _Anything()


@dataclass(frozen=True)
class Unknown:
    """A name a template uses that is not there: its line, dotted path and the choices.

    ``kind`` is name (a value of the data), or test (Jinja's ``x is t``, which Jinja itself only
    checks when the tag runs if it is inside an if; a filter is checked before, by limits.py).
    """

    line: int
    path: str
    available: list[str]
    kind: str = "name"


def unknown_names(tree: nodes.Template, names: dict[str, Shape]) -> list[Unknown]:
    """Every name in ``tree`` that ``names`` does not provide.

    ``tree`` holds only the syntax limits.py allows, as tag_syntax_problems returns it (refused
    tags repaired): only a for binds names, no set, macro, call or with. ``b.titel`` inside
    ``{% for b in body %}`` is checked against what ``body`` holds.
    """
    found: list[Unknown] = []
    scope = {**dict.fromkeys(template_environment().globals, ANYTHING), **names}
    walk = _NameWalk(found, set(template_environment().globals))
    walk.body(tree.body, scope)
    return found


def used_names(tree: nodes.Template) -> set[str]:
    """The top-level names ``tree`` reads from the data (``body`` for ``{% for b in body %}``)."""
    return meta.find_undeclared_variables(tree)


@dataclass
class _NameWalk:
    found: list[Unknown]
    globals: set[str]

    def body(self, body: list[nodes.Node], scope: dict) -> None:
        for node in body:
            self.node(node, scope)

    def node(self, node: nodes.Node, scope: dict) -> None:
        if isinstance(node, nodes.Expr):
            self.shape(node, scope)
        elif isinstance(node, nodes.For):
            self.loop(node, scope)
        else:
            self.body(list(node.iter_child_nodes()), scope)

    def loop(self, node: nodes.For, scope: dict) -> None:
        items = self.shape(node.iter, scope) or ANYTHING
        inner = {**scope, "loop": _Loop()}
        _bind(node.target, items.element() if isinstance(node.target, nodes.Name) else ANYTHING,
              inner)
        self.body([node.test] if node.test else [], inner)
        self.body(node.body, inner)
        self.body(node.else_, scope)

    def shape(self, node: nodes.Expr, scope: dict) -> Shape | None:
        """What ``node`` holds, noting every unknown name on the way; None after one."""
        if isinstance(node, nodes.Name):
            if node.name not in scope:
                names = [k for k in scope if k not in self.globals]
                self.found.append(Unknown(node.lineno, node.name, names))
            return scope.get(node.name)
        key = _key(node)
        if key is None:
            self.operation(node)
            self.body(list(node.iter_child_nodes()), scope)
            return ANYTHING
        owner = self.shape(node.node, scope)
        member = owner.member(key) if owner is not None else ANYTHING
        if member is None:
            prefix = _path(node.node)
            self.found.append(Unknown(node.lineno, _path(node),
                                      [f"{prefix}.{m}" for m in owner.members()]))
        return member

    def operation(self, node: nodes.Expr) -> None:
        """A test must be one the environment has (the tree's filters all are: limits.check)."""
        known = template_environment().tests
        if isinstance(node, nodes.Test) and node.name not in known:
            self.found.append(Unknown(node.lineno, node.name, sorted(known), "test"))


def _key(node: nodes.Expr) -> str | int | None:
    """The member ``node`` reads: ``x.key`` or ``x['key']``/``x[0]``; None for other expressions."""
    if isinstance(node, nodes.Getattr):
        return node.attr
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) \
            and isinstance(node.arg.value, (str, int)):
        return node.arg.value
    return None


def _path(node: nodes.Expr) -> str:
    """``b.table.title`` as written (``r[0]`` for an index), for messages."""
    if isinstance(node, nodes.Name):
        return node.name
    key = _key(node)
    if key is None:
        return "…"
    return f"{_path(node.node)}[{key}]" if isinstance(key, int) else f"{_path(node.node)}.{key}"


def _bind(target: nodes.Node, shape: Shape, scope: dict) -> None:
    """Names a for assigns (``x``, ``i, b``) take ``shape``."""
    if isinstance(target, nodes.Name):
        scope[target.name] = shape
    for child in target.iter_child_nodes():
        _bind(child, ANYTHING, scope)
