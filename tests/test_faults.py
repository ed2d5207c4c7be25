"""Faults while writing: folders that refuse files, a full disk, a unit failing as it is written,
Ctrl-C and crashes. Afterwards every .docx present is whole, the manifest matches the files, and a
re-run finishes the job with the same bytes as a run that was never disturbed."""

from __future__ import annotations

import array
import csv
import fcntl
import functools
import hashlib
import os
import random
import resource
import signal
import subprocess
import sys
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path

import docx
import pytest
from helpers import ROOT, run

import reportgen

CAMPAIGN = ROOT / "samples" / "campaign" / "campaign.yaml"
PLAN = ROOT / "samples" / "plan-minimal.yaml"
OLDER = ROOT / "samples" / "summary.yaml"  # an older document of other data: a file that already
# held what PLAN builds would not be written at all (files/atomic_write.py)
OS_FAULTS = Path(__file__).with_name("os_faults.py")
UNITS = 16
FULL = "无法写入：磁盘已满，请删除不需要的文件腾出空间，或换一个输出文件夹，然后重新运行"
NOT_ALLOWED = "没有写入权限，请换一个输出文件夹"
FS_IOC_GETFLAGS, FS_IOC_SETFLAGS, FS_IMMUTABLE_FL = 0x80086601, 0x40086602, 0x10


def write_units(path: Path, extra: int = 0) -> Path:
    """A unit list for samples/campaign; ``extra`` changes every unit's figures."""
    rows = [["单位名称", "负责人", "发放资料", "培训场次", "清理垃圾", "参与群众"]]
    rows += [[f"第{i:02d}街道", f"负责人{i}", 100 + i + extra, i % 9 + 1, f"{i}.5", 1000 + i]
             for i in range(UNITS)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def names(first: int, last: int) -> list[str]:
    return [f"第{i:02d}街道.docx" for i in range(first, last)]


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.docx"))}


def manifest(folder: Path) -> list[list[str]]:
    return list(csv.reader((folder / "manifest.csv").read_text(encoding="utf-8-sig").splitlines()))[1:]


def listed(folder: Path) -> dict[str, str]:
    """The files the manifest lists, with their recorded sha256."""
    return {r[3]: r[4] for r in manifest(folder) if r[2] != "失败"}


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def whole(folder: Path) -> dict[str, str]:
    """Check that every .docx opens (the least any fault may leave); each one's sha256 by name."""
    files = digests(folder)
    for name in files:
        docx.Document(folder / name)
    return files


def consistent(folder: Path) -> dict[str, str]:
    """``whole``, and the manifest matches the files exactly: every file it lists has the recorded
    sha256, every unit's .docx is listed; no temporary file is left."""
    files = whole(folder)
    assert {name: files.get(name) for name in listed(folder)} == listed(folder)
    assert set(files) - {"汇总.docx"} <= set(listed(folder))
    assert temporaries(folder) == []
    return files


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> dict[int, dict[str, str]]:
    """The documents of undisturbed runs over the unit data 0 and 1, by name: sha256."""
    folder = tmp_path_factory.mktemp("clean")
    runs = {}
    for extra in (0, 1):
        units = write_units(folder / f"units{extra}.csv", extra)
        reportgen.batch(CAMPAIGN, units, folder / f"out{extra}", jobs=1)
        runs[extra] = digests(folder / f"out{extra}")
    return runs


def reportgen_process(*args: str, fault: str | None = None, preexec_fn=None, **options
                      ) -> subprocess.Popen:
    """``reportgen ARGS`` in a process group of its own, with a fault from os_faults.py if given,
    started as a terminal starts it: with Ctrl-C's default action, whatever the tests were started
    with (a job started in the background by a shell, or by nohup, ignores SIGINT, and a Python
    started so never turns Ctrl-C into KeyboardInterrupt); then ``preexec_fn``, if given."""
    command = [sys.executable, str(OS_FAULTS), fault] if fault else [sys.executable, "-m", "reportgen"]
    return subprocess.Popen([*command, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True,
                            preexec_fn=functools.partial(default_ctrl_c, preexec_fn),
                            env={**os.environ, "PYTHONUNBUFFERED": "1"}, **options)


def default_ctrl_c(then=None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if then is not None:
        then()


def finished(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=60)
    return process.returncode, out, err


def batch_args(units: Path, out: Path, jobs: int) -> list[str]:
    return ["batch", str(CAMPAIGN), "--units", str(units), "-o", str(out), "-j", str(jobs)]


@contextmanager
def immutable(path: Path):
    """``path`` made immutable (chattr +i): not even root may change it, or add to a folder.
    Skips where the file system or a missing capability does not allow it."""
    descriptor = os.open(path, os.O_RDONLY)
    flags = array.array("l", [0])
    try:
        fcntl.ioctl(descriptor, FS_IOC_GETFLAGS, flags, True)
        flags[0] |= FS_IMMUTABLE_FL
        fcntl.ioctl(descriptor, FS_IOC_SETFLAGS, flags, True)
    except OSError as exc:
        os.close(descriptor)
        pytest.skip(f"cannot make {path} immutable here: {exc.strerror}")
    try:
        yield path
    finally:
        flags[0] &= ~FS_IMMUTABLE_FL
        fcntl.ioctl(descriptor, FS_IOC_SETFLAGS, flags, True)
        os.close(descriptor)


def sys_refusal(folder: Path) -> str:
    """What /sys answers to a new file: read-only where it is mounted so (as in most containers)."""
    if os.statvfs("/sys").f_flag & os.ST_RDONLY:
        return f"{folder}: 无法在这个文件夹中写入文件：这个位置只能读、不能写（如写保护的U盘、光盘），请换一个输出文件夹"
    return f"{folder}: 无法在这个文件夹中写入文件：{NOT_ALLOWED}"


# --- a folder that refuses files --------------------------------------------------------------

@pytest.mark.parametrize("form", ["parent is a file", "/proc", "folder in /proc", "/sys",
                                  "a folder in the file's place"])
def test_build_into_a_place_that_refuses_files(capsys, tmp_path, form):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    out, message = {
        "parent is a file": (blocker / "sub" / "plan.docx",
                             f"{blocker / 'sub'}: 无法创建输出文件夹：“{blocker}”是文件，不是文件夹，请换一个输出文件夹"),
        "/proc": (Path("/proc/plan.docx"),
                  "/proc: 无法在这个文件夹中写入文件：这个位置不能新建文件或文件夹，请换一个输出文件夹"),
        "folder in /proc": (Path("/proc/reportgen/plan.docx"),
                            "/proc/reportgen: 无法创建输出文件夹：这个位置不能新建文件或文件夹，请换一个输出文件夹"),
        "/sys": (Path("/sys/plan.docx"), sys_refusal(Path("/sys"))),
        "a folder in the file's place": (tmp_path / "plan.docx",
                                         f"{tmp_path / 'plan.docx'}: 无法写入：这里已有同名的文件夹，请换一个文件名"),
    }[form]
    if form == "a folder in the file's place":
        out.mkdir()
    assert run(capsys, "build", str(PLAN), "-o", str(out)) == (1, "", f"{message}\n未生成文件。\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker"] + (
        ["plan.docx"] if out.is_dir() else [])


def test_an_unchangeable_folder_or_file_keeps_the_older_document(capsys, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    old = reportgen.build(OLDER, folder / "plan.docx").read_bytes()
    with immutable(folder):  # the folder takes no new file, not even from root
        assert run(capsys, "build", str(PLAN), "-o", str(folder / "plan.docx")) == (
            1, "", f"{folder}: 无法在这个文件夹中写入文件：{NOT_ALLOWED}\n未生成文件。\n")
    with immutable(folder / "plan.docx"):  # as a file open in Word is on Windows
        assert run(capsys, "build", str(PLAN), "-o", str(folder / "plan.docx")) == (
            1, "", f"{folder / 'plan.docx'}: 无法写入：没有写入权限（文件可能正在 Word 或 WPS 中打开），"
            "请关闭文件或换一个输出文件夹\n未生成文件。\n")
    assert sorted(p.name for p in folder.iterdir()) == ["plan.docx"]
    assert (folder / "plan.docx").read_bytes() == old


def test_a_file_too_large_for_the_system_keeps_the_older_document(tmp_path):
    old = reportgen.build(OLDER, tmp_path / "plan.docx").read_bytes()  # a file as old bytes hold
    limit = len(old) // 2  # RLIMIT_FSIZE: a real "File too large" for any file larger than this

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    process = reportgen_process("build", str(PLAN), "-o", str(tmp_path / "plan.docx"),
                                preexec_fn=limited)
    assert finished(process) == (1, "", f"{tmp_path / 'plan.docx'}: 无法写入：文件超过了系统允许的大小，"
                                        "请换一个输出文件夹\n未生成文件。\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx"]
    assert (tmp_path / "plan.docx").read_bytes() == old


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("form", ["parent is a file", "folder in /proc", "/sys", "unchangeable"])
def test_a_batch_into_a_folder_that_refuses_files_stops_before_any_unit(capsys, tmp_path, clean,
                                                                         form, jobs):
    units = write_units(tmp_path / "units.csv")
    folder = tmp_path / "out"
    reportgen.batch(CAMPAIGN, units, folder, jobs=1)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    out, message = {
        "parent is a file": (blocker / "out",
                             f"{blocker / 'out'}: 无法创建输出文件夹：“{blocker}”是文件，不是文件夹，请换一个输出文件夹"),
        "folder in /proc": (Path("/proc/reportgen"),
                            "/proc/reportgen: 无法创建输出文件夹：这个位置不能新建文件或文件夹，请换一个输出文件夹"),
        "/sys": (Path("/sys"), sys_refusal(Path("/sys"))),
        "unchangeable": (folder, f"{folder}: 无法在这个文件夹中写入文件：{NOT_ALLOWED}"),
    }[form]
    with immutable(folder) if form == "unchangeable" else nullcontext():
        result = run(capsys, *batch_args(units, out, jobs), "--force")
    assert result == (1, "", f"{message}\n未生成文件。\n")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert consistent(folder) == clean[0]


# --- a full disk ------------------------------------------------------------------------------

def test_a_full_disk_keeps_the_older_document_and_says_what_to_do(tmp_path):
    old = reportgen.build(OLDER, tmp_path / "plan.docx").read_bytes()
    process = reportgen_process("build", str(PLAN), "-o", str(tmp_path / "plan.docx"), fault="full")
    assert finished(process) == (1, "", f"{tmp_path / 'plan.docx'}: {FULL}\n未生成文件。\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx"]
    assert (tmp_path / "plan.docx").read_bytes() == old


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_full_disk_stops_the_batch_and_a_rerun_finishes_it(tmp_path, clean, jobs):
    out = tmp_path / "out"
    reportgen.batch(CAMPAIGN, write_units(tmp_path / "units.csv"), out, jobs=1)
    units = write_units(tmp_path / "units.csv", extra=1)  # new figures: every file is rebuilt
    process = reportgen_process(*batch_args(units, out, jobs), "-q", fault="full-from=第05街道.docx")
    code, printed, err = finished(process)
    files = consistent(out)
    rows = manifest(out)
    written = [r[3] for r in rows if files[r[3]] == clean[1][r[3]]]
    assert (code, printed) == (1, "")
    if jobs == 1:  # the units before the one that found the disk full
        assert written == names(0, 5)
    assert err.endswith(f": {FULL}\n批量生成已停止：本次已写好 {len(written)} 个文件，都记在 manifest.csv 中；"
                        "腾出空间后重新运行，只生成其余的单位。\n")
    assert err.startswith(f"{out / '第05街道.docx'}: " if jobs == 1 else f"{out}/第")
    assert all(files[r[3]] == clean[0][r[3]] for r in rows if r[3] not in written)  # old, whole
    assert len(rows) == UNITS and all(r[2] == "已生成" for r in rows)
    rerun = reportgen.batch(CAMPAIGN, units, out, jobs=jobs)
    assert [e.status == "未变" for e in rerun.entries] == [n in written for n in names(0, UNITS)]
    assert consistent(out) == clean[1]


def test_a_disk_too_full_even_for_the_manifest_keeps_the_previous_one(tmp_path, clean):
    out = tmp_path / "out"
    reportgen.batch(CAMPAIGN, write_units(tmp_path / "units.csv"), out, jobs=1)
    previous = (out / "manifest.csv").read_bytes()
    units = write_units(tmp_path / "units.csv", extra=1)
    process = reportgen_process(*batch_args(units, out, 1), "-q", fault="full-from-all=第05街道.docx")
    assert finished(process) == (1, "", (
        f"{out / 'manifest.csv'}: {FULL}\n"
        "清单未能更新（上次的清单保持原样），其中没有本次写好的文件；解决后重新运行，会重新生成这些文件。\n"))
    assert (out / "manifest.csv").read_bytes() == previous
    assert temporaries(out) == []
    files = digests(out)  # the previous manifest's sha256 tells the re-run which files changed
    assert [n for n in names(0, UNITS) if files[n] != clean[0][n]] == names(0, 5)
    rerun = reportgen.batch(CAMPAIGN, units, out, jobs=1)
    assert [e.status for e in rerun.entries] == ["已生成"] * UNITS
    assert consistent(out) == clean[1]


# --- a unit that fails as it is written -------------------------------------------------------

UNIT_CAMPAIGN = """\
文种: 总结
标题: "{{ 单位.名称 }}关于爱国卫生月活动的工作总结"
单位: 示例单位
开头: "{{ 单位.名称 }}的情况：{{ 单位.情况 }}"
主要做法:
  内容: 按计划开展。
署名: "{{ 单位.名称 }}"
成文日期: 2025-06-10
"""


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_unit_too_large_to_write_fails_alone_and_a_rerun_builds_only_it(write_yaml, tmp_path, jobs):
    campaign = write_yaml(UNIT_CAMPAIGN, "campaign.yaml")
    rng = random.Random(7)
    long_text = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(60_000))
    units = tmp_path / "units.csv"
    rows = [["单位名称", "情况"], ["甲单位", "好"], ["乙单位", long_text], ["丙单位", "好"], ["丁单位", "好"]]
    units.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"

    def limited() -> None:  # the long unit's document is larger than any file may be
        resource.setrlimit(resource.RLIMIT_FSIZE, (64_000, 64_000))

    process = reportgen_process("batch", str(campaign), "--units", str(units), "-o", str(out),
                                "-j", str(jobs), "-q", preexec_fn=limited)
    error = f"{out / '乙单位.docx'}: 无法写入：文件超过了系统允许的大小，请换一个输出文件夹（单位“乙单位”）"
    assert finished(process) == (1, "", f"{error}\n")
    assert [r[:4] for r in manifest(out)] == [["甲单位", "2", "已生成", "甲单位.docx"],
                                              ["乙单位", "3", "失败", ""],
                                              ["丙单位", "4", "已生成", "丙单位.docx"],
                                              ["丁单位", "5", "已生成", "丁单位.docx"]]
    assert manifest(out)[1][5] == error
    assert sorted(consistent(out)) == ["丁单位.docx", "丙单位.docx", "甲单位.docx"]
    units.write_text(units.read_text(encoding="utf-8").replace(long_text, "已改短"), encoding="utf-8")
    rerun = reportgen.batch(campaign, units, out, jobs=jobs)
    assert [e.status for e in rerun.entries] == ["未变", "已生成", "未变", "未变"]
    assert "乙单位的情况：已改短" in [p.text for p in docx.Document(out / "乙单位.docx").paragraphs]
    consistent(out)


# --- Ctrl-C -----------------------------------------------------------------------------------

@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("after", [1, UNITS // 2, UNITS], ids=["first", "middle", "last"])
def test_ctrl_c_leaves_whole_listed_files_and_a_rerun_finishes(tmp_path, clean, jobs, after):
    units = write_units(tmp_path / "units.csv")
    out = tmp_path / "out"
    process = reportgen_process(*batch_args(units, out, jobs))
    for _ in range(after):  # each unit prints a line as it is done: "[3/16] 已生成 …"
        assert process.stdout.readline().startswith("[")
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C does: to every process of the batch
    code, _, err = finished(process)
    if code == 0:  # the signal came after the last unit and the roll-up were written
        assert after == UNITS and err == ""
    else:
        assert (code, err.strip()) == (130, "已取消。")
    files = consistent(out)
    assert all(files[name] == clean[0][name] for name in files)
    done = listed(out)
    rerun = reportgen.batch(CAMPAIGN, units, out, jobs=jobs)
    assert [e.status for e in rerun.entries] == ["未变" if n in done else "已生成"
                                                 for n in names(0, UNITS)]
    assert consistent(out) == clean[0]


@pytest.mark.parametrize("module", ["reportgen.word.fill", "click"])
def test_ctrl_c_while_reportgen_starts_ends_quietly(tmp_path, module):
    process = reportgen_process("build", str(PLAN), "-o", str(tmp_path / "plan.docx"),
                                fault=f"ctrl-c-importing={module}")
    code, out, err = finished(process)  # click starts a new line after the ^C the terminal shows
    assert (code, out, err.strip()) == (130, "", "已取消。")
    assert list(tmp_path.iterdir()) == []


# --- crashes: no clean-up at all --------------------------------------------------------------

def test_a_build_that_crashed_before_renaming_leaves_the_old_file_and_the_next_tidies(tmp_path):
    old = reportgen.build(ROOT / "samples" / "summary.yaml", tmp_path / "plan.docx").read_bytes()
    process = reportgen_process("build", str(PLAN), "-o", str(tmp_path / "plan.docx"),
                                fault="crash-rename=0")
    assert finished(process) == (9, "", "")
    assert (tmp_path / "plan.docx").read_bytes() == old
    assert temporaries(tmp_path) == [f".plan.docx.{process.pid}.tmp"]
    reportgen.build(PLAN, tmp_path / "plan.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_crash_before_renaming_leaves_whole_files_and_a_rerun_finishes(tmp_path, clean, jobs):
    out = tmp_path / "out"
    units = write_units(tmp_path / "units.csv")
    reportgen.batch(CAMPAIGN, units, out, jobs=1)
    other = write_units(tmp_path / "other.csv", extra=1)
    crash = "crash-rename=3" if jobs == 1 else "crash-worker-rename=3"
    process = reportgen_process(*batch_args(other, out, jobs), "-q", fault=crash)
    code, _, err = finished(process)
    if jobs == 1:  # the only process died
        assert (code, err) == (9, "")
    else:  # a worker process died; the main process says so
        assert (code, err) == (1, "reportgen: 一个生成进程意外退出（可能是内存不足，或被系统结束）\n"
                                  "批量生成已停止；重新运行会接着生成其余的单位。\n")
    files = whole(out)
    replaced = [n for n in names(0, UNITS) if files[n] != clean[0][n]]
    assert replaced and all(files[n] == clean[1][n] for n in replaced)
    stale = temporaries(out)
    assert stale and all(t.startswith(".第") and t.endswith(".tmp") for t in stale)
    # the manifest may still be the earlier run's: it lists every replaced file with its old
    # sha256, so a re-run with the earlier data does not take the replaced files as its own
    rerun = reportgen.batch(CAMPAIGN, units, out, jobs=jobs)
    assert {e.file for e in rerun.entries if e.status == "已生成"} >= set(replaced)
    assert consistent(out) == clean[0]


@pytest.mark.parametrize("jobs", [1, 2])
def test_killed_at_random_times_a_rerun_finishes(tmp_path, clean, jobs):
    units = write_units(tmp_path / "units.csv")
    out = tmp_path / "out"
    rng = random.Random(jobs)
    for _ in range(3):  # each time on what the last one left
        process = reportgen_process(*batch_args(units, out, jobs))
        process.stdout.readline()  # the first unit is done: the next ones are being written
        time.sleep(rng.uniform(0, 0.04))
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        files = whole(out)
        assert all(files[name] == clean[0][name] for name in files)
    reportgen.batch(CAMPAIGN, units, out, jobs=jobs)
    assert consistent(out) == clean[0]


def test_a_crash_while_writing_the_manifest_keeps_the_previous_one(tmp_path, clean):
    out = tmp_path / "out"
    reportgen.batch(CAMPAIGN, write_units(tmp_path / "units.csv"), out, jobs=1)
    previous = (out / "manifest.csv").read_bytes()
    units = write_units(tmp_path / "units.csv", extra=1)
    process = reportgen_process(*batch_args(units, out, 1), "-q", fault="crash-manifest")
    assert finished(process)[:2] == (9, "")
    assert (out / "manifest.csv").read_bytes() == previous
    assert [t.split(".")[1:3] for t in temporaries(out)] == [["manifest", "csv"]]
    assert whole(out) == {**clean[1], "汇总.docx": clean[0]["汇总.docx"]}  # none listed, no roll-up
    rerun = reportgen.batch(CAMPAIGN, units, out, jobs=1)
    assert [e.status for e in rerun.entries] == ["已生成"] * UNITS
    assert consistent(out) == clean[1]


def test_only_temporary_files_of_processes_no_longer_running_are_removed(tmp_path, clean):
    out = tmp_path / "out"
    units = write_units(tmp_path / "units.csv")
    reportgen.batch(CAMPAIGN, units, out, jobs=1)
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True).stdout.strip()
    whole_copy = (out / "第03街道.docx").read_bytes()
    (out / "第03街道.docx").unlink()
    (out / f".第03街道.docx.{ended}.tmp").write_bytes(whole_copy)  # complete, never renamed
    (out / f".第04街道.docx.{ended}.tmp").write_bytes(b"PK\x03\x04 cut short")
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    (out / f".第05街道.docx.{running.pid}.tmp").write_bytes(b"still being written")
    (out / f".notes.docx.{ended}.tmp").write_bytes(b"not reportgen's to remove")
    try:
        rerun = reportgen.batch(CAMPAIGN, units, out, jobs=1)
    finally:
        running.kill()
        running.wait()
    assert [(e.unit, e.status) for e in rerun.entries if e.status != "未变"] == [("第03街道", "已生成")]
    assert temporaries(out) == [f".notes.docx.{ended}.tmp", f".第05街道.docx.{running.pid}.tmp"]
    assert digests(out) == clean[0]
