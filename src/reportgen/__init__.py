"""reportgen: structured YAML in, GB/T 9704-2012 official documents (.docx) out."""

import sys

from .errors import Problem, ReportgenError, ReportgenWarning

try:
    from .api import batch, build, rollup, validate
except KeyboardInterrupt:  # Ctrl-C while the command starts: the same quiet end as later on
    sys.stderr.write("已取消。\n")
    sys.exit(130)

__all__ = ["Problem", "ReportgenError", "ReportgenWarning", "batch", "build", "rollup", "validate"]
__version__ = "0.1.0"
