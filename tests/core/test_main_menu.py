"""The main menu: the site root's live children shown in menus, cached until a page is
published, unpublished, moved or deleted, with the current section marked."""

from __future__ import annotations

import pytest

from numerique_ouvert.core.models import ContentPage
from tests.factories import add_page, make_guide
from tests.html import main_menu_titles, soup


@pytest.mark.django_db
def test_main_menu_lists_the_sections_shown_in_menus_in_tree_order(client, portal):
    add_page(portal.home, ContentPage, title="Mentions légales", show_in_menus=False)

    assert main_menu_titles(client.get(portal.home.url)) == [
        "Le parcours", "Guides", "Événements", "Communs numériques", "Témoignages"]


@pytest.mark.django_db
def test_page_published_after_the_menu_was_cached_appears_in_it(client, portal):
    assert "À propos" not in main_menu_titles(client.get(portal.home.url))  # menu now cached

    add_page(portal.home, ContentPage, title="À propos", show_in_menus=True, publish=True)

    assert main_menu_titles(client.get(portal.home.url))[-1] == "À propos"


@pytest.mark.django_db
def test_unpublished_section_leaves_the_menu(client, portal):
    assert "Témoignages" in main_menu_titles(client.get(portal.home.url))  # menu now cached

    portal.testimonies.unpublish()

    assert "Témoignages" not in main_menu_titles(client.get(portal.home.url))


@pytest.mark.django_db
def test_menu_marks_the_section_of_the_current_page(client, portal):
    guide = make_guide(portal.guides)

    nav = soup(client.get(guide.url)).find("nav", id="navigation-principale")

    current = nav.find_all("a", attrs={"aria-current": "page"})
    assert [link.get_text(strip=True) for link in current] == ["Guides"]
