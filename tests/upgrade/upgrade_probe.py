"""Run by tests/upgrade/test_upgrade.py in a subprocess, with the current directory holding the
code to use (the baseline's or the current one): ``snapshot`` prints what the database holds,
``check`` prints the same plus the status of every page (public and admin edit view) and of
every snippet's admin edit view. One JSON line on stdout.
"""

from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.getcwd())  # the code under test, before any installed copy

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from wagtail.models import Page  # noqa: E402
from wagtail.snippets.models import get_snippet_models  # noqa: E402

import numerique_ouvert  # noqa: E402


def snapshot() -> dict:
    pages = {str(page.pk): [page.specific_class._meta.label if page.specific_class else None,
                            page.title, page.url_path, page.live]
             for page in Page.objects.exclude(depth=1).order_by("path")}
    counts = {model._meta.label: model.objects.count() for model in apps.get_models()
              if model.__module__.startswith(("numerique_ouvert.", "example_site."))}
    snippets = {model._meta.label: model.objects.count() for model in get_snippet_models()}
    return {"package": numerique_ouvert.__file__, "pages": pages, "counts": counts,
            "snippets": snippets}


def check() -> dict:
    setup_test_environment()
    result = snapshot()
    user = get_user_model().objects.create_superuser("upgrade-probe", "probe@example.org", "x")
    admin, public = Client(), Client()
    admin.force_login(user)
    failures = []
    for page in Page.objects.exclude(depth=1).specific().order_by("path"):
        if page.live and page.url is not None:
            status = public.get(page.url).status_code
            if status != 200:
                failures.append(f"{page.url}: {status}")
        status = admin.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code
        if status != 200:
            failures.append(f"edit page {page.pk} ({page.title}): {status}")
    checked = 0
    for model in get_snippet_models():
        for obj in model.objects.all():
            url = reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:edit",
                          args=[obj.pk])
            status = admin.get(url).status_code
            checked += 1
            if status != 200:
                failures.append(f"edit {model._meta.label} {obj.pk}: {status}")
    return {**result, "failures": failures, "snippets_checked": checked}


if __name__ == "__main__":
    print(json.dumps(snapshot() if sys.argv[1] == "snapshot" else check()))
