"""An unchanged re-run leaves 汇总.docx as it is, unfilled; any change to what it is made from
(its part of the campaign, a unit's figures, its template) or a damaged file builds it again."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
from test_batch import CAMPAIGN, ROWS, texts, write_csv

import reportgen
from reportgen.word.template_files import builtin_path


def stamp(path: Path) -> tuple[int, int]:
    return path.stat().st_ino, path.stat().st_mtime_ns


def batch(campaign: Path, units: Path, out: Path):
    outcome = reportgen.batch(campaign, units, out, jobs=1)
    assert not outcome.failed
    return outcome


def test_a_changed_rollup_part_builds_the_rollup_again_and_no_unit(write_yaml, tmp_path):
    campaign, units, out = write_yaml(CAMPAIGN, "campaign.yaml"), write_csv(tmp_path / "units.csv", ROWS), tmp_path / "out"
    rollup = batch(campaign, units, out).rollup
    kept = stamp(rollup)
    assert stamp(batch(campaign, units, out).rollup) == kept
    write_yaml(CAMPAIGN.replace("情况汇总", "情况的汇总"), "campaign.yaml")
    again = batch(campaign, units, out)
    assert [e.status for e in again.entries] == ["未变"] * 3
    assert stamp(rollup) != kept
    assert texts(rollup)[0] == "爱国卫生月活动情况的汇总"


def test_a_unit_whose_figures_change_changes_the_totals(write_yaml, tmp_path):
    campaign, units, out = write_yaml(CAMPAIGN, "campaign.yaml"), write_csv(tmp_path / "units.csv", ROWS), tmp_path / "out"
    batch(campaign, units, out)
    write_csv(units, [ROWS[0], ("东关街道", 201, 8, "李四"), ROWS[2]])
    again = batch(campaign, units, out)
    assert [e.status for e in again.entries] == ["未变", "已生成", "未变"]
    assert texts(again.rollup)[1] == "共3个单位，汇总3个，共发放资料677份。"


def test_a_damaged_rollup_is_built_again(write_yaml, tmp_path):
    campaign, units, out = write_yaml(CAMPAIGN, "campaign.yaml"), write_csv(tmp_path / "units.csv", ROWS), tmp_path / "out"
    whole = batch(campaign, units, out).rollup.read_bytes()
    flipped = bytearray(whole)
    flipped[len(whole) // 3] ^= 0xFF  # inside a part's compressed data: its CRC no longer holds
    (out / "汇总.docx").write_bytes(bytes(flipped))
    assert batch(campaign, units, out).rollup.read_bytes() == whole
    (out / "汇总.docx").write_bytes(whole[:-40])  # cut off, its end record with it
    assert batch(campaign, units, out).rollup.read_bytes() == whole


def test_a_changed_template_builds_the_rollup_again(write_yaml, tmp_path):
    shutil.copy(builtin_path("summary"), tmp_path / "house.docx")
    campaign = write_yaml(CAMPAIGN.replace("汇总:\n", "汇总:\n  模板: house.docx\n"), "campaign.yaml")
    units, out = write_csv(tmp_path / "units.csv", ROWS), tmp_path / "out"
    rollup = batch(campaign, units, out).rollup
    kept = stamp(rollup)
    template = docx.Document(tmp_path / "house.docx")
    template.core_properties.author = "区爱卫办"
    template.save(tmp_path / "house.docx")
    batch(campaign, units, out)
    assert stamp(rollup) != kept
    assert docx.Document(rollup).core_properties.author == "区爱卫办"


def test_the_rollup_says_what_it_was_made_from_only_in_its_zip_comment(write_yaml, tmp_path):
    campaign, units = write_yaml(CAMPAIGN, "campaign.yaml"), write_csv(tmp_path / "units.csv", ROWS)
    rollup = batch(campaign, units, tmp_path / "out").rollup
    with zipfile.ZipFile(rollup) as archive:
        assert archive.comment.startswith(b"reportgen ") and len(archive.comment) == 26
        assert archive.testzip() is None
    alone = reportgen.rollup(campaign, units, tmp_path / "alone")
    assert alone.rollup.read_bytes() == rollup.read_bytes()
