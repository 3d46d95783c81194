"""Build the site once per test session; give tests helpers to read it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# What a copy of the project needs in order to build (for the bad-data tests).
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "hooks", "overrides", "pdf")


def run_build(project: Path, site_dir: Path, extras: bool | None = None) -> subprocess.CompletedProcess:
    # The project's own build is the whole build: the tests check the extras that CAT_GUIDE_QUICK=1
    # leaves out (offline copy, PDFs). Copies of the project, built to test how data is handled,
    # leave those slow extras out unless a test asks for them (`extras=True`).
    extras = project == ROOT if extras is None else extras
    env = {k: v for k, v in os.environ.items() if k != "CAT_GUIDE_QUICK"} | {"NO_MKDOCS_2_WARNING": "1"}
    if not extras:
        env["CAT_GUIDE_QUICK"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def assert_build_fails(project: Path, tmp_path: Path, expected: str | list[str]) -> str:
    """Build `project`: it must fail with `expected` (one message or several) in its output, no
    traceback, no HTML left. Returns the output."""
    site_dir = tmp_path / "out"
    result = run_build(project, site_dir)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{output}"
    for message in [expected] if isinstance(expected, str) else expected:
        assert message in output, f"expected the message {message!r} in:\n{output}"
    assert "Traceback" not in output, f"a contributor should see a message, not a traceback:\n{output}"
    written = list(site_dir.rglob("*.html")) if site_dir.exists() else []
    assert not written, f"a failed build left {len(written)} HTML files behind"
    return output


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole site, built from the working tree into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site_dir)
    assert result.returncode == 0, f"the site did not build:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project, for tests that break its data on purpose."""
    return copy_project(tmp_path / "project")
