"""The names a Word template's tags use, checked without data against what the data holds."""

from __future__ import annotations

from reportgen.sandbox.environments import template_environment
from reportgen.sandbox.tag_syntax import tag_syntax_problems
from reportgen.sandbox.template_names import ANYTHING, LOOP_ATTRIBUTES, Unknown, unknown_names


def unknown(*tags: str, **names) -> list[Unknown]:
    """The unknown names of ``tags`` (one a line), as the template check reads them."""
    return unknown_names(tag_syntax_problems(list(tags))[1], names)


def test_loop_attributes_are_known_inside_a_for_and_a_misspelt_one_is_not():
    assert unknown("{% for b in body %}", "{{ loop.index }}{{ loop.indx }}", "{% endfor %}",
                   body=ANYTHING) == [Unknown(2, "loop.indx", [f"loop.{a}" for a in LOOP_ATTRIBUTES])]


def test_a_test_unknown_inside_an_if_is_found_without_data():
    assert unknown("{% if body is nosuch %}", "{% endif %}", body=ANYTHING) == [
        Unknown(1, "nosuch", sorted(template_environment().tests), "test")]
