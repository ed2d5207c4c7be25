"""Make pandoc-方案.docx and pandoc-总结.docx: a 方案 and a 总结 written in Markdown and converted by
pandoc with an office's reference.docx. Run by hand (needs pandoc); the results are committed.

    python tests/docx_import/foreign/pandoc/make_pandoc_documents.py

The reference.docx is the one tests/check/corpus/pandoc/make_pandoc.py makes (python-docx's
default document set up for 公文); pandoc puts the title (#) in `heading 1`.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))
sys.path.insert(0, str(HERE.parents[2] / "check" / "corpus" / "pandoc"))
from docx_shapes import made_with_pandoc  # noqa: E402
from make_pandoc import reference  # noqa: E402

SENTENCE = "各单位要把安全检查作为当前的重要工作，认真组织，严格把关，确保各项措施落到实处。"
PLAN = f"""\
# 城关区2024年防汛应急演练方案

各街道、各有关部门：

为提高防汛应急处置能力，结合我区实际，制定本方案。

## 一、演练目的

{SENTENCE}

## 二、演练安排

### （一）演练时间

2024年6月12日上午9时。

### （二）演练地点

城关区河滨公园。

| 序号 | 科目 | 牵头单位 |
|------|------|----------|
| 1 | 人员转移 | 区应急管理局 |
| 2 | 堤防抢险 | 区水务局 |

## 三、工作要求

{SENTENCE}

城关区防汛抗旱指挥部

2024年6月1日
"""
SUMMARY = f"""\
# 城关区2024年防汛应急演练工作总结

区政府：

2024年6月12日，我区在河滨公园组织开展了防汛应急演练，现将有关情况总结如下。

## 一、基本情况

{SENTENCE}

## 二、主要做法

### （一）精心组织

{SENTENCE}

### （二）密切配合

{SENTENCE * 2}

## 三、存在问题

{SENTENCE}

特此报告。

城关区防汛抗旱指挥部

2024年6月20日
"""


def main() -> None:
    for name, markdown in (("pandoc-方案.docx", PLAN), ("pandoc-总结.docx", SUMMARY)):
        print(f"wrote {made_with_pandoc(markdown, reference, HERE / name)}")


if __name__ == "__main__":
    main()
