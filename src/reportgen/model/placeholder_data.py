"""The data a document's placeholders read: 单位 (unit), 指标 (metrics), and their runtime values."""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict, model_validator
from pydantic_core import PydanticCustomError

from ..chinese.written_numbers import read_number
from ..errors import described
from .keys import Node, key

LARGEST = 10**15  # a figure's limit: Excel keeps 15 digits, and no count or sum in 元 reaches it


def to_number(value: Any) -> int | float:
    """A YAML number, or text written as one ("1,234", "12.5"; chinese/written_numbers.py), as int
    or float, under LARGEST; anything else ("1,2,3", "0012", "1e3", true) is refused."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        number = value
    else:
        number = read_number(value) if isinstance(value, str) else None
    if number is None:
        raise PydanticCustomError("number", "应为数字，实际为{given}", {"given": described(value)})
    if not abs(number) < LARGEST:
        raise PydanticCustomError("number", "数字过大：应小于 10 的 15 次方（Excel 也只保留 15 位）")
    if isinstance(number, (int, float)):
        return number
    return int(number) if "." not in value else float(number)


Number = Annotated[int | float, BeforeValidator(to_number)]


class Metric(Node):
    """A named figure: 值 (value) and 单位 (its unit of measure, such as 份 or 场次)."""

    value: Number = key("value", "值", ...)
    unit: str = key("unit", "单位", "")

    _bare = model_validator(mode="before")(
        lambda data: data if isinstance(data, dict) else {"value": data})



class Unit(Node):
    """The reporting unit (单位): its 名称 and any further fields the user wants to quote."""

    model_config = ConfigDict(extra="allow")

    name: str = key("name", "名称", ...)

    _bare = model_validator(mode="before")(
        lambda data: {"name": data} if isinstance(data, (str, int, float)) else data)

    def fields(self) -> dict[str, Any]:
        """Every field by the name the user wrote, plus ``name`` and ``名称``."""
        return {"name": self.name, "名称": self.name, **(self.model_extra or {})}


class DocData(Node):
    """The parts of a document that placeholders read; other keys are left to the full model."""

    model_config = ConfigDict(extra="ignore")

    unit: Unit | None = key("unit", "单位")
    period: str | None = key("period", "时段")
    metrics: dict[str, Metric] = key("metrics", "指标", {})
    vars: dict[str, Any] = key("vars", "变量", {})


class IntMetric(int):
    """An integer metric in a placeholder: prints its value, and has ``.value`` and ``.unit``."""

    def __new__(cls, value: int, unit: str = "") -> IntMetric:
        obj = super().__new__(cls, value)
        obj.unit, obj.value = unit, int(value)
        return obj


class FloatMetric(float):
    """A decimal metric in a placeholder: prints its value, and has ``.value`` and ``.unit``."""

    def __new__(cls, value: float, unit: str = "") -> FloatMetric:
        obj = super().__new__(cls, value)
        obj.unit, obj.value = unit, float(value)
        return obj


def metric_value(metric: Metric) -> IntMetric | FloatMetric:
    """The runtime value placeholders see for ``metric``."""
    kind = IntMetric if isinstance(metric.value, int) else FloatMetric
    return kind(metric.value, metric.unit)
