"""Default state of features from the project settings (``NUMERIQUE_OUVERT["FEATURES"]``), used
until a site's administrators choose; their choice then wins."""

from __future__ import annotations

import pytest

from numerique_ouvert.communs.models import CommunIndexPage
from numerique_ouvert.core.features import enabled_features_for_site, is_feature_enabled
from numerique_ouvert.core.models import PortalSettings
from tests.admin import portal_settings_url
from tests.factories import make_commun, set_features
from tests.html import main_menu_titles, soup


@pytest.fixture
def communs_off_by_default(settings):
    settings.NUMERIQUE_OUVERT = {"FEATURES": {"communs": False}}


@pytest.mark.django_db
def test_feature_off_in_the_settings_is_off_for_a_site_without_a_choice(
        client, portal, communs_off_by_default):
    commun = make_commun(portal.communs)
    assert not PortalSettings.objects.filter(site=portal.site, features__has_key="communs").exists()

    assert not is_feature_enabled("communs", site=portal.site)
    assert enabled_features_for_site(portal.site) == {"guides", "events", "testimonies",
                                                         "parcours_map"}
    assert client.get(portal.communs.url).status_code == 404
    assert client.get(commun.url).status_code == 404
    assert "Communs numériques" not in main_menu_titles(client.get(portal.home.url))
    assert not CommunIndexPage.can_create_at(portal.home)


@pytest.mark.django_db
def test_features_missing_from_the_settings_are_on(portal, communs_off_by_default):
    assert is_feature_enabled("guides", site=portal.site)
    assert is_feature_enabled("events", site=portal.site)


@pytest.mark.django_db
def test_site_choice_wins_over_the_default_from_the_settings(client, portal,
                                                            communs_off_by_default):
    commun = make_commun(portal.communs)
    set_features(portal.site, communs=True)

    assert is_feature_enabled("communs", site=portal.site)
    assert client.get(commun.url).status_code == 200


@pytest.mark.django_db
def test_settings_form_starts_from_the_default_of_the_settings(admin_client, portal,
                                                              communs_off_by_default):
    response = admin_client.get(portal_settings_url(portal.site))

    box = soup(response).find("input", attrs={"name": "feature_communs"})
    assert box is not None
    assert not box.has_attr("checked")
    assert soup(response).find("input", attrs={"name": "feature_guides"}).has_attr("checked")
