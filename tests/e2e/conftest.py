"""Browser tests: one live example site on the demo content, one headless Chromium per test
process, a fresh browser context per test, and a screenshot plus the page's HTML kept when a
test fails.

The site runs in a ``runserver`` subprocess on a SQLite file of its own rather than in
pytest-django's ``live_server``: the latter flushes the database after every test, which would
mean reloading the demo (about 30 s) per test. The demo database is built once per run (the
first pytest-xdist worker builds it under a file lock, the others copy it), then each worker
serves its own copy on a port of the 8100-8199 range.

Chromium is Debian's (``/usr/bin/chromium``; Playwright never downloads a browser here). When it
is missing the tests skip, saying why, unless ``E2E_REQUIRED=1`` (set by CI): then they fail.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .browser import PASSWORD, REPO, USERS, keep_artifacts, log_in, new_context

# Playwright's sync API runs an event loop in the test process; Django's ORM refuses to run
# beside one. Tests that share a process with these (pytest-xdist loadfile) still use the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
PORTS = range(8100, 8200)
SETTINGS = "tests.e2e.settings"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


CREATE_USERS = f"""
from django.contrib.auth.models import Group, User
for name, role in {USERS!r}.items():
    user = User.objects.filter(username=name).first() or User(username=name, email=name + "@example.org")
    user.is_staff = True
    user.is_superuser = role == "superuser"
    user.set_password({PASSWORD!r})
    user.save()
    if role != "superuser":
        user.groups.add(Group.objects.get(name=role))
"""


def browser_missing_reason() -> str | None:
    if not CHROMIUM.exists():
        return (f"Chromium absent ({CHROMIUM}) : apt-get install chromium chromium-driver "
                f"(ou E2E_CHROMIUM=chemin)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright pour Python absent : pip install -e '.[dev]'"
    if not (REPO / "node_modules" / "axe-core" / "axe.min.js").exists():
        return "axe-core absent : npm ci à la racine du dépôt"
    return None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, for the ``page`` fixture to see a failure."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def _manage(*args: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def _server_env(database: Path, media: Path) -> dict[str, str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS,
           "DATABASE_URL": f"sqlite:///{database}", "MEDIA_ROOT": str(media)}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def _build_template(shared: Path) -> tuple[Path, Path]:
    """The migrated demo database and its media, built once for every worker of the run."""
    database, media = shared / "demo.sqlite3", shared / "demo-media"
    with open(shared / "demo.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared / "demo.ready").exists():
            env = _server_env(database, media)
            _manage("migrate", "--noinput", env=env)
            _manage("load_demo", "--quiet", env=env)
            _manage("shell", "-c", CREATE_USERS, env=env)
            (shared / "demo.ready").touch()
    return database, media


def _free_port(worker: str) -> int:
    start = int(worker[2:]) if worker.startswith("gw") else 0
    for port in list(PORTS[start:]) + list(PORTS[:start]):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("aucun port libre entre 8100 et 8199")


@dataclass
class LiveSite:
    url: str
    database: Path | None

    def __call__(self, path: str) -> str:
        return self.url + path


@pytest.fixture(scope="session")
def live_site(tmp_path_factory, worker_id) -> Iterator[LiveSite]:
    reason = browser_missing_reason()
    if reason:
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail(f"E2E_REQUIRED=1 mais {reason}", pytrace=False)
        pytest.skip(reason)
    if os.environ.get("E2E_SITE_URL"):  # a site already running, built the same way (dev aid)
        yield LiveSite(os.environ["E2E_SITE_URL"].rstrip("/"), None)
        return
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":  # pytest-xdist: the folder every worker's basetemp is in
        shared = shared.parent
    template_db, template_media = _build_template(shared)
    own = tmp_path_factory.mktemp("e2e-site")
    database, media = own / "site.sqlite3", own / "media"
    shutil.copy(template_db, database)
    shutil.copytree(template_media, media)
    port = _free_port(worker_id)
    log = open(own / "server.log", "w")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
        cwd=REPO, env=_server_env(database, media), stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/", timeout=2)
                break
            except OSError as error:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"le serveur de test n'a pas démarré : {own / 'server.log'}") from error
                time.sleep(0.2)
        yield LiveSite(url, database)
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def browser(live_site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    """A page in a fresh context (no cookies, light mode unless the test asks for dark)."""
    scheme = getattr(request, "param", None) or "light"
    context = new_context(browser, color_scheme=scheme)
    page = context.new_page()
    yield page
    keep_artifacts(request, page)
    context.close()


@pytest.fixture
def as_user(browser, live_site, request):
    """``as_user("editrice")``: a page logged into the admin as that account."""
    pages = []

    def open_as(username: str):
        page = new_context(browser).new_page()
        pages.append(page)
        log_in(page, live_site, username)
        return page

    yield open_as
    for page in pages:
        keep_artifacts(request, page)
        page.context.close()
