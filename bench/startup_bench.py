"""Start-up time: `reportgen --help` and `reportgen build` of the sample against `python -c pass`.

    python bench/startup_bench.py [--runs 10]

Each command runs ``--runs`` times, interleaved (pass, --help, build, pass, --help, …), each in a
fresh interpreter started as the console script starts it (``python -m reportgen``); the script
prints the median wall time of each, and of each minus the bare interpreter's, in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def commands(out: Path) -> dict[str, list[str]]:
    """What is timed: the bare interpreter, the help text, and a build of samples/plan.yaml."""
    reportgen = [sys.executable, "-m", "reportgen"]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "reportgen --help": [*reportgen, "--help"],
        "reportgen build samples/plan.yaml": [*reportgen, "build", str(ROOT / "samples" / "plan.yaml"),
                                              "-o", str(out)],
    }


def seconds(command: list[str]) -> float:
    """Wall time of one run; a failing command stops the benchmark with its message."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        timed = commands(Path(folder))
        times: dict[str, list[float]] = {name: [] for name in timed}
        for _ in range(args.runs):
            for name, command in timed.items():
                times[name].append(seconds(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    bare = medians["python -c pass"]
    print(f"runs: {args.runs}, median wall time")
    for name, median in medians.items():
        extra = "" if name == "python -c pass" else f"  (+{median - bare:.3f} s over python)"
        print(f"{name}: {median:.3f} s{extra}")


if __name__ == "__main__":
    main()
