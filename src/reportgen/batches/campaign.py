"""A campaign: one document shared by many units, each unit's data laid over it, and its 汇总 part."""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass, replace
from typing import Any

from ..load.extends import merge_sources
from ..load.located_data import Source
from ..model.keys import spelling, written
from ..model.spellings import ROLLUP_KEYS
from ..validation.placeholders import Unwritten
from ..word.template_files import TEMPLATE_KEYS
from .units import SPELLINGS, UnitInput

NAME_KEYS = ("name", "名称")


@dataclass(frozen=True)
class Campaign:
    """The shared document (without its 汇总 part) and the 汇总 part, if the file has one."""

    document: Source
    rollup: Source | None

    @classmethod
    def of(cls, source: Source) -> Campaign:
        key = spelling(source.data, ROLLUP_KEYS)
        data = {k: v for k, v in source.data.items() if k != key}
        document = Source(source.file, data, source.positions, source.folder, source.project)
        return cls(document, _part(source, key) if key else None)

    @functools.cached_property
    def digest(self) -> str:
        """A fingerprint of the shared document."""
        return digest(self.document.data)

    @property
    def metrics(self) -> dict[str, Any]:
        """The metrics the campaign declares (names, and their measures such as 份)."""
        found = self.document.data.get(_spelling(self.document.data, "metrics"))
        return found if isinstance(found, dict) else {}


def _part(source: Source, key: str) -> Source:
    """The mapping under ``key`` as a Source of its own, its positions kept."""
    positions = {path[1:]: pos for path, pos in source.positions.items() if path[:1] == (key,)}
    data = source.data[key] if isinstance(source.data[key], dict) else {}
    return Source(source.file, data, positions, source.folder, source.project)


def overlay(campaign: Source, unit: UnitInput) -> Source:
    """The campaign document with ``unit``'s name, fields, metrics and vars laid over it.

    The campaign's own 单位 and 指标 values are examples and never reach a unit: only the measures
    it declares (份) carry over, and its 变量, which are shared by every unit. A 单位 field the
    example has and a unit file leaves out is Unwritten, as an empty cell of a table is.
    Only the mappings it changes are copied; the rest is shared, as nothing later changes data.
    A unit file keeps its own project folder (load/written_paths.py) only for a 模板 it writes itself.
    """
    declared = Campaign(campaign, None).metrics
    base = _without_examples(campaign)
    if unit.source is not None:
        merged = merge_sources(base, unit.source)
        if spelling(unit.source.data, TEMPLATE_KEYS) is None:
            merged = replace(merged, project=campaign.project)
        _set_unit(merged.data, unit, _left_out(campaign, unit))
        _keep_measures(merged.data, declared)
        return merged
    data, values = base.data, unit.values
    _set_unit(data, unit, fields=values.get("unit", {}))
    metrics = _mapping(data, "metrics")
    for key, value in values.get("metrics", {}).items():
        if value is not None:
            metrics[key] = {"value": value["value"], "unit": value["unit"] or _measure(declared.get(key))}
    shared = _mapping(data, "vars")
    shared.update({k: v for k, v in values.get("vars", {}).items()
                   if not (isinstance(v, Unwritten) and k in shared)})  # empty: the campaign's
    return base


def _without_examples(campaign: Source) -> Source:
    """The campaign with empty 单位 and 指标 mappings, in their places, under their spellings."""
    data = dict(campaign.data)
    for kind in ("unit", "metrics"):
        data[_spelling(data, kind)] = {}
    return replace(campaign, data=data)


def _left_out(campaign: Source, unit: UnitInput) -> dict[str, Unwritten]:
    """The example's 单位 fields that a unit file does not write, each Unwritten at its 单位 key."""
    example = campaign.data.get(_spelling(campaign.data, "unit"))
    own = written(unit.source.data, SPELLINGS["unit"])
    own = own if isinstance(own, dict) else {}
    key = spelling(unit.source.data, SPELLINGS["unit"]) or "单位"
    where = unit.source.where((key,))
    return {k: Unwritten(where.file, where.line, where.col, f"{key}.{k}")
            for k in (example if isinstance(example, dict) else {})
            if k not in NAME_KEYS and k not in own}


def _keep_measures(data: dict, declared: dict[str, Any]) -> None:
    """A metric a unit file gives without a measure (a bare number, or 值 alone) keeps the one the
    campaign declares (份)."""
    metrics = _mapping(data, "metrics")
    for key, value in metrics.items():
        measure = _measure(declared.get(key))
        if measure and not isinstance(value, dict):
            metrics[key] = {"value": value, "unit": measure}
        elif measure and not _measure(value):
            metrics[key] = {**value, "单位" if {"值", "单位"} & set(value) else "unit": measure}


def _set_unit(data: dict, unit: UnitInput, left_out: dict[str, Unwritten] | None = None,
              fields: dict[str, Any] | None = None) -> None:
    """The unit's 单位: its name, what its file leaves out of the campaign's (``left_out``), the
    campaign's own fields and the unit's row's (``fields``)."""
    key = _spelling(data, "unit")
    base = data.get(key)
    own = dict(base) if isinstance(base, dict) else {}
    name_key = spelling(own, NAME_KEYS) or "名称"
    for k in NAME_KEYS:
        own.pop(k, None)
    data[key] = {name_key: unit.name, **(left_out or {}), **own, **(fields or {})}


def _mapping(data: dict, kind: str) -> dict:
    """A copy of the ``kind`` mapping, put in place of the original (a new one if there is none)."""
    key = _spelling(data, kind)
    data[key] = dict(data[key]) if isinstance(data.get(key), dict) else {}
    return data[key]


def _spelling(data: dict, kind: str) -> str:
    """The key the file uses for ``kind`` (unit, metrics or vars); Chinese if it has neither."""
    english, chinese = SPELLINGS[kind]
    return english if english in data and chinese not in data else chinese


def _measure(declared: Any) -> str:
    if isinstance(declared, dict):
        return str(declared.get("unit", declared.get("单位", "")) or "")
    return ""


def digest(*parts: Any) -> str:
    """A fingerprint of ``parts`` (plain data): what a unit's .docx is made from."""
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def unit_digest(campaign: Campaign, unit: UnitInput, *more: str) -> str:
    """The fingerprint of ``unit`` over ``campaign``: the campaign's is made once, not per unit."""
    own = unit.source.data if unit.source is not None else unit.values
    return digest(campaign.digest, unit.name, own, *more)
