"""The people who run the portal: a moderator approves a visitor's testimony, an administrator
switches a feature off for the site and back on, all in the real admin."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from .admin import TESTIMONIES

pytestmark = pytest.mark.e2e

SETTINGS = "/admin/settings/numerique_ouvert_core/portalsettings/"


def test_moderator_approves_a_submitted_testimony_and_it_appears(page, as_user, live_site):
    # Unique to the run: the test can run again on the same database (E2E_SITE_URL).
    text = (f"Témoignage e2e {uuid.uuid4().hex[:6]} : la relecture croisée des guides nous a "
            f"fait gagner des semaines.")
    page.goto(live_site("/temoignages/temoigner/"))
    page.locator("main textarea[name=text]").fill(text)
    page.locator("label[for=id_consent_to_publish]").click()  # DSFR draws the box on the label
    with page.expect_navigation():
        page.get_by_role("button", name="Envoyer mon témoignage").click()
    expect(page).to_have_url(re.compile(r"/temoignages/temoigner/merci/"))
    page.goto(live_site("/temoignages/"))
    expect(page.locator("main")).not_to_contain_text(text)

    moderator = as_user("moderatrice")
    moderator.goto(live_site(TESTIMONIES))
    moderator.get_by_role("link", name=re.compile(r"À modérer \(\d+\)")).click()
    moderator.locator("table").get_by_role("link", name=re.compile(re.escape(text[:30]))).click()
    expect(moderator.locator("#id_text")).to_have_value(text)
    moderator.locator("header").get_by_role("button", name=re.compile("Actions|Plus")).first.click()
    with moderator.expect_navigation():
        moderator.get_by_role("button", name="Approuver et publier").click()
    expect(moderator.locator(".messages")).to_contain_text("est approuvé et publié")

    page.goto(live_site("/temoignages/"))
    expect(page.locator("main")).to_contain_text(text)


def _switch_events(admin, live_site, on: bool) -> None:
    admin.goto(live_site(SETTINGS))
    admin.get_by_role("tab", name=re.compile("Fonctionnalités")).click()
    box = admin.get_by_label("Événements", exact=True)
    box.check() if on else box.uncheck()
    with admin.expect_navigation():
        admin.get_by_role("button", name="Enregistrer").click()
    expect(admin.locator(".messages .success")).to_contain_text("mis à jour")


def test_administrator_switches_events_off_then_on_again(page, as_user, live_site):
    event = "/evenements/atelier-deployer-un-logiciel-libre/"
    page.goto(live_site("/"))
    menu = page.locator("#navigation-principale")
    expect(menu.get_by_role("link", name="Événements")).to_have_count(1)
    expect(page.locator("#accueil-evenements")).to_have_count(1)

    admin = as_user("admin")
    try:
        _switch_events(admin, live_site, on=False)
        page.goto(live_site("/"))
        expect(menu.get_by_role("link", name="Événements")).to_have_count(0)
        expect(page.locator("#accueil-evenements")).to_have_count(0)
        expect(page.locator("main a[href^='/evenements/']")).to_have_count(0)
        for path in ("/evenements/", event, f"{event}ical/", "/evenements/ical/"):
            assert page.goto(live_site(path)).status == 404, path
    finally:
        _switch_events(admin, live_site, on=True)

    page.goto(live_site("/"))
    expect(menu.get_by_role("link", name="Événements")).to_have_count(1)
    expect(page.locator("#accueil-evenements")).to_have_count(1)
    assert page.goto(live_site(event)).status == 200
