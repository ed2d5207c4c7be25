"""A long title's split into lines, measured from its words' widths: the same lines as measuring
each line joined, for any words, costs and number of lines."""

from __future__ import annotations

import itertools
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.chinese.title_lines import LINE, _best_split, title_lines
from reportgen.chinese.widths import text_width

WORDS = ["关于", "开展", "2025", "年", "“", "安全生产月", "”", "活动", "的", "实施方案", "a", "GB/T",
         "9704", "城关街道", "1234", "（", "第一", "）", "、", "春季", "爱国卫生", "运动", "Ⅱ", "·"]


def joined_split(units: list[tuple[str, float]], count: int, width: float) -> list[str] | None:
    """The split as it was measured before: each candidate line joined, then measured."""
    best, best_score = None, None
    for cuts in itertools.combinations(range(1, len(units)), count - 1):
        lines = ["".join(w for w, _ in units[a:b]) for a, b in zip((0, *cuts), (*cuts, len(units)),
                                                                    strict=True)]
        widths = [text_width(line) for line in lines]
        if max(widths) > width:
            continue
        score = 4 * sum(units[c - 1][1] for c in cuts) + max(widths) - min(widths)
        if best_score is None or score < best_score:
            best, best_score = lines, score
    return best


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([0, 1, 3, 2, 5, 7])),
                min_size=1, max_size=14),
       st.integers(2, 4), st.sampled_from([LINE, 8, 10.5, 13]))
def test_the_split_is_the_one_measured_line_by_line(units, count, width):
    assert _best_split(units, count, width) == joined_split(units, count, width)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=16))
def test_titles_break_as_when_measured_line_by_line(words):
    title = "".join(words)
    with mock.patch("reportgen.chinese.title_lines._best_split", joined_split):
        before = title_lines(title)
    assert title_lines(title) == before
