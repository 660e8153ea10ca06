"""Builders of test content: a portal tree, published pages of every type, images, testimonies.

Plain functions over the real models (no factory library): each returns saved, live objects
with sensible defaults, and takes keyword arguments for whatever a test cares about.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass
from io import BytesIO

from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from example_site.ministry.models import HybridEventPage
from numerique_ouvert.communs.models import (
    CommunActorRelation,
    CommunIndexPage,
    CommunPage,
    PublicActor,
    SupportProgramme,
)
from numerique_ouvert.core.models import ContentPage, PortalHomePage, PortalSettings
from numerique_ouvert.events.models import EventIndexPage, EventPage
from numerique_ouvert.guides.models import GuideIndexPage, GuidePage
from numerique_ouvert.parcours.models import ParcoursPage, ParcoursStage
from numerique_ouvert.testimonies.models import ModerationStatus, Testimony, TestimonyIndexPage

_sequence = itertools.count(1)


def unique(prefix: str) -> str:
    """A value no other call returns, for unique names and slugs."""
    return f"{prefix}-{next(_sequence)}"


# --- Images -------------------------------------------------------------------------------------


def make_image(title: str = "Illustration", *, size: tuple[int, int] = (64, 36),
               colour: tuple[int, int, int] = (0, 0, 145)):
    """A real Wagtail image: a PNG drawn with Pillow in memory, saved through the storage."""
    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    buffer.seek(0)
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{slugify(title) or 'image'}.png"))


# --- Parcours -----------------------------------------------------------------------------------


def get_stages(*slugs: str) -> list[ParcoursStage]:
    """Stages created by the data migration, by slug, in the order given."""
    found = {stage.slug: stage for stage in ParcoursStage.objects.filter(slug__in=slugs)}
    return [found[slug] for slug in slugs]


def make_stage(name: str | None = None, **fields) -> ParcoursStage:
    """A new stage after the existing ones (the admin numbers new stages the same way)."""
    name = name or unique("Étape")
    fields.setdefault("slug", slugify(name))
    fields.setdefault("short_description", f"Description de {name}")
    fields.setdefault("sort_order", ParcoursStage.objects.count())
    return ParcoursStage.objects.create(name=name, **fields)


def many_stages(count: int) -> list[ParcoursStage]:
    """``count`` stages: the five of the migration first, then new ones."""
    existing = list(ParcoursStage.objects.order_by("sort_order", "pk")[:count])
    return existing + [make_stage() for _ in range(count - len(existing))]


# --- Pages --------------------------------------------------------------------------------------


def add_page(parent: Page, model: type[Page], *, publish: bool = False, tags=(), **fields) -> Page:
    """Add a live ``model`` page under ``parent``.

    By default the page is saved live directly (fast: no revision); ``publish=True`` goes
    through a revision and ``publish()``, as the admin does, which also fires the
    ``page_published`` signal. Parental relations (``stages``, inline rows) go in ``fields``.
    """
    fields.setdefault("title", unique(model.__name__))
    fields.setdefault("slug", slugify(fields["title"]) or unique("page"))
    page = model(**fields)
    if tags:
        page.tags.add(*tags)
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def make_content_page(parent: Page, title: str | None = None, **fields) -> ContentPage:
    fields.setdefault("tagline", "Une page de contenu.")
    fields.setdefault("body", [("paragraph", RichText("<p>Texte de la page.</p>"))])
    return add_page(parent, ContentPage, title=title or unique("Page"), **fields)


def make_guide(index: GuideIndexPage, title: str | None = None, **fields) -> GuidePage:
    fields.setdefault("tagline", "Un guide pratique.")
    fields.setdefault("body", [
        ("heading", {"text": "Pour commencer", "level": "h2", "anchor": ""}),
        ("paragraph", RichText("<p>Contenu du guide.</p>")),
    ])
    fields.setdefault("owner_name", "Mission logiciels libres")
    return add_page(index, GuidePage, title=title or unique("Guide"), **fields)


def make_event(index: EventIndexPage, title: str | None = None, *,
               model: type[EventPage] = EventPage, days_from_now: float = 30,
               duration_hours: float = 8, **fields) -> EventPage:
    start = fields.pop("start", None) or timezone.now() + datetime.timedelta(days=days_from_now)
    fields.setdefault("end", start + datetime.timedelta(hours=duration_hours))
    fields.setdefault("tagline", "Un événement du numérique ouvert.")
    fields.setdefault("venue_name", "Maison du numérique")
    fields.setdefault("venue_city", "Paris")
    return add_page(index, model, title=title or unique("Événement"), start=start, **fields)


def make_hybrid_event(index: EventIndexPage, title: str | None = None, **fields) -> HybridEventPage:
    fields.setdefault("online_url", "https://webinaire.example.org/salle")
    fields.setdefault("venue_accessibility", "Accès de plain-pied, boucle magnétique.")
    return make_event(index, title or unique("Événement hybride"), model=HybridEventPage, **fields)


def make_commun(index: CommunIndexPage, title: str | None = None, *, actors=(), **fields) -> CommunPage:
    """A commun; ``actors`` is a list of ``(PublicActor, relation)`` pairs."""
    fields.setdefault("tagline", "Un commun numérique.")
    fields.setdefault("licence", "AGPL-3.0-or-later")
    fields.setdefault("carrying_structure", "Association des contributeurs")
    relations = [CommunActorRelation(actor=actor, relation=relation, sort_order=order)
                 for order, (actor, relation) in enumerate(actors)]
    return add_page(index, CommunPage, title=title or unique("Commun"),
                    actor_relations=relations, **fields)


def make_actor(name: str | None = None, **fields) -> PublicActor:
    return PublicActor.objects.create(name=name or unique("Ministère"), **fields)


def make_programme(name: str | None = None, **fields) -> SupportProgramme:
    return SupportProgramme.objects.create(name=name or unique("Programme"), **fields)


# --- Testimonies --------------------------------------------------------------------------------


def make_testimony(text: str | None = None, *, page: Page | None = None,
                   status: str = ModerationStatus.APPROVED, consent: bool = True,
                   contact_email: str = "agent.prive@example.gouv.fr", stages=(),
                   **fields) -> Testimony:
    """A testimony; by default approved with consent, so published."""
    testimony = Testimony(
        text=text or unique("Témoignage"), related_page=page, status=status,
        consent_to_publish=consent, contact_email=contact_email, **fields)
    if stages:
        testimony.stages = list(stages)
    testimony.save()
    return testimony


# --- The portal ---------------------------------------------------------------------------------


@dataclass
class Portal:
    """A site whose root is a portal home page with one index page per feature."""

    site: Site
    home: PortalHomePage
    guides: GuideIndexPage
    events: EventIndexPage
    communs: CommunIndexPage
    testimonies: TestimonyIndexPage
    parcours: ParcoursPage


def build_portal(*, hostname: str | None = None, title: str = "Accueil du portail",
                 slug: str | None = None) -> Portal:
    """A portal tree: home (root of the default site, or of a new site on ``hostname``) with
    the guides, events, communs and testimonies index pages, all live."""
    root = Page.get_first_root_node()
    home = PortalHomePage(title=title, slug=slug or slugify(hostname or "portail"),
                          intro="Logiciels libres et communs numériques dans l'administration.")
    root.add_child(instance=home)
    if hostname is None:
        site = Site.objects.get(is_default_site=True)
        previous_root = site.root_page
        site.root_page = home
        site.site_name = "Portail de test"
        site.save()
        if previous_root.pk != home.pk and previous_root.depth == 2 and previous_root.is_leaf():
            previous_root.delete()  # Wagtail's "Welcome" page
    else:
        site = Site.objects.create(hostname=hostname, port=80, root_page=home,
                                   site_name=hostname)
    return Portal(
        site=site,
        home=home,
        # First in the menu, as in the demo.
        parcours=add_page(home, ParcoursPage, title="Le parcours", slug="parcours",
                          show_in_menus=True, intro="Cinq étapes."),
        guides=add_page(home, GuideIndexPage, title="Guides", slug="guides", show_in_menus=True,
                        intro="Documentation pratique."),
        events=add_page(home, EventIndexPage, title="Événements", slug="evenements",
                        show_in_menus=True, intro="Rencontres et ateliers."),
        communs=add_page(home, CommunIndexPage, title="Communs numériques", slug="communs",
                         show_in_menus=True, intro="Les communs."),
        testimonies=add_page(home, TestimonyIndexPage, title="Témoignages", slug="temoignages",
                             show_in_menus=True, intro="Ils et elles racontent."),
    )


def set_features(site: Site, **switches: bool) -> PortalSettings:
    """Store feature switches for ``site`` as the settings admin form would."""
    portal_settings = PortalSettings.for_site(site)
    portal_settings.features = {**(portal_settings.features or {}), **switches}
    portal_settings.save()
    return portal_settings



# --- Parcours map ---------------------------------------------------------------------------------


def make_map_page(portal: Portal, **fields):
    """The portal's parcours map page, under its home page."""
    from numerique_ouvert.parcours_map.models import ParcoursMapPage

    fields.setdefault("title", "Carte du parcours")
    fields.setdefault("slug", "carte")
    fields.setdefault("intro", "Qui est où sur le parcours.")
    return add_page(portal.home, ParcoursMapPage, **fields)


def make_position(map_page, stages=("utiliser",), *, role: str = "pratiquant",
                  capacity: str = "project", event: Page | None = None, **fields):
    """A stored position on ``map_page``; ``stages`` are stage slugs."""
    from numerique_ouvert.parcours_map.models import ParcoursPosition

    position = ParcoursPosition.objects.create(map_page=map_page, role=role, capacity=capacity,
                                               event=event, **fields)
    position.stages.set(get_stages(*stages))
    return position
