"""Precision of `reportgen check` on the corpus of documents made elsewhere (tests/check/corpus/).

    python bench/check_precision.py [--static]

Builds the corpus, checks every document (with --render, as a reviewer would run it, unless
--static), and compares the findings with those written down for each document: a finding is
true when it is written down (rule, level, where and message alike). Prints, per document and
in all, the findings, the true ones and the missed ones, then precision (true / all findings),
recall (true / written down) and the documents the check crashed on.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "check"), str(ROOT / "tests")]

import corpus  # noqa: E402

from reportgen.check.run import check, check_files  # noqa: E402


def findings(paths: dict[str, Path], render: bool) -> tuple[dict[str, list], list[str]]:
    """Each document's findings as (rule, level, where, message), and the documents that crashed."""
    try:
        results, _ = check_files(list(paths.values()), render=render)
        found = {name: results[str(path)] for name, path in paths.items()}
    except Exception:  # find which document crashes, one by one, without rendering
        found, crashed = {}, []
        for name, path in paths.items():
            try:
                found[name] = check(path)
            except Exception as exc:  # noqa: BLE001 - a crash is what is measured here
                crashed.append(f"{name}: {type(exc).__name__}: {exc}")
                found[name] = []
        return _shown(found), crashed
    return _shown(found), []


def _shown(found: dict[str, list]) -> dict[str, list]:
    return {name: [(f.rule, f.level, str(f.where), f.message) for f in items]
            for name, items in found.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--static", action="store_true", help="without LibreOffice (no render.* rules)")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # the stand-in fonts of this machine: said once per run elsewhere
    with tempfile.TemporaryDirectory(prefix="reportgen-precision-") as tmp:
        paths = corpus.build(Path(tmp))
        found, crashed = findings(paths, render=not args.static)
    totals = Counter()
    print(f"{'document':<26}{'findings':>9}{'true':>6}{'missed':>8}")
    for name in corpus.CORPUS:
        want = [e for e in corpus.expected(name) if not (args.static and e[0].startswith("render."))]
        true = sum((Counter(found[name]) & Counter(want)).values())
        totals.update(found=len(found[name]), true=true, want=len(want))
        print(f"{name:<26}{len(found[name]):>9}{true:>6}{len(want) - true:>8}")
    precision = totals["true"] / totals["found"] if totals["found"] else 1.0
    recall = totals["true"] / totals["want"] if totals["want"] else 1.0
    print(f"findings: {totals['found']}, true: {totals['true']}, written down: {totals['want']}")
    print(f"precision: {precision:.1%}")
    print(f"recall: {recall:.1%}")
    print(f"crashes: {len(crashed)}" + "".join(f"\n  {c}" for c in crashed))


if __name__ == "__main__":
    main()
