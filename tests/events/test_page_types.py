"""Event index, event and the example site's hybrid event (a multi-table subclass): where they
can be created, and that they render, edit, preview and can be created through the admin form."""

from __future__ import annotations

import datetime
import zoneinfo

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from example_site.ministry.models import HybridEventPage
from numerique_ouvert.communs.models import CommunIndexPage
from numerique_ouvert.core.models import ContentPage, PortalHomePage
from numerique_ouvert.events.models import EventIndexPage, EventPage
from numerique_ouvert.guides.models import GuideIndexPage
from tests.admin import PortalPageTestCase
from tests.factories import (
    get_stages,
    make_event,
    make_hybrid_event,
    make_image,
)

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def event_form(title: str, slug: str, **fields) -> dict:
    """Admin form data of a valid in-person event on 12 March 2030, plus ``fields``."""
    data = {
        "title": title,
        "slug": slug,
        "tagline": "Une journée pour se rencontrer.",
        "start": "2030-03-12 09:30",
        "end": "2030-03-12 17:00",
        "format": "rencontre",
        "status": "scheduled",
        "venue_name": "Maison du numérique",
        "venue_address": "20 avenue de Ségur",
        "venue_city": "Paris",
        "organisers": streamfield([("organiser", {"name": "DINUM",
                                                  "url": "https://www.numerique.gouv.fr"})]),
        "description": streamfield([("paragraph", rich_text("<p>Au programme.</p>"))]),
        "programme": streamfield([("session", {
            "start_time": "09:30", "end_time": "10:30", "title": "Plénière d'ouverture",
            "format": "conference", "stage": get_stages("decouvrir")[0].pk,
            "speakers": "La directrice", "room": "Amphithéâtre", "description": "",
        })]),
        "report": streamfield([]),
    }
    data.update(fields)
    return nested_form_data(data)


class EventIndexPageTests(PortalPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_event(cls.portal.events, "Atelier à venir", image=make_image())
        make_event(cls.portal.events, "Atelier passé", days_from_now=-30)

    def test_event_index_can_be_created_under_the_home_page(self):
        self.assertCanCreateAt(PortalHomePage, EventIndexPage)
        self.assertTrue(EventIndexPage.can_create_at(self.portal.home))

    def test_event_index_cannot_be_created_under_another_listing_or_an_event(self):
        for parent in (EventIndexPage, EventPage, GuideIndexPage, CommunIndexPage):
            with self.subTest(parent=parent.__name__):
                self.assertCanNotCreateAt(parent, EventIndexPage)

    def test_event_index_renders(self):
        self.assertPageIsRenderable(self.portal.events)

    def test_event_index_is_editable(self):
        self.assertPageIsEditableAndSaves(self.portal.events)

    def test_event_index_is_previewable(self):
        self.assertPageIsPreviewableWithItsData(self.portal.events)

    def test_event_index_is_created_by_posting_the_admin_form(self):
        self.assertCanCreate(self.portal.home, EventIndexPage, {
            "title": "Agenda", "slug": "agenda", "intro": "Tous nos rendez-vous.",
        })
        index = EventIndexPage.objects.get(slug="agenda")
        self.assertEqual(index.intro, "Tous nos rendez-vous.")
        self.assertEqual(index.get_parent().pk, self.portal.home.pk)


class EventPageTests(PortalPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_event(
            cls.portal.events, "Rencontres du numérique ouvert", image=make_image(),
            stages=get_stages("decouvrir", "cooperer"), tags=["rencontre"],
            registration_url="https://inscription.example.org",
            organisers=[("organiser", {"name": "DINUM", "url": "https://www.numerique.gouv.fr"})],
        )

    def test_event_can_be_created_only_under_an_event_index(self):
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})

    def test_event_cannot_be_created_outside_an_event_index(self):
        for parent in (PortalHomePage, ContentPage, GuideIndexPage, CommunIndexPage, EventPage):
            with self.subTest(parent=parent.__name__):
                self.assertCanNotCreateAt(parent, EventPage)
        self.assertFalse(EventPage.can_create_at(self.portal.home))

    def test_event_renders(self):
        self.assertPageIsRenderable(self.event)

    def test_event_is_editable(self):
        self.assertPageIsEditableAndSaves(self.event)

    def test_event_is_previewable(self):
        self.assertPageIsPreviewableWithItsData(self.event)

    def test_event_is_created_by_posting_the_admin_form(self):
        data = event_form("Atelier contribuer", "atelier-contribuer", format="atelier",
                          tags="atelier, contribution",
                          registration_url="https://inscription.example.org/atelier",
                          registration_deadline="2030-03-10 18:00")
        data["stages"] = [stage.pk for stage in get_stages("cooperer")]
        self.assertCanCreate(self.portal.events, EventPage, data)

        event = EventPage.objects.get(slug="atelier-contribuer")
        self.assertEqual(type(event.specific), EventPage)
        self.assertEqual(event.start, datetime.datetime(2030, 3, 12, 9, 30, tzinfo=PARIS))
        self.assertEqual(event.end, datetime.datetime(2030, 3, 12, 17, 0, tzinfo=PARIS))
        self.assertEqual(event.format, "atelier")
        self.assertEqual(event.venue_city, "Paris")
        self.assertEqual(event.registration_deadline,
                         datetime.datetime(2030, 3, 10, 18, 0, tzinfo=PARIS))
        self.assertEqual(event.organisers[0].value["name"], "DINUM")
        session = event.programme[0].value
        self.assertEqual(session["title"], "Plénière d'ouverture")
        self.assertEqual(session["start_time"], datetime.time(9, 30))
        self.assertEqual(session["stage"].slug, "decouvrir")
        self.assertEqual(sorted(tag.name for tag in event.tags.all()), ["atelier", "contribution"])
        self.assertEqual([s.slug for s in event.stages.all()], ["cooperer"])


class HybridEventPageTests(PortalPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_hybrid_event(cls.portal.events, "Webinaire et amphi",
                                      stages=get_stages("promouvoir"), tags=["hybride"],
                                      image=make_image())

    def test_hybrid_event_can_be_created_only_under_an_event_index(self):
        self.assertCanCreateAt(EventIndexPage, HybridEventPage)
        self.assertAllowedParentPageTypes(HybridEventPage, {EventIndexPage})
        self.assertTrue(HybridEventPage.can_create_at(self.portal.events))

    def test_hybrid_event_cannot_be_created_outside_an_event_index(self):
        for parent in (PortalHomePage, ContentPage, GuideIndexPage, EventPage, HybridEventPage):
            with self.subTest(parent=parent.__name__):
                self.assertCanNotCreateAt(parent, HybridEventPage)

    def test_hybrid_event_renders_with_the_fields_of_the_ministry(self):
        self.assertPageIsRenderable(self.event)
        response = self.client.get(self.event.url)
        self.assertContains(response, "Accès de plain-pied, boucle magnétique.")

    def test_hybrid_event_is_editable(self):
        self.assertPageIsEditableAndSaves(self.event)

    def test_hybrid_event_is_previewable(self):
        self.assertPageIsPreviewableWithItsData(self.event)

    def test_hybrid_event_is_created_by_posting_the_admin_form(self):
        data = event_form("Rencontre hybride", "rencontre-hybride",
                          online_url="https://webinaire.example.org/salle",
                          venue_accessibility="Interprétation LSF.",
                          replay_url="https://video.example.org/replay")
        self.assertCanCreate(self.portal.events, HybridEventPage, data)

        event = HybridEventPage.objects.get(slug="rencontre-hybride")
        self.assertEqual(event.venue_accessibility, "Interprétation LSF.")
        self.assertEqual(event.replay_url, "https://video.example.org/replay")
        self.assertEqual(event.online_url, "https://webinaire.example.org/salle")
        # Multi-table inheritance: the hybrid event is also an event of the library.
        self.assertTrue(EventPage.objects.filter(pk=event.pk, venue_city="Paris").exists())
