"""Guide index and guide pages: where they can be created, and that they render, edit, preview
and can be created through the real admin form."""

from __future__ import annotations

import datetime

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from numerique_ouvert.communs.models import CommunIndexPage
from numerique_ouvert.core.models import ContentPage, PortalHomePage
from numerique_ouvert.events.models import EventIndexPage
from numerique_ouvert.guides.models import GuideIndexPage, GuidePage
from tests.admin import PortalPageTestCase, add_page_url
from tests.factories import get_stages, make_commun, make_event, make_guide, make_image


class GuideIndexPageTests(PortalPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_guide(cls.portal.guides, "Choisir un logiciel libre")

    def test_guide_index_can_be_created_under_the_home_page(self):
        self.assertCanCreateAt(PortalHomePage, GuideIndexPage)
        self.assertCanCreateAt(ContentPage, GuideIndexPage)
        self.assertTrue(GuideIndexPage.can_create_at(self.portal.home))

    def test_guide_index_cannot_be_created_under_another_listing_or_a_guide(self):
        for parent in (GuideIndexPage, GuidePage, EventIndexPage, CommunIndexPage):
            with self.subTest(parent=parent.__name__):
                self.assertCanNotCreateAt(parent, GuideIndexPage)

    def test_guide_index_renders(self):
        self.assertPageIsRenderable(self.portal.guides)

    def test_guide_index_is_editable(self):
        self.assertPageIsEditableAndSaves(self.portal.guides)

    def test_guide_index_is_previewable(self):
        self.assertPageIsPreviewableWithItsData(self.portal.guides)

    def test_guide_index_is_created_by_posting_the_admin_form(self):
        self.assertCanCreate(self.portal.home, GuideIndexPage, {
            "title": "Tous les guides", "slug": "tous-les-guides", "intro": "Nos guides pratiques.",
        })
        index = GuideIndexPage.objects.get(slug="tous-les-guides")
        self.assertEqual(index.intro, "Nos guides pratiques.")
        self.assertEqual(index.get_parent().pk, self.portal.home.pk)


class GuidePageTests(PortalPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_event(cls.portal.events, "Rencontres du numérique ouvert")
        cls.commun = make_commun(cls.portal.communs, "uMap")
        cls.guide = make_guide(
            cls.portal.guides, "Contribuer à un commun", image=make_image(),
            stages=get_stages("cooperer", "ouvrir"), tags=["contribution", "gouvernance"],
            related_pages=[("page", cls.event), ("page", cls.commun)],
            last_reviewed=datetime.date(2025, 10, 1),
            propose_change_url="https://forge.example.org/guides",
        )

    def test_guide_can_be_created_only_under_a_guide_index(self):
        self.assertCanCreateAt(GuideIndexPage, GuidePage)
        self.assertAllowedParentPageTypes(GuidePage, {GuideIndexPage})

    def test_guide_cannot_be_created_outside_a_guide_index(self):
        for parent in (PortalHomePage, ContentPage, EventIndexPage, CommunIndexPage, GuidePage):
            with self.subTest(parent=parent.__name__):
                self.assertCanNotCreateAt(parent, GuidePage)
        self.assertFalse(GuidePage.can_create_at(self.portal.home))

    def test_guide_renders(self):
        self.assertPageIsRenderable(self.guide)

    def test_guide_is_editable(self):
        self.assertPageIsEditableAndSaves(self.guide)

    def test_guide_is_previewable(self):
        self.assertPageIsPreviewableWithItsData(self.guide)

    def test_guide_is_created_by_posting_the_admin_form(self):
        image = make_image("Schéma")
        data = nested_form_data({
            "title": "Choisir un logiciel libre",
            "slug": "choisir-un-logiciel-libre",
            "tagline": "Les critères qui comptent.",
            "image": image.pk,
            "tags": "logiciel libre, achat public",
            "body": streamfield([
                ("heading", {"text": "Les critères", "level": "h2", "anchor": ""}),
                ("paragraph", rich_text("<p>Regardez la <b>communauté</b>.</p>")),
                ("quote", {"text": "Le code source est un bien commun.", "author": "Une agente",
                           "source": ""}),
            ]),
            "related_pages": streamfield([("page", self.commun.pk)]),
            "owner_name": "Pôle logiciels libres",
            "contact_url": "https://forum.example.org/logiciels-libres",
            "last_reviewed": "2025-11-13",
            "propose_change_url": "https://forge.example.org/guides/choisir",
        })
        data["stages"] = [stage.pk for stage in get_stages("utiliser")]
        self.assertCanCreate(self.portal.guides, GuidePage, data)

        guide = GuidePage.objects.get(slug="choisir-un-logiciel-libre")
        self.assertTrue(guide.live)
        self.assertEqual(guide.tagline, "Les critères qui comptent.")
        self.assertEqual(guide.image, image)
        self.assertEqual(sorted(tag.name for tag in guide.tags.all()),
                         ["achat public", "logiciel libre"])
        self.assertEqual([b.block_type for b in guide.body], ["heading", "paragraph", "quote"])
        self.assertIn("<b>communauté</b>", guide.body[1].value.source)
        self.assertEqual([b.value.pk for b in guide.related_pages], [self.commun.pk])
        self.assertEqual(guide.last_reviewed, datetime.date(2025, 11, 13))
        self.assertEqual(guide.owner_name, "Pôle logiciels libres")
        self.assertEqual([s.slug for s in guide.stages.all()], ["utiliser"])

    def test_guide_contact_must_be_a_web_address(self):
        # As its help text says: a contact form or a forum, not a « mailto: » address.
        data = nested_form_data({
            "title": "Guide avec contact", "slug": "guide-avec-contact",
            "body": streamfield([("paragraph", rich_text("<p>Texte.</p>"))]),
            "related_pages": streamfield([]),
            "contact_url": "mailto:logiciels-libres@example.gouv.fr",
        })
        response = self.client.post(add_page_url(GuidePage, self.portal.guides),
                                    {**data, "action-publish": "action-publish"})

        self.assertEqual(response.status_code, 200)
        self.assertIn("contact_url", response.context["form"].errors)
        self.assertFalse(GuidePage.objects.filter(slug="guide-avec-contact").exists())
