"""Editors at work in the real Wagtail admin: they fill the fields and StreamField blocks, press
"Publier", then find their page on the public site (and an event in the calendar feed)."""

from __future__ import annotations

import datetime
import re
import uuid

import pytest
from playwright.sync_api import expect

from .admin import add_block, fill_date, last_block_field, open_new_page_form, publish, type_rich_text

pytestmark = pytest.mark.e2e

# In every title: the tests can run again on the same database (E2E_SITE_URL), slugs stay free.
RUN = uuid.uuid4().hex[:6]
EVENT = f"Atelier e2e {RUN} : migrer sa messagerie vers un logiciel libre"


def test_editor_creates_and_publishes_an_event_with_a_programme(as_user, live_site):
    page = as_user("editrice")
    open_new_page_form(page, live_site, "/evenements/", "numerique_ouvert_events/eventpage")
    day = (datetime.date.today() + datetime.timedelta(days=45)).isoformat()
    page.fill("#id_title", EVENT)
    page.fill("#id_tagline", "Une matinée pour préparer la migration, pas à pas.")
    fill_date(page, "#id_start", f"{day} 09:30")
    fill_date(page, "#id_end", f"{day} 12:30")
    page.select_option("#id_format", "atelier")
    page.fill("#id_venue_name", "Salle Lovelace")
    page.fill("#id_venue_city", "Lyon")
    page.select_option("#id_stages", label="Utiliser")

    add_block(page, "programme")
    last_block_field(page, "programme", "start_time").fill("09:30")
    last_block_field(page, "programme", "title").fill("Accueil et tour de table")
    add_block(page, "programme")
    last_block_field(page, "programme", "start_time").fill("10:00")
    last_block_field(page, "programme", "end_time").fill("12:00")
    last_block_field(page, "programme", "title").fill("Atelier pratique : les étapes d'une migration")
    last_block_field(page, "programme", "speakers").fill("Ada Lovelace")
    page.keyboard.press("Escape")
    publish(page)

    page.goto(live_site("/evenements/"))
    page.locator("main").get_by_role("link", name=re.compile(f"Atelier e2e {RUN}")).click()
    expect(page.locator("h1")).to_have_text(EVENT)
    main = page.locator("main")
    expect(main).to_contain_text("Accueil et tour de table")
    expect(main).to_contain_text("Atelier pratique : les étapes d'une migration")
    expect(main).to_contain_text("Ada Lovelace")

    feed = page.request.get(live_site("/evenements/ical/"))
    assert feed.ok
    assert feed.headers["content-type"].startswith("text/calendar")
    unfolded = feed.text().replace("\r\n ", "")
    assert f"SUMMARY:{EVENT}" in unfolded


def test_editor_creates_a_guide_with_a_table_of_contents(as_user, live_site):
    page = as_user("editrice")
    open_new_page_form(page, live_site, "/guides/", "numerique_ouvert_guides/guidepage")
    page.fill("#id_title", f"Guide e2e {RUN} : organiser une install party")
    page.fill("#id_tagline", "Préparer, animer et prolonger une journée d'installation.")
    for heading, text in [("Préparer la journée", "Réservez une salle et des prises."),
                          ("Animer les installations", "Un binôme par poste, pas plus."),
                          ("Prolonger après la journée", "Donnez rendez-vous sur le forum.")]:
        add_block(page, "body", "Titre de section")
        last_block_field(page, "body", "text").fill(heading)
        add_block(page, "body", "Paragraphe")
        type_rich_text(page, "body", text)
    page.select_option("#id_stages", label="Utiliser")
    publish(page)

    page.goto(live_site("/guides/"))
    page.locator("main").get_by_role("link", name=re.compile(f"Guide e2e {RUN}")).click()
    expect(page.locator("h1")).to_have_text(f"Guide e2e {RUN} : organiser une install party")
    toc = page.locator("main nav.fr-summary, main nav[aria-labelledby*=sommaire], main .fr-summary")
    expect(toc.first).to_be_visible()
    entries = toc.first.locator("a")
    expect(entries).to_have_count(3)
    entries.nth(1).click()
    expect(page).to_have_url(re.compile(r"#animer-les-installations$"))
    expect(page.locator("#animer-les-installations")).to_have_text("Animer les installations")


def test_editor_creates_a_commun_with_its_governance_links(as_user, live_site):
    page = as_user("editrice")
    open_new_page_form(page, live_site, "/communs/", "numerique_ouvert_communs/communpage")
    page.fill("#id_title", f"Commun e2e {RUN} : Annuaire ouvert des tiers-lieux")
    page.fill("#id_tagline", "Un annuaire des tiers-lieux, tenu par leur réseau.")
    page.select_option("#id_kind", index=1)
    page.select_option("#id_status", index=1)
    page.fill("#id_licence", "AGPL-3.0-or-later")
    page.fill("#id_carrying_structure", "Association des tiers-lieux ouverts")
    page.fill("#id_governance_url", "https://tiers-lieux.example.org/gouvernance")
    page.fill("#id_contribution_url", "https://tiers-lieux.example.org/contribuer")
    page.fill("#id_charter_url", "https://tiers-lieux.example.org/charte")
    page.select_option("#id_stages", label="Coopérer")
    publish(page)

    page.goto(live_site("/communs/"))
    page.locator("main").get_by_role("link", name=re.compile(f"Commun e2e {RUN}")).click()
    expect(page.locator("h1")).to_have_text(f"Commun e2e {RUN} : Annuaire ouvert des tiers-lieux")
    main = page.locator("main")
    expect(main).to_contain_text("Association des tiers-lieux ouverts")
    for href in ("gouvernance", "contribuer", "charte"):
        expect(main.locator(f"a[href='https://tiers-lieux.example.org/{href}']")).to_have_count(1)
