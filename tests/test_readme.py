"""The README keeps its promises: short, two set-up commands, and a YAML example that builds."""

from __future__ import annotations

import re

import docx
import pytest
from helpers import ROOT, run

import reportgen
from reportgen.cli.commands import cli

README = (ROOT / "README.md").read_text("utf-8")


def fenced(text: str, language: str = "") -> list[str]:
    """The fenced code blocks of ``text`` marked with ``language``."""
    return re.findall(rf"^```{language}\n(.*?)^```$", text, re.S | re.M)


def section(title: str) -> str:
    """The README's section whose heading starts with ``title``, up to the next one."""
    return README.split(f"\n## {title}", 1)[1].split("\n## ", 1)[0]


def test_the_readme_is_short():
    assert len(README.encode("utf-8")) <= 12 * 1024


def test_set_up_is_two_commands_from_a_virtual_environment():
    """After the virtual environment: one command installs and builds a sample, one runs the
    tests (the command .ci/run runs)."""
    venv, build, tests = fenced(section("安装"))
    assert (venv, build, tests) == ("python3 -m venv .venv && . .venv/bin/activate\n",
                                    "pip install . && reportgen build samples/plan.yaml\n",
                                    "pip install -e '.[test]' && python -m pytest\n")
    assert tests in (ROOT / ".ci" / "run").read_text("utf-8")


def test_the_yaml_example_builds_with_what_the_readme_says(tmp_path):
    (example,) = fenced(README, "yaml")
    assert 25 <= len(example.splitlines()) <= 40
    (tmp_path / "plan.yaml").write_text(example, "utf-8")
    text = "\n".join(p.text for p in docx.Document(reportgen.build(tmp_path / "plan.yaml")).paragraphs)
    for promised in ("一、指导思想", "（一）开展安全宣传", "1.重点企业", "5月26日至31日", "组　长：王建国　局长",
                     "为扎实开展2025年“安全生产月”活动", "2025年5月20日"):
        assert promised in text
    title = re.search(r"^标题: (.*)$", example, re.M).group(1)
    assert title in text.replace("\n", "")


def test_every_command_the_readme_lists_exists(capsys):
    listed = set(re.findall(r"^\| `reportgen ([a-z-]+)", README, re.M))
    assert listed == set(cli.commands)
    for command in listed:
        assert run(capsys, command, "--help")[0] == 0


@pytest.mark.parametrize("link", sorted(set(re.findall(r"\]\(([^)#]+)\)", README))))
def test_every_link_leads_to_a_file(link):
    assert (ROOT / link).is_file()
