"""What every public page type shares (RGAA and DSFR basics): French language, one <h1>, skip
links, the ministry's bloc marque in the header and the mandatory links in the footer.

One page of each type is built once for the class; each test checks every type (a subtest each).
"""

from __future__ import annotations

from django.test import TestCase

from numerique_ouvert.core.models import PortalSettings
from tests.factories import (
    build_portal,
    get_stages,
    make_commun,
    make_content_page,
    make_event,
    make_guide,
    make_hybrid_event,
    make_image,
    make_testimony,
)
from tests.html import soup


class PublicPageLayoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        portal = cls.portal = build_portal()
        image = make_image()
        guide = make_guide(portal.guides, stages=get_stages("utiliser"), tags=["outil"],
                           image=image)
        make_testimony("Un récit.", page=guide)
        cls.pages = {
            "home": portal.home,
            "content page": make_content_page(portal.home, "À propos", image=image),
            "guide index": portal.guides,
            "guide": guide,
            "event index": portal.events,
            "event": make_event(portal.events, stages=get_stages("cooperer"), image=image),
            "hybrid event": make_hybrid_event(portal.events),
            "commun index": portal.communs,
            "commun": make_commun(portal.communs, logo=image, featured=True),
            "testimony index": portal.testimonies,
        }
        # A ministry's settings: its bloc marque and the four mandatory footer pages.
        cls.footer_pages = {name: make_content_page(portal.home, title) for name, title in [
            ("accessibility_page", "Déclaration d'accessibilité"),
            ("legal_notice_page", "Mentions"), ("personal_data_page", "Vie privée"),
            ("sitemap_page", "Plan")]}
        PortalSettings.objects.update_or_create(site=portal.site, defaults={
            "brand_lines": "Ministère\nde l'Exemple\net des Essais",
            "accessibility_status": "partial",
            **cls.footer_pages,
        })

    def each_page(self):
        """(page type, parsed HTML) of every page type, each inside its own subtest."""
        for page_type, page in self.pages.items():
            with self.subTest(page_type=page_type):
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                yield page, soup(response)

    def test_every_page_is_in_french_with_exactly_one_main_heading(self):
        for page, html in self.each_page():
            self.assertEqual(html.find("html")["lang"], "fr")
            self.assertEqual(len(html.find_all("h1")), 1)
            self.assertEqual(html.find("h1").get_text(strip=True), page.title)

    def test_every_page_has_skip_links_to_existing_targets(self):
        for _page, html in self.each_page():
            targets = [link["href"] for link in html.select(".fr-skiplinks a[href^='#']")]
            self.assertIn("#contenu", targets)
            for target in targets:
                self.assertIsNotNone(html.find(id=target[1:]), target)

    def test_every_page_header_shows_the_bloc_marque_of_the_site(self):
        for _page, html in self.each_page():
            logo = html.find("header").find(class_="fr-logo")
            self.assertEqual(list(logo.stripped_strings),
                             ["Ministère", "de l'Exemple", "et des Essais"])

    def test_every_page_footer_has_the_mandatory_links(self):
        for _page, html in self.each_page():
            links = {link.get_text(" ", strip=True): link["href"]
                     for link in html.find("footer").select(".fr-footer__bottom-list a")}
            self.assertEqual(links.get("Accessibilité : partiellement conforme"),
                             self.footer_pages["accessibility_page"].url)
            self.assertEqual(links.get("Mentions légales"),
                             self.footer_pages["legal_notice_page"].url)
            self.assertEqual(links.get("Données personnelles"),
                             self.footer_pages["personal_data_page"].url)
            self.assertEqual(links.get("Plan du site"), self.footer_pages["sitemap_page"].url)


class DefaultLayoutTests(TestCase):
    """A site whose administrators have not filled in the portal settings yet."""

    @classmethod
    def setUpTestData(cls):
        cls.portal = build_portal()

    def test_default_bloc_marque_is_republique_francaise(self):
        logo = soup(self.client.get(self.portal.home.url)).find("header").find(class_="fr-logo")

        self.assertEqual(list(logo.stripped_strings), ["République", "Française"])

    def test_footer_states_the_accessibility_status_even_without_a_page(self):
        footer = soup(self.client.get(self.portal.home.url)).find("footer")

        self.assertIn("Accessibilité : non conforme", footer.get_text(" ", strip=True))
        self.assertFalse([link for link in footer.find_all("a")
                          if "Mentions légales" in link.get_text()])
