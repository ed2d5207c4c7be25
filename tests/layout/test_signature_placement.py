"""署名 and 成文日期 measured in the PDF (GB/T 9704 7.3.5), both layouts, 署名 shorter and longer
than the date, and joint signatures: unsealed, the date starts 2 字 right of the 署名; sealed, it
ends 4 字 from the margin with each 署名 line centred over it; within 2 pt."""

from __future__ import annotations

import pytest

import reportgen
from reportgen.check.run import check
from reportgen.office import convert, pdf_text

CHAR, TOLERANCE = 16, 2  # points
RIGHT_EDGE = 595.3 - 1474 / 20
CASES = {  # 署名 (organs one a line), 成文日期, 用印
    "unsealed, 署名 shorter": ("城关区委", "2024-03-05", False),
    "unsealed, 署名 as long": ("中共城关区委", "2024-11-25", False),
    "unsealed, 署名 longer": ("中共城关区委员会办公室", "2024-11-25", False),
    "unsealed, joint": ("城关区人民政府办公室\n城关区委办公室", "2024-03-05", False),
    "sealed, 署名 shorter": ("城关区委", "2024-11-25", True),
    "sealed, 署名 longer": ("中共城关区委员会办公室", "2024-03-05", True),
    "sealed, joint": ("城关区委办公室\n城关区人民政府办公室", "2024-11-25", True),
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, lo_profile) -> dict:
    """Each case built and converted in one LibreOffice run: its .docx and its first page's lines."""
    folder = tmp_path_factory.mktemp("signature")
    docs = {}
    for n, (case, (name, day, sealed)) in enumerate(CASES.items()):
        organs = "".join(f"\n  {organ}" for organ in name.split("\n"))
        path = folder / f"{n}.yaml"
        path.write_text(f"标题: 方案\n开头: 正文。\n署名: |{organs}\n成文日期: {day}\n"
                        f"用印: {'是' if sealed else '否'}\n", encoding="utf-8")
        docs[case] = reportgen.build(path)
    pdfs = convert.convert_to_pdf({d: d.with_suffix(".pdf") for d in docs.values()}, lo_profile)
    return {case: (docs[case], pdf, pdf_text.pdf_pages(pdf)[0].lines)
            for case, pdf in zip(docs, pdfs, strict=True)}


def rows(lines, case: str):
    """The 署名 lines and the date line of a case."""
    organs = CASES[case][0].split("\n")
    names = [line for line in lines if line.text in organs]
    date = next(line for line in lines if line.text.startswith("2024") and line.text.endswith("日"))
    assert [line.text for line in names] == organs
    return names, date


@pytest.mark.parametrize("case", [c for c in CASES if c.startswith("unsealed")])
def test_unsealed_the_date_starts_2_characters_right_of_the_signature(rendered, case):
    names, date = rows(rendered[case][2], case)
    assert date.left - min(line.left for line in names) == pytest.approx(2 * CHAR, abs=TOLERANCE)
    assert max(line.right for line in [*names, date]) <= RIGHT_EDGE - 2 * CHAR + TOLERANCE


@pytest.mark.parametrize("case", [c for c in CASES if c.startswith("sealed")])
def test_sealed_the_date_ends_4_characters_in_and_the_signature_is_centred_over_it(rendered, case):
    names, date = rows(rendered[case][2], case)
    assert RIGHT_EDGE - date.right == pytest.approx(4 * CHAR, abs=TOLERANCE)
    middle = (date.left + date.right) / 2
    for line in names:
        assert (line.left + line.right) / 2 == pytest.approx(middle, abs=TOLERANCE), line.text


def test_check_render_finds_every_case_in_place(rendered):
    found = {case: [f.message for f in check(docx, pdf) if f.rule.startswith("render.")]
             for case, (docx, pdf, _) in rendered.items()}
    assert found == {case: [] for case in CASES}
