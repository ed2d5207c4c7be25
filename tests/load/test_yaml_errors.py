"""YAML slips office staff make: each reported on its own line, in Chinese, with the fitting advice."""

from __future__ import annotations

import re

import pytest

from reportgen.errors import ReportgenError
from reportgen.load.yaml_file import load_yaml

pytestmark = pytest.mark.usefixtures("each_yaml_reader")

FULL_WIDTH = "“{key}”后面的冒号是全角的“：”；键和值之间要写半角冒号加一个空格，如“{key}: ……”"
NO_SPACE = "“{key}:”的冒号后面缺少空格；键和值之间要写半角冒号加一个空格，如“{key}: ……”"
OPEN_QUOTE = "引号没有配对：这里的“{q}”之后再没有结束的“{q}”；文字中的引号请用中文引号“”，或在值的末尾补上引号"
ALIGN = "列表项“- ”的缩进不对：同一列表的各项要对齐，与第 {n} 行的“- ”对齐（从第 {col} 列起）"
DEEPER = ("这一行比第 {n} 行多缩进了 {k} 格，被当成了上一行文字的续行：同一层的键要左对齐；"
          "列表项要写在它所属的“键:”下面")
SLIPS = [
    # a full-width colon, first, in the middle and last; in a list item
    ("标题：关于开展活动的方案\n发文机关: 城关区\n", 1, 3, FULL_WIDTH.format(key="标题")),
    ("标题: 方案\n开头：正文\n发文机关: 城关区\n", 2, 3, FULL_WIDTH.format(key="开头")),
    ("发文机关: 城关区\n标题：测试\n", 2, 3, FULL_WIDTH.format(key="标题")),
    ("阶段安排:\n  - 名称：动员\n    开始: 2024-05-01\n", 2, 7, FULL_WIDTH.format(key="名称")),
    # no space after the colon
    ("标题:关于开展活动的方案\n发文机关: 城关区\n", 1, 3, NO_SPACE.format(key="标题")),
    ("标题: 方案\n开头: 见 http://a.cn/b\n发文机关:城关区\n", 3, 5, NO_SPACE.format(key="发文机关")),
    # a quote left open, or followed by more text
    ('标题: "关于开展活动的方案\n发文机关: 城关区\n', 1, 5, OPEN_QUOTE.format(q='"')),
    ("标题: 方案\n开头: '正文\n", 2, 5, OPEN_QUOTE.format(q="'")),
    ("标题: 方案\r开头: '正文\r", 2, 5, OPEN_QUOTE.format(q="'")),  # lines ended by a lone CR
    ("标题: 方案\u2028开头: '正文", 2, 5, OPEN_QUOTE.format(q="'")),
    ("\r'", 2, 1, OPEN_QUOTE.format(q="'")),
    ('标题: "安全"生产月方案\n', 1, 9,
     "以引号开头的值，结束的引号后面不能再有文字；文字中的引号请用中文引号“”，或给整个值加上单引号"),
    # Tabs
    ("标题: 方案\n阶段安排:\n\t- 名称: 走访\n", 3, 1, "不能用 Tab 键缩进，请改用空格"),
    ("标题: 方案\n开头:\t正文\n", 2, 4, "这里有一个 Tab 字符，请改为空格"),
    # list items and lines at the wrong indent
    ("阶段安排:\n  - 名称: 甲\n    开始: 2024-05-01\n   - 名称: 乙\n", 4, 4, ALIGN.format(n=2, col=3)),
    ("阶段安排:\n  - 名称: 甲\n    - 名称: 乙\n", 3, 5, ALIGN.format(n=2, col=3)),
    ("组织领导:\n  领导小组:\n    成员:\n  - 张三\n", 4, 3,
     "列表项“- ”的缩进不对：列表项要写在它所属的“键:”下面，缩进不少于这个键"),
    ("标题: 方案\n  开头: 正文\n", 2, 3, DEEPER.format(n=1, k=2)),
    ("工作重点:\n  条目:\n    - 标题: 甲\n  内容: 乙\n    - 标题: 丙\n", 5, 5, DEEPER.format(n=4, k=2)),
    # what is not a slip keeps PyYAML's place, said in Chinese
    ("标题: 方案\n开头: 时间: 3月\n", 2, 7, "文字中的“: ”应改为全角冒号“：”，或给整个值加上引号"),
    ("标题: 方案\n开头: 通知如下\n  一是：加强\n  二是: 落实\n", 4, 5,
     "文字中的“: ”应改为全角冒号“：”，或给整个值加上引号"),
    ("标题: 方案\n关于方案\n", 2, 1, "这一行缺少“键: 值”中的冒号；如果它是上一行文字的续行，要比上一行的键多缩进"),
    ("标题: [方案\n", 1, 5, "方括号“[”缺少配对的“]”，或各项之间缺少逗号"),
    ("标题: 方案\n抄送: [甲, 乙\n", 2, 5, "方括号“[”缺少配对的“]”，或各项之间缺少逗号"),
    ("标题: 方案\n指标: {值: 20, 单位: 场\n开头: 正文\n", 2, 5, "花括号“{”缺少配对的“}”，或各项之间缺少逗号"),
    ("标题: [\n", 1, 5, "方括号“[”缺少配对的“]”，或各项之间缺少逗号"),
    ("标题: @方案\n", 1, 5, "“@”不能放在值的开头，请给整个值加上引号"),
    ("标题: 方案\n---\n标题: 二\n", 2, 1, "文件中只能有一个文档，请删除这里的“---”（或把其后的内容并入前面）"),
]


@pytest.mark.parametrize(("text", "line", "col", "message"), SLIPS,
                         ids=[t.splitlines()[1 if t.startswith("标题: 方案") else 0] for t, *_ in SLIPS])
def test_a_slip_is_reported_where_it_was_made(write_yaml, text, line, col, message):
    path = write_yaml(text)
    with pytest.raises(ReportgenError) as caught:
        load_yaml(path)
    assert str(caught.value) == f"{path}:{line}:{col}: YAML 格式错误：{message}"


def test_every_message_of_a_broken_file_is_chinese(write_yaml):
    """Cut a real file at every line: whatever PyYAML says, the user reads Chinese."""
    lines = ["标题: \"方案", "发文机关: [甲, 乙", "阶段安排:", "  - {名称: 甲, 开始: '2024", "开头: |",
             "  正文", "附件: &a [一]", "抄送: *b", "结尾: \\x", "签发人: `王`"]
    messages = []
    for n in range(len(lines)):
        path = write_yaml("\n".join(lines[n:]) + "\n")
        with pytest.raises(ReportgenError) as caught:
            load_yaml(path)
        messages.append(str(caught.value).split(": ", 1)[1])
    assert [m for m in messages if not re.search(r"[\u4e00-\u9fff]", m) or re.search(r"[a-z]{3,}", m)] == []
    assert len(set(messages)) >= 5
