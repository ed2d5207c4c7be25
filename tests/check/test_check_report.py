"""How findings are shown: locations, one line each with repeats cut short, a JSON list for CI."""

from __future__ import annotations

import json
import re

from helpers import ROOT

from reportgen.check.report import RULES, Where, as_json, as_text, error, has_errors, warning

BODY = "正文应为仿宋，实为宋体"


def test_locations_read_as_paragraph_page_or_part():
    assert [str(w) for w in (Where(paragraph=12, text="二、工作重点"), Where(page=3),
                             Where(part="偶数页页脚"))] == ["第12段「二、工作重点」", "第3页", "偶数页页脚"]


def test_text_shows_three_of_a_repeated_message_then_how_many_more():
    findings = [error("font.body", Where(paragraph=n, text=f"段{n}"), BODY) for n in range(1, 6)]
    findings.append(warning("text.date", Where(paragraph=6, text="2024-3-5"), "日期“2024-3-5”宜写作“2024年3月5日”"))
    assert as_text({"通知.docx": findings}).splitlines() == [
        f"通知.docx: 第1段「段1」: {BODY}", f"通知.docx: 第2段「段2」: {BODY}",
        f"通知.docx: 第3段「段3」: {BODY}",
        "通知.docx: 第6段「2024-3-5」: 警告：日期“2024-3-5”宜写作“2024年3月5日”",
        f"通知.docx: 另有2处同样：{BODY}", "通知.docx: 共 5 个错误，1 个警告"]


def test_json_lists_every_finding_with_file_rule_level_location_and_message():
    results = {"a.docx": [error("page.number", Where(part="页脚"), "没有页码")],
               "b.docx": [warning("text.date", Where(page=2), "x")]}
    assert json.loads(as_json(results)) == [
        {"file": "a.docx", "rule": "page.number", "level": "error", "location": {"part": "页脚"},
         "where": "页脚", "message": "没有页码"},
        {"file": "b.docx", "rule": "text.date", "level": "warning", "location": {"page": 2},
         "where": "第2页", "message": "x"}]
    assert has_errors(results) and not has_errors({"b.docx": results["b.docx"]})


def test_a_clean_file_passes():
    assert as_text({"通知.docx": []}) == "通知.docx: 检查通过"


def test_the_documentation_lists_every_rule():
    page = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    assert re.findall(r"^\| `([a-z]+\.[a-z0-9_]+)` \|", page, flags=re.MULTILINE) == list(RULES)
