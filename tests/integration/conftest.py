"""Integration fixtures. The site without the events app is built in subprocesses (migrate,
check, then tests/install_time_probe.py) started in the background as soon as collection ends,
so that its ~15 s of migrations overlap the rest of the suite instead of adding to it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
TIMEOUT = 180


def build_site_without_events(workdir: Path) -> dict:
    """Migrate, check and probe a throwaway site without the events app; return what the probe
    saw and the output of ``check``."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings.without_events",
           "NUMERIQUE_OUVERT_INSTALL_TEST_DB": str(workdir / "db.sqlite3")}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, *args], cwd=PROJECT_DIR, env=env,
                              capture_output=True, text=True, timeout=TIMEOUT)

    migrate = run("manage.py", "migrate", "--noinput", "-v", "0")
    if migrate.returncode:
        return {"error": f"migrate failed:\n{migrate.stdout}\n{migrate.stderr}"}
    check = run("manage.py", "check")
    if check.returncode:
        return {"error": f"check failed:\n{check.stdout}\n{check.stderr}"}
    probe = run("-m", "tests.install_time_probe")
    if probe.returncode:
        return {"error": f"the probe failed:\n{probe.stdout}\n{probe.stderr}"}
    return {"check": check.stdout, "facts": json.loads(probe.stdout.strip().splitlines()[-1])}


class Background:
    """``build_site_without_events`` running in a daemon thread (an interrupted run does not
    wait for it)."""

    def __init__(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="numerique-ouvert-without-events-"))
        self.result: dict | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        try:
            self.result = build_site_without_events(self.workdir)
        except Exception as error:  # reported by the fixture, in the test that needs it
            self.result = {"error": repr(error)}

    def wait(self) -> dict:
        self.thread.join(3 * TIMEOUT)
        return self.result or {"error": "the subprocesses did not finish in time"}


_background: Background | None = None


def pytest_collection_finish(session):
    global _background
    # Under pytest-xdist every worker collects every test but runs only some: the fixture
    # starts the build when (and only where) a test needs it.
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    if any(item.path.name == "test_install_time.py" for item in session.items):
        _background = Background()


def pytest_sessionfinish(session):
    if _background is not None:
        _background.thread.join(3 * TIMEOUT)
        shutil.rmtree(_background.workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def site_without_events() -> dict:
    global _background
    if _background is None:
        _background = Background()
    result = _background.wait()
    if "error" in result:
        pytest.fail(result["error"], pytrace=False)
    return result
