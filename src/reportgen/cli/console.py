"""The ``reportgen`` command: Ctrl-C while it is still starting, or ending, is as quiet as later on."""

from __future__ import annotations

import signal
import sys


def main() -> None:
    """Import the command line, then run it (cli.main shows errors and Ctrl-C). Once it has
    ended, Ctrl-C is ignored: the work is done or stopped, and Python only has to end."""
    try:
        from .commands import main as run
        run()
    except KeyboardInterrupt:  # while importing, or as the command returned
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # another Ctrl-C while Python ends: no traceback
        sys.stderr.write("已取消。\n")
        sys.exit(130)
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
