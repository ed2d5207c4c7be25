"""Documents made elsewhere (Word, WPS, python-docx, pandoc) imported and built again show the
same text, paragraph by paragraph, after the normalisations docs/import.md lists."""

from __future__ import annotations

import foreign
import pytest
from docx_text import shown_text

import reportgen
from reportgen.docx_import.import_file import import_docx


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    return foreign.build(tmp_path_factory.mktemp("foreign"))


@pytest.mark.parametrize("name", list(foreign.FOREIGN))
def test_each_document_comes_back_with_the_same_text(name, documents, tmp_path):
    imported = import_docx(documents[name], tmp_path / "imported.yaml")
    again = reportgen.build(imported.path, tmp_path / "again.docx")
    assert shown_text(again) == shown_text(documents[name])
    assert imported.checks == 0


def test_the_word_plan_keeps_its_red_header_group_and_attachment(documents, tmp_path):
    data = reportgen.validate(import_docx(documents["word-plan-red-header"], tmp_path / "a.yaml").path)
    assert (data.issuer, data.doc_number, data.red_header) == ("城关区应急管理局", "城应急发〔2024〕7号", True)
    assert (data.leadership.group.leader, data.leadership.group.members) == (
        ["王建国　局长"], ["赵立新　办公室主任", "陈志刚　安全科科长"])
    assert data.attachments[0].table.rows[1] == ["2", "重点企业隐患排查", "安全科", "6月中下旬"]
    assert (data.cc, data.printed_by, str(data.printed_on)) == (
        ["区安委会办公室", "区应急指挥中心"], "城关区应急管理局办公室", "2024-05-21")


def test_the_wps_stages_get_their_dates(documents, tmp_path):
    data = reportgen.validate(import_docx(documents["wps-plan-stages"], tmp_path / "a.yaml").path)
    assert data.stages.title == "实施步骤" and data.stages.format == "第一阶段"
    assert [(s.name, str(s.start), str(s.end)) for s in data.stages.items] == [
        ("动员部署", "2024-03-01", "2024-03-15"), ("集中整治", "2024-03-16", "2024-05-31"),
        ("总结验收", "Month(year=2024, month=6)", "Month(year=2024, month=6)")]


def test_a_summary_is_a_summary_with_its_closing(documents, tmp_path):
    data = reportgen.validate(import_docx(documents["pandoc-summary"], tmp_path / "a.yaml").path)
    assert type(data).__name__ == "Summary" and data.closing == ["特此报告。"]
