"""Finding Word templates: built-in ones by name (shipped in the wheel), others by path."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from ..errors import Problem, ReportgenError
from ..files.atomic_write import write_atomic
from ..load.located_data import Source
from ..load.written_paths import written_path
from ..model.keys import spelling

TEMPLATE_KEYS = ("template", "模板")

# What each built-in template is for, as `reportgen templates` lists it (a test keeps it complete).
PURPOSES = {
    "plan": "方案：实施方案、工作方案（文种为方案时的默认模板）",
    "summary": "总结：工作总结、情况报告（文种为总结时的默认模板）",
}


@functools.cache
def builtin_folder() -> Path:
    """The built-in templates: inside the installed package, or ``templates/`` of a checkout."""
    installed = Path(str(resources.files("reportgen"))) / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[3] / "templates"


def builtin_names() -> list[str]:
    """Names usable as ``template: NAME``."""
    return list(_builtin_names())


@functools.cache
def _builtin_names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in builtin_folder().glob("*.docx")))


def builtin_path(name: str) -> Path:
    """The file of the built-in template ``name``; ValueError naming the choices if there is none."""
    if name not in _builtin_names():
        raise ValueError(f"没有名为“{name}”的内置模板；可用：{'、'.join(builtin_names())}")
    return builtin_folder() / f"{name}.docx"


def find_template(name: str, folder: Path, project: Path) -> Path:
    """Resolve ``template:``: a built-in name, or a file path relative to the YAML's folder,
    which must stay inside ``project`` (load/written_paths.py).

    A name with a suffix or a folder in it is a path, whatever its suffix, so that a .doc or .wps
    template is reported as such by the template check rather than as an unknown built-in.
    """
    if not Path(name).suffix and len(Path(name).parts) == 1:
        try:
            return builtin_path(name)
        except ValueError as exc:
            raise ValueError(f"{exc}，或写 .docx 文件的路径") from None
    path = written_path(name, folder, project)
    if not path.is_file():
        raise ValueError(f"找不到模板文件 {path}")
    return path


def export_template(name: str, target: Path, *, force: bool = False) -> Path:
    """Copy the built-in template ``name`` to ``target`` for editing in Word or WPS.

    ``target`` is the .docx file to write, or a folder (one that exists, or a name without a
    suffix, created if needed) to write ``<name>.docx`` into, as ``build -o`` takes it. An existing file is only replaced with ``force``; the copy is written atomically.
    """
    try:
        source = builtin_path(name)
    except ValueError as exc:
        raise ReportgenError(Problem(name, str(exc))) from None
    target = export_target(name, target)
    if target.exists() and not force:
        raise ReportgenError(Problem(str(target), "文件已存在；要覆盖它，请加 --force"))
    return write_atomic(target, source.read_bytes())


def export_target(name: str, target: Path) -> Path:
    """The file ``export_template`` writes for ``target`` (a .docx file or a folder)."""
    if target.is_dir() or not target.suffix:
        return target / f"{name}.docx"
    if target.suffix.lower() != ".docx":
        raise ReportgenError(Problem(str(target), f"模板要保存为 .docx 文件（Word 或 WPS 都能打开），"
                                              f"请把“{target.suffix}”改为“.docx”，或写一个文件夹"))
    return target


def template_for(name: str, source: Source) -> Path:
    """The template ``name`` as the YAML ``source`` asks for it, or an error located at its key.

    A template path is relative to the file that wrote it, which may be a file this one extends.
    """
    key = spelling(source.data, TEMPLATE_KEYS) or TEMPLATE_KEYS[0]
    try:
        return find_template(name, source.folder_of((key,)), source.project_folder)
    except ValueError as exc:
        file, line, col = source.where((key,))
        raise ReportgenError(Problem(file, str(exc), line, col, key)) from None
