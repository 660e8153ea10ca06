"""The English tree of the demo (/en/), when the site translates its content.

Each live page of the French tree gets its English translation (Wagtail's
``copy_for_translation``, so that wagtail-localize and the language selector see them as
translations of each other), with the English texts below for its title, slug and summary.
Body texts keep their French wording until an editor translates them in the admin (a
translation made with wagtail-localize's editor replaces them).
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Locale, Page

from ..builder import Demo

ENGLISH = "en"

# French slug -> English slug, title, and summary (intro of the home and index pages, tagline
# of the others). Pages missing here keep their French title.
TEXTS: dict[str, tuple[str, str, str]] = {
    "numerique-ouvert": ("", "Open digital", (
        "Practical guides, community meetups, digital commons and public servants' stories: "
        "everything you need to move along the open digital pathway, from discovering free "
        "software to opening up your own projects.")),
    "parcours": ("pathway", "The pathway", (
        "Where are you with open digital? Pick a stage: you will find the guides, meetups, "
        "commons and stories that belong to it.")),
    "guides": ("guides", "Guides", (
        "Practical guides, written and reviewed by public servants, to make progress at each "
        "stage of the pathway.")),
    "comprendre-le-numerique-ouvert": (
        "understanding-open-digital", "Understanding open digital in the public administration",
        "Free software, open data and digital commons: what they are and why they matter to "
        "public services."),
    "choisir-et-deployer-un-logiciel-libre": (
        "choosing-and-deploying-free-software", "Choosing and deploying free software",
        "From the first need to daily use: how to pick a free software package and roll it out "
        "in your department."),
    "convaincre-sa-hierarchie": (
        "making-the-case-to-management", "Making the case to your management",
        "The arguments, figures and examples that help a manager say yes."),
    "contribuer-a-un-commun-numerique": (
        "contributing-to-a-digital-common", "Contributing to a digital common",
        "Reporting a bug, improving the documentation, funding a feature: every way to give "
        "back."),
    "publier-le-code-source-de-son-projet": (
        "publishing-your-source-code", "Publishing your project's source code",
        "What the law requires, which licence to choose and how to open a repository properly."),
    "animer-une-communaute-d-utilisateurs": (
        "running-a-user-community", "Running a user community",
        "Bringing users together around shared software, and keeping them coming back."),
    "evenements": ("events", "Events", (
        "Meetups, workshops and webinars where public servants share what works, with their "
        "programmes and reports.")),
    "rencontres-du-numerique-ouvert-2025": (
        "open-digital-meetup-2025", "Open Digital Meetup 2025",
        "A day of talks and workshops for public servants who use, promote or open up software."),
    "numerique-en-communs-2023": (
        "numerique-en-communs-2023", "Numérique en Commun[s] 2023",
        "The national gathering of digital inclusion and digital commons."),
    "etat-et-communs-numeriques-2023": (
        "state-and-digital-commons-2023",
        "Round table: towards a State that partners with digital commons",
        "How public bodies can support the commons they rely on."),
    "nec-2021-design-et-communs": (
        "nec-2021-design-and-commons",
        "Numérique en Commun[s] 2021: “Design and commons” workshops",
        "Designers and public servants working together on shared tools."),
    "webinaire-publier-son-premier-depot": (
        "webinar-publishing-your-first-repository",
        "Webinar: publishing your first code repository",
        "One hour to open a repository, pick a licence and write a useful README."),
    "atelier-deployer-un-logiciel-libre": (
        "workshop-deploying-free-software",
        "Workshop: deploying free software in your department",
        "A hands-on session, from choosing the software to training its users."),
    "rencontres-du-numerique-ouvert-deuxieme-edition": (
        "open-digital-meetup-second-edition", "Open Digital Meetup: second edition",
        "The second edition of the meetup of the public servants of open digital."),
    "master-class-gouvernance-des-communs": (
        "masterclass-governing-commons", "Masterclass: governing the commons",
        "Who decides, who pays, who maintains: the governance of shared software."),
    "table-ronde-achat-public-et-communs": (
        "round-table-public-procurement-and-commons",
        "Hybrid round table: public procurement serving the commons",
        "Buyers and lawyers share the clauses that let contracts fund support and "
        "contributions."),
    "communs": ("commons", "Digital commons", (
        "Software, data and documentation that public bodies build and maintain together, "
        "each with its governance, its community and the administrations that use it.")),
    "temoignages": ("testimonies", "Testimonies", (
        "Public servants tell what open digital changed for them, their team or their "
        "administration.")),
    "carte-du-parcours": ("pathway-map", "Pathway map", (
        "Where do public servants stand with open digital? Everyone places themselves, "
        "anonymously, on the stages of the pathway.")),
    "accessibilite": ("accessibility", "Accessibility statement", ""),
    "mentions-legales": ("legal-notice", "Legal notice", ""),
    "donnees-personnelles": ("personal-data", "Personal data", ""),
    "plan-du-site": ("site-map", "Site map", ""),
}


def english_enabled() -> bool:
    languages = [code for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", [])]
    return getattr(settings, "WAGTAIL_I18N_ENABLED", False) and ENGLISH in languages


def build_english(demo: Demo) -> None:
    """Translates the live pages of the demo home's tree into English, parents first; pages
    translated already are left as they are (an editor may have reworked them)."""
    if not english_enabled() or demo.home is None:
        return
    locale, _created = Locale.objects.get_or_create(language_code=ENGLISH)
    label = "pages en anglais"
    pages = demo.home.get_descendants(inclusive=True).live().order_by("path")
    translated = set(Page.objects.filter(
        locale=locale, translation_key__in=pages.values("translation_key"))
        .values_list("translation_key", flat=True))
    for page in pages.specific():
        if page.translation_key in translated:
            demo.log.count(label, created=False)
            continue
        copy = page.copy_for_translation(locale)
        slug, title, summary = TEXTS.get(page.slug, (page.slug, page.title, ""))
        # The home page keeps the slug Wagtail gives it (its siblings are the other homes).
        copy.slug = slug or copy.slug
        copy.title = copy.draft_title = title
        if summary:
            for field in ("intro", "tagline"):
                if hasattr(copy, field):
                    setattr(copy, field, summary)
                    break
        copy.save()
        copy.save_revision().publish()
        demo.log.count(label, created=True)
