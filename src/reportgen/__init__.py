"""reportgen: structured YAML in, GB/T 9704-2012 official documents (.docx) out.

``import reportgen`` is cheap: the pipeline behind build, validate, batch, rollup and import_docx (pydantic,
docxtpl, jinja2 …) is imported on first use of one of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import Problem, ReportgenError, ReportgenWarning

if TYPE_CHECKING:
    from .api import batch, build, import_docx, rollup, validate

__all__ = ["Problem", "ReportgenError", "ReportgenWarning", "batch", "build", "import_docx",
           "rollup", "validate"]
__version__ = "0.1.0"
LAZY = ("batch", "build", "import_docx", "rollup", "validate")


def __getattr__(name: str) -> Any:
    """The library functions, imported from api.py when first asked for."""
    if name in LAZY:
        from . import api
        globals()[name] = value = getattr(api, name)
        return value
    raise AttributeError(f"module 'reportgen' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *LAZY})
