"""The code of docs/extending.md works as written: every block that starts with a file name
(``# myportal/models.py``, ``{# actualites/templates/… #}``) is written to that file, the two
apps are added to the example site's settings, migrated, and their pages created and requested
in a subprocess (INSTALLED_APPS cannot change inside the test process).

A block marked ``(continued)`` is appended to its file, without the classes the file already
defines (the page shows them again only to point at one line). Marked ``integration``
(``make test-integration``): a migrated site of its own, about a minute.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
PAGE = PROJECT_DIR / "docs" / "extending.md"
PROBE = Path(__file__).with_name("extending_probe.py")
BLOCK = re.compile(r"^```(python|django)\n(.*?)^```", re.S | re.M)
FILE_NAME = re.compile(r"^(?:# |\{# )([\w/.]+\.(?:py|html))(?::| |$)(.*)")
TIMEOUT = 300

pytestmark = pytest.mark.integration


def example_files() -> dict[str, str]:
    files: dict[str, str] = {}
    for _language, code in BLOCK.findall(PAGE.read_text()):
        first_line = code.splitlines()[0]
        match = FILE_NAME.match(first_line)
        if match is None:
            continue
        path = match.group(1)
        if "(continued)" in match.group(2) and path in files:
            defined = {node.name for node in ast.parse(files[path]).body
                       if isinstance(node, ast.ClassDef)}
            tree = ast.parse(code)
            kept = [node for node in tree.body
                    if not (isinstance(node, ast.ClassDef) and node.name in defined)]
            files[path] += "\n\n" + "\n".join(ast.get_source_segment(code, node) for node in kept)
        else:
            files[path] = code
    return files


@pytest.fixture(scope="module")
def examples(tmp_path_factory) -> dict:
    workdir = tmp_path_factory.mktemp("extending")
    files = example_files()
    for path, code in files.items():
        target = workdir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(code)
    for app in ("myportal", "actualites"):
        (workdir / app / "__init__.py").touch()
    (workdir / "examples_settings.py").write_text(
        "from example_site.settings.test import *  # noqa: F403\n"
        "INSTALLED_APPS = ['myportal', 'actualites', *INSTALLED_APPS]  # noqa: F405\n")
    env = {**os.environ, "PYTHONPATH": f"{workdir}{os.pathsep}{PROJECT_DIR}",
           "DJANGO_SETTINGS_MODULE": "examples_settings",
           "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
           "MEDIA_ROOT": str(workdir / "media")}
    env.pop("PYTEST_XDIST_WORKER", None)

    def run(*args: str) -> str:
        result = subprocess.run([sys.executable, *args], cwd=PROJECT_DIR, env=env,
                                capture_output=True, text=True, timeout=TIMEOUT)
        if result.returncode:
            pytest.fail(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
        return result.stdout

    run("manage.py", "makemigrations", "myportal", "actualites", "-v", "0")
    run("manage.py", "migrate", "--noinput", "-v", "0")
    check = run("manage.py", "check")
    facts = json.loads(run(str(PROBE)).strip().splitlines()[-1])
    return {"files": files, "check": check, **facts}


def test_the_page_gives_both_apps_their_files():
    assert {"myportal/models.py", "actualites/apps.py", "actualites/models.py",
            "actualites/templates/actualites/home_section.html",
            "myportal/templates/myportal/blocks/download.html"} <= set(example_files())


def test_the_example_apps_pass_the_system_checks(examples):
    assert "no issues" in examples["check"]


def test_the_feature_of_the_example_is_registered_and_on_the_home_page(examples):
    assert examples["feature"] and examples["listing_made_by_create_portal"]
    assert examples["home_has_news_section"]
    assert examples["news_status"] == 200 and examples["news_index_lists_it"]


def test_the_guide_subclassing_the_abstract_class_renders_with_its_tags(examples):
    assert examples["guide_status"] == 200 and examples["guide_index_lists_it"]
    assert examples["guide_tags"] == ["logiciel libre"]


def test_the_stream_block_adds_download_and_removes_code(examples):
    assert "download" in examples["stream_blocks"]
    assert "code" not in examples["stream_blocks"]
