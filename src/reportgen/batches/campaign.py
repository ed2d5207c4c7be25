"""A campaign: one document shared by many units, each unit's data laid over it, and its 汇总 part."""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass, replace
from typing import Any

from ..load.extends import merge_sources
from ..load.located_data import Source
from ..model.keys import spelling
from ..model.spellings import ROLLUP_KEYS
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

    Only the mappings it changes are copied; the rest is shared, as nothing later changes data.
    A unit file keeps its own project folder (load/written_paths.py) only for a 模板 it writes itself.
    """
    if unit.source is not None:
        merged = merge_sources(campaign, unit.source)
        if spelling(unit.source.data, TEMPLATE_KEYS) is None:
            merged = replace(merged, project=campaign.project)
        _set_unit(merged.data, unit)
        _keep_measures(merged.data, Campaign(campaign, None).metrics)
        return merged
    data = dict(campaign.data)
    _set_unit(data, unit)
    metrics = _mapping(data, "metrics")
    for key, value in unit.values.get("metrics", {}).items():
        if value is None:
            metrics.pop(key, None)
        else:
            metrics[key] = {"value": value["value"], "unit": value["unit"] or _measure(metrics.get(key))}
    _mapping(data, "vars").update(unit.values.get("vars", {}))
    return Source(campaign.file, data, campaign.positions, campaign.folder, campaign.project)


def _keep_measures(data: dict, declared: dict[str, Any]) -> None:
    """A bare number given for a metric the campaign declares keeps the campaign's measure (份)."""
    metrics = _mapping(data, "metrics")
    for key, value in metrics.items():
        if not isinstance(value, dict) and _measure(declared.get(key)):
            metrics[key] = {"value": value, "unit": _measure(declared.get(key))}


def _set_unit(data: dict, unit: UnitInput) -> None:
    key = _spelling(data, "unit")
    base = data.get(key)
    fields = dict(base) if isinstance(base, dict) else {}
    name_key = spelling(fields, NAME_KEYS) or "名称"
    for k in NAME_KEYS:
        fields.pop(k, None)
    data[key] = {name_key: unit.name, **fields, **unit.values.get("unit", {})}


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
