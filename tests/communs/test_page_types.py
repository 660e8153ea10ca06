"""Commun index and commun pages: where they can be created, and that they render, edit,
preview and can be created through the real admin form (inline public actors included)."""

from __future__ import annotations

from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from numerique_ouvert.communs.models import CommunIndexPage, CommunPage
from numerique_ouvert.core.models import ContentPage, PortalHomePage
from numerique_ouvert.events.models import EventIndexPage
from numerique_ouvert.guides.models import GuideIndexPage
from tests.admin import PortalPageTestCase
from tests.factories import get_stages, make_actor, make_commun, make_image, make_programme


class CommunIndexPageTests(PortalPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_commun(cls.portal.communs, "PrimTux", logo=make_image("Logo PrimTux"))

    def test_commun_index_can_be_created_under_the_home_page(self):
        self.assertCanCreateAt(PortalHomePage, CommunIndexPage)
        self.assertTrue(CommunIndexPage.can_create_at(self.portal.home))

    def test_commun_index_cannot_be_created_under_another_listing_or_a_commun(self):
        for parent in (CommunIndexPage, CommunPage, GuideIndexPage, EventIndexPage):
            with self.subTest(parent=parent.__name__):
                self.assertCanNotCreateAt(parent, CommunIndexPage)

    def test_commun_index_renders(self):
        self.assertPageIsRenderable(self.portal.communs)

    def test_commun_index_is_editable(self):
        self.assertPageIsEditableAndSaves(self.portal.communs)

    def test_commun_index_is_previewable(self):
        self.assertPageIsPreviewableWithItsData(self.portal.communs)

    def test_commun_index_is_created_by_posting_the_admin_form(self):
        self.assertCanCreate(self.portal.home, CommunIndexPage, {
            "title": "Catalogue des communs", "slug": "catalogue", "intro": "Tous les communs.",
        })
        index = CommunIndexPage.objects.get(slug="catalogue")
        self.assertEqual(index.intro, "Tous les communs.")
        self.assertEqual(index.get_parent().pk, self.portal.home.pk)


class CommunPageTests(PortalPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.actor = make_actor("Ministère de l'Éducation nationale", acronym="MEN")
        cls.programme = make_programme("Accélérateur d'initiatives citoyennes")
        cls.commun = make_commun(
            cls.portal.communs, "Open Food Facts", logo=make_image("Logo"), image=make_image(),
            stages=get_stages("utiliser"), tags=["données"], support_programmes=[cls.programme],
            actors=[(cls.actor, "uses")],
            uses=[("use", {"title": "Cantines", "administration": "Une académie", "year": 2024,
                           "story": RichText("<p>Menus.</p>"), "link": ""})],
        )

    def test_commun_can_be_created_only_under_a_commun_index(self):
        self.assertCanCreateAt(CommunIndexPage, CommunPage)
        self.assertAllowedParentPageTypes(CommunPage, {CommunIndexPage})

    def test_commun_cannot_be_created_outside_a_commun_index(self):
        for parent in (PortalHomePage, ContentPage, GuideIndexPage, EventIndexPage, CommunPage):
            with self.subTest(parent=parent.__name__):
                self.assertCanNotCreateAt(parent, CommunPage)
        self.assertFalse(CommunPage.can_create_at(self.portal.home))

    def test_commun_renders(self):
        self.assertPageIsRenderable(self.commun)

    def test_commun_is_editable(self):
        self.assertPageIsEditableAndSaves(self.commun)

    def test_commun_is_previewable(self):
        self.assertPageIsPreviewableWithItsData(self.commun)

    def test_commun_is_created_by_posting_the_admin_form(self):
        logo = make_image("Logo uMap")
        data = nested_form_data({
            "title": "uMap",
            "slug": "umap",
            "tagline": "Des cartes personnalisées.",
            "kind": "software",
            "status": "stable",
            "licence": "WTFPL",
            "featured": "on",
            "logo": logo.pk,
            "description": streamfield([("paragraph", rich_text("<p>Un outil de cartes.</p>"))]),
            "website": "https://umap-project.org",
            "source_repository": "https://github.com/umap-project/umap",
            "carrying_structure": "Association OpenStreetMap France",
            "governance_url": "https://umap-project.org/gouvernance",
            "forum_url": "https://forum.openstreetmap.fr",
            "tags": "cartographie",
            "actor_relations": inline_formset([
                {"actor": self.actor.pk, "relation": "contributes", "note": "Depuis 2023"},
            ]),
            "private_contacts": inline_formset([
                {"name": "Camille Martin", "email": "camille@example.org", "phone": "",
                 "affiliation": "OSM France"},
            ]),
            "software_version": "3.1", "release_date": "2025-02-03",
            "platforms": "web, linux", "categories": "geographic-information-systems",
            "maintenance_type": "community", "maintenance_contractors": "",
            "uses": streamfield([("use", {
                "title": "Cartes des écoles", "administration": "Une académie", "year": "2024",
                "story": rich_text("<p>Une carte des écoles.</p>"), "link": "",
            })]),
        })
        data["stages"] = [stage.pk for stage in get_stages("utiliser", "cooperer")]
        data["support_programmes"] = [self.programme.pk]
        self.assertCanCreate(self.portal.communs, CommunPage, data)

        commun = CommunPage.objects.get(slug="umap")
        self.assertTrue(commun.featured)
        self.assertEqual(commun.logo, logo)
        self.assertEqual(commun.licence, "WTFPL")
        self.assertEqual(commun.carrying_structure, "Association OpenStreetMap France")
        relation = commun.actor_relations.get()
        self.assertEqual((relation.actor, relation.relation, relation.note),
                         (self.actor, "contributes", "Depuis 2023"))
        self.assertEqual(list(commun.support_programmes.all()), [self.programme])
        self.assertEqual(commun.uses[0].value["year"], 2024)
        self.assertEqual(sorted(s.slug for s in commun.stages.all()), ["cooperer", "utiliser"])
        self.assertEqual([tag.name for tag in commun.tags.all()], ["cartographie"])
        self.assertEqual((commun.software_version, commun.platforms, commun.categories,
                          commun.maintenance_contractors),
                         ("3.1", ["web", "linux"], ["geographic-information-systems"], []))
        self.assertEqual([c.email for c in commun.private_contacts.all()], ["camille@example.org"])
