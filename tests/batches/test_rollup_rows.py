"""The 汇总's table rows, finished one at a time apart from the rest of the body, are what the
whole body parsed as one tree gives: the same bytes, every unit's row."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from helpers import ROOT
from lxml import etree

import reportgen
from reportgen.word.table_rows import RowsApart

SAMPLE = ROOT / "samples" / "campaign"
HEADER = "单位名称,负责人,发放资料,培训场次,清理垃圾,参与群众\n"
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def units(folder: Path, count: int) -> Path:
    path = folder / "units.csv"
    path.write_text(HEADER + "".join(f"单位<{i}>&,张三,{i},2,{i}.5,4\n" for i in range(1, count + 1)),
                    "utf-8")
    return path


def rollup(folder: Path, listed: Path, name: str) -> bytes:
    reportgen.rollup(SAMPLE / "campaign.yaml", listed, folder / name)
    return (folder / name).read_bytes()


def test_a_rollup_of_300_units_is_the_same_with_its_rows_apart(tmp_path, monkeypatch):
    listed = units(tmp_path, 300)
    cut = []
    monkeypatch.setattr(RowsApart, "cut", classmethod(lambda cls, text: cut.append(1) or _cut(text)))
    apart = rollup(tmp_path, listed, "apart.docx")
    assert cut
    monkeypatch.setattr(RowsApart, "cut", classmethod(lambda cls, text: None))
    assert rollup(tmp_path, listed, "whole.docx") == apart
    rows = docx.Document(tmp_path / "apart.docx").tables[-1].rows
    assert len(rows) == 302
    assert [c.text for c in rows[300].cells] == ["300", "单位<300>&", "300", "2", "300.5", "4"]


_cut = RowsApart.cut


def test_only_plain_tables_have_their_rows_apart():
    row = "<w:tr><w:tc><w:p/></w:tc></w:tr>"
    apart = RowsApart.cut(f"<w:body {NS}><w:tbl><w:tblPr/>{row}{row}</w:tbl></w:body>")
    assert [apart.text[start:end] for start, end in apart.rows[0]] == [row, row]
    assert apart.rest == f'<w:body {NS}><w:tbl><w:tblPr/><w:tr reportgen-rows="0"/></w:tbl></w:body>'
    for table in (f"<w:tbl>{row}<w:sdt>{row}</w:sdt></w:tbl>", f"<w:tbl>{row} {row}</w:tbl>",
                  "<w:tbl><w:tr><w:tc><w:tbl><w:tr/></w:tbl></w:tc></w:tr></w:tbl>",
                  f"<!-- a note --><w:tbl>{row}</w:tbl>"):
        assert RowsApart.cut(f"<w:body {NS}>{table}</w:body>") is None


def test_rows_are_parsed_in_groups_in_order_and_a_broken_one_is_found_in_any():
    rows = [f"<w:tr><w:tc><w:p><w:r><w:t>{i}</w:t></w:r></w:p></w:tc></w:tr>" for i in range(150)]
    apart = RowsApart.cut(f"<w:body {NS}><w:tbl>{''.join(rows)}</w:tbl></w:body>")
    assert ["".join(row.itertext()) for row in apart.parsed_rows(0)] == [str(i) for i in range(150)]
    apart.check()
    rows[140] = rows[140].replace("</w:p>", "")
    broken = RowsApart.cut(f"<w:body {NS}><w:tbl>{''.join(rows)}</w:tbl></w:body>")
    with pytest.raises(etree.XMLSyntaxError):
        broken.check()
