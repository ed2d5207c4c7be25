"""Render pages of the samples to docs/*.png for the README.

Needs LibreOffice and poppler-utils; converts through reportgen.office, which maps the standard's
fonts to free stand-ins (src/reportgen/office/fonts.conf).
Run: python tools/preview.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import reportgen
from reportgen.office import convert

ROOT = Path(__file__).resolve().parents[1]
PAGES = {"plan": [1, 2, 11], "summary": [3, 4], "notice-plan": [1, 2], "rollup": [1, 2]}  # pages shown in the docs


def sample_documents(folder: Path) -> dict[str, Path]:
    """The samples built into ``folder``, and the roll-up of the campaign sample."""
    docs = {name: reportgen.build(ROOT / "samples" / f"{name}.yaml", folder / f"{name}.docx")
            for name in PAGES if name != "rollup"}
    campaign = ROOT / "samples" / "campaign"
    docs["rollup"] = reportgen.batch(campaign / "campaign.yaml", campaign / "units.csv",
                                     folder / "campaign", jobs=1).rollup
    return docs


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docs = sample_documents(Path(tmp))
        pdfs = convert.convert_to_pdf({d: d.with_suffix(".pdf") for d in docs.values()})
        for (name, wanted), pdf in zip(PAGES.items(), pdfs, strict=True):
            for number in wanted:
                (page,) = convert.png_pages(pdf, Path(tmp), name, dpi=60, first=number, last=number)
                target = ROOT / "docs" / f"{name}-page{number:02d}.png"
                page.replace(target)
                print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
