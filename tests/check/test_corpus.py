"""`check` on documents made the way other programs make them: exactly the findings written down.

The corpus (tests/check/corpus/) holds a document per shape — pandoc with a reference.docx,
python-docx's defaults, WPS's line grid and 红头 table, fields in one run or without a result,
numbered heading styles, missing styles, frames, 版记, 附件说明, captions, 纪要, placeholders,
a news page, a US Letter report — each with the findings a reviewer would agree with.
"""

from __future__ import annotations

from pathlib import Path

import corpus
import pytest

from reportgen.check.run import check, check_files

NAMES = list(corpus.CORPUS)


def found(docx: Path) -> list[tuple[str, str, str, str]]:
    return [(f.rule, f.level, str(f.where), f.message) for f in check(docx)]


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, Path]:
    return corpus.build(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def rendered(documents, lo_profile) -> dict[str, list[tuple[str, str, str, str]]]:
    """`check --render` on the whole corpus: one LibreOffice run (``lo_profile`` skips the tests,
    or fails them under REPORTGEN_REQUIRE_SOFFICE=1, where LibreOffice is missing)."""
    results, unreadable = check_files(list(documents.values()), render=True)
    assert unreadable == []
    return {name: [(f.rule, f.level, str(f.where), f.message) for f in results[str(path)]]
            for name, path in documents.items()}


@pytest.mark.parametrize("name", NAMES)
def test_each_document_gets_exactly_its_findings(name, documents):
    assert found(documents[name]) == [e for e in corpus.expected(name)
                                      if not e[0].startswith("render.")]


@pytest.mark.parametrize("name", NAMES)
def test_each_rendered_document_gets_exactly_its_findings(name, rendered):
    assert rendered[name] == corpus.expected(name)


def test_the_corpus_holds_a_dozen_shapes_and_the_pandoc_file_is_committed():
    assert len(NAMES) >= 12
    assert corpus.CORPUS["pandoc-reference"].is_file()
