"""The documentation site reads Chinese first: every page a user reads opens with its key points."""

from __future__ import annotations

import re

import pytest
from helpers import ROOT

PAGES = sorted((ROOT / "docs").glob("*.md"))
USER_PAGES = [p for p in PAGES if p.name not in ("index.md", "development.md")]


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_page_has_a_chinese_title_and_is_in_the_navigation(page):
    title = page.read_text("utf-8").splitlines()[0]
    assert title.startswith("# ")
    assert re.search(r"[\u4e00-\u9fff]", title) or page.name == "index.md"
    assert f": {page.name}\n" in (ROOT / "mkdocs.yml").read_text("utf-8")


@pytest.mark.parametrize("page", USER_PAGES, ids=[p.name for p in USER_PAGES])
def test_every_user_page_opens_with_its_key_points_in_chinese(page):
    lines = page.read_text("utf-8").splitlines()
    assert lines[2] == "要点："
    points = [line for line in lines[3:12] if line.startswith("- ")]
    assert len(points) >= 2
    assert all(re.search(r"[\u4e00-\u9fff]{4}", point) for point in points)
