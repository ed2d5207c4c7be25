"""A long title broken into lines as GB/T 9704 7.3.1 asks: 词意完整，排列对称，长短适宜.

The title is cut into words by a Chinese word-segmentation library (rjieba, the jieba
dictionary), with a few terms of official writing added (安全生产 …). Lines break only between
words, never inside one nor inside a number such as 2024年; among the splits into the fewest
lines that fit, the one chosen breaks where the meaning allows (after punctuation, after 的 和 与
及, before 关于; least inside quotation marks and 书名号) into lines of balanced length.
"""

from __future__ import annotations

import functools
import itertools

from .widths import text_width

LINE = 20  # 字 of 2号 (22 pt) in the 156 mm 版心
OPENING, CLOSING = "“‘《（〈【「", "”’》）〉】」、，：；。！？"
AFTER_FREE = {"的", "和", "与", "及", "暨", "并", "或"}  # a line may end after these at no cost
BEFORE_FREE = {"关于", "印发", "转发", "批转", "以", "对", "在"}  # … or begin with these
AFTER_BAD = {"关于", "以", "为", "对", "在", "开展", "做好", "加强", "进一步", "全面"}
TERMS = ("安全生产", "实施方案", "工作方案", "活动方案", "工作总结", "实施意见", "领导小组",
         "主题教育", "主题实践", "创先争优", "除害防病", "爱国卫生", "志愿服务", "党风廉政",
         "乡村振兴", "疫情防控", "意识形态", "生态环境", "营商环境", "学雷锋")
MOST_LINES = 4


def title_lines(title: str, width: float = LINE) -> list[str]:
    """The title's lines: as the user broke it, else split at words into balanced lines."""
    written = [line.strip() for line in title.splitlines() if line.strip()]
    if len(written) != 1 or not width < text_width(written[0]) <= MOST_LINES * width:
        return written  # the user's lines, one short line, or one too long to arrange
    units = _units(written[0])
    for count in range(int(text_width(written[0]) // width) + 1, MOST_LINES + 1):
        best = _best_split(units, count, width)
        if best:
            return best
    return written  # a single word wider than a line: Word wraps it


def _units(text: str) -> list[tuple[str, float]]:
    """The unbreakable pieces of ``text`` with the cost of breaking the line after each."""
    words = _glued(_segmenter().cut(text))
    depth, units = 0, []
    for word, following in zip(words, [*words[1:], ""], strict=True):
        depth += sum(c in OPENING for c in word) - sum(c in "”’》）〉】」" for c in word)
        units.append((word, _break_cost(word, following) + 2 * max(depth, 0)))
    return units


def _glued(words: list[str]) -> list[str]:
    """Words with opening marks joined to the next, closing marks and 年/月/日 to the previous."""
    glued: list[str] = []
    for word in words:
        if glued and (word[0] in CLOSING or glued[-1][-1] in OPENING
                      or (word[0] in "年月日号届期次" and glued[-1][-1].isdigit())):
            glued[-1] += word
        else:
            glued.append(word)
    return glued


def _break_cost(word: str, following: str) -> float:
    """0 where the meaning breaks; 3 after a preposition or verb that leads into what follows,
    or beside a word of one character (新|时代, 交通运输|局), which binds to its neighbour."""
    if word[-1] in CLOSING or word in AFTER_FREE or following in BEFORE_FREE:
        return 0
    return 3 if word in AFTER_BAD or len(word) == 1 or len(following) == 1 else 1


def _best_split(units: list[tuple[str, float]], count: int, width: float) -> list[str] | None:
    """The best way to put ``units`` on ``count`` lines of at most ``width`` 字, if any.

    A line's width is the sum of its units' (text_width adds up character by character, in
    halves of a 字, which floating point adds exactly), so each split is measured without
    joining its lines."""
    edges = list(itertools.accumulate((text_width(w) for w, _ in units), initial=0))
    best, best_score = None, None
    for cuts in itertools.combinations(range(1, len(units)), count - 1):
        bounds = (0, *cuts, len(units))
        widths = [edges[b] - edges[a] for a, b in itertools.pairwise(bounds)]
        if max(widths) > width:
            continue
        score = 4 * sum(units[c - 1][1] for c in cuts) + max(widths) - min(widths)
        if best_score is None or score < best_score:
            best, best_score = bounds, score
    return None if best is None else ["".join(w for w, _ in units[a:b])
                                      for a, b in itertools.pairwise(best)]


@functools.cache
def _segmenter():
    """rjieba's segmenter with the terms of official writing added (loaded on first use).

    Its dictionary takes about 30 MB: the one rjieba loads when imported is used, not a second
    copy, and a batch loads it before its worker processes start, so that they share it.
    """
    import rjieba  # Chinese word segmentation, only for titles wider than a line

    for term in TERMS:
        rjieba.add_word(term, None, None)
    return rjieba


def load_segmenter() -> None:
    """Load the segmenter now (a batch does, before it starts its worker processes)."""
    _segmenter()
