"""The command line: what a clerk types and sees, exit statuses, and files written or not."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reportgen.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main([*args])
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return exited.value.code, out, err


def test_build_writes_next_to_the_yaml(capsys, write_yaml):
    path = write_yaml("标题: 方案\n开头: 正文。\n")
    assert run(capsys, "build", str(path)) == (0, f"已生成 {path.with_suffix('.docx')}\n", "")


def test_build_into_a_folder_and_to_a_file(capsys, write_yaml, tmp_path):
    path = write_yaml("标题: 方案\n")
    assert run(capsys, "build", str(path), "-o", str(tmp_path / "out"))[0] == 0
    assert (tmp_path / "out" / "plan.docx").is_file()
    assert run(capsys, "build", str(path), "-o", str(tmp_path / "x.docx"))[0] == 0
    assert (tmp_path / "x.docx").is_file()


def test_errors_are_listed_with_a_count_and_nothing_is_written(capsys, write_yaml, tmp_path):
    path = write_yaml("开头: 正文。\n成文日期: 2024-02-30\n")
    code, out, err = run(capsys, "build", str(path), "-o", str(tmp_path / "out"))
    assert (code, out) == (1, "")
    assert err == (f"{path}:1:1: 标题: 缺少必填项\n{path}:2:1: 成文日期: 日期不存在：2024年2月30日\n"
                   "共 2 个问题，未生成文件。\n")
    assert not (tmp_path / "out").exists()


def test_validate_writes_nothing(capsys, write_yaml, tmp_path):
    path = write_yaml("标题: 方案\n")
    assert run(capsys, "validate", str(path)) == (0, f"{path}: 检查通过\n", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_missing_file(capsys, tmp_path):
    assert run(capsys, "build", str(tmp_path / "无.yaml")) == (
        1, "", f"{tmp_path / '无.yaml'}: 找不到文件\n未生成文件。\n")


def test_repaired_characters_are_reported_as_warnings(capsys, write_yaml):
    path = write_yaml("标题: 方\x0b案\n")
    code, _, err = run(capsys, "build", str(path))
    assert (code, err) == (0, f"{path}:1:6: 已删除不可见的控制字符 U+000B（常见于从 Word 复制的文字）\n")


def test_unwritable_output(capsys, write_yaml, tmp_path):
    path = write_yaml("标题: 方案\n")
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, _, err = run(capsys, "build", str(path), "-o", str(blocker / "out"))
    assert (code, err) == (1, f"{blocker / 'out'}: 无法创建输出文件夹：Not a directory\n未生成文件。\n")


def test_console_script_runs_without_traceback(write_yaml):
    path = write_yaml("标题: [\n")
    result = subprocess.run([sys.executable, "-m", "reportgen", "build", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{path}:2:1: YAML 格式错误")
