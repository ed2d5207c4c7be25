"""Ctrl-C at random moments of a ``batch -j 2``, many times over: the process tree always ends
within seconds, every file present is whole and listed, and a re-run finishes the job.

Marked slow. REPORTGEN_CTRL_C_RUNS sets how many times (20 by default; run it a few hundred
times, under load, after changing how the worker processes start or stop).
"""

from __future__ import annotations

import csv
import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from helpers import ROOT

import reportgen

CAMPAIGN = ROOT / "samples" / "campaign" / "campaign.yaml"
UNITS = 16
RUNS = int(os.environ.get("REPORTGEN_CTRL_C_RUNS", "20"))
ENDS_WITHIN = 60  # seconds; a tree that takes longer has hung


def write_units(path: Path) -> Path:
    rows = [["单位名称", "负责人", "发放资料", "培训场次", "清理垃圾", "参与群众"]]
    rows += [[f"第{i:02d}街道", f"负责人{i}", 100 + i, i % 9 + 1, f"{i}.5", 1000 + i]
             for i in range(UNITS)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("*.docx")}


def listed(folder: Path, statuses: tuple[str, ...]) -> dict[str, str]:
    """The files the manifest lists with one of ``statuses``, with their recorded sha256."""
    text = (folder / "manifest.csv").read_text(encoding="utf-8-sig").splitlines()
    return {r[3]: r[4] for r in list(csv.reader(text))[1:] if r[2] in statuses}


def interrupted_batch(units: Path, out: Path, rng: random.Random) -> tuple[int, str, bool]:
    """A -j 2 batch given Ctrl-C (once or twice, to its whole process group) at a random moment;
    its exit code, its error output, and whether Ctrl-C was pressed twice. Fails if the process tree is still there
    ENDS_WITHIN later."""
    process = subprocess.Popen(
        [sys.executable, "-m", "reportgen", "batch", str(CAMPAIGN), "--units", str(units),
         "-o", str(out), "-j", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    after = rng.choice([0, 0, 1, 4, UNITS // 2, UNITS])
    while not after and not (out / "manifest.csv").exists() and process.poll() is None:
        time.sleep(0.01)  # the workers have started and the units are listed: none is done
    for _ in range(after):
        process.stdout.readline()
    time.sleep(rng.uniform(0, 0.1))
    os.killpg(process.pid, signal.SIGINT)
    twice = rng.random() < 0.3
    if twice:
        time.sleep(rng.uniform(0, 0.05))
        os.killpg(process.pid, signal.SIGINT)
    try:
        _, err = process.communicate(timeout=ENDS_WITHIN)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"the batch was still running {ENDS_WITHIN} s after Ctrl-C")
    return process.returncode, err, twice


@pytest.mark.slow
@pytest.mark.timeout(60 + 15 * RUNS)  # a run takes 1-3 s; a hung one fails after ENDS_WITHIN
def test_ctrl_c_at_random_moments_always_ends_and_leaves_whole_listed_files(tmp_path):
    units = write_units(tmp_path / "units.csv")
    clean = tmp_path / "clean"
    reportgen.batch(CAMPAIGN, units, clean, jobs=1)
    expected = digests(clean)
    rng = random.Random(19)
    for run in range(RUNS):
        out = tmp_path / f"out{run}"
        code, err, twice = interrupted_batch(units, out, rng)
        # a second Ctrl-C while the first is being handled may end Python by the signal itself
        ends = [(130, "已取消。"), (0, "")] + [(-2, "已取消。"), (-2, "")] * twice
        assert (code, err.strip()) in ends, (run, code, err)
        files = digests(out)
        for name in files:
            docx.Document(out / name)
        built = listed(out, ("已生成",)) if (out / "manifest.csv").exists() else {}
        # a second Ctrl-C stops at once: files finished meanwhile stay listed as 未完成
        known = listed(out, ("已生成", "未完成")) if twice else built
        assert all(files[name] == expected[name] for name in files), run
        assert {n: files.get(n) for n in built} == built, run
        assert [p.name for p in out.glob("*.tmp")] == [], run
        assert set(files) - {"汇总.docx"} <= set(known), (run, twice)
    reportgen.batch(CAMPAIGN, units, out)
    assert digests(out) == expected

