"""Tests of hostile input run in a forked child capped in memory and CPU, so a limit that breaks fails fast.

A test marked ``hostile`` (conftest.py) runs its body in a child of the pytest process whose
address space may grow by at most ``memory`` bytes past what pytest already holds, and which
may spend at most ``cpu`` CPU seconds (RLIMIT_AS and RLIMIT_CPU, set in the child before the
test starts). A sandbox or file limit that no longer holds then shows as a MemoryError or a
child killed for its CPU time, within seconds, instead of a machine swapping for minutes.
Only the test body runs in the child: fixtures are made (and cleaned up) by pytest as usual.
"""

from __future__ import annotations

import os
import resource
import signal
import traceback

import pytest

MEMORY = 1 << 29  # bytes the test may add to the address space pytest holds when it forks
CPU = 60  # CPU seconds of the test body
SKIPPED, FAILED = b"S", b"F"


def address_space() -> int:
    """The bytes of address space this process holds now (VmSize)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def run_capped(test, arguments: dict, memory: int = MEMORY, cpu: int = CPU) -> None:
    """Call ``test(**arguments)`` in a forked child within the caps; its failure or skip is ours."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run the test, report how it ended, never return into pytest
        os.close(read)
        _child(test, arguments, memory, cpu, write)
    os.close(write)
    status = None
    try:
        with os.fdopen(read, "rb") as pipe:
            report = pipe.read()
        _, status = os.waitpid(pid, 0)
    finally:
        if status is None:  # a timeout or Ctrl-C in pytest: the child must not run on
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        name = signal.Signals(os.WTERMSIG(status)).name
        cause = f"past its cap of {cpu} CPU seconds" if name == "SIGXCPU" else "by a signal"
        pytest.fail(f"the test's process was killed ({name}) {cause}", pytrace=False)
    if report[:1] == SKIPPED:
        pytest.skip(report[1:].decode())
    if report[:1] == FAILED:
        pytest.fail(report[1:].decode(), pytrace=False)


def _child(test, arguments: dict, memory: int, cpu: int, write: int) -> None:
    report = b""
    try:
        limit = address_space() + memory
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
        test(**arguments)
    except pytest.skip.Exception as skipped:
        report = SKIPPED + str(skipped).encode()
    except MemoryError:
        report = FAILED + (f"MemoryError: the test went past its cap of {memory >> 20} MB "
                           f"more address space\n{traceback.format_exc()}").encode()
    except BaseException:  # noqa: BLE001 - every way a test ends is reported to pytest
        report = FAILED + traceback.format_exc().encode()
    finally:
        try:
            os.write(write, report)
        finally:
            os._exit(0)

