"""The ``reportgen`` command: Ctrl-C while it is still starting ends as quietly as later on."""

from __future__ import annotations

import sys


def main() -> None:
    """Import the command line, then run it (cli.main shows errors and Ctrl-C)."""
    try:
        from .commands import main as run
    except KeyboardInterrupt:
        sys.stderr.write("已取消。\n")
        sys.exit(130)
    run()
