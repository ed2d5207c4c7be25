"""Runs the reportgen command line with a fault injected at the operating system's boundary.

    python os_faults.py FAULT ARGUMENTS...

FAULT is one of:

- ``full``: the disk is full: every temporary file is created, but writing to it fails (ENOSPC);
- ``full-from=NAME``: the disk fills up as NAME's temporary file is created (in any process of
  a batch): writing it and every later temporary .docx file fails; the small manifest still fits;
- ``full-from-all=NAME``: the same, and the manifest does not fit either;
- ``crash-rename=N``: the process dies (no clean-up at all) just before renaming its N+1th .docx
  into place, its temporary file written;
- ``crash-worker-rename=N``: the same, in a worker process of a batch only;
- ``crash-manifest``: the process dies just before renaming the manifest into place;
- ``ctrl-c-importing=MODULE``: Ctrl-C (a real SIGINT to this process) as MODULE is imported.

A full disk is the kernel's own: the temporary file's descriptor is pointed at /dev/full.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from pathlib import Path

KIND, _, NAME = sys.argv[1].partition("=")
real_open, real_replace = os.open, os.replace
renamed = 0


def disk_is_full(path: str) -> bool:
    if not path.endswith(".tmp"):
        return False
    if KIND == "full":
        return True
    if KIND not in ("full-from", "full-from-all") or (KIND == "full-from" and ".docx." not in path):
        return False
    marker = Path(path).parent.parent / "disk-is-full"  # seen by every process of the batch
    if Path(path).name.startswith(f".{NAME}."):
        marker.touch()
    return marker.exists()


def faulty_open(path, flags, mode=0o777, *, dir_fd=None):
    descriptor = real_open(path, flags, mode, dir_fd=dir_fd)
    if disk_is_full(os.fspath(path)):
        full = real_open("/dev/full", os.O_WRONLY)
        os.dup2(full, descriptor)
        os.close(full)
    return descriptor


def faulty_replace(source, target, *, src_dir_fd=None, dst_dir_fd=None):
    global renamed
    worker = multiprocessing.parent_process() is not None
    crashing = KIND == "crash-rename" or (KIND == "crash-worker-rename" and worker)
    if crashing and os.fspath(target).endswith(".docx"):
        renamed += 1
        if renamed > int(NAME):
            os._exit(9)
    if KIND == "crash-manifest" and os.fspath(target).endswith("manifest.csv"):
        os._exit(9)
    return real_replace(source, target, src_dir_fd=src_dir_fd, dst_dir_fd=dst_dir_fd)


class CtrlCOnImport:
    """An import finder that finds nothing, but presses Ctrl-C as the module NAME is looked up."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == NAME:
            os.kill(os.getpid(), signal.SIGINT)


os.open, os.replace = faulty_open, faulty_replace
if KIND == "ctrl-c-importing":
    sys.meta_path.insert(0, CtrlCOnImport)
sys.argv = ["reportgen", *sys.argv[2:]]
from reportgen.cli.console import main  # noqa: E402  (after the faults are in place)

main()
