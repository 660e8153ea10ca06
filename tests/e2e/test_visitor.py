"""What a visitor does on the demo portal, in a real browser: browse by parcours stage, filter the
agenda and take an event home as a calendar file, search, switch to dark mode, and use the main
menu and a form with the keyboard alone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_home_to_a_stage_to_a_guide_to_its_related_commun(page, live_site):
    page.goto(live_site("/"))
    parcours = page.locator("section[aria-labelledby=parcours-titre]")
    parcours.get_by_role("link", name=re.compile("Coopérer")).first.click()
    expect(page).to_have_url(live_site("/parcours/cooperer/"))
    expect(page.locator("h1")).to_contain_text("Coopérer")

    page.locator("main").get_by_role(
        "link", name=re.compile("Contribuer à un commun numérique")).first.click()
    expect(page).to_have_url(live_site("/guides/contribuer-a-un-commun-numerique/"))
    expect(page.locator("h1")).to_have_text("Contribuer à un commun numérique")

    page.locator("main a[href='/communs/open-food-facts/']").first.click()
    expect(page).to_have_url(live_site("/communs/open-food-facts/"))
    expect(page.locator("h1")).to_have_text("Open Food Facts")
    # The breadcrumb leads back up to the commons listing.
    expect(page.locator(".fr-breadcrumb a[href='/communs/']")).to_have_count(1)


def test_agenda_filtered_by_stage_and_format_then_an_event_and_its_calendar_file(page, live_site):
    page.goto(live_site("/evenements/"))
    filters = page.locator("form[aria-labelledby=filtres-titre]")
    filters.get_by_label("Étape du parcours").select_option("utiliser")
    filters.get_by_label("Format", exact=True).select_option("atelier")
    filters.get_by_role("button", name="Appliquer les filtres").click()
    expect(page).to_have_url(re.compile(r"etape=utiliser"))
    expect(page).to_have_url(re.compile(r"format=atelier"))
    cards = page.locator("main .fr-card")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Atelier")

    cards.first.locator(".fr-card__title a").click()
    expect(page).to_have_url(live_site("/evenements/atelier-deployer-un-logiciel-libre/"))
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Ajouter à mon agenda")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = open(download.path(), encoding="utf-8").read()
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in calendar
    assert "SUMMARY:" in calendar and "ployer" in calendar


def test_search_from_the_header_then_narrow_by_type(page, live_site):
    page.goto(live_site("/"))
    header_search = page.locator("#recherche-entete")
    header_search.get_by_role("searchbox").fill("gouvernance")
    header_search.get_by_role("button", name="Rechercher").click()
    expect(page).to_have_url(re.compile(r"/recherche/\?q=gouvernance"))
    expect(page.locator("h1")).to_have_text("Rechercher dans le portail")
    results = page.locator("main ol.portal-search-results > li")
    expect(results.first).to_be_visible()
    total = results.count()
    assert total >= 2
    expect(results.filter(has_text="Master-class : la gouvernance des communs")).to_have_count(1)

    page.get_by_label("Type de contenu").select_option("guides")
    page.get_by_role("button", name=re.compile("Affiner|Appliquer")).click()
    expect(page).to_have_url(re.compile(r"type=guide"))
    badges = page.locator("main ol.portal-search-results > li .fr-badge")
    expect(badges.first).to_be_visible()
    assert {text.lower() for text in badges.all_text_contents()} == {"guides"}
    assert results.count() < total


def test_display_settings_switch_the_site_to_dark_mode(page, live_site):
    page.goto(live_site("/"))
    expect(page.locator("html")).to_have_attribute("data-fr-theme", "light")
    page.get_by_role("button", name="Paramètres d'affichage").click()
    dialog = page.locator("#fr-theme-modal")
    expect(dialog).to_be_visible()
    dialog.get_by_text("Thème sombre").click()
    expect(page.locator("html")).to_have_attribute("data-fr-theme", "dark")
    # The choice is kept: the next page opens dark.
    page.goto(live_site("/guides/"))
    expect(page.locator("html")).to_have_attribute("data-fr-theme", "dark")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    red, green, blue = (int(x) for x in re.findall(r"\d+", background)[:3])
    assert red + green + blue < 150, f"fond encore clair en mode sombre : {background}"


def _tab_until(page, predicate_js: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate_js):
            return
    raise AssertionError(f"jamais atteint au clavier : {predicate_js}")


def test_keyboard_only_main_menu_then_the_testimony_form(page, live_site):
    page.goto(live_site("/"))
    # Skip link "Menu", then into the main menu and along it to the agenda.
    _tab_until(page, "document.activeElement.getAttribute('href') === '#navigation-principale'")
    page.keyboard.press("Enter")
    _tab_until(page, "document.activeElement.closest('#navigation-principale') !== null"
                     " && document.activeElement.textContent.includes('Témoignages')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_site("/temoignages/"))
    expect(page.locator("#navigation-principale [aria-current=page]")).to_have_text(
        re.compile("Témoignages"))

    _tab_until(page, "document.activeElement.getAttribute('href') === '/temoignages/temoigner/'")
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_site("/temoignages/temoigner/"))

    _tab_until(page, "document.activeElement.name === 'text'")
    page.keyboard.type("Testé au clavier seulement : le formulaire se remplit sans souris.")
    _tab_until(page, "document.activeElement.name === 'consent_to_publish'")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    _tab_until(page, "document.activeElement.type === 'submit'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/temoignages/temoigner/merci/"))
    expect(page.locator("h1")).to_be_visible()
