"""A table's last row 合计 that reportgen sums to the same figures is written as 合计, not as a row,
so that when next year's rows change, the total follows them."""

from __future__ import annotations

from pydantic import ValidationError

from ..layout.tables import TOTAL_LABEL, table_view
from ..model.tables import Table


def with_total(table: dict) -> dict:
    """``table`` (列, 行) with its 合计 row as ``合计: 是`` or the columns summed, where reportgen
    prints that row exactly as it stands; else as it is."""
    rows = table.get("行", [])
    if len(rows) < 2 or rows[-1][0].strip() != TOTAL_LABEL:
        return table
    total = rows[-1]
    summed = [c for c, v in zip(table["列"][1:], total[1:], strict=True) if v.strip()]
    for how in ("是", summed):
        candidate = {**table, "行": rows[:-1], "合计": how}
        if _printed_total(candidate) == total:
            return candidate
    return table


def _printed_total(table: dict) -> list[str] | None:
    """The 合计 row reportgen prints for ``table``; None for a table it would refuse."""
    try:
        view = table_view(Table.model_validate(table))
    except (ValidationError, ValueError, ArithmeticError):
        return None
    return [cell.text for cell in view.total]
