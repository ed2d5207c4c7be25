"""Commands given several files: check reads every one it can, preview converts them in one run."""

from __future__ import annotations

import json
import os
import shutil
import stat

from helpers import run
from test_cli import planted


def test_check_reports_every_unreadable_file_and_checks_the_others(capsys, tmp_path):
    good = planted(tmp_path)
    old, broken = tmp_path / "旧.doc", tmp_path / "坏.docx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    code, out, err = run(capsys, "check", str(old), str(good), str(broken))
    assert (code, out) == (2, f"{good}: 检查通过\n")
    lines = err.splitlines()
    assert [line.split(": ")[0] for line in lines[:2]] == [str(old), str(broken)]
    assert lines[0] == f"{old}: 这是 Word 97-2003 格式（.doc），请在 Word 或 WPS 中另存为 .docx 后再检查"
    assert lines[2:] == ["以上 2 个文件无法读取，未检查；其余 1 个文件已检查。"]


def test_check_json_lists_the_readable_files_and_the_others_go_to_stderr(capsys, tmp_path):
    good, missing = planted(tmp_path), tmp_path / "无.docx"
    code, out, err = run(capsys, "check", "--json", str(good), str(missing))
    assert (code, json.loads(out)) == (2, [])
    assert err == f"{missing}: 找不到文件\n以上 1 个文件无法读取，未检查；其余 1 个文件已检查。\n"


def test_check_of_only_unreadable_files(capsys, tmp_path):
    missing = [tmp_path / "甲.docx", tmp_path / "乙.docx"]
    code, out, err = run(capsys, "check", *map(str, missing))
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == "共 2 个文件无法读取，未检查。"
    assert len(err.splitlines()) == 3


def counting_soffice(tmp_path, monkeypatch):
    """A soffice on PATH that logs each start, then runs the real one."""
    real = shutil.which("soffice")
    log = tmp_path / "soffice.log"
    wrapper = tmp_path / "bin" / "soffice"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\necho started >> "{log}"\nexec "{real}" "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}")
    return log


def test_preview_of_several_files_in_one_libreoffice_run(capsys, write_yaml, tmp_path, lo_profile,
                                                          monkeypatch):
    log = counting_soffice(tmp_path, monkeypatch)
    plan = write_yaml("标题: 方案\n开头: 正文。\n")
    notice = planted(tmp_path)
    out = tmp_path / "png"
    code, stdout, err = run(capsys, "preview", str(plan), str(notice), "-o", str(out), "--dpi", "30")
    assert (code, stdout) == (0, f"已生成 {out / 'plan-1.png'}\n" + "".join(
        f"已生成 {out / f'通知-{n}.png'}\n" for n in (1, 2, 3)))
    assert log.read_text() == "started\n"
    progress = [line for line in err.splitlines() if line.startswith(("正在", "["))]
    assert progress == ["正在用 LibreOffice 转换 2 个文件……", f"[1/2] {plan}：1 页",
                        f"[2/2] {notice}：3 页"]


def test_preview_checks_every_yaml_file_before_converting_any(capsys, write_yaml, tmp_path):
    good = write_yaml("标题: 方案\n成文日期: 2024-03-05\n", "good.yaml")
    bad = write_yaml("开头: 正文。\n", "bad.yaml")
    worse = write_yaml("标题: 方案\n成文日期: 2024-02-30\n", "worse.yaml")
    assert run(capsys, "preview", str(good), str(bad), str(worse)) == (1, "", (
        f"{bad}:1:1: 标题: 缺少必填项\n{worse}:2:1: 成文日期: 日期不存在：2024年2月30日\n"
        "共 2 个问题，未生成文件。\n"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "good.yaml", "worse.yaml"]


def test_preview_refuses_two_files_whose_pages_share_names(capsys, write_yaml, tmp_path):
    plan = write_yaml("标题: 方案\n")
    docx = planted(tmp_path).rename(tmp_path / "plan.docx")
    assert run(capsys, "preview", str(plan), str(docx)) == (1, "", (
        f"{docx}: 与 {plan} 的图片同名（plan-1.png …），请分两次预览，或用 -o 放到别的文件夹\n"
        "未生成文件。\n"))
