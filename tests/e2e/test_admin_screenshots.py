"""The admin screens the editors' guide shows. Each test opens one screen on the demo content and
checks it loads; with ``SCREENSHOTS_DIR`` set (``make screenshots``), it also saves it there as
a 1280×800 PNG under the file name the guide refers to."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .admin import TESTIMONIES, admin_page_id, section

pytestmark = pytest.mark.e2e

SETTINGS = "/admin/settings/numerique_ouvert_core/portalsettings/"


def shoot(page, name: str) -> None:
    folder = os.environ.get("SCREENSHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.wait_for_timeout(300)  # let the admin's transitions end
        page.screenshot(path=str(Path(folder) / name))


@pytest.fixture
def admin(as_user):
    return as_user("admin")


def edit_page(admin, live_site, public_path: str) -> None:
    admin.goto(live_site(f"/admin/pages/{admin_page_id(admin, live_site, public_path)}/edit/"))
    expect(admin.locator("#id_title")).to_be_visible()


def show(admin, locator) -> None:
    """Scroll so that ``locator`` sits at the top of the screen, under the admin's header."""
    locator.evaluate("el => el.scrollIntoView({block: 'start'})")


def test_dashboard(admin, live_site):
    admin.goto(live_site("/admin/"))
    expect(admin.locator("main")).to_contain_text(re.compile("Témoignages à modérer|à modérer"))
    shoot(admin, "dashboard.png")


def test_guide_editor_with_its_table_of_contents(admin, live_site):
    edit_page(admin, live_site, "/guides/contribuer-a-un-commun-numerique/")
    body = section(admin, "body")
    headings = body.locator("[name^='body-'][name$='-value-text']")
    assert headings.count() >= 2  # section headings: they make the guide's table of contents
    show(admin, body)
    shoot(admin, "guide-edit.png")


def test_event_editor_at_its_programme(admin, live_site):
    edit_page(admin, live_site, "/evenements/rencontres-du-numerique-ouvert-2025/")
    programme = section(admin, "programme")
    assert programme.locator("[name^='programme-'][name$='-value-title']").count() >= 2
    show(admin, programme)
    shoot(admin, "event-edit.png")


def test_event_editor_at_its_report(admin, live_site):
    edit_page(admin, live_site, "/evenements/rencontres-du-numerique-ouvert-2025/")
    report = section(admin, "report")
    expect(report).to_contain_text("Compte rendu")
    show(admin, report)
    shoot(admin, "event-report.png")


def test_commun_editor_at_its_governance_links(admin, live_site):
    edit_page(admin, live_site, "/communs/open-food-facts/")
    expect(admin.locator("#id_carrying_structure")).not_to_have_value("")
    expect(admin.locator("#id_governance_url")).to_be_visible()
    panel = admin.locator("section[id^='panel-child-']", has=admin.locator("#id_carrying_structure"))
    show(admin, panel.last)
    shoot(admin, "commun-edit.png")


def test_moderation_queue(admin, live_site):
    admin.goto(live_site(TESTIMONIES))
    admin.get_by_role("link", name=re.compile(r"À modérer \(\d+\)")).click()
    expect(admin).to_have_url(re.compile(r"status=submitted"))
    expect(admin.locator("table tbody tr")).not_to_have_count(0)
    shoot(admin, "moderation-queue.png")


def test_testimony_edit_view_with_its_approve_action(admin, live_site):
    admin.goto(live_site(f"{TESTIMONIES}?status=submitted&consent_to_publish=true"))
    admin.locator("table tbody tr a[href*='/edit/']").first.click()
    expect(admin.locator("#id_text")).to_be_visible()
    admin.locator("header").get_by_role("button", name=re.compile("Actions|Plus")).first.click()
    expect(admin.get_by_role("button", name="Approuver et publier")).to_be_visible()
    shoot(admin, "testimony-approve.png")


def test_feature_switches_in_the_portal_settings(admin, live_site):
    admin.goto(live_site(SETTINGS))
    admin.get_by_role("tab", name=re.compile("Fonctionnalités")).click()
    expect(admin.get_by_label("Événements", exact=True)).to_be_visible()
    shoot(admin, "features-settings.png")


def test_page_explorer_of_the_portal(admin, live_site):
    home = admin_page_id(admin, live_site, "/")
    admin.goto(live_site(f"/admin/pages/{home}/"))
    for title in ("Guides", "Événements", "Communs numériques"):
        expect(admin.locator("table").get_by_role("link", name=re.compile(f"^{title}"))).not_to_have_count(0)
    shoot(admin, "page-explorer.png")
