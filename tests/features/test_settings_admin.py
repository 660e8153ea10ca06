"""Editors switch features in the admin, on the real settings form of wagtail.contrib.settings:
one checkbox per installed feature, stored in the ``features`` JSON map of the site."""

from __future__ import annotations

import pytest

from numerique_ouvert.core.models import PortalSettings
from tests.admin import portal_settings_edit_data, portal_settings_url
from tests.factories import build_portal, make_event
from tests.html import soup


@pytest.mark.django_db
def test_settings_form_has_one_checked_box_per_installed_feature(admin_client, portal):
    response = admin_client.get(portal_settings_url(portal.site))

    boxes = {box["name"]: box.has_attr("checked")
             for box in soup(response).select("input[type=checkbox][name^=feature_]")}
    assert boxes == {"feature_guides": True, "feature_events": True, "feature_communs": True,
                     "feature_testimonies": True, "feature_parcours_map": True}


@pytest.mark.django_db
def test_settings_form_renders_each_feature_box_once(admin_client, portal):
    """Wagtail renders form fields no panel declares a second time, bare, after the tabs: a
    browser would then send the second box and override the administrator's choice (found by
    the browser test of the switch)."""
    response = admin_client.get(portal_settings_url(portal.site))

    names = [box["name"] for box in soup(response).select("input[name^=feature_]")]
    assert sorted(names) == sorted(set(names)) and len(names) == 5
    assert len(soup(response).select("#id_feature_events")) == 1


@pytest.mark.django_db
def test_unchecking_events_in_the_settings_form_switches_them_off(admin_client, client, portal):
    event = make_event(portal.events)
    data = portal_settings_edit_data(admin_client, portal.site)
    assert "feature_events" in data  # checked
    del data["feature_events"]  # an unchecked box is not submitted

    response = admin_client.post(portal_settings_url(portal.site), data)

    assert response.status_code == 302
    assert PortalSettings.for_site(portal.site).features == {
        "guides": True, "events": False, "communs": True, "testimonies": True,
        "parcours_map": True}
    assert client.get(event.url).status_code == 404


@pytest.mark.django_db
def test_checking_events_again_in_the_settings_form_switches_them_on(admin_client, client, portal):
    event = make_event(portal.events)
    PortalSettings.objects.update_or_create(site=portal.site, defaults={"features": {"events": False}})
    data = portal_settings_edit_data(admin_client, portal.site)
    assert "feature_events" not in data
    data["feature_events"] = "on"

    response = admin_client.post(portal_settings_url(portal.site), data)

    assert response.status_code == 302
    assert PortalSettings.for_site(portal.site).features["events"] is True
    assert client.get(event.url).status_code == 200


@pytest.mark.django_db
def test_settings_form_keeps_the_choice_for_a_feature_that_is_not_installed(admin_client, portal):
    # Reinstalling an app restores the administrators' last choice.
    PortalSettings.objects.update_or_create(site=portal.site,
                                            defaults={"features": {"agenda-partage": False}})
    data = portal_settings_edit_data(admin_client, portal.site)

    admin_client.post(portal_settings_url(portal.site), data)

    assert PortalSettings.for_site(portal.site).features["agenda-partage"] is False


@pytest.mark.django_db
def test_settings_of_one_site_do_not_switch_another(admin_client, client, portal):
    other = build_portal(hostname="culture.example.org")
    other_event = make_event(other.events)
    data = portal_settings_edit_data(admin_client, portal.site)
    del data["feature_events"]

    admin_client.post(portal_settings_url(portal.site), data)

    assert PortalSettings.for_site(other.site).features.get("events", True) is True
    assert client.get(other_event.url, HTTP_HOST="culture.example.org").status_code == 200
