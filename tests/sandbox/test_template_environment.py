"""The environment Word templates are filled in: what its tags read from the outline reportgen made."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from jinja2 import TemplateError

from reportgen.sandbox.environments import template_environment


@dataclass
class Block:
    title: str


def test_tags_read_fields_loop_attributes_and_text_methods():
    template = template_environment().from_string(
        "{% for b in body %}{{ loop.index }}{{ b.title.strip() }}{% endfor %}")
    assert template.render(body=[Block(" 甲 "), Block("乙")]) == "1甲2乙"


def test_a_member_the_outline_lacks_is_a_template_error_the_build_reports():
    with pytest.raises(TemplateError) as failed:
        template_environment().from_string("{{ b.titel }}").render(b=Block("甲"))
    assert str(failed.value).endswith("Block object' has no attribute 'titel'")
