"""Render samples/plan.yaml to docs/plan-page01.png and docs/plan-page02.png for the README.

Needs LibreOffice and poppler-utils; converts through reportgen.office, which maps the standard's
fonts to free stand-ins (src/reportgen/fonts.conf).
Run: python tools/preview.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import reportgen
from reportgen import office

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docx = reportgen.build(ROOT / "samples" / "plan.yaml", Path(tmp) / "plan.docx")
        pdf = office.convert_to_pdf({docx: Path(tmp) / "plan.pdf"})[0]
        pages = office.png_pages(pdf, Path(tmp), "plan", dpi=60, first=1, last=2)
        for number, page in enumerate(pages, start=1):
            target = ROOT / "docs" / f"plan-page{number:02d}.png"
            page.replace(target)
            print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
