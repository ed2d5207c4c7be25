"""The base of every YAML mapping: English and Chinese key names, unknown keys refused."""

from __future__ import annotations

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
        if isinstance(data, dict):
            for info in cls.model_fields.values():
                given = [k for k in data if k in info.validation_alias.choices]
                if len(given) > 1:
                    data = {(twice_marker(k, given[0]) if k == given[1] else k): v
                            for k, v in data.items()}
        return data


TWICE = "\x00twice\x00"


def twice_marker(key: str, first: str) -> str:
    """The name under which a repeated key (``key`` after ``first``) reaches the validator."""
    return f"{TWICE}{key}{TWICE}{first}"
