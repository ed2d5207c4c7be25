"""manifest.csv as Excel opens it (UTF-8 with a BOM, no cell taken for a formula) and as a rerun
reads it back."""

from __future__ import annotations

import pytest

from reportgen.batches.manifest import (
    BUILT,
    FAILED,
    PENDING,
    UNCHANGED,
    Entry,
    read_manifest,
    write_manifest,
)

HEADER = "单位,行号,状态,文件,sha256,错误信息,输入摘要,工作表\r\n"
ENTRIES = [
    Entry("城关街道", 2, BUILT, "城关街道.docx", "ab" * 32, "", "d1", "Sheet1"),
    Entry("=SUM(A1)", 3, FAILED, error="-1 不是数字", digest="'x"),
    Entry("+甲", 4, UNCHANGED, sheet="@表"),
    Entry("\t乙", 5, PENDING, file="\r丙"),
    Entry("'丁", 6, BUILT),
    Entry("A-1组", 7, BUILT),  # a "-" after the first character is no formula
]


def test_the_manifest_is_utf8_with_a_bom_and_formula_like_cells_are_quoted(tmp_path):
    path = write_manifest(tmp_path / "manifest.csv", ENTRIES)
    assert path == tmp_path / "manifest.csv"
    assert path.read_bytes().decode("utf-8") == "\ufeff" + HEADER + (
        f"城关街道,2,已生成,城关街道.docx,{'ab' * 32},,d1,Sheet1\r\n"
        "'=SUM(A1),3,失败,,,'-1 不是数字,''x,\r\n"
        "'+甲,4,未变,,,,,'@表\r\n"
        "'\t乙,5,未完成,\"'\r丙\",,,,\r\n"
        "''丁,6,已生成,,,,,\r\n"
        "A-1组,7,已生成,,,,,\r\n")


def test_a_rerun_reads_every_entry_back_as_it_was(tmp_path):
    path = write_manifest(tmp_path / "manifest.csv", ENTRIES)
    assert read_manifest(path) == {e.unit: e for e in ENTRIES}
    assert [e.ok for e in read_manifest(path).values()] == [True, False, True, True, True, True]


def test_a_manifest_written_before_the_worksheet_column_is_read_without_it(tmp_path):
    path = tmp_path / "manifest.csv"
    path.write_text("单位,行号,状态,文件,sha256,错误信息,输入摘要\n城关街道,x,已生成,a.docx,,,d\n"
                    "东关街道,3,失败\n", encoding="utf-8-sig")
    assert read_manifest(path) == {"城关街道": Entry("城关街道", 0, BUILT, "a.docx", digest="d")}


@pytest.mark.parametrize("content", [b"", "\ufeff单位,行号\r\n甲,1\r\n".encode(), b"\xff\xfe\x00\x00",
                                     "单位,行号,状态\n".encode("gbk")])
def test_what_is_not_a_manifest_counts_as_none(tmp_path, content):
    path = tmp_path / "manifest.csv"
    path.write_bytes(content)
    assert read_manifest(path) == {}
    assert read_manifest(tmp_path / "missing.csv") == {}


def test_a_long_manifest_is_written_in_pieces_with_one_bom_and_the_same_rows(tmp_path, monkeypatch):
    monkeypatch.setattr("reportgen.batches.manifest.ROWS_AT_ONCE", 4)
    entries = [Entry(f"单位{i}", i, BUILT, f"单位{i}.docx", "cd" * 32) for i in range(10)]
    path = write_manifest(tmp_path / "manifest.csv", entries)
    text = path.read_bytes().decode("utf-8")
    assert text == "\ufeff" + HEADER + "".join(
        f"单位{i},{i},已生成,单位{i}.docx,{'cd' * 32},,,\r\n" for i in range(10))
    assert list(read_manifest(path).values()) == entries


def test_an_unchanged_manifest_written_again_is_left_untouched(tmp_path):
    path = write_manifest(tmp_path / "manifest.csv", ENTRIES)
    before = path.stat()
    write_manifest(path, iter(ENTRIES))  # the rows of a batch come one at a time
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_long_manifest_is_never_held_whole_as_text(tmp_path):
    import tracemalloc

    entries = [Entry(f"城关街道{i}", i, BUILT, f"城关街道{i}.docx", "ab" * 32, "", "d" * 16)
               for i in range(20_000)]
    tracemalloc.start()
    try:
        path = write_manifest(tmp_path / "manifest.csv", entries)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2 * path.stat().st_size  # about 1.4 times its bytes; as one text, 4.3 times
