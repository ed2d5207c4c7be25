"""The YAML writer: whatever the text, the project's own loader reads back exactly what was
written; comments stand where they belong."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.docx_import.yaml_text import Block, Noted, quoted, yaml_text
from reportgen.load.yaml_file import read_yaml

# Any character a .docx can hold (XML 1.0), which is all a document can give the writer.
IN_XML = st.characters(blacklist_categories=("Cs",)).filter(
    lambda c: c in "\t\n\r" or (c >= "\x20" and c not in "\x7f\ufffe\uffff"))
TEXTS = st.text(IN_XML, max_size=40)
KEYS = st.text(IN_XML, min_size=1, max_size=8)


def read_back(text: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.yaml"
        path.write_text(text, "utf-8")
        return read_yaml(path).data


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, TEXTS | st.lists(TEXTS, max_size=4), min_size=1, max_size=4))
def test_every_string_reads_back_exactly_as_written(data):
    assert read_back(yaml_text(data)) == data


@settings(max_examples=100, deadline=None)
@given(st.lists(st.dictionaries(KEYS, TEXTS, min_size=1, max_size=3), min_size=1, max_size=3))
def test_lists_of_mappings_read_back(items):
    assert read_back(yaml_text({"条目": items, "行": [list(i.values()) for i in items]})) == {
        "条目": items, "行": [list(i.values()) for i in items]}


def test_what_yaml_would_misread_stays_text():
    tricky = ["8:30", "0012", "yes", "no", "2024-03-05", "1e3", "~", "null", "- a", "# b", "a: b",
              "'", '"', "\\", "{{ x }}", "[1]", "@", "`", "|", ">", "*a", "&a", "!!str", "%YAML"]
    assert read_back(yaml_text({"值": tricky})) == {"值": tricky}


def test_characters_that_are_not_printable_are_escaped():
    assert quoted("a\tb\u2028c\x85d\ufeff\u3000e") == '"a\\tb\\u2028c\\x85d\\uFEFF\u3000e"'


def test_paragraphs_are_a_block_and_title_lines_a_block_without_blank_lines():
    text = yaml_text({"标题": Block(("第一行", "第二行"), spaced=False),
                      "内容": Block(("第一段。", "第二段。"))}, ["由 a.docx 导入"])
    assert text == ("# 由 a.docx 导入\n标题: |\n  第一行\n  第二行\n"
                    "内容: |\n  第一段。\n\n  第二段。\n")
    assert read_back(text) == {"标题": "第一行\n第二行\n", "内容": "第一段。\n\n第二段。\n"}


def test_a_comment_stands_before_its_key_and_its_list_item():
    text = yaml_text({"开头": Noted("一段", "请核对：甲"),
                      "正文": [Noted({"标题": "乙"}, "请核对：乙")]})
    assert text == ('# 请核对：甲\n开头: "一段"\n正文:\n  # 请核对：乙\n  - 标题: "乙"\n')


def test_a_note_on_a_noted_value_writes_both():
    assert yaml_text({"开头": Noted(Noted("一段", "甲"), "乙")}) == '# 乙\n# 甲\n开头: "一段"\n'

