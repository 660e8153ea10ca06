"""The core's page types (portal home page, content page): where they can be created, and that
they render, edit, preview and can be created through the real admin form."""

from __future__ import annotations

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from numerique_ouvert.core.models import ContentPage, PortalHomePage
from numerique_ouvert.events.models import EventIndexPage, EventPage
from numerique_ouvert.guides.models import GuideIndexPage, GuidePage
from numerique_ouvert.testimonies import models as testimonies
from tests.admin import PortalPageTestCase
from tests.factories import get_stages, make_content_page, make_image


class PortalHomePageTests(PortalPageTestCase):
    def test_home_page_can_be_created_at_the_root_of_the_tree(self):
        self.assertCanCreateAt(Page, PortalHomePage)
        self.assertTrue(PortalHomePage.can_create_at(Page.get_first_root_node()))

    def test_home_page_cannot_be_created_inside_the_portal(self):
        for parent in (PortalHomePage, ContentPage, GuideIndexPage, EventIndexPage,
                       testimonies.TestimonyIndexPage):
            with self.subTest(parent=parent.__name__):
                self.assertCanNotCreateAt(parent, PortalHomePage)
        self.assertFalse(PortalHomePage.can_create_at(self.portal.home))

    def test_home_page_renders(self):
        self.assertPageIsRenderable(self.portal.home)

    def test_home_page_is_editable(self):
        self.assertPageIsEditableAndSaves(self.portal.home)

    def test_home_page_is_previewable(self):
        self.assertPageIsPreviewableWithItsData(self.portal.home)

    def test_home_page_is_created_by_posting_the_admin_form(self):
        hero = make_image("Bannière")
        self.assertCanCreate(Page.get_first_root_node(), PortalHomePage, nested_form_data({
            "title": "Portail du ministère",
            "slug": "portail-ministere",
            "intro": "Bienvenue sur le portail.",
            "hero_image": hero.pk,
            "show_parcours": "on",
            "body": streamfield([("paragraph", rich_text("<p>Texte libre de l'accueil.</p>"))]),
        }))

        home = PortalHomePage.objects.get(slug="portail-ministere")
        self.assertTrue(home.live)
        self.assertEqual(home.intro, "Bienvenue sur le portail.")
        self.assertEqual(home.hero_image, hero)
        self.assertTrue(home.show_parcours)
        self.assertIn("Texte libre de l'accueil.", home.body[0].value.source)


class ContentPageTests(PortalPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.page = make_content_page(cls.portal.home, "Accessibilité",
                                     stages=get_stages("decouvrir"), image=make_image())

    def test_content_page_can_be_created_under_the_home_page_and_other_content_pages(self):
        self.assertCanCreateAt(PortalHomePage, ContentPage)
        self.assertCanCreateAt(ContentPage, ContentPage)
        self.assertTrue(ContentPage.can_create_at(self.portal.home))
        self.assertTrue(ContentPage.can_create_at(self.page))

    def test_content_page_cannot_be_created_under_a_feature_page(self):
        for parent in (GuideIndexPage, GuidePage, EventIndexPage, EventPage, testimonies.TestimonyIndexPage):
            with self.subTest(parent=parent.__name__):
                self.assertCanNotCreateAt(parent, ContentPage)

    def test_content_page_renders(self):
        self.assertPageIsRenderable(self.page)

    def test_content_page_is_editable(self):
        self.assertPageIsEditableAndSaves(self.page)

    def test_content_page_is_previewable(self):
        self.assertPageIsPreviewableWithItsData(self.page)

    def test_content_page_is_created_by_posting_the_admin_form(self):
        data = nested_form_data({
            "title": "Mentions légales",
            "slug": "mentions-legales",
            "tagline": "Qui publie ce site.",
            "body": streamfield([
                ("heading", {"text": "Éditeur", "level": "h2", "anchor": ""}),
                ("paragraph", rich_text("<p>Ministère de l'Exemple.</p>")),
            ]),
        })
        data["stages"] = [stage.pk for stage in get_stages("decouvrir", "ouvrir")]
        self.assertCanCreate(self.portal.home, ContentPage, data)

        page = ContentPage.objects.get(slug="mentions-legales")
        self.assertEqual(page.get_parent().specific, self.portal.home)
        self.assertEqual(page.tagline, "Qui publie ce site.")
        self.assertEqual([block.block_type for block in page.body], ["heading", "paragraph"])
        self.assertEqual(page.body[0].value["text"], "Éditeur")
        self.assertEqual(sorted(s.slug for s in page.stages.all()), ["decouvrir", "ouvrir"])
