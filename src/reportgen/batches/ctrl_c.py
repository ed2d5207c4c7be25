"""Ctrl-C during a batch: the units in progress are finished and recorded before it stops."""

from __future__ import annotations

import signal
import threading


class CtrlC:
    """While active (``with CtrlC(stop) as ctrl_c``), a first Ctrl-C only sets ``stop`` and
    ``pressed``: every process ends its chunk after the unit it is building, so each file present
    is whole and listed. A second Ctrl-C interrupts at once. Outside the main thread, no effect."""

    def __init__(self, stop):
        self.stop, self.pressed, self.active = stop, False, False
        self.previous = signal.default_int_handler

    def __enter__(self) -> CtrlC:
        self.active = threading.current_thread() is threading.main_thread()
        if self.active:
            self.previous = signal.getsignal(signal.SIGINT) or signal.default_int_handler
            signal.signal(signal.SIGINT, self._pressed)
        return self

    def __exit__(self, *exc) -> None:
        if self.active:
            signal.signal(signal.SIGINT, self.previous)

    def _pressed(self, signum, frame) -> None:
        if self.pressed:
            raise KeyboardInterrupt
        self.pressed = True
        self.stop.set()
