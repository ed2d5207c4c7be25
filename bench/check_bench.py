"""Check speed: ``check`` against reading the same document with python-docx, and its growth.

    python bench/check_bench.py [--paragraphs 20000]

Writes plain documents of N and 4N paragraphs (each text different, the body streamed as another
program writes one) and prints, for each, the best of three runs in CPU seconds of the baseline
(python-docx opens the file and reads every paragraph's text) and of ``check``
(reading, roles and every rule without rendering), their ratio, and how much longer 4N takes than
N for each (4.0 is linear; before the check was made linear, 40,000 paragraphs took 26 seconds).
"""

from __future__ import annotations

import argparse
import tempfile
import time
import zipfile
from pathlib import Path

import docx

from reportgen.check.run import check

HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
        b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
TAIL = b'<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'


def write_document(path: Path, paragraphs: int) -> Path:
    """python-docx's default document with ``paragraphs`` paragraphs of different text."""
    default = Path(docx.__file__).parent / "templates" / "default.docx"
    with zipfile.ZipFile(default) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info.filename, source.read(info))
        with out.open("word/document.xml", "w") as body:
            body.write(HEAD)
            for n in range(paragraphs):
                body.write(f"<w:p><w:r><w:t>第{n}段：按照要求，认真做好各项工作。</w:t></w:r></w:p>".encode())
            body.write(TAIL)
    return path


def baseline(path: Path) -> None:
    for paragraph in docx.Document(str(path)).paragraphs:
        _ = paragraph.text


def best_of_three(work, path: Path) -> float:
    times = []
    for _ in range(3):
        started = time.process_time()
        work(path)
        times.append(time.process_time() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", type=int, default=20_000)
    count = parser.parse_args().paragraphs
    rows = []
    with tempfile.TemporaryDirectory(prefix="reportgen-check-bench-") as folder:
        for paragraphs in (count, 4 * count):
            path = write_document(Path(folder) / f"{paragraphs}.docx", paragraphs)
            rows.append((paragraphs, best_of_three(baseline, path), best_of_three(check, path)))
    for paragraphs, base, checked in rows:
        print(f"{paragraphs:>8,} paragraphs: baseline {base:6.2f} s, check {checked:6.2f} s, "
              f"{checked / base:4.1f}× baseline, {checked / paragraphs * 1e6:5.1f} µs a paragraph")
    (n, base_n, check_n), (_, base_4n, check_4n) = rows
    print(f"4× the paragraphs: baseline {base_4n / base_n:.1f}× the time, check {check_4n / check_n:.1f}×")


if __name__ == "__main__":
    main()
