"""Build the site once per test run, shared by every pytest-xdist worker; give tests helpers to
read it, and one headless Chromium per worker."""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitebuild.pages_done import PAGES_DONE_VARIABLE  # noqa: E402

# What a copy of the project needs in order to build (for the bad-data tests).
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "hooks", "sitebuild", "overrides", "pdf")


def _build_command(project: Path, site_dir: Path, extras: bool | None) -> tuple[list[str], dict]:
    # The project's own build is the whole build: the tests check the extras that CAT_GUIDE_QUICK=1
    # leaves out (offline copy, PDFs). Copies of the project, built to test how data is handled,
    # leave those slow extras out unless a test asks for them (`extras=True`).
    extras = project == ROOT if extras is None else extras
    env = {k: v for k, v in os.environ.items() if k != "CAT_GUIDE_QUICK"} | {"NO_MKDOCS_2_WARNING": "1"}
    if not extras:
        env["CAT_GUIDE_QUICK"] = "1"
    return [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(project / "mkdocs.yml"),
            "-d", str(site_dir)], env


def run_build(project: Path, site_dir: Path, extras: bool | None = None) -> subprocess.CompletedProcess:
    command, env = _build_command(project, site_dir, extras)
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def read_project_data(project: Path, name: str):
    """The contents of data/<name> in a copy of the project (to change and write back)."""
    from macros.data import parse_yaml

    return parse_yaml((project / "data" / name).read_text(encoding="utf-8"))


def write_project_data(project: Path, name: str, value) -> None:
    import yaml

    (project / "data" / name).write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")


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


# The whole site is built once per run, in the background from the moment the tests are collected,
# while the tests that do not need it run; so is the variant (tests/variant_site.py), the one
# other build of the whole project. With pytest-xdist, every worker uses those same builds: the
# main pytest process names a folder for them (SHARED), the first worker to collect a test that
# needs one starts it there under a lock, and the fixture waits for it to finish.
SHARED = "CAT_GUIDE_TEST_SHARED"
BUILD_TIMEOUT = 900  # seconds
BUILDS = ("site", "variant")


def pytest_configure(config):
    if not hasattr(config, "workerinput") and SHARED not in os.environ:  # the main process
        config._cat_shared = tempfile.mkdtemp(prefix="cat-guide-tests-")
        os.environ[SHARED] = config._cat_shared  # inherited by the xdist workers it starts


def pytest_unconfigure(config):
    shared = getattr(config, "_cat_shared", None)
    if shared:
        for name in BUILDS:
            pid = Path(shared, f"{name}.pid")
            if pid.exists() and not Path(shared, f"{name}.rc").exists():  # the run was cut short
                try:
                    os.killpg(int(pid.read_text()), signal.SIGTERM)  # a build this run started, and only it
                except ProcessLookupError:
                    pass
        shutil.rmtree(shared, ignore_errors=True)
        os.environ.pop(SHARED, None)


def _start_build(shared: Path, name: str) -> None:
    """Start the build `name` (the site, or the variant) into shared/<name>/, unless a worker has
    started it already."""
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (shared / f"{name}.started").exists():
            return
        (shared / f"{name}.started").touch()
        if name == "site":
            project, extras = ROOT, None
        else:
            from variant_site import make_changes

            project, extras = copy_project(shared / f"{name}-project"), False
            make_changes(project)
        command, env = _build_command(project, shared / name, extras)
        env["CAT_GUIDE_RC"] = str(shared / f"{name}.rc")
        env[PAGES_DONE_VARIABLE] = str(shared / f"{name}.pages-done")  # written when the pages are final
        # The shell writes the exit status when the build ends, even if this worker has ended first.
        with open(shared / f"{name}.log", "w") as log:
            build = subprocess.Popen(
                ["/bin/sh", "-c", '"$@"; echo $? > "$CAT_GUIDE_RC.part" && mv "$CAT_GUIDE_RC.part" "$CAT_GUIDE_RC"',
                 "sh", *command], cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True)
        (shared / f"{name}.pid").write_text(str(build.pid))


def _wait_for_build(shared: Path, name: str, pages_only: bool = False) -> int:
    """The build's exit status, once it has ended; with `pages_only`, 0 as soon as the pages are
    final (sitebuild/pages_done.py), while the build goes on with the PDFs and the offline copy."""
    deadline = time.monotonic() + BUILD_TIMEOUT
    while not (shared / f"{name}.rc").exists():
        if pages_only and (shared / f"{name}.pages-done").exists():
            return 0
        if time.monotonic() > deadline:
            pytest.fail(f"the {name}'s build took more than {BUILD_TIMEOUT} s")
        time.sleep(0.2)
    return int((shared / f"{name}.rc").read_text().strip() or 1)


def _shared() -> Path:
    return Path(os.environ[SHARED])


def reads_pages_only(module) -> bool:
    """Whether a test module says that its tests read only the site's pages (HTML), not its PDFs
    or its offline copy: `READS_PAGES_ONLY = True` at its top."""
    return getattr(module, "READS_PAGES_ONLY", False) is True


def _need(item) -> int:
    """0: the test needs no build of the whole project; 1: one that is ready early (the site's
    pages, the quick variant); 2: the whole site, PDFs and offline copy included."""
    names = getattr(item, "fixturenames", ())
    if "whole_site" in names or ("site" in names and not reads_pages_only(getattr(item, "module", None))):
        return 2
    return 1 if "site" in names or "variant_site" in names else 0


def pytest_collection_modifyitems(session, config, items):
    """Start the builds the tests need, and run first the tests that need none, then those that
    need only the site's pages, so that no worker sits waiting. (Every xdist worker sorts the
    same way, as xdist requires.)"""
    names = {name for item in items for name in getattr(item, "fixturenames", ())}
    if names & {"site", "whole_site"}:
        _start_build(_shared(), "site")
    if "variant_site" in names:
        _start_build(_shared(), "variant")
    items.sort(key=_need)  # stable: the file order stays within each group


def _built(name: str, pages_only: bool = False) -> Path:
    shared = _shared()
    _start_build(shared, name)  # in case collection did not see the need (a fixture asking for it)
    status = _wait_for_build(shared, name, pages_only)
    log = (shared / f"{name}.log").read_text(encoding="utf-8", errors="replace")
    assert status == 0, f"the {name} did not build:\n{log}"
    return shared / name


@pytest.fixture(scope="module")
def site(request) -> Path:
    """The whole site, built once per run from the working tree into a temporary folder. A test
    module that reads only the pages (`READS_PAGES_ONLY = True`) gets it as soon as they are
    final, and its tests run while the build goes on with the PDFs and the offline copy; the
    others wait for the whole build. (In such a module, a test or fixture that reads the PDFs or
    the offline copy asks for `whole_site` instead.)"""
    return _built("site", pages_only=reads_pages_only(request.module))


@pytest.fixture(scope="session")
def whole_site() -> Path:
    """The same site once the whole build has ended: PDFs and offline copy included."""
    return _built("site")


@pytest.fixture(scope="session")
def variant_site() -> Path:
    """The quick build of a changed copy of the project (tests/variant_site.py), built once."""
    return _built("variant")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test of this worker."""
    from browser import chromium

    with chromium() as shared_browser:
        yield shared_browser


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project, for tests that break its data on purpose."""
    return copy_project(tmp_path / "project")
