"""The base of every YAML mapping: English and Chinese key names, unknown keys refused."""

from __future__ import annotations

import functools
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, model_validator


def key(en: str, zh: str, default: Any = None, **kw: Any) -> Any:
    """A field written in YAML as ``en`` or ``zh``."""
    return Field(default, validation_alias=AliasChoices(en, zh), title=zh, **kw)


class Node(BaseModel):
    """Base of every mapping in the file: unknown keys are errors, numbers are accepted as text."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _one_name_per_key(cls, data: Any) -> Any:
        """Rename a second spelling of the same key so it is reported, with the rest, as extra."""
        if not isinstance(data, dict):
            return data
        names = _spellings(cls)
        fields = [names[k] for k in data if k in names]
        if len(set(fields)) == len(fields):  # each key written once, as nearly always
            return data
        given: dict[str, list[str]] = {}
        for k in data:
            if k in names:
                given.setdefault(names[k], []).append(k)
        for first, second in (pair for pair in given.values() if len(pair) > 1):
            data = {(twice_marker(k, first) if k == second else k): v for k, v in data.items()}
        return data


@functools.cache
def _spellings(model: type[BaseModel]) -> dict[str, str]:
    """Each spelling of each key of ``model`` (English and Chinese), mapped to the field's name."""
    return {alias: name for name, info in model.model_fields.items()
            for alias in info.validation_alias.choices}


def spelling(mapping: Any, names: tuple[str, ...]) -> str | None:
    """The first of ``names`` (the spellings of one key) that ``mapping`` uses, if any."""
    return next((n for n in names if n in mapping), None) if isinstance(mapping, dict) else None


def written(mapping: Any, names: tuple[str, ...], default: Any = None) -> Any:
    """The value ``mapping`` has under one of ``names``, or ``default``."""
    key = spelling(mapping, names)
    return mapping[key] if key is not None else default


TWICE = "\x00twice\x00"


def twice_marker(key: str, first: str) -> str:
    """The name under which a repeated key (``key`` after ``first``) reaches the validator."""
    return f"{TWICE}{key}{TWICE}{first}"
