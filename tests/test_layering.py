"""The rooms of src/reportgen import one way only, and each foreign library stays in its room.

The contract below is the architecture: a room may import itself, the rooms it lists, and
nothing else. docs/development.md ("Project layout") draws the same picture.
"""

from __future__ import annotations

import ast
from pathlib import Path

from helpers import ROOT

PACKAGE = ROOT / "src" / "reportgen"
ROOMS = {
    "errors": set(),
    "files": {"errors"},
    "chinese": set(),
    "sandbox": {"chinese", "errors"},
    "model": {"chinese", "errors"},
    "load": {"model", "files", "chinese", "errors"},
    "validation": {"load", "model", "sandbox", "chinese", "errors"},
    "layout": {"model", "chinese", "errors"},
    "word": {"layout", "load", "model", "sandbox", "files", "chinese", "errors"},
    "office": {"files", "errors"},
    "check": {"office", "files", "chinese", "errors"},
    "batches": {"word", "layout", "validation", "load", "model", "files", "chinese", "errors"},
    "authoring": {"validation", "load", "model", "files", "chinese", "errors"},
    "docx_import": {"check", "validation", "layout", "load", "model", "files", "chinese", "errors"},
    "api": {"batches", "check", "authoring", "docx_import", "office", "word", "layout", "validation", "load",
            "model", "sandbox", "files", "chinese", "errors"},
}
ROOMS["cli"] = {*ROOMS["api"], "api"}
TOP_LEVEL = {"__init__": "api", "api": "api", "export": "api", "errors": "errors", "__main__": "cli"}
# Foreign libraries that only one room (or module) may import.
FOREIGN = {"click": {"cli"}, "openpyxl": {"batches.unit_lists"}, "yaml": {"load"},
           "docxtpl": {"word.fill"}, "jinja2": {"sandbox", "word.fill"}, "subprocess": {"office"},
           "rjieba": {"chinese.title_lines"}}


def module_name(path: Path) -> str:
    """``load.yaml_file`` for src/reportgen/load/yaml_file.py, ``check`` for its __init__.py."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def room_of(module: str) -> str:
    first = module.split(".")[0]
    return TOP_LEVEL.get(first, first)


def imports(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports (at any depth of the file), as absolute names, with its line."""
    here = ["reportgen", *module_name(path).split(".")]
    package = here if path.name == "__init__.py" else here[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level:
            base = ".".join(package[:len(package) - node.level + 1] + [node.module or ""]).strip(".")
            found += [(node.lineno, f"{base}.{a.name}" if not node.module else base)
                      for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, node.module))
    return found


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def layering_faults() -> list[str]:
    faults = []
    for path in sources():
        room = room_of(module_name(path))
        for line, target in imports(path):
            if not target.startswith("reportgen.") or target == "reportgen":
                continue
            other = room_of(target.removeprefix("reportgen."))
            if other != room and other not in ROOMS[room]:
                faults.append(f"{path.relative_to(ROOT)}:{line}: {room} imports {target}; "
                              f"{room} may import {', '.join(sorted(ROOMS[room])) or 'nothing'}")
    return faults


def test_rooms_import_only_the_rooms_below_them():
    assert layering_faults() == []


def test_the_contract_has_no_cycle_and_names_every_room():
    rooms = {room_of(module_name(p)) for p in sources()}
    assert rooms == set(ROOMS)
    order: list[str] = []
    while len(order) < len(ROOMS):
        ready = [r for r in ROOMS if r not in order and ROOMS[r] <= set(order)]
        assert ready, f"a cycle among {sorted(set(ROOMS) - set(order))}"
        order += ready


def test_foreign_libraries_stay_in_their_rooms():
    faults = []
    for path in sources():
        module = module_name(path)
        for line, target in imports(path):
            owners = FOREIGN.get(target.split(".")[0])
            if owners and not any(module == o or module.startswith(f"{o}.") for o in owners):
                faults.append(f"{path.relative_to(ROOT)}:{line}: imports {target}")
    assert faults == []


def test_every_room_says_what_it_is_for_and_what_it_may_import():
    for init in PACKAGE.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text("utf-8"))) or ""
        allowed = ROOMS[init.parent.name]
        assert "May import:" in doc, init
        said = doc.split("May import:")[1]
        assert all(room in said for room in allowed), init


def test_the_top_level_holds_few_modules_and_no_module_is_long():
    assert sorted(p.stem for p in PACKAGE.glob("*.py")) == sorted(TOP_LEVEL)
    long = [f"{p.relative_to(ROOT)}: {n}" for p in sources()
            if (n := len(p.read_text("utf-8").splitlines())) > 300]
    assert long == []
