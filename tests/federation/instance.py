"""Instance A of the federation tests: the example site with its demo content, served by a real
``manage.py runserver`` in a subprocess, on its own SQLite database.

Building it (migrate + load_demo, ~40 s) happens once per version of the migrations and demo
content: the result is kept in the system's temporary folder and copied for each test session.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
SETTINGS = "tests.settings.federation_source"
PORT = int(os.environ.get("NUMERIQUE_OUVERT_FEDERATION_PORT", "8310"))
# Generous: on a loaded machine (CI runs the suite beside other work) migrate + load_demo has
# taken over 5 minutes.
TIMEOUT = 900


def _content_hash() -> str:
    """What the built database depends on: migrations, demo content and its builder."""
    import django
    import wagtail

    # A database migrated by another Wagtail or Django (make test-wagtail74) is not reused.
    digest = hashlib.sha256(f"{django.__version__} {wagtail.__version__}".encode())
    patterns = ["numerique_ouvert/**/migrations/*.py", "example_site/**/migrations/*.py",
                "numerique_ouvert/demo/**/*", "example_site/ministry/management/**/*.py",
                "tests/settings/federation_source.py"]
    for pattern in patterns:
        for path in sorted(PROJECT_DIR.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(PROJECT_DIR)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _env(workdir: Path) -> dict:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS,
            "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
            "MEDIA_ROOT": str(workdir / "media"),
            "NUMERIQUE_OUVERT_TEST_CACHE_DIR": str(workdir / "cache"),
            "ALLOWED_HOSTS": "127.0.0.1,localhost"}


def build_template() -> Path:
    """The migrated site with its demo content, built once (kept between runs)."""
    template = Path(tempfile.gettempdir()) / f"numerique-ouvert-federation-{_content_hash()}"
    if (template / "ready").exists():
        return template
    building = Path(tempfile.mkdtemp(prefix="numerique-ouvert-federation-build-"))
    env = _env(building)
    try:
        for command in (["migrate", "--noinput", "-v", "0"], ["load_demo"]):
            done = subprocess.run([sys.executable, "manage.py", *command], cwd=PROJECT_DIR,
                                  env=env, capture_output=True, text=True, timeout=TIMEOUT)
            if done.returncode:
                raise RuntimeError(f"{command[0]} failed:\n{done.stdout}\n{done.stderr}")
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    (building / "ready").write_text("ok")
    try:
        building.rename(template)
    except OSError:  # another process built it meanwhile
        shutil.rmtree(building, ignore_errors=True)
    return template


class BackgroundBuild:
    """``build_template`` in a daemon thread, started as soon as collection ends."""

    def __init__(self):
        self.result: Path | None = None
        self.error: str = ""
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        try:
            self.result = build_template()
        except Exception as error:  # reported in the test that needs it
            self.error = repr(error)

    def wait(self) -> Path:
        self.thread.join(2 * TIMEOUT)
        if self.result is None:
            raise RuntimeError(self.error or "instance A was not built in time")
        return self.result


class Instance:
    """A running copy of instance A."""

    def __init__(self, template: Path):
        self.workdir = Path(tempfile.mkdtemp(prefix="numerique-ouvert-instance-a-"))
        shutil.copytree(template, self.workdir, dirs_exist_ok=True)
        self.env = _env(self.workdir)
        self.base_url = f"http://127.0.0.1:{PORT}"
        self.log = open(self.workdir / "server.log", "w")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--nothreading",
             f"127.0.0.1:{PORT}"], cwd=PROJECT_DIR, env=self.env, stdout=self.log,
            stderr=subprocess.STDOUT)
        self._wait_until_up()

    def _wait_until_up(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"runserver stopped:\n{(self.workdir / 'server.log').read_text()}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/api/v2/stages/", timeout=5):
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("runserver did not answer in 60 s")

    def shell(self, code: str) -> str:
        """Run Python in A's environment (``manage.py shell -c``), as its editors would change
        content; returns what it printed."""
        done = subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=PROJECT_DIR,
                              env=self.env, capture_output=True, text=True, timeout=120)
        if done.returncode:
            raise RuntimeError(f"shell failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()
        shutil.rmtree(self.workdir, ignore_errors=True)


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0
