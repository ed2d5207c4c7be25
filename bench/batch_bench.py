"""Batch throughput and memory: reportgen batch against a plain docxtpl loop, measured in one run.

    python bench/batch_bench.py [--units 1000] [--memory-units 10000]

Generates a campaign (a 2–3 page 总结 with a table, filled per unit) and a units workbook, then
prints documents per second for the baseline (open the template with docxtpl, render, save, for
every unit, from contexts prepared beforehand and not timed), for ``reportgen batch`` with one and
two processes, the ratios, and the peak memory of a batch of ``--memory-units`` units.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
from docxtpl import DocxTemplate

import reportgen
from reportgen.batches.campaign import Campaign, overlay
from reportgen.batches.units import read_units
from reportgen.layout.outline import outline
from reportgen.load.yaml_file import load_yaml
from reportgen.validation.document import validate
from reportgen.word.template_files import builtin_path

ROOT = Path(__file__).resolve().parents[1]
STREETS = ["城关", "东关", "西关", "南关", "北关", "新城", "老城", "河东", "河西", "开发"]


def write_units(path: Path, count: int) -> Path:
    """A workbook of ``count`` units with the figures the campaign quotes."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["单位名称", "简称", "负责人", "发放资料", "培训场次", "毒饵", "毒饵盒", "鼠密度下降"])
    for i in range(count):
        sheet.append([f"{STREETS[i % 10]}街道第{i + 1}社区", "社区", f"负责人{i % 97}", 100 + i % 400,
                      3 + i % 20, 20 + i % 150, 5 + i % 60, round(0.1 + (i % 50) / 100, 2)])
    book.save(path)
    return path


def write_campaign(folder: Path) -> Path:
    """samples/summary.yaml as a campaign: its unit and figures come from each row."""
    text = (ROOT / "samples" / "summary.yaml").read_text(encoding="utf-8")
    path = folder / "campaign.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def contexts(campaign: Path, units: Path, count: int) -> list[dict]:
    """What the baseline renders: the first ``count`` units' outlines as template data."""
    plan = Campaign.of(load_yaml(campaign))
    found = []
    for unit in read_units(units, None, set(plan.metrics))[:count]:
        document = validate(overlay(plan.document, unit))
        found.append(dataclasses.asdict(outline(document)))
    return found


def baseline(prepared: list[dict], template: Path, out: Path) -> float:
    """Documents per second of the obvious loop: docxtpl opens, renders and saves each unit."""
    out.mkdir()
    started = time.perf_counter()
    for i, context in enumerate(prepared):
        doc = DocxTemplate(template)
        doc.render(context, autoescape=True)
        doc.save(out / f"{i}.docx")
    return len(prepared) / (time.perf_counter() - started)


def reportgen_rate(campaign: Path, units: Path, out: Path, jobs: int) -> float:
    """Documents per second of ``reportgen batch -j jobs``, reading the workbook included."""
    started = time.perf_counter()
    outcome = reportgen.batch(campaign, units, out, jobs=jobs, force=True)
    elapsed = time.perf_counter() - started
    assert not outcome.failed, outcome.failed[:1]
    return len(outcome.entries) / elapsed


MEMORY_SCRIPT = """
import json, resource, sys, reportgen
outcome = reportgen.batch(sys.argv[1], sys.argv[2], sys.argv[3], jobs=2, force=True)
assert not outcome.failed
print(json.dumps({"main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def peak_memory(campaign: Path, units: Path, out: Path) -> dict[str, float]:
    """Peak resident memory (MB) of the main process and of the largest worker, -j 2."""
    result = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, str(campaign), str(units), str(out)],
                            check=True, capture_output=True, text=True)
    return {k: v / 1024 for k, v in json.loads(result.stdout.splitlines()[-1]).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--baseline-units", type=int, default=200,
                        help="units the (slow) baseline renders in each round")
    parser.add_argument("--rounds", type=int, default=5, help="each figure is the median of these")
    parser.add_argument("--memory-units", type=int, default=10000)
    parser.add_argument("--workdir", type=Path, default=Path.cwd(),
                        help="where to write the documents (a temporary folder inside it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.workdir, prefix=".bench-") as tmp:
        folder = Path(tmp)
        campaign = write_campaign(folder)
        units = write_units(folder / "units.xlsx", args.units)
        prepared = contexts(campaign, units, args.baseline_units)
        template = builtin_path("summary")
        rates: dict[str, list[float]] = {"base": [], "j1": [], "j2": []}
        for n in range(args.rounds):  # interleaved, so that every figure sees the same machine
            rates["base"].append(baseline(prepared, template, _quiet(folder / f"baseline{n}")))
            rates["j1"].append(reportgen_rate(campaign, units, _quiet(folder / f"j1-{n}"), 1))
            rates["j2"].append(reportgen_rate(campaign, units, _quiet(folder / f"j2-{n}"), 2))
        base, one, two = (statistics.median(rates[k]) for k in ("base", "j1", "j2"))
        print(f"units: {args.units} (baseline: {args.baseline_units}), median of {args.rounds} rounds")
        print(f"baseline (docxtpl loop): {base:.1f} docs/s  {_all(rates['base'])}")
        print(f"reportgen -j 1:          {one:.1f} docs/s  {_all(rates['j1'])}  "
              f"{one / base:.1f}× baseline (target ≥ 8×)")
        print(f"reportgen -j 2:          {two:.1f} docs/s  {_all(rates['j2'])}  "
              f"{two / one:.2f}× -j 1 (target ≥ 1.6×)")
        if args.memory_units:
            many = write_units(folder / "many.xlsx", args.memory_units)
            peak = peak_memory(campaign, many, folder / "many")
            total = peak["main"] + 2 * peak["worker"]
            print(f"peak memory, {args.memory_units} units, -j 2: main {peak['main']:.0f} MB, "
                  f"largest worker {peak['worker']:.0f} MB, all three at most {total:.0f} MB "
                  "(target < 300 MB)")


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
