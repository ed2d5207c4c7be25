"""Running LibreOffice and poppler: .docx to PDF (many files in one run), PDF pages to PNG."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from ..errors import Problem, ReportgenError, ToolMissing
from ..files.write_errors import write_error
from .conversion_copy import Step, conversion_copies
from .fonts import fonts_conf, warn_stand_in_fonts

INSTALL = "sudo apt-get install"
TIMEOUT = 600


def soffice() -> str:
    """The LibreOffice program, or ToolMissing naming the Debian package to install."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise ToolMissing(Problem("reportgen", "需要 LibreOffice 才能转换为 PDF，但本机没有安装。"
                                  f"请安装：{INSTALL} libreoffice-writer-nogui"))
    return found


def path_argument(path: Path) -> str:
    """``path`` as an argument no program reads as an option (``-rf.docx``, ``-env:…``): absolute."""
    return str(Path(path).resolve())


def poppler(program: str) -> str:
    """A poppler-utils program (pdftoppm, pdftotext), or ToolMissing naming the package."""
    found = shutil.which(program)
    if found is None:
        raise ToolMissing(Problem("reportgen", f"需要 {program} 才能处理 PDF，但本机没有安装。"
                                  f"请安装：{INSTALL} poppler-utils"))
    return found


def convert_to_pdf(targets: dict[Path, Path], profile: Path | None = None,
                   starting: Callable[[int], None] | None = None,
                   steps: Mapping[Path, tuple[Step, ...]] | None = None) -> list[Path]:
    """Convert each .docx to its target .pdf with as few LibreOffice runs as names allow.

    Files are converted in batches (one run each) of distinct names, so two ``plan.docx`` from
    different folders do not collide. ``profile`` is a LibreOffice user profile folder to reuse;
    by default a fresh temporary one, so a LibreOffice the user has open is left alone.
    LibreOffice converts a copy of each file (conversion_copy.py), never the file itself.
    ``starting`` is told how many files once every one is judged convertible, just before
    LibreOffice starts (which takes seconds); ``steps`` adds conversion steps for some files.
    """
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="reportgen-lo-") as tmp:
        copies = conversion_copies(list(targets), Path(tmp) / "copies", steps)
        warn_stand_in_fonts()
        if starting is not None:
            starting(len(targets))
        for n, batch in enumerate(batches_by_name(list(targets))):
            out_dir = Path(tmp) / f"batch{n}"
            _run_soffice(program, batch, copies, out_dir, profile or Path(tmp) / "profile")
            for docx in batch:
                _move(_converted(docx, out_dir), targets[docx])
    return list(targets.values())


def batches_by_name(files: list[Path]) -> list[list[Path]]:
    """Split files so that no batch holds two with the same name (their PDFs would collide)."""
    batches: list[list[Path]] = []
    for path in files:
        batch = next((b for b in batches if all(p.stem != path.stem for p in b)), None)
        if batch is None:
            batches.append(batch := [])
        batch.append(path)
    return batches


def _run_soffice(program: str, files: list[Path], copies: dict[Path, Path], out_dir: Path,
                 profile: Path) -> None:
    """Convert the copies of ``files``; problems name the first of ``files`` itself."""
    command = [program, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", path_argument(out_dir),
               *(path_argument(copies[f]) for f in files)]
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf())}
    try:
        subprocess.run(command, check=True, capture_output=True, env=env, timeout=TIMEOUT)
    except subprocess.CalledProcessError as exc:
        # LibreOffice's own words are English and name its internals: the user gets the code
        raise ReportgenError(Problem(str(files[0]), f"LibreOffice 没能转换（退出码 {exc.returncode}）："
                                     "请确认这个文件能在 Word 或 LibreOffice 中打开")) from None
    except subprocess.TimeoutExpired:
        raise ReportgenError(Problem(str(files[0]), "LibreOffice 转换超时")) from None


def _converted(docx: Path, out_dir: Path) -> Path:
    pdf = out_dir / f"{docx.stem}.pdf"
    if not pdf.is_file():
        raise ReportgenError(Problem(str(docx), "LibreOffice 未能转换此文件（文件可能已损坏）"))
    return pdf


def _move(source: Path, target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(source, target)
    except OSError as exc:
        raise write_error(target, exc) from None


def png_pages(pdf: Path, out_dir: Path, stem: str, dpi: int = 100, first: int | None = None,
              last: int | None = None) -> list[Path]:
    """Render pages to ``out_dir/<stem>-<n>.png`` (n = page number); return them in page order."""
    command = [poppler("pdftoppm"), "-png", "-r", str(dpi)]
    command += ["-f", str(first)] if first else []
    command += ["-l", str(last)] if last else []
    with tempfile.TemporaryDirectory(prefix="reportgen-png-") as tmp:
        subprocess.run([*command, path_argument(pdf), path_argument(Path(tmp) / "page")], check=True,
                       capture_output=True)
        rendered = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[1]))
        targets = [out_dir / f"{stem}-{int(p.stem.split('-')[1])}.png" for p in rendered]
        for source, target in zip(rendered, targets, strict=True):
            _move(source, target)
    return targets
