"""Start-up time: `reportgen --help` and `reportgen build` of the sample against `python -c pass`.

    python bench/startup_bench.py [--runs 10] [--before OLD/src]

Each command runs ``--runs`` times, interleaved (pass, --help, build, pass, --help, …), each in a
fresh interpreter started as the console script starts it (``python -m reportgen``); the script
prints the median wall time of each, and of each minus the bare interpreter's, in the same run.
With ``--before``, the two reportgen commands also run from another checkout's ``src`` folder
(say an export of an older commit: ``git archive COMMIT | tar -x -C /tmp/old``), interleaved with
the others, so before and after are measured under the same load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def commands(out: Path, before: Path | None) -> dict[str, tuple[list[str], dict[str, str]]]:
    """What is timed, with its environment: the bare interpreter, the help text, and a build of
    samples/plan.yaml (and the two reportgen commands from ``before``)."""
    reportgen = [sys.executable, "-m", "reportgen"]
    timed = {"python -c pass": [sys.executable, "-c", "pass"],
             "reportgen --help": [*reportgen, "--help"],
             "reportgen build samples/plan.yaml": [*reportgen, "build",
                                                   str(ROOT / "samples" / "plan.yaml"), "-o", str(out)]}
    now = {name: (command, dict(os.environ)) for name, command in timed.items()}
    if before is None:
        return now
    old = {**os.environ, "PYTHONPATH": str(before)}
    return {**now, **{f"before: {name}": (command, old) for name, command in list(timed.items())[1:]}}


def seconds(command: list[str], env: dict[str, str]) -> float:
    """Wall time of one run; a failing command stops the benchmark with its message."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--before", type=Path, help="another checkout's src folder to compare")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        timed = commands(Path(folder), args.before)
        times: dict[str, list[float]] = {name: [] for name in timed}
        for _ in range(args.runs):
            for name, (command, env) in timed.items():
                times[name].append(seconds(command, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    bare = medians["python -c pass"]
    print(f"runs: {args.runs}, median wall time")
    for name, median in medians.items():
        extra = "" if name == "python -c pass" else f"  (+{median - bare:.3f} s over python)"
        old = medians.get(f"before: {name}")
        ratio = f", {(median - bare) / (old - bare):.2f}× before" if old else ""
        print(f"{name}: {median:.3f} s{extra}{ratio}")


if __name__ == "__main__":
    main()
