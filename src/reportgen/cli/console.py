"""The ``reportgen`` command: Ctrl-C while it is still starting ends as quietly as later on."""

from __future__ import annotations

import signal
import sys


def main() -> None:
    """Import the command line, then run it (cli.main shows errors and Ctrl-C)."""
    try:
        from .commands import main as run
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # another Ctrl-C while Python ends: no traceback
        sys.stderr.write("已取消。\n")
        sys.exit(130)
    run()
