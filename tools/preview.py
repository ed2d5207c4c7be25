"""Render samples/plan.yaml to docs/plan-page1.png (and page 2) for the README.

Needs LibreOffice and poppler-utils; uses tools/fonts.conf for the standard's fonts.
Run: python tools/preview.py
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import reportgen

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docx = reportgen.build(ROOT / "samples" / "plan.yaml", Path(tmp) / "plan.docx")
        env = {**os.environ, "FONTCONFIG_FILE": str(ROOT / "tools" / "fonts.conf")}
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(docx)],
                       check=True, capture_output=True, env=env)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2",
                        str(Path(tmp) / "plan.pdf"), str(ROOT / "docs" / "plan-page")], check=True)
    for page in sorted((ROOT / "docs").glob("plan-page-*.png")):
        page.rename(page.with_name(page.name.replace("plan-page-", "plan-page")))
        print(f"wrote docs/{page.name.replace('plan-page-', 'plan-page')}")


if __name__ == "__main__":
    main()
