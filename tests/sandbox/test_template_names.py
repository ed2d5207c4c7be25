"""The names a Word template's tags use, checked without data against what the data holds."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

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


@dataclass
class Fields:
    """A shape of known members, and of list items (as the outline's dataclasses give)."""

    names: dict
    items: Fields | None = None

    def member(self, key):
        return self.items if isinstance(key, int) else self.names.get(key)

    def element(self):
        return self.items

    def members(self):
        return list(self.names)


BODY = Fields({"count": ANYTHING}, items=Fields({"title": ANYTHING, "text": ANYTHING}))
TITLE = ["b.title", "b.text"]


@pytest.mark.parametrize(("tags", "found"), [
    (["{% for b in body if b.titel %}", "{% endfor %}"], [Unknown(1, "b.titel", TITLE)]),
    (["{% for b in body %}", "{{ b['titel'] }}{{ b.title }}", "{% endfor %}"], [Unknown(2, "b.titel", TITLE)]),
    (["{% for b in body %}", "{% else %}", "{{ b.title }}", "{% endfor %}"], [Unknown(3, "b", ["body"])]),
    (["{{ body[0].titel }}{{ body.cnt }}"],
     [Unknown(1, "body[0].titel", ["body[0].title", "body[0].text"]), Unknown(1, "body.cnt", ["body.count"])]),
    (["{% for i, b in body %}", "{{ b.any }}{{ i.any }}", "{% endfor %}"], []),
    (["{% for b in body %}", "{{ body[loop.index].any }}{{ (b | first).any }}", "{% endfor %}"], []),
    (["{% for b in nobody %}", "{{ b.any }}", "{% endfor %}"], [Unknown(1, "nobody", ["body"])]),
])
def test_names_are_checked_against_what_each_holds(tags, found):
    assert unknown(*tags, body=BODY) == found
