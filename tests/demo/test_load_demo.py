"""``load_demo`` builds a complete portal, twice without duplicates, whose every page renders."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from example_site.ministry.models import HybridEventPage
from numerique_ouvert.communs.models import CommunActorRelation, PublicActor, SupportProgramme
from numerique_ouvert.core.models import PortalHomePage, PortalSettings
from numerique_ouvert.events.models import EventPage
from numerique_ouvert.guides.models import GuidePage
from numerique_ouvert.parcours_map.models import ParcoursMapPage, ParcoursPosition
from numerique_ouvert.testimonies import models as testimonies  # "Test…" names get collected


def database_counts() -> dict[str, int]:
    models = [Page, Revision, get_image_model(), PublicActor, SupportProgramme,
              CommunActorRelation, testimonies.Testimony, PortalSettings, Site,
              ParcoursPosition, ParcoursPosition.stages.through]
    return {model.__name__: model.objects.count() for model in models}


@pytest.fixture
def demo(db) -> None:
    # The site's own command (example_site.ministry) runs: it extends the package's.
    call_command("load_demo", "--quiet")


def test_load_demo_replaces_the_welcome_page_with_the_portal_home(demo):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, PortalHomePage)
    # Beside it, only its own translations (the English home, tests/i18n).
    assert not (Page.objects.filter(depth=2).exclude(pk=site.root_page_id)
                .exclude(translation_key=site.root_page.translation_key).exists())
    settings = PortalSettings.for_site(site)
    assert settings.brand_line_list == ["Ministère", "de l'Exemple"]
    assert settings.accessibility_page and settings.sitemap_page


def test_load_demo_twice_creates_nothing_new(demo):
    before = database_counts()
    call_command("load_demo", "--quiet")
    assert database_counts() == before


def test_load_demo_covers_every_feature(demo):
    assert GuidePage.objects.live().count() >= 5
    assert GuidePage.objects.filter(live=False).exists()  # one draft, for editors
    assert EventPage.objects.filter(status="cancelled").exists()
    # One in the French tree (and its translation in the English tree, tests/i18n).
    assert HybridEventPage.objects.live().filter(locale__language_code="fr").count() == 1
    assert testimonies.Testimony.objects.published().count() >= 6
    assert testimonies.Testimony.objects.filter(status=testimonies.ModerationStatus.SUBMITTED).count() >= 3
    assert testimonies.Testimony.objects.filter(status=testimonies.ModerationStatus.REJECTED).exists()


def test_demo_content_passes_the_editors_validation(demo):
    """An editor can open any demo page and save it again without fixing it first."""
    for page in Page.objects.filter(depth__gt=1).specific():
        page.full_clean()
        for field in page._meta.get_fields():
            if isinstance(field, StreamField):
                field.stream_block.clean(getattr(page, field.name))


def test_every_demo_page_renders_and_hides_contact_emails(demo, client):
    emails = list(testimonies.Testimony.objects.exclude(contact_email="")
                  .values_list("contact_email", flat=True))
    assert emails  # the demo has some: otherwise this test would prove nothing
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert len(pages) > 25
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        content = response.content.decode()
        for email in emails:
            assert email not in content, f"{email} shown on {page.url}"


def test_load_demo_has_a_parcours_map_with_the_rencontres_positions(demo, client):
    map_page = ParcoursMapPage.objects.live().get(locale__language_code="fr")
    rno = EventPage.objects.get(slug="rencontres-du-numerique-ouvert-2025")
    at_rno = ParcoursPosition.objects.filter(map_page=map_page, event=rno)
    assert at_rno.count() >= 100
    assert not at_rno.filter(stages=None).exists()
    assert set(at_rno.values_list("created_on", flat=True)) == {rno.start.date()}
    # Shaped like the seed's account: few in their own name, few at "Découvrir", few
    # sympathisants.
    assert at_rno.filter(capacity="own_name").count() < at_rno.filter(capacity="project").count()
    assert (at_rno.filter(stages__slug="decouvrir").count()
            < at_rno.filter(stages__slug="utiliser").count())
    assert (at_rno.filter(role="sympathisant").count()
            < at_rno.filter(role="pratiquant").count())
    response = client.get(map_page.url + f"evenement/{rno.pk}/")
    assert response.status_code == 200
    assert f"{at_rno.count()} participants" in response.content.decode()
    # The past event's page links to where its participants stood.
    assert map_page.url + f"evenement/{rno.pk}/" in client.get(rno.url).content.decode()
