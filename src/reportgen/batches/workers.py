"""The processes that build a batch's units: this one for -j 1, else a pool of worker processes."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..errors import ReportgenError
from .unit_builder import Builder, Result, Stop, Task

_worker: Builder | None = None  # in a worker process, its Builder (set once by _start)
PARENT_CHECK = 0.5  # seconds between a worker's looks at whether its parent is still there


def _start(args: tuple, stop: Stop) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    threading.Thread(target=_end_with, args=(os.getppid(),), daemon=True).start()
    _worker = Builder(*args, stop=stop)


def _end_with(parent: int) -> None:
    """End this worker within a second of its parent's end, however that ended (``kill -9``
    leaves no chance to stop the pool): an orphan is adopted, and its parent id changes."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os._exit(1)


def _build_all(tasks: list[Task]) -> list[Result]:
    return _worker.build_all(tasks)


class Workers:
    """The processes that build units: this one for -j 1, else a pool of ``jobs``.

    The pool starts before the unit list is read, so its processes never hold a copy of it.
    ``stop`` is shared by all: once set, each process ends its chunk after the unit it is building.
    """

    def __init__(self, args: tuple, jobs: int):
        self.args, self.jobs, self.pool, self.builder = args, jobs, None, None
        self.stop: Stop = threading.Event()

    def __enter__(self) -> Workers:
        if self.jobs > 1:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self.stop = context.Event()
            gc.freeze()  # so the workers' collector never touches (and copies) the shared pages
            self.pool = ProcessPoolExecutor(self.jobs, context, _start, (self.args, self.stop))
            self.pool.submit(int).result()  # the processes start now
        return self

    def __exit__(self, *exc) -> None:
        if self.builder is not None:
            self.builder.close()
        if self.pool is not None:
            self.stop.set()
            self.pool.shutdown(cancel_futures=True)
            gc.unfreeze()

    def results(self, tasks: list[Task]) -> Iterator[Result]:
        """Each task's result, in list order, its document written."""
        size = max(1, min(16, len(tasks) // (self.jobs * 8)))
        chunks = [tasks[i:i + size] for i in range(0, len(tasks), size)]
        if self.pool is None or len(chunks) < 2:
            self.builder = Builder(*self.args, stop=self.stop)
            return (r for chunk in chunks for r in self.builder.build_all(chunk))
        return self._pooled(chunks)

    def _pooled(self, chunks: list[list[Task]]) -> Iterator[Result]:
        try:
            for done in self.pool.map(_build_all, chunks):
                yield from done
        except BrokenProcessPool:  # a process was killed: say so, not as a defect of reportgen
            stopped = ReportgenError("一个生成进程意外退出（可能是内存不足，或被系统结束）")
            stopped.outcome = "批量生成已停止；重新运行会接着生成其余的单位。"
            raise stopped from None
