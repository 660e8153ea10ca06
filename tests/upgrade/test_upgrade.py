"""Upgrading just works: a database built by the previous release (its migrations and its demo
content) is migrated by the current code, and every page and snippet is still there and renders.

The previous release is the latest git tag, or until one exists the commit in
.ci/upgrade-baseline. Its code is extracted with ``git archive`` and run with this virtual
environment's packages; the database is a temporary SQLite file. Marked ``upgrade``
(``make test-upgrade``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from io import BytesIO
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("upgrade_probe.py")
TIMEOUT = 600

pytestmark = pytest.mark.upgrade


def git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=PROJECT_DIR, capture_output=True, timeout=60)


def baseline_ref() -> str:
    """The latest release tag; else the commit written in .ci/upgrade-baseline."""
    tag = git("describe", "--tags", "--abbrev=0")
    if tag.returncode == 0:
        return tag.stdout.decode().strip()
    lines = (PROJECT_DIR / ".ci" / "upgrade-baseline").read_text().splitlines()
    return next(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def run(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=TIMEOUT)
    if result.returncode:
        pytest.fail(f"{' '.join(args)} in {cwd} failed:\n{result.stdout}\n{result.stderr}",
                    pytrace=False)
    return result.stdout


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory) -> dict:
    workdir = tmp_path_factory.mktemp("upgrade")
    ref = baseline_ref()
    archive = git("archive", "--format=tar", ref)
    assert archive.returncode == 0, f"git archive {ref}: {archive.stderr.decode()}"
    baseline = workdir / "baseline"
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(baseline, filter="data")

    env = {key: value for key, value in os.environ.items()
           if key not in {"PYTHONPATH", "PYTEST_XDIST_WORKER"}}
    env.update({"DJANGO_SETTINGS_MODULE": "example_site.settings.test",
                "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
                "MEDIA_ROOT": str(workdir / "media")})
    run(["manage.py", "migrate", "--noinput", "-v", "0"], baseline, env)
    run(["manage.py", "load_demo", "--quiet"], baseline, env)
    before = json.loads(run([str(PROBE), "snapshot"], baseline, env).splitlines()[-1])
    migrate = run(["manage.py", "migrate", "--noinput"], PROJECT_DIR, env)
    after = json.loads(run([str(PROBE), "check"], PROJECT_DIR, env).splitlines()[-1])
    return {"ref": ref, "baseline": baseline, "before": before, "after": after,
            "migrate": migrate}


def test_the_database_was_built_with_the_baseline_code(upgraded):
    assert Path(upgraded["before"]["package"]).is_relative_to(upgraded["baseline"])
    assert Path(upgraded["after"]["package"]).is_relative_to(PROJECT_DIR / "numerique_ouvert")
    assert len(upgraded["before"]["pages"]) > 20  # the demo was loaded


def test_every_page_is_still_there_with_its_type_title_and_address(upgraded):
    assert upgraded["after"]["pages"] == upgraded["before"]["pages"]


def test_no_row_of_the_package_or_the_example_site_is_lost(upgraded):
    before, after = upgraded["before"]["counts"], upgraded["after"]["counts"]

    assert {label: count for label, count in before.items() if after.get(label) != count} == {}


def test_every_snippet_is_still_there(upgraded):
    before, after = upgraded["before"]["snippets"], upgraded["after"]["snippets"]

    assert {label: count for label, count in before.items() if after.get(label) != count} == {}
    assert sum(after.values()) > 0


def test_every_page_and_snippet_renders_after_the_upgrade(upgraded):
    assert upgraded["after"]["failures"] == []
    assert upgraded["after"]["snippets_checked"] == sum(upgraded["after"]["snippets"].values())
