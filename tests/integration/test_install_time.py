"""A feature app left out of INSTALLED_APPS leaves no trace: no table, no admin URL or menu
entry, no section on the home page, no switch in the settings. INSTALLED_APPS cannot change
within the test process, so a site without the events app is migrated, checked and looked at
in subprocesses (see tests/settings/without_events.py and tests/install_time_probe.py)."""

from __future__ import annotations

# The ``site_without_events`` fixture (tests/integration/conftest.py) builds that site in
# subprocesses; it is always a temporary SQLite file, even when the suite runs on PostgreSQL.


def test_site_without_the_events_app_passes_the_system_checks(site_without_events):
    assert "no issues" in site_without_events["check"]


def test_events_app_is_really_left_out(site_without_events):
    facts = site_without_events["facts"]
    assert "numerique_ouvert.events" not in facts["installed_apps"]
    assert "numerique_ouvert.guides" in facts["installed_apps"]
    assert facts["features"] == ["guides", "communs", "testimonies", "parcours_map"]


def test_no_events_table_is_created(site_without_events):
    tables = site_without_events["facts"]["tables"]

    assert not [table for table in tables if table.startswith("numerique_ouvert_events")]
    assert not [table for table in tables if table.startswith("example_ministry")]
    assert "numerique_ouvert_guides_guidepage" in tables


def test_admin_has_no_events_menu_entry_nor_url(site_without_events):
    facts = site_without_events["facts"]

    assert facts["admin_status"] == 200
    assert "Événements" not in facts["admin_menu"]
    assert "Guides" in facts["admin_menu"]
    assert facts["admin_urls"] == {"numerique_ouvert_events:index": False,
                                   "numerique_ouvert_guides:index": True}


def test_home_page_renders_without_an_events_section(site_without_events):
    facts = site_without_events["facts"]

    assert facts["home_status"] == 200
    assert "accueil-evenements" not in facts["home_sections"]
    assert "accueil-guides" in facts["home_sections"]
    assert facts["home_menu"] == ["Guides"]


def test_portal_settings_form_has_no_events_switch(site_without_events):
    facts = site_without_events["facts"]

    assert facts["settings_form_status"] == 200
    assert "feature_events" not in facts["settings_form_fields"]
    assert {"feature_guides", "feature_communs", "feature_testimonies",
            "feature_parcours_map"} <= set(
        facts["settings_form_fields"])
