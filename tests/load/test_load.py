"""Reading YAML files: encodings, pasted control characters, duplicates, syntax errors, tags."""

from __future__ import annotations

import pytest

from reportgen import ReportgenError, ReportgenWarning
from reportgen.load.yaml_file import dump_yaml, load_yaml

pytestmark = pytest.mark.usefixtures("each_yaml_reader")


def error_of(path) -> str:
    with pytest.raises(ReportgenError) as caught:
        load_yaml(path)
    return str(caught.value)


def test_positions_are_recorded_for_keys_and_items(write_yaml):
    path = write_yaml("标题: 方案\n阶段安排:\n  - 名称: 走访\n")
    source = load_yaml(path)
    assert source.positions[("阶段安排",)] == (str(path), 2, 1)
    assert source.positions[("阶段安排", 0)] == (str(path), 3, 5)
    assert source.where(("阶段安排", 0, "名称", "没有")) == (str(path), 3, 5)
    assert source.data == {"标题": "方案", "阶段安排": [{"名称": "走访"}]}


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-16"])
def test_notepad_encodings_are_read(write_yaml, encoding):
    path = write_yaml("标题: 关于开展“深入基层”活动的实施方案\n", encoding=encoding)
    assert load_yaml(path).data == {"标题": "关于开展“深入基层”活动的实施方案"}


UNREADABLE = ("文件按 {} 编码读取时，这里的字节（{}）无法识别，可能是从其他编码的文件中复制来的文字："
              "请重新输入这几个字，或在记事本中“另存为”，编码选择 UTF-8")


def test_undecodable_file_is_refused_at_its_first_bad_byte(write_yaml, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"title: \x81\x20\xff\xfe\x80")
    assert error_of(path) == f"{path}:1:8: {UNREADABLE.format('UTF-8', '81')}"


@pytest.mark.parametrize(("raw", "col", "shown"), [(b"\xff\xfeA\x00B", 2, "42"),
                                                   (b"\xff\xfe\x00\xd8:\x00", 1, "00 D8"),
                                                   (b"\xfe\xff\x00", 1, "00")])
def test_broken_utf16_file_is_refused_where_it_breaks(tmp_path, raw, col, shown):
    """Found by test_properties: a UTF-16 BOM before an odd byte count or a lone surrogate."""
    path = tmp_path / "bad.yaml"
    path.write_bytes(raw)
    assert error_of(path) == f"{path}:1:{col}: {UNREADABLE.format('UTF-16', shown)}"


def test_control_characters_from_word_are_removed_with_a_warning(write_yaml):
    path = write_yaml("标题: 方案\n开头: 第一段\x0b第二段\x07\n")
    with pytest.warns(ReportgenWarning) as caught:
        source = load_yaml(path)
    assert source.data["开头"] == "第一段第二段"
    assert str(caught[0].message) == (
        f"{path}:2:8: 已删除不可见的控制字符 U+0007、U+000B（常见于从 Word 复制的文字）")


def test_duplicate_keys_are_errors(write_yaml):
    path = write_yaml("标题: 一\n开头: 甲\n标题: 二\n")
    assert error_of(path) == f"{path}:3:1: 键“标题”重复出现（第 1 行已写过）"


def test_yaml_syntax_error_is_located_and_explained(write_yaml):
    path = write_yaml("标题: 方案\n开头: 时间: 3月\n")
    assert error_of(path) == (
        f"{path}:2:7: YAML 格式错误：文字中的“: ”应改为全角冒号“：”，或给整个值加上引号")


def test_a_character_yaml_refuses_is_located(write_yaml):
    """Found by test_properties: U+0080 (a C1 control) gave an English message and no line."""
    path = write_yaml("标题: 方案\n开头: 第一段\x80\n")
    assert error_of(path) == f"{path}:2:8: YAML 格式错误：不能使用的控制字符 U+0080（看不见），请删除它"


def test_tab_indentation_is_explained(write_yaml):
    path = write_yaml("标题: 方案\n阶段安排:\n\t- 名称: 走访\n")
    assert error_of(path) == f"{path}:3:1: YAML 格式错误：不能用 Tab 键缩进，请改用空格"


def test_python_tags_are_refused(write_yaml):
    path = write_yaml("标题: !!python/object/apply:os.system [echo hi]\n")
    assert error_of(path) == (
        f"{path}:1:5: 不支持的 YAML 标签“!!python/object/apply:os.system”"
        "（reportgen 只读取文本、数字、列表和映射）")


def test_dates_stay_text_so_impossible_ones_can_be_reported(write_yaml):
    assert load_yaml(write_yaml("成文日期: 2024-02-30\n")).data == {"成文日期": "2024-02-30"}


def test_missing_file(tmp_path):
    assert error_of(tmp_path / "nope.yaml") == f"{tmp_path / 'nope.yaml'}: 找不到文件"


def test_top_level_must_be_a_mapping(write_yaml):
    path = write_yaml("- 一\n- 二\n")
    assert error_of(path) == f"{path}:1:1: 文件的顶层应是“键: 值”形式的映射（例如“标题: ……”）"


def test_empty_file(write_yaml):
    path = write_yaml("")
    assert error_of(path) == f"{path}:1:1: 文件的顶层应是“键: 值”形式的映射（例如“标题: ……”）"


def test_folded_lines_join_without_spaces_between_chinese_characters(write_yaml):
    source = load_yaml(write_yaml(
        "甲: 为深入贯彻落实\n  有关要求 and\n  more text\n"
        "乙: \"项目\n  表\"\n"
        "丙: >\n  第一行\n  第二行\n"
        "丁: |\n  第一行\n  第二行\n"
        "戊: 单行 中间的空格保留\n"))
    assert source.data == {"甲": "为深入贯彻落实有关要求 and more text", "乙": "项目表",
                           "丙": "第一行第二行\n", "丁": "第一行\n第二行\n", "戊": "单行 中间的空格保留"}


def test_spaces_typed_between_chinese_characters_stay_in_text_written_over_lines(write_yaml):
    source = load_yaml(write_yaml(
        "署名: 办公室 王 伟\n  李 强\n"
        "乙: \"中国 北京，\n  第二行 文字\"\n"
        "丙: >\n  折叠 块，\n  第二行\n"))
    assert source.data == {"署名": "办公室 王 伟李 强", "乙": "中国 北京，第二行 文字",
                           "丙": "折叠 块，第二行\n"}


def test_dumped_yaml_reads_back_with_dates_and_paragraphs_as_written(write_yaml):
    data = {"成文日期": "2025-05-20", "条目": [{"内容": "第一段。\n\n第二段。\n"}], "年度": 2025}
    text = dump_yaml(data)
    assert text == ("成文日期: 2025-05-20\n条目:\n  - 内容: |\n      第一段。\n\n      第二段。\n"
                    "年度: 2025\n")
    assert load_yaml(write_yaml(text)).data == data
