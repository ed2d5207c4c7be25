"""reportgen: structured YAML in, GB/T 9704-2012 official documents (.docx) out."""

from .api import build, validate
from .errors import Problem, ReportgenError, ReportgenWarning

__all__ = ["Problem", "ReportgenError", "ReportgenWarning", "build", "validate"]
__version__ = "0.1.0"
