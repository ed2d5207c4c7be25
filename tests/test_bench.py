"""The benchmark script still runs against the current code (its figures are for people to read)."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT


def test_the_batch_benchmark_runs_on_a_few_units(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "batch_bench.py"), "--units", "12",
         "--baseline-units", "2", "--rounds", "1", "--memory-units", "12", "--large-units", "13",
         "--memory-jobs", "1", "2", "--list-units", "12", "--before", str(ROOT / "src"),
         "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    labels = [line.split(":")[0] for line in done.stdout.splitlines()]
    per_tree = 8  # rates, re-run, reading the lists, CPU, memory (2 lists, each at -j 1 and 2)
    assert labels == ["units", "baseline (docxtpl loop)", "floor (own parts deflated, zip written)",
                      *["after"] * per_tree, *["before"] * per_tree,
                      "medians of the ratios within each round (the load of this machine varies "
                      "between rounds)", "after", "before", "after/before -j 1", "after/before -j 2"]
    assert "wrote nothing" in done.stdout
    memory = [line.split(":")[1] for line in done.stdout.splitlines() if "peak memory" in line]
    assert memory[:4] == [" peak memory of the process tree, 12 units, -j 1, with the 汇总",
                          " peak memory of the process tree, 12 units, -j 2, with the 汇总",
                          " peak memory of the process tree, 13 units, -j 1, without the 汇总",
                          " peak memory of the process tree, 13 units, -j 2, without the 汇总"]
    assert list(tmp_path.iterdir()) == []


def test_the_startup_benchmark_prints_its_three_figures():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "startup_bench.py"), "--runs", "1"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    labels = [line.split(":")[0] for line in done.stdout.splitlines()]
    assert labels == ["runs", "python -c pass", "reportgen --help",
                      "reportgen build samples/plan.yaml"]


def test_the_precision_benchmark_reports_every_finding_true_on_the_corpus():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "check_precision.py"), "--static"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-3:] == ["precision: 100.0%", "recall: 100.0%", "crashes: 0"]


def test_the_mutation_script_lists_its_modules_and_refuses_an_unknown_one():
    script = str(ROOT / "bench" / "mutation.py")
    listed = subprocess.run([sys.executable, script, "--list"], capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    assert [line.split(":")[0] for line in listed.stdout.splitlines()] == [
        "numerals", "numbering", "widths", "outline", "signature", "tables", "unit_lists", "manifest",
        "rules_ordinals", "rules_signature", "check_rules", "sandbox"]
    unknown = subprocess.run([sys.executable, script, "ordinals"], capture_output=True, text=True, timeout=60)
    assert unknown.returncode == 2
    assert unknown.stderr.splitlines()[-1] == (
        "mutation.py: error: no module ordinals; the modules: numerals, numbering, widths, outline, "
        "signature, tables, unit_lists, manifest, rules_ordinals, rules_signature, check_rules, sandbox")
