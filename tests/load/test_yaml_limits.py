"""The two YAML readers (libyaml's parser and PyYAML's Python one) compose the same nodes."""

from __future__ import annotations

import pytest
import yaml
from helpers import ROOT

from reportgen.load import yaml_limits
from reportgen.load.text_file import clean, decode
from reportgen.load.yaml_file import DOCUMENT

SAMPLES = sorted((ROOT / "samples").rglob("*.yaml"))


def shape(node: yaml.Node) -> tuple:
    """What reportgen reads of a node: kind, tag, value, style and where it starts and ends."""
    if isinstance(node, yaml.ScalarNode):
        inner = node.value
    else:
        inner = [tuple(shape(n) for n in pair) if isinstance(pair, tuple) else shape(pair)
                 for pair in node.value]
    marks = [(m.line, m.column, m.index) for m in (node.start_mark, node.end_mark)]
    return type(node).__name__, node.tag, inner, getattr(node, "style", None) or None, marks


def test_pyyaml_here_has_libyaml():
    assert yaml_limits.FastLoader is not None


@pytest.mark.parametrize("path", SAMPLES, ids=[str(p.relative_to(ROOT)) for p in SAMPLES])
def test_both_readers_compose_the_same_nodes(path):
    text = clean(str(path), decode(str(path), path.read_bytes()))
    readers = [yaml_limits.FastLoader(text), yaml_limits.Loader(text)]
    for reader in readers:
        reader.limits = DOCUMENT
    fast, python = (shape(r.get_single_node()) for r in readers)
    assert fast == python
