"""The forms of the render.* rules docs/check.md's rule table names, found by ``check`` given the
committed rendering of each document (tests/check/pdfs/): no LibreOffice needed, only
pdftotext, which reads the PDF as ``check --render`` does."""

from __future__ import annotations

import os
import shutil

import pytest
from pdfs import DOCUMENTS, EXPECTED, paths

from reportgen.check.report import RULES
from reportgen.check.run import check


@pytest.fixture(scope="module", autouse=True)
def _poppler():
    if shutil.which("pdftotext") is None:
        if os.environ.get("REPORTGEN_REQUIRE_SOFFICE") == "1":
            pytest.fail("REPORTGEN_REQUIRE_SOFFICE=1 but pdftotext (poppler-utils) is not installed")
        pytest.skip("pdftotext (poppler-utils) is not installed")


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_each_page_form_is_found_on_the_committed_pdf(name):
    docx, pdf = paths(name)
    assert [(f.rule, str(f.where), f.message) for f in check(docx, pdf=pdf)] == EXPECTED[name]


def test_every_rule_on_the_pages_has_a_form_reported_and_one_passing():
    reported = {rule for found in EXPECTED.values() for rule, _, _ in found}
    assert {rule for rule in reported if rule.startswith("render.")} == {
        rule for rule in RULES if rule.startswith("render.")}
    assert [name for name, found in EXPECTED.items() if not found] == [
        "long", "field-and-hidden-text", "break-after-the-first-paragraph", "built-upward", "sealed", "date-as-field",
        "date-without-signature", "date-counted-by-the-standard"]
