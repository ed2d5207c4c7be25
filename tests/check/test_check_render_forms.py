"""The committed renderings of tests/check/pdfs/ are what LibreOffice makes of those documents
today: each is made and rendered afresh, as ``check --render`` renders it, and gives the same
findings as the committed pair."""

from __future__ import annotations

import pytest
from pdfs import DOCUMENTS, EXPECTED

from reportgen.check.docx_read import read_docx
from reportgen.check.render_copy import rendering_steps
from reportgen.check.run import check
from reportgen.office.convert import convert_to_pdf


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, lo_profile) -> dict:
    folder = tmp_path_factory.mktemp("pdfs")
    docs = {name: folder / f"{name}.docx" for name in DOCUMENTS}
    for name, path in docs.items():
        DOCUMENTS[name](path)
    convert_to_pdf({d: d.with_suffix(".pdf") for d in docs.values()}, lo_profile,
                   steps={d: rendering_steps(read_docx(d)) for d in docs.values()})
    return docs


@pytest.mark.slow
@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_each_page_form_is_found_in_a_fresh_rendering(rendered, name):
    docx = rendered[name]
    assert [(f.rule, str(f.where), f.message) for f in check(docx, pdf=docx.with_suffix(".pdf"))] == (
        EXPECTED[name])
