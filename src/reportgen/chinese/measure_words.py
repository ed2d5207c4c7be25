"""Units of measure and measure words (量词) that offices write in a table's 单位 column.

A 单位 column may equally hold organisations (城关街道, 一中): it is taken for units of measure
only when every cell is one of these, so that a 合计 over rows in different units (条 + 台) is
refused while a 汇总 over units named 一中 or 甲 is not.
"""

from __future__ import annotations

COUNTS = set("个份场次人件台套条张本册处户家所辆只头批项起篇期包盒箱袋瓶桶块棵株间栋座名位幅部组支队班")
AMOUNTS = {"元", "万元", "亿元", "千元", "吨", "万吨", "千克", "公斤", "克", "斤", "米", "千米", "公里",
           "平方米", "立方米", "平方公里", "亩", "公顷", "升", "毫升", "千瓦时", "万千瓦时", "小时", "天",
           "日", "周", "月", "年", "人次", "场次", "车次", "万人次", "户次", "架次", "天次", "篇次", "%"}
MEASURE_WORDS = frozenset(COUNTS | AMOUNTS)


def is_measure(text: str) -> bool:
    """Whether ``text`` is a unit of measure or a measure word (份, 场次, 平方米, 万元 …)."""
    return text.strip() in MEASURE_WORDS
