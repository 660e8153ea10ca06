"""The portal the benchmark measures: its few structural pages (built the normal way) and the
pools its items draw from (stages, tags, images, public actors, support programmes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from numerique_ouvert.communs.models import CommunIndexPage, PublicActor, SupportProgramme
from numerique_ouvert.core.models import ContentPage, PortalHomePage
from numerique_ouvert.events.models import EventIndexPage
from numerique_ouvert.guides.models import GuideIndexPage
from numerique_ouvert.parcours.models import ParcoursPage, ParcoursStage
from numerique_ouvert.testimonies.models import TestimonyIndexPage

from . import content

# The host the site answers on; the measuring client sends it as SERVER_NAME.
HOSTNAME = "localhost"
IMAGE_COUNT = 12
# DSFR illustrative colours, so that the images differ.
IMAGE_COLOURS = [(0, 0, 145), (225, 0, 15), (0, 158, 115), (255, 202, 0), (106, 106, 244),
                 (169, 118, 87), (0, 122, 204), (206, 112, 79)]


@dataclass
class Portal:
    """The portal's structural pages, and the samples and pools the measurement needs."""

    site: Site
    home: PortalHomePage
    parcours: ParcoursPage
    guides: GuideIndexPage
    events: EventIndexPage
    communs: CommunIndexPage
    testimonies: TestimonyIndexPage
    content_page: ContentPage
    stages: list[ParcoursStage]
    tags: list[Tag]
    images: list
    actors: list[PublicActor]
    programmes: list[SupportProgramme]
    # One page of each type to measure, set by the item builders.
    samples: dict[str, Page] = field(default_factory=dict)


def _add(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    return page


def build_portal() -> Portal:
    """Home page as the root of the default site, the parcours hub, the four feature indexes and
    a content page, created with ``add_child`` like an editor would (they are few)."""
    root = Page.get_first_root_node()
    welcome = Site.objects.get(is_default_site=True).root_page
    home = _add(root, PortalHomePage(
        title="Numérique ouvert", slug="accueil", show_in_menus=False,
        intro="Logiciels libres et communs numériques dans l'administration : guides, "
              "événements, communs et témoignages d'agents."))
    site = Site.objects.get(is_default_site=True)
    site.root_page, site.hostname, site.port = home, HOSTNAME, 80
    site.site_name = "Portail du numérique ouvert"
    site.save()
    welcome.delete()  # Wagtail's "Welcome to your new Wagtail site!" page

    def index(model, title: str, slug: str, intro: str):
        return _add(home, model(title=title, slug=slug, intro=intro, show_in_menus=True))

    return Portal(
        site=site,
        home=home,
        parcours=index(ParcoursPage, "Le parcours", "parcours",
                       "Cinq étapes pour avancer dans le numérique ouvert."),
        guides=index(GuideIndexPage, "Guides", "guides", "Documentation pratique et contributive."),
        events=index(EventIndexPage, "Événements", "evenements", "Rencontres, ateliers, webinaires."),
        communs=index(CommunIndexPage, "Communs numériques", "communs",
                      "Les communs numériques utilisés et soutenus par l'administration."),
        testimonies=index(TestimonyIndexPage, "Témoignages", "temoignages",
                          "Des agents racontent leur parcours."),
        content_page=_add(home, ContentPage(
            title="À propos", slug="a-propos", tagline="Qui porte ce portail et pourquoi.",
            body=content.stream_json(content.body_stream(content.rng_for("about"), headings=3)))),
        stages=list(ParcoursStage.objects.order_by("sort_order", "pk")),
        tags=build_tags(),
        images=build_images(),
        actors=build_actors(),
        programmes=[SupportProgramme.objects.create(name=name) for name in content.PROGRAMMES],
    )


def build_tags() -> list[Tag]:
    """The pool of ~30 keywords; the first ones are the most used (see ``items.pick_tags``)."""
    return Tag.objects.bulk_create(
        [Tag(name=name, slug=slugify(name)) for name in content.TAGS])


def build_images() -> list:
    """A few real images (PNG files through Wagtail's storage): cards and detail pages render
    their renditions, created on the first request of each page (the warm-up)."""
    image_model = get_image_model()
    images = []
    for number in range(IMAGE_COUNT):
        buffer = BytesIO()
        colour = IMAGE_COLOURS[number % len(IMAGE_COLOURS)]
        PILImage.new("RGB", (1600, 900), colour).save(buffer, format="PNG")
        buffer.seek(0)
        images.append(image_model.objects.create(
            title=f"Illustration {number + 1}",
            file=ImageFile(buffer, name=f"illustration-{number + 1}.png")))
    return images


def build_actors() -> list[PublicActor]:
    return PublicActor.objects.bulk_create([
        PublicActor(name=name, acronym=acronym, kind=kind,
                    website=f"https://www.example.gouv.fr/{slugify(name)}")
        for name, acronym, kind in content.ACTORS
    ])
