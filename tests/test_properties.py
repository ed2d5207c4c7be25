"""Properties over random documents (hypothesis): valid ones build right, invalid ones fail right.

Valid documents (documents_strategy.py): every one builds without a warning; python-docx reopens
it; every text it was given appears in the .docx as written (texts_strategy.py says which
normalisations the documentation (docs/) describes and the generator therefore avoids); its numbered headings
run 一、二、… （一）（二）… 1. 2. … （1）（2）… without gap or repeat, restarting under each parent and
in each attachment, as a reading of the paragraphs independent of the product shows, and match
the items generated; a few convert to PDF with LibreOffice and the PDF holds their Chinese words.

How a text counts as shown: a table cell, column name or title is a paragraph's whole text; body
text ends a paragraph (it may follow a run-in heading such as "1.标题。"); other texts (names,
headings' titles, dates) are inside one paragraph.

Invalid files (mutations_strategy.py): validate and build raise ReportgenError and nothing else;
every problem names the file and a line, unless the file cannot be decoded at all (a problem of
the whole file); build writes nothing; the command line exits with status 1, prints no traceback
and ends with 未生成文件。 A mistake that may leave the file valid (a cut, a stray character) only
has to give ReportgenError or a document.

Documents reach ten and more items at a level (numbers from 十 on, 十一、 （十二） 13.), up to
five attachments and tables of 30 to 40 rows (not those the PDF property converts, which
LibreOffice would take minutes over); the statistics (``--hypothesis-show-statistics``) count
how many examples do.

Each property runs the examples of the Hypothesis profile (conftest.py): 120 in the default
"ci" profile (the PDF one a hundredth, at least 2, each of 3 documents), 3000 with
``REPORTGEN_HYPOTHESIS_PROFILE=long``; the timeout grows with them. A failure prints its shrunk
example and how to reproduce it, and is kept in .hypothesis/ to be tried first next time.
"""

from __future__ import annotations

import re
import subprocess
import warnings
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from documents_strategy import Generated, documents
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from helpers import run
from hypothesis import event, given, settings
from hypothesis import strategies as st
from mutations_strategy import Broken, broken_files
from texts_strategy import file_bytes

import reportgen
from reportgen.errors import TextWarning
from reportgen.office import convert

EXAMPLES = settings().max_examples  # of the profile conftest.py loads
PROPERTY = settings()
# 120 examples take about 40 s on a loaded 2-core machine; the timeout grows with the examples.
pytestmark = pytest.mark.timeout(300 * max(1, EXAMPLES // 120))
DIGITS = "零一二三四五六七八九"
UNDECODABLE = "无法识别文件编码：请在记事本中“另存为”，编码选择 UTF-8"


def chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (n < 100): written here apart from the product's own."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else DIGITS[tens]) + "十" if tens else "") + (DIGITS[ones] if ones else "")


def ordinals(level: int, n: int) -> tuple[str, ...]:
    """The ordinals GB/T 9704 allows at ``level`` for the ``n``th heading (stages may be 第一阶段：)."""
    return {1: (f"{chinese(n)}、",), 2: (f"（{chinese(n)}）", f"第{chinese(n)}阶段："),
            3: (f"{n}.",), 4: (f"（{n}）",)}[level]


def paragraphs(doc) -> list[Paragraph]:
    """Every paragraph of the body, those in table cells included, in order."""
    return [Paragraph(p, doc) for p in doc.element.body.iter(qn("w:p"))]


def texts_of(doc) -> list[str]:
    """The text of every paragraph; a title broken into lines (several 标题 paragraphs) as one."""
    texts, titled = [], False
    for paragraph in paragraphs(doc):
        title = paragraph.style.name == "Title"
        if title and titled:
            texts[-1] += paragraph.text
        else:
            texts.append(paragraph.text)
        titled = title
    return texts


def heading(paragraph: Paragraph) -> tuple[int, str] | None:
    """(level, text) of a numbered heading: a Heading 1–4 paragraph, or a run-in heading run."""
    found = re.fullmatch(r"Heading ([1-4])", paragraph.style.name)
    if found:
        return int(found[1]), paragraph.text
    runs = paragraph.runs
    style = runs[0].style if runs else None
    found = style is not None and re.fullmatch(r"标题 ([1-4]) 字符", style.name)
    return (int(found[1]), runs[0].text) if found else None


def numbered(doc) -> list:
    """The headings as (level, number), checked in order, and 附件 where an attachment starts."""
    seen, count = [], [0] * 6
    for paragraph in paragraphs(doc):
        if paragraph.style.name == "附件标识":
            seen.append("附件")
            count = [0] * 6
        elif (found := heading(paragraph)) is not None:
            level, text = found
            assert level == 1 or count[level - 1], f"{text!r}: a level-{level} heading without a parent"
            n = count[level] = count[level] + 1
            count[level + 1:] = [0] * (5 - level)
            assert text.startswith(ordinals(level, n)), f"{text!r} should start with {ordinals(level, n)}"
            seen.append((level, n))
    return seen


def missing(texts: list[str], shown: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The expected texts no paragraph shows: as its whole text, its end, or a part of it.

    Expected texts hold no line break, so one search of the paragraphs joined by line breaks
    finds the end or a part of one paragraph.
    """
    whole, joined = set(texts), "\n".join(["", *texts, ""])
    tests = {"whole": lambda s: s in whole, "tail": lambda s: f"{s}\n" in joined,
             "part": lambda s: s in joined}
    return [(how, s) for how, s in shown if not tests[how](s)]


def write(path: Path, raw: bytes) -> Path:
    path.write_bytes(raw)
    return path


@PROPERTY
@given(generated=documents())
def test_valid_documents_build_with_every_word_and_right_ordinals(generated: Generated):
    with TemporaryDirectory() as folder, warnings.catch_warnings():
        warnings.simplefilter("error", reportgen.ReportgenWarning)  # nothing to repair
        warnings.simplefilter("ignore", TextWarning)  # random text has much a reviewer would mark
        source = write(Path(folder, "doc.yaml"), file_bytes(generated.data, generated.encoding))
        doc = Document(reportgen.build(source))
    assert missing(texts_of(doc), generated.shown) == []
    assert numbered(doc) == generated.ordinals
    wide = sorted({level for level, n in (o for o in generated.ordinals if o != "附件") if n >= 10})
    event(f"ten or more items at level {wide[-1]}" if wide else "fewer than ten items at each level")
    if longest_table(generated.data) >= 30:
        event("a table of 30 rows or more")


def longest_table(data) -> int:
    """The most rows of any table in ``data``."""
    if isinstance(data, dict):
        rows = [len(v) for k, v in data.items() if k in ("rows", "行")]
        return max(rows + [longest_table(v) for v in data.values()], default=0)
    return max((longest_table(v) for v in data), default=0) if isinstance(data, list) else 0


def pdf_text(pdf: Path) -> str:
    """The PDF's text without page numbers (— 2 —) and without white space."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return re.sub(r"\s", "", re.sub(r"(?m)^\s*[—–-]\s*\d+\s*[—–-]\s*$", "", text))


def chinese_words(generated: Generated) -> list[str]:
    """Runs of two or more common Chinese characters in the short texts of ``generated``."""
    return [w for _, s in generated.shown if len(s) <= 60 for w in re.findall(r"[一-龥]{2,}", s)]


@settings(PROPERTY, max_examples=max(2, EXAMPLES // 100))
@given(drawn=st.lists(documents(wide=False), min_size=3, max_size=3))  # LibreOffice takes long enough
def test_a_sample_converts_to_pdf_with_its_words(drawn: list[Generated], lo_profile):
    with TemporaryDirectory() as folder:
        sources = [write(Path(folder, f"doc{i}.yaml"), file_bytes(g.data, g.encoding))
                   for i, g in enumerate(drawn)]
        built = [reportgen.build(source) for source in sources]
        pdfs = convert.convert_to_pdf({d: d.with_suffix(".pdf") for d in built}, lo_profile)
        for generated, pdf in zip(drawn, pdfs, strict=True):
            text = pdf_text(pdf)
            assert [w for w in chinese_words(generated) if w not in text] == []


def located(problems, path: Path) -> list[str]:
    """The problems without a file, or without a line though the file was read."""
    return [str(p) for p in problems if p.file != str(path)
            or p.line is None and p.message != UNDECODABLE]


@PROPERTY
@given(broken=broken_files())
def test_invalid_documents_raise_located_errors(broken: Broken):
    with TemporaryDirectory() as folder, warnings.catch_warnings():
        source, out = write(Path(folder, "broken.yaml"), broken.raw), Path(folder, "out")
        warnings.simplefilter("ignore", reportgen.ReportgenWarning)
        try:
            reportgen.validate(source)
        except reportgen.ReportgenError as exc:
            assert exc.problems and located(exc.problems, source) == []
            with pytest.raises(reportgen.ReportgenError):
                reportgen.build(source, out)
            assert not out.exists()
        else:
            assert not broken.surely, f"{broken.how}: accepted"


@PROPERTY
@given(broken=broken_files())
def test_invalid_documents_exit_1_through_the_command_line(broken: Broken, capsys):
    with TemporaryDirectory() as folder:
        source, out = write(Path(folder, "broken.yaml"), broken.raw), Path(folder, "out")
        status, stdout, stderr = run(capsys, "build", str(source), "-o", str(out))
        written = list(out.glob("*"))
    assert "Traceback" not in stdout + stderr and "内部错误" not in stderr
    if broken.surely or status:
        assert (status, stdout, written) == (1, "", []), stderr
        assert stderr.endswith("未生成文件。\n"), stderr
