"""Write the documents of this folder and their renderings anew, as ``check --render`` makes
them (needs LibreOffice); the results are committed.

    python tests/check/pdfs/make_pdfs.py [NAME ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE.parent)]
from pdfs import DOCUMENTS, paths  # noqa: E402
from reportgen.check.docx_read import read_docx  # noqa: E402
from reportgen.check.render_copy import rendering_steps  # noqa: E402
from reportgen.office.convert import convert_to_pdf  # noqa: E402


def make(names: list[str]) -> None:
    targets = dict(paths(name) for name in names)
    for name in names:
        DOCUMENTS[name](paths(name)[0])
    convert_to_pdf(targets, steps={docx: rendering_steps(read_docx(docx)) for docx in targets})


if __name__ == "__main__":
    make(sys.argv[1:] or list(DOCUMENTS))
