"""Start-up: the command line loads only what the command it runs uses (fresh interpreters)."""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import ROOT

HEAVY = ["pydantic", "docxtpl", "openpyxl", "jinja2", "docx"]


def modules_after(code: str) -> set[str]:
    """The top-level modules loaded once ``code`` has run in a fresh interpreter."""
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_importing_the_package_or_the_command_line_loads_no_heavy_library():
    for code in ("import reportgen", "import reportgen.cli",
                 "import reportgen.cli.commands, reportgen.cli.console"):
        assert [m for m in HEAVY if m in modules_after(code)] == [], code


def test_help_loads_no_heavy_library_and_no_pipeline():
    loaded = modules_after("from reportgen.cli.commands import main\ntry:\n    main(['--help'])\n"
                           "except SystemExit:\n    pass")
    assert [m for m in HEAVY if m in loaded] == []
    assert {m for m in loaded if m.startswith("reportgen.")} <= {
        "reportgen.errors", "reportgen.cli", "reportgen.cli.commands", "reportgen.cli.batch_commands",
        "reportgen.cli.click_chinese", "reportgen.cli.file_commands", "reportgen.cli.help_format", "reportgen.chinese",
        "reportgen.chinese.widths", "reportgen.batches", "reportgen.batches.manifest",
        "reportgen.files", "reportgen.files.atomic_write", "reportgen.files.write_errors"}


def test_a_plain_build_loads_neither_the_batch_side_nor_the_checker(tmp_path):
    loaded = modules_after(
        "from reportgen.cli.commands import main\ntry:\n"
        f"    main(['build', {str(ROOT / 'samples' / 'plan.yaml')!r}, '-o', {str(tmp_path)!r}])\n"
        "except SystemExit:\n    pass")
    assert (tmp_path / "plan.docx").is_file()
    assert "openpyxl" not in loaded
    assert [m for m in loaded if m.startswith(("reportgen.check", "reportgen.batches.run",
                                               "reportgen.office", "reportgen.authoring"))] == []


def test_the_library_functions_are_there_when_asked_for():
    import reportgen
    assert {"build", "validate", "batch", "rollup"} <= set(dir(reportgen))
    assert reportgen.build.__module__ == "reportgen.api"
