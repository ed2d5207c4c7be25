"""Shared fixtures: YAML files written inline, LibreOffice renders (skipped where it is missing), and
hostile-input tests run capped in a child process (capped.py)."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from capped import run_capped
from helpers import ROOT, soffice
from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

import reportgen
from reportgen.load import yaml_limits
from reportgen.office import convert

# Property tests (test_properties.py): the "ci" profile, the default, tries 120 examples per
# property; REPORTGEN_HYPOTHESIS_PROFILE=long tries 3000, for a run by hand. Examples that failed
# are kept in .hypothesis/ at the repository root (git-ignored) and tried first on the next run.
settings.register_profile(
    "ci", max_examples=120, deadline=None, print_blob=True,
    database=DirectoryBasedExampleDatabase(ROOT / ".hypothesis" / "examples"),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large])
settings.register_profile("long", settings.get_profile("ci"), max_examples=3000)
settings.load_profile(os.environ.get("REPORTGEN_HYPOTHESIS_PROFILE", "ci"))

SAMPLES = ROOT / "samples"
SAMPLE_NAMES = ("plan", "plan-minimal", "summary", "two-years/2024", "two-years/2025")


@pytest.fixture
def write_yaml(tmp_path: Path):
    """Write dedented YAML text to ``tmp_path/name`` and return the path."""
    def write(text: str, name: str = "plan.yaml", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(textwrap.dedent(text).encode(encoding))
        return path
    return write


@pytest.fixture(params=["libyaml", "python"])
def each_yaml_reader(request, monkeypatch):
    """The test runs twice: with libyaml's parser (as reportgen reads YAML where it is installed)
    and with PyYAML's Python one (the fallback); both must give the same results and messages."""
    if request.param == "python":
        monkeypatch.setattr(yaml_limits, "FastLoader", None)
    return request.param


@pytest.fixture(scope="session")
def lo_profile(tmp_path_factory) -> Path:
    """A LibreOffice user profile of our own; skips, or fails under REPORTGEN_REQUIRE_SOFFICE=1."""
    if soffice() is None:
        if os.environ.get("REPORTGEN_REQUIRE_SOFFICE") == "1":
            pytest.fail("REPORTGEN_REQUIRE_SOFFICE=1 but soffice is not installed")
        pytest.skip("LibreOffice (soffice) is not installed")
    return tmp_path_factory.mktemp("lo-profile")


@pytest.fixture(scope="session")
def sample_docs(tmp_path_factory) -> dict[str, Path]:
    """Every sample built once for the session, by name (plan, plan-minimal, summary, two-years/…)."""
    folder = tmp_path_factory.mktemp("sample")
    return {name: reportgen.build(SAMPLES / f"{name}.yaml", folder) for name in SAMPLE_NAMES}


@pytest.fixture(scope="session")
def sample_docx(sample_docs: dict[str, Path]) -> Path:
    """samples/plan.yaml built once for the session."""
    return sample_docs["plan"]


@pytest.fixture(scope="session")
def sample_pdfs(sample_docs: dict[str, Path], lo_profile: Path) -> dict[str, Path]:
    """Every sample rendered in one LibreOffice run."""
    pdfs = convert.convert_to_pdf({d: d.with_suffix(".pdf") for d in sample_docs.values()}, lo_profile)
    return dict(zip(sample_docs, pdfs, strict=True))


@pytest.fixture(scope="session")
def sample_pdf(sample_pdfs: dict[str, Path]) -> Path:
    return sample_pdfs["plan"]


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """A test marked ``hostile`` runs in a forked child capped in memory and CPU (capped.py);
    ``hostile(memory=…, cpu=…)`` sets other caps."""
    marker = pyfuncitem.get_closest_marker("hostile")
    if marker is None:
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    run_capped(pyfuncitem.obj, arguments, **marker.kwargs)
    return True
