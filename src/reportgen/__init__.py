"""reportgen: structured YAML in, GB/T 9704-2012 official documents (.docx) out."""

from .api import batch, build, rollup, validate
from .errors import Problem, ReportgenError, ReportgenWarning

__all__ = ["Problem", "ReportgenError", "ReportgenWarning", "batch", "build", "rollup", "validate"]
__version__ = "0.1.0"
