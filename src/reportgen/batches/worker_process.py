"""One worker process of a batch: builds the chunks of units the main process sends it.

It talks to the main process over a pipe of its own, and over nothing else (see workers.py for
why shutdown cannot deadlock): it receives ``(number, tasks)`` chunks and STOP, and sends back
``(number, results)`` for each chunk, then DONE (or FAILED with the exception) when it ends.
"""

from __future__ import annotations

import os
import queue
import signal
import threading
import time
from multiprocessing.connection import Connection

from .unit_builder import Builder

STOP, DONE, FAILED = "stop", "done", "failed"
PARENT_CHECK = 0.5  # seconds between a worker's looks at whether its parent is still there


def serve(connection: Connection, args: tuple) -> None:
    """The worker's life: ignore Ctrl-C (the main process handles it and says STOP), build each
    chunk that arrives until STOP or the end of the pipe, then say DONE."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # held back by the main process as it started this one
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    threading.Thread(target=_end_with, args=(os.getppid(),), daemon=True).start()
    builder = Builder(*args, stop=threading.Event())
    inbox: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(connection, inbox, builder), daemon=True).start()
    try:
        _build_chunks(connection, inbox, builder)
        builder.close()
        _send(connection, DONE)
    except BaseException as exc:  # a defect of reportgen: the main process raises it
        if not _send(connection, (FAILED, exc)):
            _send(connection, (FAILED, RuntimeError(repr(exc))))


def _build_chunks(connection: Connection, inbox: queue.SimpleQueue, builder: Builder) -> None:
    """Build chunks as they arrive; a stop (STOP, a full disk) ends it after the unit in progress."""
    while not builder.stop.is_set():
        message = inbox.get()
        if message == STOP:
            return
        number, tasks = message
        if not _send(connection, (number, builder.build_all(tasks))):
            return


def _send(connection: Connection, message) -> bool:
    """Send ``message``; False if it cannot be (the main process is gone, or it cannot be pickled)."""
    try:
        connection.send(message)
    except Exception:  # noqa: BLE001 (an unpicklable result is reported as a failure instead)
        return False
    return True


def _receive(connection: Connection, inbox: queue.SimpleQueue, builder: Builder) -> None:
    """Read the pipe all the time, so the main process never waits to send; STOP, or the end of the
    pipe (the main process is gone), stops the builder at once."""
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            message = STOP
        if message == STOP:
            builder.stop.set()
            inbox.put(STOP)
            return
        inbox.put(message)


def _end_with(parent: int) -> None:
    """End this worker within a second of its parent's end, however that ended (``kill -9``
    leaves no chance to stop it): an orphan is adopted, and its parent id changes."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os._exit(1)
