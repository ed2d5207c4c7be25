"""A pytest plugin for the mutation runs: every function cache of reportgen emptied before each test.

mutmut records, in one pytest session, which tests call each function, and runs the function's
mutants against those tests only. A function behind a cache (the sandbox's environments and the
``guard``, ``text_filters`` and filters built with them, compiled placeholders, checked
templates) would be recorded for the first test that called it alone; emptied before each test,
it is recorded for every test that needs it, and no test runs on what an earlier one compiled.
``bench/mutation.py`` loads it with ``-p bench.fresh_caches``.
"""

from __future__ import annotations

import sys
from typing import Any


def pytest_runtest_setup(item: Any) -> None:
    """Empty the caches of every function in reportgen's modules imported so far."""
    for name, module in list(sys.modules.items()):
        if name == "reportgen" or name.startswith("reportgen."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()
