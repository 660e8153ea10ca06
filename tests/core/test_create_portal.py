"""``manage.py create_portal``: the portal home and its listings in one command, as the
installation docs tell an integrator to run it."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page, Site

from numerique_ouvert.communs.models import CommunIndexPage
from numerique_ouvert.core.models import PortalHomePage
from numerique_ouvert.events.models import EventIndexPage
from numerique_ouvert.guides.models import GuideIndexPage
from numerique_ouvert.parcours.models import ParcoursPage
from numerique_ouvert.parcours_map.models import ParcoursMapPage
from numerique_ouvert.testimonies import models as testimonies
from tests.html import text

ALL_LISTINGS = [ParcoursPage, EventIndexPage, GuideIndexPage, CommunIndexPage,
                testimonies.TestimonyIndexPage, ParcoursMapPage]


def create_portal(*args: str) -> str:
    out = StringIO()
    call_command("create_portal", *args, stdout=out)
    return out.getvalue()


def children_types(page: Page) -> list[type]:
    return [child.specific_class for child in page.get_children()]


@pytest.mark.django_db
def test_the_portal_home_becomes_the_root_of_the_default_site(client):
    previous_root = Site.objects.get(is_default_site=True).root_page

    output = create_portal()

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, PortalHomePage) and home.live
    assert home.get_parent().pk == Page.get_first_root_node().pk
    assert Page.objects.filter(pk=previous_root.pk).exists()  # left in the tree, not deleted
    assert "« Numérique ouvert » créé" in output


@pytest.mark.django_db
def test_one_live_listing_in_the_menu_for_each_installed_feature(client):
    create_portal()

    home = Site.objects.get(is_default_site=True).root_page
    children = home.get_children().specific()
    assert [type(child) for child in children] == ALL_LISTINGS
    assert all(child.live and child.show_in_menus for child in children)
    response = client.get("/")
    assert response.status_code == 200
    for title in ("Le parcours", "Événements", "Guides", "Communs numériques", "Témoignages"):
        assert title in text(response)
    for child in children:
        assert client.get(child.url).status_code == 200, child.url


@pytest.mark.django_db
def test_running_it_again_creates_nothing():
    create_portal()
    pages = Page.objects.count()

    output = create_portal()

    assert Page.objects.count() == pages
    assert "déjà en place" in output and "aucune page à ajouter" in output


@pytest.mark.django_db
def test_a_listing_deleted_by_an_editor_is_added_back_and_the_others_kept():
    create_portal()
    home = Site.objects.get(is_default_site=True).root_page
    guides = home.get_children().type(GuideIndexPage).specific().get()
    guides.title = "Nos guides"
    guides.save_revision().publish()
    home.get_children().type(EventIndexPage).get().delete()

    output = create_portal()

    assert children_types(home).count(EventIndexPage) == 1
    assert home.get_children().type(GuideIndexPage).get().title == "Nos guides"
    assert "Événements" in output


@override_settings(NUMERIQUE_OUVERT={"FEATURES": {"testimonies": False, "parcours_map": False}})
@pytest.mark.django_db
def test_features_off_by_default_get_no_listing():
    create_portal()

    types = children_types(Site.objects.get(is_default_site=True).root_page)
    assert testimonies.TestimonyIndexPage not in types and ParcoursMapPage not in types
    assert GuideIndexPage in types


@pytest.mark.django_db
def test_hostname_makes_a_second_site_and_leaves_the_default_one_alone():
    default_root = Site.objects.get(is_default_site=True).root_page_id

    create_portal("--hostname", "numerique-ouvert.exemple.gouv.fr", "--title", "Portail du ministère")

    site = Site.objects.get(hostname="numerique-ouvert.exemple.gouv.fr")
    assert not site.is_default_site
    assert site.root_page.title == "Portail du ministère"
    assert site.root_page.slug == "portail-du-ministere"
    assert Site.objects.get(is_default_site=True).root_page_id == default_root
    assert children_types(site.root_page) == ALL_LISTINGS


@pytest.mark.django_db
def test_a_slug_taken_at_the_root_is_refused_and_nothing_changes():
    root = Page.get_first_root_node()
    root.add_child(instance=Page(title="Ancien portail", slug="numerique-ouvert"))
    pages = Page.objects.count()
    site_root = Site.objects.get(is_default_site=True).root_page_id

    with pytest.raises(CommandError, match="« Ancien portail » porte déjà le segment « numerique-ouvert »"):
        create_portal()

    assert Page.objects.count() == pages
    assert Site.objects.get(is_default_site=True).root_page_id == site_root
