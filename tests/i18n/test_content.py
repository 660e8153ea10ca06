"""Content translation in the example site: the English demo tree under /en/, beside the
French tree at the root, with the interface in the visitor's language."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale, Page

from numerique_ouvert.guides.models import GuidePage
from tests.html import soup


@pytest.fixture
def demo(db) -> None:
    call_command("load_demo", "--quiet")


def links(html, selector: str) -> list[str]:
    return [a["href"] for a in html.select(selector)]


def check_english_home_has_english_interface_and_content(client):
    html = soup(client.get("/en/"))

    assert html.html["lang"] == "en"
    assert html.select_one("#recherche-entete-q").find_previous("label").text.strip() \
        == "Search the portal"
    assert "Open digital" in html.title.text
    menu = links(html, "#navigation-principale a")
    assert menu and all(url.startswith("/en/") for url in menu)
    assert "/en/events/" in menu
    # The footer's pages, chosen once in the site settings, in the visitor's language.
    footer = links(html, ".fr-footer__bottom-link[href]")
    assert "/en/legal-notice/" in footer and "/mentions-legales/" not in footer
    assert html.select_one(".fr-header__service a")["href"] == "/en/"


def check_french_tree_is_unchanged(client):
    html = soup(client.get("/"))

    assert html.html["lang"] == "fr"
    assert "Rechercher dans le portail" in html.text
    menu = links(html, "#navigation-principale a")
    assert "/evenements/" in menu and not any(url.startswith("/en/") for url in menu)


def check_english_listing_shows_only_english_pages(client):
    english = Locale.objects.get(language_code="en")
    html = soup(client.get("/en/guides/"))

    cards = links(html, ".fr-card__title a")
    expected = GuidePage.objects.live().filter(locale=english, listed=True).count()
    assert len(cards) == expected > 0
    assert all(url.startswith("/en/guides/") for url in cards)
    french = soup(client.get("/guides/"))
    assert not any(url.startswith("/en/") for url in links(french, ".fr-card__title a"))


def check_language_selector_leads_to_the_translated_page(client):
    french = GuidePage.objects.get(slug="choisir-et-deployer-un-logiciel-libre")
    english = french.get_translation(Locale.objects.get(language_code="en"))
    assert english.url == "/en/guides/choosing-and-deploying-free-software/"

    html = soup(client.get(english.url))
    selector = {a["hreflang"]: a["href"] for a in html.select("a.fr-translate__language")}
    assert selector == {"fr": french.url, "en": english.url}
    assert html.select_one('a.fr-translate__language[aria-current="true"]')["hreflang"] == "en"
    alternates = {link["hreflang"]: link["href"]
                  for link in html.select('link[rel="alternate"][hreflang]')}
    assert alternates == {"fr": "http://testserver" + french.url,
                          "en": "http://testserver" + english.url}

    back = soup(client.get(french.url))
    assert {a["hreflang"]: a["href"] for a in back.select("a.fr-translate__language")}["en"] \
        == english.url

    # The header is a cached fragment: a second guide of the same menu item gets its own links.
    other = GuidePage.objects.live().filter(locale__language_code="fr").exclude(pk=french.pk).first()
    other_english = other.get_translation(Locale.objects.get(language_code="en"))
    html = soup(client.get(other.url))
    assert {a["hreflang"]: a["href"] for a in html.select("a.fr-translate__language")} \
        == {"fr": other.url, "en": other_english.url}


def check_untranslated_page_offers_the_home_of_the_other_language(client):
    home = Page.objects.get(depth=2, locale__language_code="fr")
    page = home.get_children().live().first().specific
    page.get_translation(Locale.objects.get(language_code="en")).delete()

    html = soup(client.get(page.url))

    selector = {a["hreflang"]: a["href"] for a in html.select("a.fr-translate__language")}
    assert selector["en"] == "/en/"
    assert not html.select('link[rel="alternate"][hreflang]')


def check_search_and_feed_in_english_cover_the_english_tree(client):
    html = soup(client.get("/en/recherche/", {"q": "software"}))
    results = [a["href"] for a in html.select("main a") if a["href"].startswith("/en/guides/")]
    assert "/en/guides/choosing-and-deploying-free-software/" in results
    feed = client.get("/en/flux/rss/").content.decode()
    assert "/en/guides/" in feed and "/guides/choisir" not in feed


def check_sitemap_lists_both_languages(client):
    xml = client.get("/sitemap-guides.xml").content.decode()
    assert "/en/guides/choosing-and-deploying-free-software/" in xml
    assert "/guides/choisir-et-deployer-un-logiciel-libre/" in xml


def check_load_demo_twice_creates_no_second_english_tree():
    before = Page.objects.count()
    call_command("load_demo", "--quiet")
    assert Page.objects.count() == before


# Loading the demo is most of the time of these tests: each test loads it once and checks a
# family of behaviours on it.
def test_english_tree_beside_the_french_one(demo, client):
    check_english_home_has_english_interface_and_content(client)
    check_french_tree_is_unchanged(client)
    check_english_listing_shows_only_english_pages(client)
    check_search_and_feed_in_english_cover_the_english_tree(client)
    check_sitemap_lists_both_languages(client)
    check_load_demo_twice_creates_no_second_english_tree()


def test_switching_language_leads_to_the_translated_page(demo, client):
    check_language_selector_leads_to_the_translated_page(client)
    # Last: it deletes a translation.
    check_untranslated_page_offers_the_home_of_the_other_language(client)


@override_settings(WAGTAIL_I18N_ENABLED=False)
def test_without_content_translation_there_is_no_language_selector(demo, client):
    html = soup(client.get("/guides/"))
    assert not html.select(".fr-translate")
    assert not html.select('link[rel="alternate"][hreflang]')
    assert html.select(".fr-card__title a")
