"""Test helpers: effective run formatting read the way Word resolves it, and PDF measurements."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx.oxml.ns import qn

import reportgen
from reportgen.cli.commands import main
from reportgen.office import convert, pdf_text
from reportgen.office.pdf_text import Line

ROOT = Path(__file__).resolve().parents[1]
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


def style_chain(doc, style_id: str | None):
    """The style element with ``style_id`` and its basedOn ancestors, nearest first."""
    styles = doc.styles.element
    chain = []
    while style_id:
        element = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
        if element is None:
            break
        chain.append(element)
        based = element.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else None
    return chain


def _rpr_chain(doc, paragraph, run):
    """Run properties from direct formatting to document defaults, in the order Word applies them."""
    chain = [run._r.rPr]
    rstyle = run._r.rPr.find(qn("w:rStyle")) if run._r.rPr is not None else None
    if rstyle is not None:
        chain += [s.find(qn("w:rPr")) for s in style_chain(doc, rstyle.get(qn("w:val")))]
    ppr = paragraph._p.pPr
    pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
    chain += [s.find(qn("w:rPr")) for s in style_chain(
        doc, pstyle.get(qn("w:val")) if pstyle is not None else "Normal")]
    chain.append(doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"))
    return [rpr for rpr in chain if rpr is not None]


def effective_font(doc, paragraph, run) -> dict:
    """Each font slot, the size in points and theme attributes in force for ``run``."""
    fonts: dict = {}
    size = None
    themes = []
    for rpr in _rpr_chain(doc, paragraph, run):
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is not None:
            themes += [k for k in rfonts.attrib if k.endswith("Theme")]
            for slot in FONT_SLOTS:
                fonts.setdefault(slot, rfonts.get(qn(f"w:{slot}")))
            fonts.setdefault("hint", rfonts.get(qn("w:hint")))
        sz = rpr.find(qn("w:sz"))
        if size is None and sz is not None:
            size = int(sz.get(qn("w:val"))) / 2
    return {**{k: v for k, v in fonts.items() if v}, "size": size, "themes": themes}


def problems(path) -> list[str]:
    """Every problem ``reportgen.validate`` reports for the YAML file ``path``, as printed."""
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.validate(path)
    return [str(p) for p in caught.value.problems]


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx: Path, profile: Path) -> Path:
    """Convert with LibreOffice as reportgen does (stand-in fonts of the package's fonts.conf)."""
    return convert.convert_to_pdf({docx: docx.with_suffix(".pdf")}, profile)[0]


def pdf_pages(pdf: Path) -> list[list[Line]]:
    """The text lines of every page, from ``pdftotext -bbox-layout``."""
    return [page.lines for page in pdf_text.pdf_pages(pdf)]


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Run the reportgen command line: its exit status, stdout and stderr."""
    with pytest.raises(SystemExit) as exited:
        main([*args])
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return exited.value.code, out, err


LAUNCHER = """
import json, os, resource, subprocess, sys
timeout, memory, cpu, command = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
def capped():
    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                         preexec_fn=capped)
try:
    out, err = child.communicate(timeout=timeout)
    status = child.returncode
except subprocess.TimeoutExpired:
    os.killpg(child.pid, 9)
    out, err = child.communicate()
    status = None
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"status": status, "out": out.decode("utf-8", "replace"),
                  "err": err.decode("utf-8", "replace"), "cpu": used.ru_utime + used.ru_stime,
                  "mb": used.ru_maxrss / 1024}))
"""


@dataclass(frozen=True)
class Measured:
    """A reportgen run in a process of its own: exit status (None past the timeout), output, the
    CPU seconds of its process tree and the peak resident memory of its largest process, in MB."""

    status: int | None
    out: str
    err: str
    cpu: float
    mb: float


MEMORY_CAP, CPU_CAP = 1 << 30, 30


def measured(*args: str, cwd: Path, timeout: float = 60, memory: int = MEMORY_CAP,
             cpu: int = CPU_CAP) -> Measured:
    """Run ``reportgen args`` in ``cwd`` as a user would, measured by a small launcher process:
    a child of pytest itself would carry pytest's memory in its peak (Linux counts it at fork).

    Each process reportgen starts may hold ``memory`` bytes of address space (0: no cap) and
    spend ``cpu`` CPU seconds (RLIMIT_AS, RLIMIT_CPU): past them a broken limit ends in a
    MemoryError or SIGXCPU within seconds, not in a machine that swaps until the timeout."""
    command = [sys.executable, "-c", LAUNCHER, str(timeout), str(memory), str(cpu),
               sys.executable, "-m", "reportgen", *args]
    done = subprocess.run(command, cwd=cwd, capture_output=True, check=True)
    return Measured(**json.loads(done.stdout))
