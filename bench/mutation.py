"""Mutation testing of the core modules with mutmut: per module its score and every survivor.

    python bench/mutation.py [MODULE ...] [--fresh | --recheck | --report] [--max-children N] [--list]

Each module is run on its own, against its own fast tests only (no LibreOffice rendering), in a
folder of its own, ``.mutation/MODULE/`` (git-ignored), where mutmut copies the code and the tests
into ``mutants/`` and keeps every verdict: a run that is stopped goes on where it stopped the next
time; ``--recheck`` runs the survivors again (after tests were added; after a change to the
module's list of tests below, mutmut runs all its mutants again), ``--fresh`` starts over (after
the code changed), ``--report`` prints the verdicts kept, running nothing. The modules, their source files and the tests run against them:

    numerals     chinese/numerals.py, check/ordinal_parse.py (the ordinals 一、（一）1.（1）
                 written, and read back by check) — tests/chinese, tests/layout,
                 tests/check (ordinals, rules, read, report)
    numbering    check/docx_numbering.py (the labels of Word's automatic numbering, as check
                 reads them) — tests/check (numbering, rules, read, report, word shapes, corpus)
    widths       chinese/widths.py — tests/chinese, tests/layout
    outline      layout/outline.py — tests/layout, tests/chinese
    signature    layout/signature.py — tests/layout
    tables       layout/tables.py (column widths and 合计 rows) — tests/layout
    unit_lists   batches/unit_lists.py, sheet_rows.py — tests/batches (unit lists and their files, batch)
    manifest     batches/manifest.py — tests/batches (the batch and its outputs)
    rules_ordinals, rules_signature, check_rules
                 check/rules_ordinals.py, check/rules_signature.py, and the other check/rules_*.py
                 (fonts, footer, layout, lines, links, lost, page, render, text) — every fast test
                 of tests/check (the rules and the forms of each, read, report, word shapes,
                 corpus)
    sandbox      sandbox/*.py — tests/sandbox, tests/validation, tests/word/test_template_check.py
                 (not tests/test_hostile.py: each of its tests runs in a forked child, whose
                 calls mutmut does not see, so it would run against no mutant)

Before each test, every cache of reportgen's functions is emptied (bench/fresh_caches.py, a
pytest plugin): mutmut runs a function's mutants against the tests that called it while it
recorded them, and a function behind a cache (the sandbox's environments, compiled placeholders)
would otherwise be recorded for the first of them alone.

It prints, per module, killed / total and the percentage (a timeout counts as killed; a mutant
that no test reaches counts as surviving, and so does one whose worker crashed, exit code 255,
which mutmut reports as a timeout), then each survivor as file:line and its diff. Needs the
``mutation`` extra (``pip install -e '.[mutation]'``); runs at low priority (nice 10), one mutant
at a time unless ``--max-children`` says otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".mutation"
SRC = "src/reportgen/"
RENDERING = ["--ignore=tests/layout/test_signature_placement.py",
             "--ignore=tests/check/test_check_render.py"]
CHECK_TESTS = ["tests/check/test_check_rules.py", "tests/check/test_check_ordinals.py",
               "tests/check/test_check_read.py", "tests/check/test_check_report.py"]
OTHER_RULES = ("fonts", "footer", "layout", "lines", "links", "lost", "page", "render", "text")
RULE_TESTS = ("tests/check", "-k", "not render")  # LibreOffice's tests are test_check_render*.py
WORD_TESTS = ["tests/check/test_check_word_shapes.py", "tests/check/test_corpus.py"]


@dataclass(frozen=True)
class Module:
    """Source files to mutate (globs under src/reportgen/) and the pytest arguments that test them."""

    sources: tuple[str, ...]
    tests: tuple[str, ...]


MODULES = {
    "numerals": Module(("chinese/numerals.py", "check/ordinal_parse.py"),
                       ("tests/chinese", "tests/layout", "tests/check/test_ordinal_parse.py",
                        *CHECK_TESTS, *RENDERING)),
    "numbering": Module(("check/docx_numbering.py",),
                        ("tests/check/test_docx_numbering.py", *CHECK_TESTS, *WORD_TESTS, "-k", "not render")),
    "widths": Module(("chinese/widths.py",), ("tests/chinese", "tests/layout", *RENDERING)),
    "outline": Module(("layout/outline.py",), ("tests/layout", "tests/chinese", *RENDERING)),
    "signature": Module(("layout/signature.py",), ("tests/layout", *RENDERING)),
    "tables": Module(("layout/tables.py",), ("tests/layout", *RENDERING)),
    "unit_lists": Module(("batches/unit_lists.py", "batches/sheet_rows.py"),
                         ("tests/batches/test_unit_lists.py", "tests/batches/test_unit_list_files.py",
                          "tests/batches/test_batch.py")),
    "manifest": Module(("batches/manifest.py",), ("tests/batches",)),
    "rules_ordinals": Module(("check/rules_ordinals.py",), RULE_TESTS),
    "rules_signature": Module(("check/rules_signature.py",), RULE_TESTS),
    "check_rules": Module(tuple(f"check/rules_{name}.py" for name in OTHER_RULES), RULE_TESTS),
    "sandbox": Module(("sandbox/*",), ("tests/sandbox", "tests/validation", "tests/word/test_template_check.py")),
}


@dataclass(frozen=True)
class Preload:
    """The libraries the fork server imports before forking a process for each mutant."""

    name: str
    modules: tuple[str, ...]


PRELOAD = Preload("preload.txt", ("pytest", "hypothesis", "lxml.etree", "docx", "docxtpl", "jinja2",
                                  "pydantic", "yaml", "openpyxl"))
KILLED = {"killed", "timeout", "segfault", "caught by type check"}
COPIED = ["templates", "samples", "docs", "README.md"]  # what tests read besides src/ and tests/
PLUGIN = ["-p", "bench.fresh_caches"]  # mutmut's copy of bench/ holds it
LINKED = ("src", "tests", "bench", *COPIED)


def toml_list(values) -> str:
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"


def project_toml(module: Module) -> str:
    """The project's pyproject.toml with its [tool.mutmut] table written for ``module`` alone."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    text = re.sub(r"\n\[tool\.mutmut\]\n.*?(?=\n\[)", "\n", text, flags=re.DOTALL)
    return text + "\n".join([
        "", "[tool.mutmut]", 'source_paths = ["src"]',
        # each mutant runs in a process forked before any test ran: a cache a test filled (the
        # sandbox's environment, compiled placeholders) would otherwise hide the mutant
        'process_isolation = "forkserver"',
        # the fork server imports the libraries, and runs no test collection: pytest run twice in
        # one process escapes an explicit non-ASCII test id twice (ids=["成文日期"]), and the
        # second run, the mutant's, finds no such test and stops with a usage error
        'forkserver_warmup = "import"', f'preload_modules_file = "{PRELOAD.name}"',
        f"only_mutate = {toml_list(SRC + s for s in module.sources)}",
        f"also_copy = {toml_list([*COPIED, 'bench'])}",
        f"pytest_add_cli_args = {toml_list(PLUGIN)}",
        f"pytest_add_cli_args_test_selection = {toml_list(module.tests)}", ""])


def workspace(name: str, fresh: bool) -> Path:
    """.mutation/NAME with links to the project's folders and the module's pyproject.toml."""
    folder = WORK / name
    if fresh and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for link in LINKED:
        if not (folder / link).exists():
            (folder / link).symlink_to(ROOT / link)
    (folder / "pyproject.toml").write_text(project_toml(MODULES[name]), encoding="utf-8")
    (folder / PRELOAD.name).write_text("\n".join(PRELOAD.modules) + "\n", encoding="utf-8")
    return folder


def mutmut(folder: Path, *args: str, log: Path | None = None) -> str:
    """Run mutmut in ``folder`` at low priority; its output (or, with ``log``, nothing)."""
    command = ["nice", "-n", "10", str(Path(sys.executable).with_name("mutmut")), *args]
    if log is None:
        return subprocess.run(command, cwd=folder, capture_output=True, text=True).stdout
    with log.open("a", encoding="utf-8") as out:
        done = subprocess.run(command, cwd=folder, stdout=out, stderr=subprocess.STDOUT,
                              env={**os.environ, "TERM": "dumb"})
    if done.returncode != 0:
        print(f"mutmut {args[0]} stopped with status {done.returncode}: see {log}")
    return ""


def verdicts(folder: Path) -> dict[str, str]:
    """Every mutant's name and status, as ``mutmut results --all`` prints them; a mutant whose
    worker crashed (exit code 255, which mutmut calls a timeout) is "crashed", not killed."""
    found = re.findall(r"^\s+(\S+): (.+)$", mutmut(folder, "results", "--all", "true"), flags=re.MULTILINE)
    return {**dict(found), **dict.fromkeys(crashed(folder), "crashed")}


def crashed(folder: Path) -> list[str]:
    """The mutants whose worker ended with exit code 255: its test run raised, nothing was judged."""
    codes = {}
    for meta in (folder / "mutants").rglob("*.meta"):
        codes.update(json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {}))
    return [name for name, code in codes.items() if code == 255]


SHOW = """
import sys
from mutmut.__main__ import find_mutant, get_diff_for_mutant
for name in sys.argv[1:]:
    print("=== " + name)
    print(get_diff_for_mutant(name, path=find_mutant(name).path))
"""


def diffs(folder: Path, mutants: list[str]) -> dict[str, list[str]]:
    """Each mutant's diff, as ``mutmut show`` prints it (all in one run of mutmut's code)."""
    if not mutants:
        return {}
    out = subprocess.run([sys.executable, "-c", SHOW, *mutants], cwd=folder, capture_output=True,
                         text=True).stdout
    parts = re.split(r"^=== (\S+)\n", out, flags=re.MULTILINE)[1:]
    return {name: text.splitlines() for name, text in zip(parts[::2], parts[1::2], strict=True)}


def survivor_text(mutant: str, diff: list[str]) -> str:
    """``file:line`` of the survivor's change, and the lines it changes."""
    path = next((line[4:].strip() for line in diff if line.startswith("--- ")), "")
    removed = next((line[1:] for line in diff if line.startswith("-") and not line.startswith("---")),
                   None)
    where = path
    if removed is not None and (ROOT / path).is_file():
        source = (ROOT / path).read_text(encoding="utf-8").splitlines()
        hits = [i for i, line in enumerate(source, start=1) if line.strip() == removed.strip()]
        where = f"{path}:{hits[0]}" if hits else path
    changes = [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    return "\n".join([f"  {mutant}  ({where})", *(f"      {line}" for line in changes)])


def in_order(mutant: str) -> tuple[str, int]:
    """Sort key: by function, then by mutant number (…_mutmut_2 before …_mutmut_10)."""
    function, _, number = mutant.rpartition("_")
    return function, int(number) if number.isdigit() else 0


def run_module(name: str, args) -> tuple[int, int]:
    """Run (or go on with) the module's mutants, print its score and survivors; (killed, total)."""
    folder = workspace(name, args.fresh)
    log = folder / "run.log"
    if args.recheck:
        again = [m for m, status in verdicts(folder).items() if status not in KILLED]
        (folder / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
        if again:
            mutmut(folder, "run", "--max-children", str(args.max_children), *again, log=log)
    elif not args.report:
        mutmut(folder, "run", "--max-children", str(args.max_children), log=log)
    found = verdicts(folder)
    killed = sum(status in KILLED for status in found.values())
    share = f"{100 * killed / len(found):.1f}%" if found else "no mutants"
    print(f"{name}: {killed} / {len(found)} killed ({share})", flush=True)
    left = sorted((m for m, status in found.items() if status not in KILLED), key=in_order)
    for mutant, diff in diffs(folder, left).items():
        status = found[mutant]
        print(f"  [{status}]" if status != "survived" else "", end="")
        print(survivor_text(mutant, diff), flush=True)
    return killed, len(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help=f"one or more of {', '.join(MODULES)} (all of them if none)")
    again = parser.add_mutually_exclusive_group()
    again.add_argument("--fresh", action="store_true", help="start the modules over")
    again.add_argument("--recheck", action="store_true", help="run the survivors again")
    again.add_argument("--report", action="store_true", help="print the verdicts kept, running nothing")
    parser.add_argument("--max-children", type=int, default=1, help="mutants run at once (1)")
    parser.add_argument("--list", action="store_true", help="print the modules and stop")
    args = parser.parse_args(argv)
    unknown = [name for name in args.modules if name not in MODULES]
    if unknown:
        parser.error(f"no module {', '.join(unknown)}; the modules: {', '.join(MODULES)}")
    if args.list:
        for name, module in MODULES.items():
            print(f"{name}: {' '.join(module.sources)} — {' '.join(module.tests)}")
        return 0
    totals = [run_module(name, args) for name in args.modules or MODULES]
    killed, total = sum(k for k, _ in totals), sum(t for _, t in totals)
    if len(totals) > 1 and total:
        print(f"all: {killed} / {total} killed ({100 * killed / total:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
