"""Plans with any characters in their texts (quotes, colons, {{, 8:30, emoji, Latin, digits),
built, imported and built again, show the same text paragraph by paragraph."""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from tempfile import TemporaryDirectory

from docx_text import shown_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reportgen

EXAMPLES = int(os.environ.get("REPORTGEN_PROPERTY_EXAMPLES", "0")) // 6 or 20
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
WORDS = ("组织", "开展", "加强", "落实", "推进", "宣传", "排查", "城关", "安全", "服务")
# Any character a .docx holds but a line break or space (paragraphs are trimmed, see docs/import.md)
ANY = st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"),
                    blacklist_characters="\ufffe\uffff")
TRICKY = ("{{ x }}", "{%", "{#", "}}", "8:30", "0012", "yes", '"', "'", "\\", "：", ": ", " # 注",
          "- 1", "1.", "（一）", "一、", "2024-03-05", "&amp;", "<w:t>", "\t", "　")
TAIL = st.text(ANY, max_size=12) | st.lists(st.sampled_from(TRICKY), max_size=3).map("".join)


def words(end: str = "") -> st.SearchStrategy[str]:
    """Text a clerk might write: a word, anything, a word (so that no line starts as an ordinal,
    a date, 抄送 or 附件 would, which reportgen reads as such)."""
    return st.builds(lambda a, tail, b: f"{a}{tail}{b}{end}", st.sampled_from(WORDS), TAIL,
                     st.sampled_from(WORDS))


def point(depth: int) -> st.SearchStrategy[dict]:
    items = st.lists(point(depth + 1), max_size=2) if depth < 3 else st.just([])
    return st.builds(lambda t, x, i: {"标题": t, "内容": x, **({"条目": i} if i else {})},
                     words(), st.lists(words("。"), min_size=1, max_size=2), items)


def plans() -> st.SearchStrategy[dict]:
    cells = st.lists(words(), min_size=2, max_size=2)
    table = st.builds(lambda head, rows: {"列": head, "行": rows},
                      st.lists(words(), min_size=2, max_size=2, unique=True),
                      st.lists(cells, min_size=1, max_size=2))
    return st.builds(
        lambda title, opening, sections, attachment: {
            "标题": f"关于{title}的方案", "发文机关": "城关区应急管理局", "成文日期": "2024-05-20",
            "开头": opening, "正文": sections, "附件": [{"标题": f"{title}表", "表格": attachment}]},
        words(), words("。"), st.lists(point(1), min_size=1, max_size=3), table)


@PROPERTY
@given(plan=plans())
def test_a_plan_with_any_characters_comes_back_with_the_same_text(plan):
    with TemporaryDirectory() as folder, warnings.catch_warnings():
        warnings.simplefilter("ignore", reportgen.ReportgenWarning)
        source = Path(folder, "plan.yaml")
        source.write_text(_json_yaml(plan), "utf-8")
        built = reportgen.build(source, Path(folder, "built.docx"))
        imported = reportgen.import_docx(built, Path(folder, "imported.yaml"))
        again = reportgen.build(imported.path, Path(folder, "again.docx"))
        assert shown_text(again) == shown_text(built)
        assert imported.checks == 0


def _json_yaml(plan: dict) -> str:
    """The plan as YAML by way of JSON (a subset of YAML), braces escaped as placeholders ask."""
    import json
    text = json.dumps(plan, ensure_ascii=False)
    return text.replace("{{", "{{ '{{' }}").replace("{%", "{{ '{%' }}").replace("{#", "{{ '{#' }}")
