"""write_atomic given its bytes in pieces: written one after another, and a file that already
holds them left untouched, compared piece by piece."""

from __future__ import annotations

from reportgen.files.atomic_write import write_atomic


def _stamp(path):
    return path.stat().st_ino, path.stat().st_mtime_ns


def test_pieces_are_written_one_after_another(tmp_path):
    path = write_atomic(tmp_path / "a.csv", [b"\xef\xbb\xbf", "甲,1\r\n".encode(), b"", b"b,2\r\n"])
    assert path.read_bytes() == "\ufeff甲,1\r\nb,2\r\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"]  # no temporary file left


def test_a_file_holding_the_same_bytes_cut_differently_is_left_untouched(tmp_path):
    path = write_atomic(tmp_path / "a.csv", b"abcdef")
    before = _stamp(path)
    write_atomic(path, [b"ab", b"cde", b"f"])
    assert _stamp(path) == before


def test_a_difference_in_any_piece_or_in_the_length_writes_the_file_again(tmp_path):
    path = write_atomic(tmp_path / "a.csv", b"abcdef")
    for pieces in ([b"ab", b"cdx", b"f"], [b"x", b"bcdef"], [b"abcdef", b"g"], [b"abc"]):
        before = _stamp(path)
        write_atomic(path, pieces)
        assert path.read_bytes() == b"".join(pieces)
        assert _stamp(path) != before
