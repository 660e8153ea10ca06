"""The testimony index page: where it can be created (once per parent), and that it renders,
edits, previews and can be created through the real admin form."""

from __future__ import annotations

from numerique_ouvert.core.models import ContentPage, PortalHomePage
from numerique_ouvert.events.models import EventIndexPage
from numerique_ouvert.guides.models import GuideIndexPage, GuidePage
from numerique_ouvert.testimonies import models as testimonies
from tests.admin import PortalPageTestCase
from tests.factories import make_guide, make_testimony


class TestimonyIndexPageTests(PortalPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_testimony("J'ai découvert les communs.", page=make_guide(cls.portal.guides))

    def test_testimony_index_can_be_created_under_the_home_page(self):
        self.assertCanCreateAt(PortalHomePage, testimonies.TestimonyIndexPage)
        self.assertCanCreateAt(ContentPage, testimonies.TestimonyIndexPage)

    def test_testimony_index_cannot_be_created_twice_under_the_same_page(self):
        self.assertFalse(testimonies.TestimonyIndexPage.can_create_at(self.portal.home))

    def test_testimony_index_cannot_be_created_under_a_listing_or_a_guide(self):
        for parent in (testimonies.TestimonyIndexPage, GuideIndexPage, GuidePage, EventIndexPage):
            with self.subTest(parent=parent.__name__):
                self.assertCanNotCreateAt(parent, testimonies.TestimonyIndexPage)

    def test_testimony_index_has_no_children(self):
        self.assertAllowedSubpageTypes(testimonies.TestimonyIndexPage, set())

    def test_testimony_index_renders(self):
        self.assertPageIsRenderable(self.portal.testimonies)

    def test_testimony_index_is_editable(self):
        self.assertPageIsEditableAndSaves(self.portal.testimonies)

    def test_testimony_index_is_previewable(self):
        self.assertPageIsPreviewableWithItsData(self.portal.testimonies)

    def test_testimony_index_is_created_by_posting_the_admin_form(self):
        self.portal.testimonies.delete()  # one per parent: make room for the new one
        self.assertCanCreate(self.portal.home, testimonies.TestimonyIndexPage, {
            "title": "Ils et elles racontent", "slug": "recits", "intro": "Des récits d'agents.",
        })
        index = testimonies.TestimonyIndexPage.objects.get(slug="recits")
        self.assertEqual(index.intro, "Des récits d'agents.")
        self.assertEqual(index.get_parent().pk, self.portal.home.pk)
