"""One measurement of bench/batch_bench.py, run in a fresh interpreter with a given reportgen on
its path (this checkout's ``src`` or an older one's), printing its figures as one line of JSON.

    python bench/batch_probe.py rate CAMPAIGN UNITS OUT JOBS     documents per second of a batch
    python bench/batch_probe.py rerun CAMPAIGN UNITS OUT        seconds of an unchanged re-run
    python bench/batch_probe.py read UNITS                      seconds to read a unit list
    python bench/batch_probe.py memory CAMPAIGN UNITS OUT JOBS [without]
                                                                peak memory (MB) of the whole tree

Only the reportgen call is timed, never the interpreter's start or the imports.
"""

from __future__ import annotations

import json
import math
import os
import sys
import threading
import time
from pathlib import Path

import reportgen
import reportgen.api  # noqa: F401 -- the pipeline reportgen.batch loads on first use, not timed


def rate(campaign: str, units: str, out: str, jobs: str) -> dict:
    """Documents per second, and the CPU time (every thread and worker process) per document."""
    cpu, started = os.times(), time.perf_counter()
    outcome = reportgen.batch(campaign, units, out, jobs=int(jobs), force=True)
    elapsed, used = time.perf_counter() - started, os.times()
    assert not outcome.failed, outcome.failed[:1]
    spent = sum(used[:4]) - sum(cpu[:4])  # user and system, of this process and its children
    return {"docs_per_s": len(outcome.entries) / elapsed, "cpu_ms": 1000 * spent / len(outcome.entries)}


def rerun(campaign: str, units: str, out: str) -> dict:
    """The second of two runs over the same inputs, and whether it changed any file."""
    reportgen.batch(campaign, units, out)
    before = _files(Path(out))
    started = time.perf_counter()
    outcome = reportgen.batch(campaign, units, out)
    elapsed = time.perf_counter() - started
    assert {e.status for e in outcome.entries} == {"未变"}
    return {"seconds": elapsed, "wrote": _files(Path(out)) != before}


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()}


def read(units: str) -> dict:
    """CPU seconds to read the list, the best of three reads in this process: reading runs on one
    core, and CPU time is what another job on a shared machine moves least."""
    from reportgen.batches.units import read_units
    best = math.inf
    for _ in range(3):
        started = time.process_time()
        found = read_units(Path(units), None, [])
        best = min(best, time.process_time() - started)
    assert not any(u.problems for u in found)
    return {"seconds": best, "units": len(found)}


def memory(campaign: str, units: str, out: str, jobs: str, rollup: str = "with") -> dict:
    """Peaks of the summed resident (RSS) and proportional (PSS: shared pages counted once)
    memory of this process and its children, sampled every 20 ms; ``rollup`` "without": the
    batch is run as shard 1/1, which builds every unit and no 汇总."""
    peak, done = {"rss": 0, "pss": 0}, threading.Event()

    def sample() -> None:
        while not done.is_set():
            for kind, total in _tree(os.getpid()).items():
                peak[kind] = max(peak[kind], total)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        outcome = reportgen.batch(campaign, units, out, jobs=int(jobs), force=True,
                                  shard=(1, 1) if rollup == "without" else None)
    except reportgen.ReportgenError as exc:  # a limit of reportgen's: say which
        return {"error": str(exc).splitlines()[0]}
    finally:
        done.set()
        sampler.join()
    assert not outcome.failed and (outcome.rollup is None) == (rollup == "without")
    return {f"{kind}_mb": kb / 1024 for kind, kb in peak.items()}


def _tree(pid: int) -> dict[str, int]:
    """Resident and proportional kB of ``pid`` and all its descendants."""
    total = {"rss": 0, "pss": 0}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                kind = line.split(":")[0].lower()
                if kind in total:
                    total[kind] += int(line.split()[1])
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as children:
                for child in children.read().split():
                    for kind, kb in _tree(int(child)).items():
                        total[kind] += kb
    except OSError:
        pass
    return total


if __name__ == "__main__":
    figures = {"rate": rate, "rerun": rerun, "read": read, "memory": memory}[sys.argv[1]](*sys.argv[2:])
    print(json.dumps(figures))
