"""The installation page of the docs, followed on a project fresh from ``wagtail start``.

The package is installed from the working tree into a virtual environment of its own, then the
project gets exactly the files the docs include (docs/snippets/install/: the settings appended
to its settings, the URL line put before Wagtail's catch-all, the commands run one by one). An
editor then creates each page type through the admin and each page is requested. If the docs
drift from the package, this fails. Marked ``integration`` (``make test-integration``): about a
minute and a half, most of it pip and the migrations.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
SNIPPETS = PROJECT_DIR / "docs" / "snippets" / "install"
PROBE = Path(__file__).with_name("wagtail_start_probe.py")
PROJECT_NAME = "monsite"
# The line of the generated urls.py before which the docs tell to add ours.
WAGTAIL_CATCH_ALL = '    path("", include(wagtail_urls)),\n'
TIMEOUT = 600

pytestmark = pytest.mark.integration


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    if result.returncode:
        pytest.fail(f"{shlex.join(args)} failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return result


def copy_of_the_package(target: Path) -> Path:
    """What an sdist holds, copied from the working tree (so pip builds in a clean folder and
    no stale build/ of the working tree ends up in the wheel)."""
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(PROJECT_DIR / name, target / name)
    shutil.copytree(PROJECT_DIR / "numerique_ouvert", target / "numerique_ouvert",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return target


@pytest.fixture(scope="module")
def installed_project(tmp_path_factory) -> dict:
    workdir = tmp_path_factory.mktemp("wagtail-start")
    # Nothing of this test run leaks into the project: no settings module, database or path.
    env = {key: value for key, value in os.environ.items()
           if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "PYTHONPATH",
                          "VIRTUAL_ENV", "PYTEST_XDIST_WORKER"}}
    venv = workdir / "venv"
    run([sys.executable, "-m", "venv", str(venv)], workdir, env)
    python = str(venv / "bin" / "python")
    (workdir / "source").mkdir()
    source = copy_of_the_package(workdir / "source")
    run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(source)],
        workdir, env)
    run([str(venv / "bin" / "wagtail"), "start", PROJECT_NAME], workdir, env)
    project = workdir / PROJECT_NAME

    settings = project / PROJECT_NAME / "settings" / "base.py"
    settings.write_text(settings.read_text() + "\n" + (SNIPPETS / "settings.py").read_text())
    urls = project / PROJECT_NAME / "urls.py"
    assert WAGTAIL_CATCH_ALL in urls.read_text(), "wagtail start changed its urls.py"
    urls.write_text(urls.read_text().replace(
        WAGTAIL_CATCH_ALL, (SNIPPETS / "urls.py").read_text() + WAGTAIL_CATCH_ALL, 1))

    outputs = {}
    for line in (SNIPPETS / "commands.sh").read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        command = shlex.split(line.split(" #")[0])
        assert command[0] == "python", line
        outputs[shlex.join(command[1:])] = run([python, *command[1:]], project, env).stdout
    check = run([python, "manage.py", "check"], project, env).stdout
    probe = run([python, str(PROBE)], project, {**env, "PROJECT_NAME": PROJECT_NAME})
    return {"venv": venv, "outputs": outputs, "check": check,
            **json.loads(probe.stdout.strip().splitlines()[-1])}


def test_the_package_comes_from_the_fresh_virtual_environment(installed_project):
    package = Path(installed_project["package"]).resolve()

    assert package.is_relative_to(installed_project["venv"].resolve())
    assert not package.is_relative_to(PROJECT_DIR)


def test_the_project_passes_the_system_checks(installed_project):
    assert "no issues" in installed_project["check"]


def test_create_portal_builds_the_home_and_a_listing_per_feature(installed_project):
    output = installed_project["outputs"]["manage.py create_portal"]

    assert "Accueil du portail « Numérique ouvert » créé" in output
    for listing in ("Le parcours", "Événements", "Guides", "Communs numériques", "Témoignages",
                    "Carte du parcours"):
        assert f"créée : {listing} (" in output


def test_every_page_type_of_the_package_is_covered(installed_project):
    assert sorted(installed_project["results"]) == installed_project["page_types"]


@pytest.mark.parametrize("page_type", ["numerique_ouvert_core.ContentPage",
                                       "numerique_ouvert_core.PersonalDataPage",
                                       "numerique_ouvert_core.AccessibilityStatementPage",
                                       "numerique_ouvert_guides.GuidePage",
                                       "numerique_ouvert_events.EventPage",
                                       "numerique_ouvert_communs.CommunPage"])
def test_an_editor_creates_and_publishes_the_page_in_the_admin(installed_project, page_type):
    assert installed_project["results"][page_type]["admin"] == 302


def test_every_page_renders_with_its_title(installed_project):
    failures = {label: result for label, result in installed_project["results"].items()
                if result.get("status") != 200 or not result.get("title_found")}

    assert not failures
