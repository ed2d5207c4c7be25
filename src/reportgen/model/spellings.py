"""Every key's English and Chinese spellings, and the keys of a file beside the document's own."""

from __future__ import annotations

import functools

from .documents import Group, Leadership, Plan, Stage, Stages, Summary
from .placeholder_data import Metric, Unit
from .sections import Attachment, Item, Section
from .tables import Table

EXTENDS_KEYS = ("extends", "继承")  # the file this one extends, merged under it when loading
ROLLUP_KEYS = ("rollup", "汇总")  # a campaign file's 汇总 part, which batches build


@functools.cache
def english_to_chinese() -> dict[str, str]:
    """Every key's Chinese name by its English name, for messages about keys not written."""
    pairs: dict[str, str] = {}
    for model in (Item, Section, Table, Attachment, Metric, Unit, Stage, Stages, Group, Leadership,
                  Plan, Summary):
        for name, info in model.model_fields.items():
            english, chinese = info.validation_alias.choices
            pairs[name] = pairs[english] = chinese
    return pairs


@functools.cache
def other_spellings() -> dict[str, set[str]]:
    """Each key's other spellings: its Chinese name for an English one and the reverse."""
    others: dict[str, set[str]] = {}
    for english, chinese in english_to_chinese().items():
        others.setdefault(english, set()).add(chinese)
        others.setdefault(chinese, set()).add(english)
    return others
