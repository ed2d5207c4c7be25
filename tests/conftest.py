"""Shared fixtures: YAML files written inline, and LibreOffice renders (skipped where it is missing)."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from helpers import ROOT, soffice, to_pdf

import reportgen

SAMPLES = ROOT / "samples"


@pytest.fixture
def write_yaml(tmp_path: Path):
    """Write dedented YAML text to ``tmp_path/name`` and return the path."""
    def write(text: str, name: str = "plan.yaml", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(textwrap.dedent(text).encode(encoding))
        return path
    return write


@pytest.fixture(scope="session")
def lo_profile(tmp_path_factory) -> Path:
    """A LibreOffice user profile of our own; skips, or fails under REPORTGEN_REQUIRE_SOFFICE=1."""
    if soffice() is None:
        if os.environ.get("REPORTGEN_REQUIRE_SOFFICE") == "1":
            pytest.fail("REPORTGEN_REQUIRE_SOFFICE=1 but soffice is not installed")
        pytest.skip("LibreOffice (soffice) is not installed")
    return tmp_path_factory.mktemp("lo-profile")


@pytest.fixture(scope="session")
def sample_docx(tmp_path_factory) -> Path:
    """samples/plan.yaml built once for the session."""
    return reportgen.build(SAMPLES / "plan.yaml", tmp_path_factory.mktemp("sample") / "plan.docx")


@pytest.fixture(scope="session")
def sample_pdf(sample_docx: Path, lo_profile: Path) -> Path:
    return to_pdf(sample_docx, lo_profile)
