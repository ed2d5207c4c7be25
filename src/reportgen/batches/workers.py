"""The processes that build a batch's units: this one, and for -j N also N-1 worker processes.

Why stopping cannot deadlock: the processes share no lock, queue or event, so none can be left
holding one that another waits for (as a lock inside a shared event could be, when Ctrl-C
interrupted the main process between taking it and entering the block that gives it back).
Each worker has a pipe of its own to the main process; in the main process only the main
thread reads and writes the pipes, in a worker one thread only reads (all the time, so the main
process never waits to send) and one only writes. A worker ignores SIGINT from before it exists
(the signal is held back around its start, where the system allows); the main process tells it
to stop with a message. Once stopping, the main process keeps reading every pipe (so no worker
waits to send) until each worker says it is done, for at most STOP_WAIT seconds, then ends the
workers still there (SIGTERM, then SIGKILL); every wait has a time limit. A worker whose main
process is gone ends itself (worker_process.py).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import signal
import threading
import time
from collections.abc import Iterator
from multiprocessing.connection import wait

from ..errors import ReportgenError
from .unit_builder import Builder, Result, Task
from .worker_process import DONE, FAILED, STOP, serve

STOP_WAIT = 30.0  # seconds the workers have to finish their unit in progress once told to stop
AHEAD = 2  # chunks sent to each worker ahead of its results, so that it never waits for work


class Worker:
    """One worker process and the main process's end of its pipe."""

    def __init__(self, context, args: tuple):
        self.connection, theirs = context.Pipe()
        self.process = context.Process(target=serve, args=(theirs, args), daemon=True)
        self.process.start()
        theirs.close()
        self.chunks: list[int] = []  # the chunks it was sent and has not answered yet
        self.done = False

    def send(self, message) -> None:
        with contextlib.suppress(OSError):  # it is gone: reading its pipe says so
            self.connection.send(message)


class Workers:
    """The processes that build units: this one, and for -j N N-1 worker processes besides.

    This process builds units too, between reading what the workers send (a worker of its own
    would hold a second copy of everything the processes share but cannot keep shared, for no
    more speed: this process would only wait for it).

    They start before the unit list is read, so they never hold a copy of it. Setting ``stop``
    (Ctrl-C, a full disk) makes every process end after the unit it is building.
    """

    def __init__(self, args: tuple, jobs: int):
        self.args, self.jobs, self.builder = args, jobs, None
        self.workers: list[Worker] = []
        self.stop = threading.Event()
        self.stopping = self.died = self.ended = False
        self.complete = False  # every result the processes made has been taken

    def end(self, results: list[Result]) -> None:
        """Stop every process and add to ``results`` the units they finish meanwhile (written
        after the last result was taken)."""
        if self.ended:
            return
        self.ended = True
        try:
            if self.builder is not None:
                if self.builder.writer is not None:
                    results += self.builder.writer.drain()
                self.builder.close()
            late = self._end() if self.workers else {}
        finally:
            gc.unfreeze()
        results += [r for number in sorted(late) for r in late[number]]

    def __enter__(self) -> Workers:
        # What exists now lives through the batch (the campaign, the compiled template): frozen, the
        # collector does not walk it again at each full collection, and the workers' collector never
        # touches (and copies) the pages they share with this process.
        gc.freeze()
        if self.jobs > 1:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            with _ctrl_c_held():
                self.workers = [Worker(context, self.args) for _ in range(self.jobs - 1)]
        return self

    def __exit__(self, *exc) -> None:
        self.end([])

    def results(self, tasks: list[Task]) -> Iterator[Result]:
        """Each task's result, in list order, its document written."""
        size = max(1, min(16, len(tasks) // (self.jobs * 8)))
        chunks = [tasks[i:i + size] for i in range(0, len(tasks), size)]
        if not self.workers or len(chunks) < 2:
            self.builder = Builder(*self.args, stop=self.stop)
            return self._completed(r for chunk in chunks for r in self.builder.build_all(chunk))
        return self._completed(self._pooled(chunks))

    def _completed(self, results: Iterator[Result]) -> Iterator[Result]:
        """``results``, then ``complete`` set: none was lost to an exception on its way."""
        yield from results
        self.complete = True

    def _pooled(self, chunks: list[list[Task]]) -> Iterator[Result]:
        """Results as the workers send them and as this process makes them, yielded in the order of
        ``chunks``: each worker is kept AHEAD chunks ahead, and this process builds the next chunk
        meanwhile. Once ``stop`` is set, the workers are told so and the units they finish are
        still yielded."""
        answered: dict[int, list[Result]] = {}
        sent = yielded = 0
        self.builder = Builder(*self.args, stop=self.stop)
        while yielded < len(chunks):
            if not self.stop.is_set():
                sent = self._send_ahead(chunks, sent)
            elif not self.stopping:
                self._tell_stop()
            elif not any(w.chunks for w in self.workers):
                break
            if not self.stop.is_set() and sent < len(chunks):  # this process builds one too
                answered[sent] = self.builder.build_all(chunks[sent])
                sent += 1
                answered.update(self._answers(timeout=0))
            else:
                answered.update(self._answers())
            while yielded in answered or (self.stopping and yielded < sent and
                                          not any(yielded in w.chunks for w in self.workers)):
                yield from answered.pop(yielded, [])
                yielded += 1
        for number in sorted(answered):
            yield from answered[number]
        if self.died:
            raise _worker_died()

    def _tell_stop(self) -> None:
        self.stopping = True
        for worker in self.workers:
            worker.send(STOP)

    def _send_ahead(self, chunks: list[list[Task]], sent: int) -> int:
        for worker in self.workers:
            while not worker.done and len(worker.chunks) < AHEAD and sent < len(chunks):
                worker.chunks.append(sent)
                worker.send((sent, chunks[sent]))
                sent += 1
        return sent

    def _answers(self, timeout: float = 0.1) -> dict[int, list[Result]]:
        """The chunks the workers have answered within ``timeout``, by number. A full disk, or a
        worker that ended without saying so (killed, out of memory), stops the batch."""
        found = {}
        ready = wait([w.connection for w in self.workers if not w.done], timeout)
        for worker in [w for w in self.workers if w.connection in ready]:
            try:
                message = worker.connection.recv()
            except (EOFError, OSError):
                message = DONE
                self.died = self.died or bool(worker.chunks)
            if message == DONE:
                worker.done = True
                worker.chunks.clear()
            elif message[0] == FAILED:
                raise message[1]
            else:
                worker.chunks.remove(message[0])
                found[message[0]] = message[1]
        if self.died or any(r.disk_full for results in found.values() for r in results):
            self.stop.set()
        return found

    def _end(self) -> dict[int, list[Result]]:
        """Tell every worker to stop, read what they still send until they are done (at most
        STOP_WAIT seconds, none if interrupted), then end those still there; what they sent."""
        if not self.stopping:
            self._tell_stop()
        deadline, interrupted, late = time.monotonic() + STOP_WAIT, True, {}
        try:
            while any(not w.done for w in self.workers) and time.monotonic() < deadline:
                with contextlib.suppress(Exception):  # a defect raised already: only end them
                    late.update(self._answers())
            interrupted = False
        finally:
            for worker in self.workers:
                _end_process(worker, 0 if interrupted else deadline - time.monotonic())
        return late


def _end_process(worker: Worker, grace: float) -> None:
    """Wait at most ``grace`` seconds for the worker to end, then end it (SIGTERM, then SIGKILL)."""
    worker.process.join(max(grace, 0))
    if worker.process.is_alive():
        worker.process.terminate()
        worker.process.join(1)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join(1)
    worker.connection.close()


@contextlib.contextmanager
def _ctrl_c_held():
    """SIGINT held back from this process (and the workers it starts, until they ignore it)
    where the system can hold signals (not on Windows)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _worker_died() -> ReportgenError:
    stopped = ReportgenError("一个生成进程意外退出（可能是内存不足，或被系统结束）")
    stopped.outcome = "批量生成已停止；重新运行会接着生成其余的单位。"
    return stopped
