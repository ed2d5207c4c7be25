"""Batch speed and memory: reportgen batch against a plain docxtpl loop and against the floor of
its own design, before and after a change, measured in one run.

    python bench/batch_bench.py [--units 2000] [--rounds 5] [--before OLD/src]
                                [--memory-units 10000] [--memory-jobs 1 2]
                                [--large-units 100000] [--list-units 20000]

Builds ``--units`` units of samples/campaign from a CSV list, on disk, and prints documents per
second of:
- the baseline: docxtpl opens, renders and saves each unit's document (from contexts prepared
  beforehand and not timed);
- the floor: only what reportgen itself must do per document once everything is filled: deflate
  ``document.xml`` and ``core.xml`` (prepared beforehand) and write the zip of them and the
  template's parts, deflated once, to a file;
- ``reportgen batch -j 1`` and ``-j 2`` (each in a fresh interpreter; only the batch is timed),
  with the CPU time each document took (user and system, every thread and worker process).
Then, once: seconds of an unchanged re-run of the ``--units`` units (and whether it wrote
anything), seconds to read a ``--list-units`` YAML list and the same list as CSV, and the peak
memory of the whole process tree (main and workers, sampled: the sum of resident sizes, and
of proportional sizes, which count shared pages once) of a batch at each ``--memory-jobs`` of
each ``--memory-units``, roll-up included, and of each ``--large-units`` without it (as
``--shard 1/1``: a 汇总 of more than about 25,000 units is refused, see docs/speed.md). With
``--before`` (another checkout's ``src``, e.g. from ``git archive main | tar -x -C
/tmp/before``), every reportgen figure is measured for that code too, interleaved, and the
script prints before, after and their ratio.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from docxtpl import DocxTemplate

from reportgen.batches.campaign import Campaign, overlay
from reportgen.batches.units import read_units
from reportgen.layout.outline import outline
from reportgen.load.yaml_file import load_yaml
from reportgen.validation.document import validate
from reportgen.word.docx_zip import Part, parts_of, zip_bytes
from reportgen.word.template_files import builtin_path

ROOT = Path(__file__).resolve().parents[1]
CAMPAIGN = ROOT / "samples" / "campaign" / "campaign.yaml"
PROBE = Path(__file__).with_name("batch_probe.py")
PER_DOCUMENT = ("word/document.xml", "docProps/core.xml")


def write_units(folder: Path, count: int, suffix: str = ".csv") -> Path:
    """``count`` units of samples/campaign/units.csv, each named differently, as CSV or YAML."""
    with (CAMPAIGN.parent / "units.csv").open(encoding="utf-8") as handle:
        header, *rows = list(csv.reader(handle))
    units = [[f"{rows[i % len(rows)][0]}{i + 1}", *rows[i % len(rows)][1:]] for i in range(count)]
    path = folder / f"units-{count}{suffix}"
    if suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([header, *units])
    else:
        path.write_text("".join("- " + "\n  ".join(f"{k}: {_yaml_value(v)}"
                                                   for k, v in zip(header, unit, strict=True))
                                + "\n" for unit in units), encoding="utf-8")
    return path


def _yaml_value(cell: str) -> str:
    """A cell as a clerk writes it in YAML: numbers bare, text quoted."""
    try:
        float(cell)
    except ValueError:
        return json.dumps(cell, ensure_ascii=False)
    return cell


def contexts(units: Path, count: int) -> list[dict]:
    """What the baseline renders: the first ``count`` units' outlines as template data."""
    plan = Campaign.of(load_yaml(CAMPAIGN))
    return [dataclasses.asdict(outline(validate(overlay(plan.document, unit))))
            for unit in read_units(units, None, list(plan.metrics))[:count]]


def baseline(prepared: list[dict], out: Path) -> float:
    """Documents per second of the obvious loop: docxtpl opens, renders and saves each unit."""
    out.mkdir()
    started = time.perf_counter()
    for i, context in enumerate(prepared):
        doc = DocxTemplate(builtin_path("summary"))
        doc.render(context, autoescape=True)
        doc.save(out / f"{i}.docx")
    return len(prepared) / (time.perf_counter() - started)


def floor_parts(built: Path, count: int) -> tuple[list[Part], list[list[bytes]]]:
    """The parts every document shares (deflated once) and each document's own parts, as bytes."""
    files = sorted(built.glob("*.docx"))[:count]
    shared = parts_of(files[0].read_bytes())
    own = []
    for file in files:
        with zipfile.ZipFile(file) as archive:
            own.append([archive.read(name) for name in PER_DOCUMENT])
    return shared, own


def floor(shared: list[Part], own: list[list[bytes]], out: Path) -> float:
    """Documents per second of deflating each document's own parts and writing its zip."""
    out.mkdir()
    started = time.perf_counter()
    for i, parts in enumerate(own):
        fresh = {name: Part.of(name, data) for name, data in zip(PER_DOCUMENT, parts, strict=True)}
        (out / f"{i}.docx").write_bytes(zip_bytes(fresh.get(p.name) or p for p in shared))
    return len(own) / (time.perf_counter() - started)


def probe(source: Path, *args: object) -> dict:
    """One measurement of bench/batch_probe.py with the reportgen in ``source`` (a src folder)."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    done = subprocess.run([sys.executable, str(PROBE), *map(str, args)], capture_output=True,
                          text=True, env=env, cwd=source.parent)
    if done.returncode != 0:
        sys.exit(f"{source}: {' '.join(map(str, args))} failed:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--baseline-units", type=int, default=200,
                        help="units the (slow) baseline renders in each round")
    parser.add_argument("--rounds", type=int, default=5, help="each figure is the median of these")
    parser.add_argument("--before", type=Path, help="another checkout's src folder to compare")
    parser.add_argument("--memory-units", type=int, nargs="*", default=[10000])
    parser.add_argument("--memory-jobs", type=int, nargs="*", default=[2])
    parser.add_argument("--large-units", type=int, nargs="*", default=[],
                        help="units of lists measured for memory without their 汇总 (--shard 1/1)")
    parser.add_argument("--list-units", type=int, default=20000)
    parser.add_argument("--workdir", type=Path, default=Path.cwd(),
                        help="where to write the documents (a temporary folder inside it)")
    args = parser.parse_args()
    trees = {"after": ROOT / "src", **({"before": args.before.resolve()} if args.before else {})}
    with tempfile.TemporaryDirectory(dir=args.workdir, prefix=".bench-") as tmp:
        folder = Path(tmp)
        units = write_units(folder, args.units)
        figures = rates(folder, units, trees, args)
        figures.update(once(folder, units, trees, args))
    report(figures, trees, args)


def rates(folder: Path, units: Path, trees: dict[str, Path], args) -> dict[str, list[float]]:
    """Documents per second of each kind, every round, interleaved so all see the same machine."""
    prepared = contexts(units, args.baseline_units)
    found: dict[str, list[float]] = {}
    shared = own = None
    for n in range(args.rounds):
        found.setdefault("baseline", []).append(baseline(prepared, _quiet(folder / f"base{n}")))
        for tree, source in trees.items():
            for jobs in (1, 2):
                out = _quiet(folder / f"{tree}-j{jobs}-{n}")
                rate = probe(source, "rate", CAMPAIGN, units, out, jobs)
                found.setdefault(f"{tree} -j {jobs}", []).append(rate["docs_per_s"])
                found.setdefault(f"{tree} -j {jobs} cpu", []).append(rate["cpu_ms"])
                if shared is None and tree == "after":
                    shared, own = floor_parts(out, args.units)
        found.setdefault("floor", []).append(floor(shared, own, _quiet(folder / f"floor{n}")))
    return found


def once(folder: Path, units: Path, trees: dict[str, Path], args) -> dict[str, list[float]]:
    """The re-run, list reading and memory figures of each tree."""
    found: dict[str, list[float]] = {}
    yaml_list, csv_list = (write_units(folder, args.list_units, s) for s in (".yaml", ".csv"))
    many = {count: write_units(folder, count) for count in {*args.memory_units, *args.large_units}}
    for tree, source in trees.items():
        rerun = probe(source, "rerun", CAMPAIGN, units, _quiet(folder / f"{tree}-rerun"))
        found[f"{tree} rerun"] = [rerun["seconds"], float(rerun["wrote"])]
        for kind, path in (("yaml", yaml_list), ("csv", csv_list)):
            found[f"{tree} read {kind}"] = [probe(source, "read", path)["seconds"]]
        for count, jobs, rollup in _memory_runs(args):
            out = _quiet(folder / f"{tree}-many")
            peak = probe(source, "memory", CAMPAIGN, many[count], out, jobs, rollup)
            found[f"{tree} memory {count} {jobs} {rollup}"] = [peak.get("rss_mb", -1),
                                                                peak.get("pss_mb", -1)]
            if "error" in peak:
                print(f"{tree}, {count} units: {peak['error']}")
    return found


def _memory_runs(args) -> list[tuple[int, int, str]]:
    """(units, jobs, with or without the 汇总) of each memory figure."""
    return [*((c, j, "with") for c in args.memory_units for j in args.memory_jobs),
            *((c, j, "without") for c in args.large_units for j in args.memory_jobs)]


def report(figures: dict[str, list[float]], trees: dict[str, Path], args) -> None:
    median = {k: statistics.median(v) for k, v in figures.items()}
    print(f"units: {args.units} of samples/campaign, CSV, on disk; median of {args.rounds} rounds; "
          f"{os.cpu_count()} cores")
    print(f"baseline (docxtpl loop): {median['baseline']:.1f} docs/s {_all(figures['baseline'])}")
    print(f"floor (own parts deflated, zip written): {median['floor']:.1f} docs/s "
          f"{_all(figures['floor'])}")
    for tree in trees:
        one, two = median[f"{tree} -j 1"], median[f"{tree} -j 2"]
        print(f"{tree}: -j 1 {one:.1f} docs/s {_all(figures[f'{tree} -j 1'])}, "
              f"{one / median['baseline']:.1f}× baseline, {one / median['floor']:.2f}× floor; "
              f"-j 2 {two:.1f} docs/s {_all(figures[f'{tree} -j 2'])}, {two / one:.2f}× -j 1")
        rerun, wrote = figures[f"{tree} rerun"]
        print(f"{tree}: unchanged re-run of {args.units} units {rerun:.2f} s "
              f"({'wrote files' if wrote else 'wrote nothing'})")
        yaml_s, csv_s = median[f"{tree} read yaml"], median[f"{tree} read csv"]
        print(f"{tree}: reading {args.list_units} units (CPU, best of 3): YAML {yaml_s:.2f} s, CSV {csv_s:.2f} s, "
              f"{yaml_s / csv_s:.1f}× CSV")
        print(f"{tree}: CPU per document (user and system, every thread and process): "
              f"-j 1 {median[f'{tree} -j 1 cpu']:.2f} ms, -j 2 {median[f'{tree} -j 2 cpu']:.2f} ms")
        for count, jobs, rollup in _memory_runs(args):
            rss, pss = figures[f"{tree} memory {count} {jobs} {rollup}"]
            print(f"{tree}: peak memory of the process tree, {count} units, -j {jobs}, {rollup} "
                  f"the 汇总: RSS {rss:.0f} MB, PSS {pss:.0f} MB (shared pages counted once)")
    print("medians of the ratios within each round (the load of this machine varies between rounds):")
    for tree in trees:
        print(f"{tree}: -j 1 {_ratio(figures, f'{tree} -j 1', 'floor'):.2f}× floor, "
              f"{_ratio(figures, f'{tree} -j 1', 'baseline'):.1f}× baseline; "
              f"-j 2 {_ratio(figures, f'{tree} -j 2', f'{tree} -j 1'):.2f}× -j 1")
    if "before" in trees:
        for key in ("-j 1", "-j 2"):
            print(f"after/before {key}: {_ratio(figures, f'after {key}', f'before {key}'):.2f}×")


def _ratio(figures: dict[str, list[float]], top: str, bottom: str) -> float:
    """The median of the ratios of ``top`` to ``bottom`` taken within each round."""
    return statistics.median(a / b for a, b in zip(figures[top], figures[bottom], strict=True))


def _quiet(out: Path) -> Path:
    """``out``, once the files of earlier runs are gone and on disk, so no run pays for another."""
    for earlier in out.parent.iterdir():
        if earlier.is_dir():
            shutil.rmtree(earlier)
    os.sync()
    return out


def _all(rates: list[float]) -> str:
    return "(" + ", ".join(f"{r:.0f}" for r in rates) + ")"


if __name__ == "__main__":
    main()
