"""Finding Word templates: built-in ones by name (shipped in the wheel), others by path."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path


@functools.cache
def builtin_folder() -> Path:
    """The built-in templates: inside the installed package, or ``templates/`` of a checkout."""
    installed = Path(str(resources.files("reportgen"))) / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "templates"


def builtin_names() -> list[str]:
    """Names usable as ``template: NAME``."""
    return list(_builtin_names())


@functools.cache
def _builtin_names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in builtin_folder().glob("*.docx")))


def find_template(name: str, folder: Path) -> Path:
    """Resolve ``template:``: a built-in name, or a .docx path relative to the YAML's folder."""
    if not name.lower().endswith(".docx"):
        if name in _builtin_names():
            return builtin_folder() / f"{name}.docx"
        raise ValueError(f"没有名为“{name}”的内置模板；可用：{'、'.join(builtin_names())}，"
                         "或写 .docx 文件的路径")
    path = Path(name) if Path(name).is_absolute() else folder / name
    if not path.is_file():
        raise ValueError(f"找不到模板文件 {path}")
    return path
