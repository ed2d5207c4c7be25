"""The rule for paths written inside YAML files (继承, 模板): relative, and inside the project.

YAML files travel between offices, so a path written in one is not trusted: it must be relative
(no ``/``, ``~``, ``C:`` or ``\\\\server`` start) and, with symbolic links followed, stay inside the
project folder, which is the folder of the file named on the command line unless ``--project``
names a larger one. A backslash is a folder separator, as in files written on Windows. Paths
given on the command line are the user's own and are not checked.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

ABSOLUTE = re.compile(r"^([/\\~]|[A-Za-z]:)")


def written_path(text: str, folder: Path, project: Path) -> Path:
    """The file that ``text``, written in a file of ``folder``, names; ValueError if the rule
    refuses it. The message says what to do and is shown at the key that wrote ``text``."""
    text = text.strip()
    if ABSOLUTE.match(text):
        raise ValueError(f"“{text}”不是相对路径：文件中只能写相对于本文件所在文件夹的路径"
                         "（如 ../2024/方案.yaml），请把要用的文件复制到项目文件夹内")
    path = Path(os.path.normpath(folder / text.replace("\\", "/")))
    if not within(path, project):
        raise ValueError(f"“{text}”在项目文件夹{shown(project)}之外：请把文件复制到项目文件夹内，"
                         "或在命令中加 --project 指定更大的项目文件夹")
    return path


def within(path: Path, folder: Path) -> bool:
    """Whether ``path``, with links followed, is ``folder`` or inside it."""
    return path.resolve().is_relative_to(folder.resolve())


def shown(project: Path) -> str:
    """The project folder as the user named it, for messages."""
    return f" {project} " if str(project) not in ("", ".") else "（当前文件夹）"


def project_of(file: str | Path, project: str | Path | None) -> Path:
    """The project folder for the file named on the command line: ``project``, else its folder."""
    return Path(project) if project is not None else Path(file).parent
