"""Writing .docx bytes deterministically and atomically: fixed zip timestamps, temp file then rename."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path

from .errors import Problem, ReportgenError

EPOCH = (1980, 1, 1, 0, 0, 0)


def stable_zip(data: bytes) -> bytes:
    """Re-pack a .docx so equal content gives equal bytes (no timestamps, fixed attributes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ReportgenError(Problem(str(path.parent), f"无法创建输出文件夹：{exc.strerror}")) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        hint = "（文件可能正在 Word 或 WPS 中打开）" if isinstance(exc, PermissionError) else ""
        raise ReportgenError(Problem(str(path), f"无法写入：{exc.strerror}{hint}")) from None
    return path
