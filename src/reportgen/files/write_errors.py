"""Why the system refused to write a file or make a folder, said so that a clerk knows what to do."""

from __future__ import annotations

import errno
from pathlib import Path

from ..errors import DiskFull, Problem, ReportgenError

FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
REASONS = {
    errno.ENOSPC: "磁盘已满，请删除不需要的文件腾出空间，或换一个输出文件夹，然后重新运行",
    errno.EROFS: "这个位置只能读、不能写（如写保护的U盘、光盘），请换一个输出文件夹",
    errno.EACCES: "没有写入权限，请换一个输出文件夹",
    errno.EPERM: "没有写入权限，请换一个输出文件夹",
    errno.EISDIR: "这里已有同名的文件夹，请换一个文件名",
    errno.EFBIG: "文件超过了系统允许的大小，请换一个输出文件夹",
    errno.ENOENT: "这个位置不能新建文件或文件夹，请换一个输出文件夹",
    errno.ENAMETOOLONG: "路径太长，请换一个短一些的输出文件夹或文件名",
}
IN_USE = "没有写入权限（文件可能正在 Word 或 WPS 中打开），请关闭文件或换一个输出文件夹"


def write_error(path: Path, exc: OSError) -> ReportgenError:
    """The error for a failed write of the file ``path``: DiskFull when the disk or quota is full."""
    in_use = exc.errno in (errno.EACCES, errno.EPERM)
    return _error(path, "无法写入", exc, IN_USE if in_use else None)


def folder_error(folder: Path, exc: OSError, failed: str = "无法创建输出文件夹") -> ReportgenError:
    """The error for an output folder that could not be made (or written in), naming a file that
    stands in its way."""
    blocker = next((p for p in (folder, *folder.parents) if p.is_file()), None)
    reason = f"“{blocker}”是文件，不是文件夹，请换一个输出文件夹" if blocker is not None else None
    return _error(folder, failed, exc, reason)


def _error(path: Path, failed: str, exc: OSError, reason: str | None) -> ReportgenError:
    full = exc.errno in FULL
    if reason is None:
        reason = REASONS[errno.ENOSPC] if full else REASONS.get(exc.errno, exc.strerror)
    return (DiskFull if full else ReportgenError)(Problem(str(path), f"{failed}：{reason}"))
