"""Looks at a site installed without the events app and prints what it sees as JSON.

Run by tests/integration/test_install_time.py, after ``migrate``, as
``python -m tests.install_time_probe`` with ``DJANGO_SETTINGS_MODULE=tests.settings.without_events``;
the test makes the assertions. Uses only what is installed there (not tests.factories, which
imports the events models).
"""

from __future__ import annotations

import json
import os


def observe() -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings.without_events")
    django.setup()

    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.urls import NoReverseMatch, reverse
    from wagtail.models import Page, Site

    from numerique_ouvert.core.features import get_features
    from numerique_ouvert.core.models import PortalHomePage
    from numerique_ouvert.guides.models import GuideIndexPage, GuidePage
    from tests.html import admin_menu_labels, main_menu_titles, section_ids, soup

    home = PortalHomePage(title="Accueil", slug="accueil")
    Page.get_first_root_node().add_child(instance=home)
    Site.objects.filter(is_default_site=True).update(root_page=home)
    guides = GuideIndexPage(title="Guides", slug="guides", show_in_menus=True)
    home.add_child(instance=guides)
    guides.add_child(instance=GuidePage(title="Un guide", slug="un-guide", body=[]))
    site = Site.objects.get(is_default_site=True)

    admin = Client()
    admin.force_login(get_user_model().objects.create_superuser("admin", "a@example.org", "x"))
    admin_home = admin.get("/admin/")
    settings_form = admin.get(reverse(
        "wagtailsettings:edit", args=["numerique_ouvert_core", "portalsettings", site.pk]))
    visitor_home = Client().get("/")

    def reverses(name: str) -> bool:
        try:
            reverse(name)
        except NoReverseMatch:
            return False
        return True

    return {
        "installed_apps": [config.name for config in apps.get_app_configs()],
        "features": [feature.feature_key for feature in get_features()],
        "tables": connection.introspection.table_names(),
        "admin_status": admin_home.status_code,
        "admin_menu": admin_menu_labels(admin_home),
        "admin_urls": {name: reverses(name) for name in (
            "numerique_ouvert_events:index", "numerique_ouvert_guides:index")},
        "settings_form_status": settings_form.status_code,
        "settings_form_fields": sorted({field["name"] for field in soup(settings_form).find_all(
            ["input", "select", "textarea"], attrs={"name": True})}),
        "home_status": visitor_home.status_code,
        "home_sections": section_ids(visitor_home),
        "home_menu": main_menu_titles(visitor_home),
    }


if __name__ == "__main__":
    print(json.dumps(observe()))
