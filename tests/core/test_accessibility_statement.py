"""The accessibility statement page: the RGAA template as fields, the footer's conformity mention
taken from it, and the demo's draft statement."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from wagtail.models import Site

from numerique_ouvert.core.models import AccessibilityStatementPage, PortalSettings
from tests.factories import add_page
from tests.html import soup

SECTIONS = ["État de conformité", "Résultats des tests", "Contenus non accessibles",
            "Établissement de cette déclaration", "Retour d'information et contact",
            "Voies de recours"]


@pytest.fixture
def statement(portal) -> AccessibilityStatementPage:
    page = add_page(portal.home, AccessibilityStatementPage, title="Déclaration d'accessibilité",
                    slug="accessibilite")
    PortalSettings.objects.update_or_create(site=portal.site, defaults={
        "accessibility_page": page, "accessibility_status": "full"})
    return page


def footer_mention(response) -> str:
    links = [a for a in soup(response).select("footer a.fr-footer__bottom-link")
             if a.get_text().startswith("Accessibilité")]
    assert len(links) == 1
    return links[0].get_text(" ", strip=True), links[0]["href"]


@pytest.mark.django_db
def test_new_statement_shows_every_rgaa_section_and_the_prefilled_appeal(client, statement):
    html = soup(client.get(statement.url))

    assert [h2.get_text(strip=True) for h2 in html.select("main h2")] == SECTIONS
    assert "Défenseur des droits" in html.select_one("#voies-de-recours").find_next("ul").get_text()
    assert "non conforme" in html.select_one("#etat-de-conformite").find_next("p").get_text()
    # What only the administration knows is flagged, not made up.
    assert len(html.select("main .fr-badge--warning")) >= 4


@pytest.mark.django_db
def test_completed_statement_shows_the_audit_and_no_longer_asks_for_anything(client, statement):
    statement.entity_name = "Le ministère de l'Exemple"
    statement.site_address = "https://numerique-ouvert.example.gouv.fr"
    statement.conformity_status = "partial"
    statement.audit_date = datetime.date(2026, 10, 2)
    statement.audited_by = "la mission accessibilité"
    statement.conformity_rate = 82
    statement.non_compliant_content = "<p>Critère 1.3 : la carte du parcours.</p>"
    statement.statement_date = datetime.date(2026, 10, 15)
    statement.tools = "NVDA 2025.1 et Firefox\nVoiceOver et Safari"
    statement.pages_audited = "Accueil\nGuides"
    statement.contact = "<p>accessibilite@example.gouv.fr</p>"
    statement.save_revision().publish()
    html = soup(client.get(statement.url))
    text = html.select_one("main").get_text(" ", strip=True)

    assert "partiellement conforme" in text
    assert "2 octobre 2026 par la mission accessibilité" in text
    assert "82 % des critères du RGAA sont respectés" in text
    assert "NVDA 2025.1 et Firefox" in [li.get_text() for li in html.select("main li")]
    assert html.select("main .fr-badge--warning") == []


@pytest.mark.django_db
def test_footer_states_the_conformity_the_statement_declares(client, portal, statement):
    assert footer_mention(client.get(portal.home.url)) == (
        "Accessibilité : non conforme", statement.url)  # the page's status, not the settings'

    statement.conformity_status = "full"
    statement.save_revision().publish()
    assert footer_mention(client.get(portal.home.url))[0] == "Accessibilité : totalement conforme"


@pytest.mark.django_db
def test_footer_falls_back_to_the_settings_status_for_another_page_type(client, portal):
    PortalSettings.objects.update_or_create(site=portal.site, defaults={
        "accessibility_page": portal.guides, "accessibility_status": "partial"})
    assert footer_mention(client.get(portal.home.url)) == (
        "Accessibilité : partiellement conforme", portal.guides.url)


@pytest.mark.django_db
def test_footer_mention_costs_no_query_of_its_own(client, statement, django_assert_num_queries):
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    with django_assert_num_queries(0):
        assert settings.accessibility_status_label() == "non conforme"


@pytest.mark.django_db
def test_conformity_rate_cannot_exceed_100(statement):
    from django.core.exceptions import ValidationError

    statement.conformity_rate = 120
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert "conformity_rate" in error.value.message_dict


@pytest.mark.django_db
def test_demo_publishes_a_draft_statement_linked_from_the_footer(client):
    call_command("load_demo", "--quiet")
    # The French one (the English demo tree holds its translation).
    statement = AccessibilityStatementPage.objects.live().get(locale__language_code="fr")
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.accessibility_page_id == statement.pk
    response = client.get("/")
    assert footer_mention(response) == ("Accessibilité : partiellement conforme", statement.url)
    html = soup(client.get(statement.url))
    assert [h2.get_text(strip=True) for h2 in html.select("main h2")] == SECTIONS
    assert html.select("main .fr-badge--warning")  # audit and contact: for the ministry to fill in
