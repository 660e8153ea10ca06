"""The N guides, events, communs and testimonies of the benchmark, inserted in bulk.

Each builder plans unsaved instances in chunks, with their relations (stages, tags, actors…),
inserts them with ``tree.add_live_children``, then the relations with ``bulk_create`` on the
through models. Item k and its relations are drawn one after the other from the builder's random
generator, so item k is the same whatever N: the sample pages measured are identical at every N.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from numerique_ouvert.communs.choices import ActorRelation, CommunKind, CommunStatus
from numerique_ouvert.communs.models import CommunActorRelation, CommunPage
from numerique_ouvert.events.choices import EventFormat, EventStatus
from numerique_ouvert.events.models import EventPage
from numerique_ouvert.guides.models import GuidePage
from numerique_ouvert.parcours.models import ParcoursCapacity, ParcoursRole
from numerique_ouvert.testimonies.models import ModerationStatus, Testimony

from . import content
from .content import block, body_stream, stream_json
from .portal import Portal
from .tree import add_live_children

# Pages built and inserted at a time: bounds the memory of a 10 000-item build.
CHUNK = 2000
# The first tags of the pool are used the most, as on a real site.
TAG_WEIGHTS = [1 / (rank + 1) for rank in range(len(content.TAGS))]


@dataclass
class Planned:
    """An item to insert and its relations, inserted once the item has its primary key."""

    obj: Any
    stages: list
    tags: list = field(default_factory=list)
    # Communs only: (actor, relation) pairs and support programmes.
    actors: list[tuple[Any, str]] = field(default_factory=list)
    programmes: list = field(default_factory=list)


def plan(obj: Any, rng: random.Random, portal: Portal, *, with_tags: bool = True,
         **relations: Any) -> Planned:
    """``obj`` with one to three parcours stages and, for pages, one to three tags."""
    return Planned(obj, content.pick_some(rng, portal.stages, 1, 3),
                   pick_tags(rng, portal) if with_tags else [], **relations)


def chunks(count: int) -> Iterator[range]:
    for start in range(0, count, CHUNK):
        yield range(start, min(start + CHUNK, count))


def unique_slug(title: str, taken: set[str]) -> str:
    """The title's slug, numbered when a sibling has it already (as Wagtail's admin does)."""
    base = slugify(title)[:200] or "page"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def published_date(rng: random.Random) -> datetime.datetime:
    """A publication date in the last three years."""
    return timezone.now() - datetime.timedelta(days=rng.uniform(1, 3 * 365))


def pick_tags(rng: random.Random, portal: Portal) -> list:
    """One to three distinct tags, the first ones of the pool more often."""
    wanted = rng.randint(1, 3)
    picked: list = []
    while len(picked) < wanted:
        tag = rng.choices(portal.tags, weights=TAG_WEIGHTS)[0]
        if tag not in picked:
            picked.append(tag)
    return picked


def add_many_to_many(model: type, name: str, pairs: Iterable[tuple[int, int]]) -> None:
    """Rows of the auto-created through table of ``model.name``, from (object, target) pks."""
    relation = model._meta.get_field(name)
    through = relation.remote_field.through
    source, target = f"{relation.m2m_field_name()}_id", f"{relation.m2m_reverse_field_name()}_id"
    through.objects.bulk_create([through(**{source: obj_pk, target: target_pk})
                                 for obj_pk, target_pk in pairs], batch_size=5000)


def add_stages_and_tags(model: type, planned: Sequence[Planned]) -> None:
    """The stage rows of every planned item, and the tag rows of the pages."""
    add_many_to_many(model, "stages",
                     ((item.obj.pk, stage.pk) for item in planned for stage in item.stages))
    if any(item.tags for item in planned):
        tagged = model._meta.get_field("tags").through
        tagged.objects.bulk_create([
            tagged(content_object_id=item.obj.pk, tag_id=tag.pk)
            for item in planned for tag in item.tags
        ], batch_size=5000)


def build_pages(count: int, parent: Page, make: Callable[[int, random.Random], Planned],
                rng: random.Random, after_insert: Callable[[list[Planned]], None] | None = None,
                ) -> list[int]:
    """Plan ``count`` pages with ``make(number, rng)``, insert them under ``parent`` chunk by
    chunk with their stages and tags; return their ids in order."""
    taken: set[str] = set()
    ids: list[int] = []
    for numbers in chunks(count):
        planned = []
        for number in numbers:
            item = make(number, rng)
            item.obj.slug = unique_slug(item.obj.title, taken)
            item.obj.first_published_at = published_date(rng)
            planned.append(item)
        pages = [item.obj for item in planned]
        with transaction.atomic():
            add_live_children(parent, pages)
            add_stages_and_tags(type(pages[0]), planned)
            if after_insert is not None:
                after_insert(planned)
        ids.extend(page.pk for page in pages)
    return ids


def maybe_image(rng: random.Random, portal: Portal, share: float) -> int | None:
    """An image of the pool for ``share`` of the items."""
    return rng.choice(portal.images).pk if rng.random() < share else None


def build_guides(portal: Portal, count: int, seed: int) -> list[int]:
    today = timezone.localdate()

    def make(number: int, rng: random.Random) -> Planned:
        reviewed = rng.random()
        return plan(GuidePage(
            title=content.guide_title(number),
            tagline=content.sentences(rng, 1),
            image_id=maybe_image(rng, portal, 0.6),
            body=stream_json(body_stream(rng, headings=rng.randint(1, 3))),
            owner_name=rng.choice(content.ACTORS)[0],
            contact_url="https://forum.example.gouv.fr/",
            # A fifth never reviewed; the others over two years (the "relu" filter's buckets).
            last_reviewed=None if reviewed < 0.2
            else today - datetime.timedelta(days=int(reviewed * 730)),
            propose_change_url="https://forge.example.gouv.fr/guides/",
        ), rng, portal)

    ids = build_pages(count, portal.guides, make, content.rng_for("guides", seed))
    portal.samples["guide"] = GuidePage.objects.get(pk=ids[0])
    return ids


def build_events(portal: Portal, count: int, seed: int) -> list[int]:
    """Even numbers in the past (up to two years ago), odd ones upcoming (within a year); every
    format in turn; about one in twelve cancelled and one in thirty postponed."""
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    formats = list(EventFormat)
    labels = dict(EventFormat.choices)

    def make(number: int, rng: random.Random) -> Planned:
        past = number % 2 == 0
        days = rng.randint(1, 730) if past else rng.randint(1, 365)
        start = (now + datetime.timedelta(days=-days if past else days)).replace(
            hour=rng.choice([9, 10, 14]), minute=rng.choice([0, 30]))
        event_format = formats[number % len(formats)]
        online = event_format == EventFormat.WEBINAIRE or rng.random() < 0.25
        in_person = event_format != EventFormat.WEBINAIRE
        status = (EventStatus.CANCELLED if number % 12 == 5
                  else EventStatus.POSTPONED if number % 30 == 7 else EventStatus.SCHEDULED)
        city = rng.choice(content.CITIES)
        return plan(EventPage(
            title=content.event_title(number, str(labels[event_format])),
            tagline=content.sentences(rng, 1),
            image_id=maybe_image(rng, portal, 0.6),
            start=start,
            end=start + datetime.timedelta(hours=rng.choice([2, 3, 7]), days=rng.choice([0, 0, 1])),
            format=event_format,
            status=status,
            venue_name=f"{rng.choice(content.VENUES)} de {city}" if in_person else "",
            venue_address=f"{rng.randint(1, 120)} rue de la République" if in_person else "",
            venue_city=city if in_person else "",
            online_url="https://webinaire.example.gouv.fr/salle" if online else "",
            organisers=stream_json([block("organiser", {"name": actor[0], "url": ""})
                                    for actor in content.pick_some(rng, content.ACTORS, 1, 2)]),
            registration_url="" if past else "https://inscription.example.gouv.fr/",
            registration_deadline=None if past else start - datetime.timedelta(days=2),
            description=stream_json(body_stream(rng, headings=1)),
            programme=stream_json(programme(rng, portal)),
            report=stream_json(body_stream(rng, headings=1) if past and rng.random() < 0.5 else []),
        ), rng, portal)

    ids = build_pages(count, portal.events, make, content.rng_for("events", seed))
    # An upcoming, scheduled event: what visitors open most.
    portal.samples["event"] = EventPage.objects.filter(
        pk__in=ids[:50], end__gte=timezone.now(), status=EventStatus.SCHEDULED).order_by("pk")[0]
    return ids


def programme(rng: random.Random, portal: Portal) -> list[dict]:
    """Zero to three sessions, some placed on a stage."""
    sessions = []
    for hour in range(9, 9 + rng.randint(0, 3)):
        sessions.append(block("session", {
            "start_time": f"{hour:02d}:00:00", "end_time": f"{hour:02d}:50:00",
            "title": rng.choice(content.EVENT_THEMES).capitalize(),
            "format": rng.choice(list(EventFormat)).value,
            "stage": rng.choice(portal.stages).pk if rng.random() < 0.5 else None,
            "speakers": content.person(rng), "room": f"Salle {rng.randint(1, 12)}",
            "description": content.sentences(rng, 1),
        }))
    return sessions


def build_communs(portal: Portal, count: int, seed: int) -> list[int]:
    """Every nature and maturity in turn, licences from a pool, one in fifty featured on the home
    page; one to three public actors each, and a support programme for some."""
    kinds, statuses = list(CommunKind), list(CommunStatus)
    relations = list(ActorRelation)

    def make(number: int, rng: random.Random) -> Planned:
        name = content.commun_name(number)
        slug = slugify(name)
        commun = CommunPage(
            title=name,
            tagline=content.sentences(rng, 1),
            kind=kinds[number % len(kinds)],
            status=statuses[(number // len(kinds)) % len(statuses)],
            featured=number % 50 == 0,
            logo_id=maybe_image(rng, portal, 0.5),
            image_id=maybe_image(rng, portal, 0.3),
            description=stream_json(body_stream(rng, headings=rng.randint(1, 2))),
            website=f"https://{slug}.example.org/",
            source_repository=f"https://forge.example.gouv.fr/{slug}",
            licence=rng.choice(content.LICENCES),
            carrying_structure=rng.choice(content.ACTORS)[0],
            governance_url=f"https://{slug}.example.org/gouvernance" if rng.random() < 0.5 else "",
            contribution_url=f"https://{slug}.example.org/contribuer",
            forum_url=f"https://forum.{slug}.example.org/" if rng.random() < 0.4 else "",
            uses=stream_json([block("use", {
                "title": f"Usage par {actor[0]}", "administration": actor[0],
                "year": rng.randint(2015, 2025), "story": content.paragraph(rng, 2), "link": "",
            }) for actor in content.pick_some(rng, content.ACTORS, 0, 2)]),
        )
        return plan(
            commun, rng, portal,
            actors=[(actor, rng.choice(relations))
                    for actor in content.pick_some(rng, portal.actors, 1, 3)],
            programmes=[rng.choice(portal.programmes)] if rng.random() < 0.3 else [])

    def add_actors_and_programmes(planned: list[Planned]) -> None:
        CommunActorRelation.objects.bulk_create([
            CommunActorRelation(page_id=item.obj.pk, actor_id=actor.pk, relation=relation,
                                sort_order=order)
            for item in planned for order, (actor, relation) in enumerate(item.actors)
        ], batch_size=5000)
        add_many_to_many(CommunPage, "support_programmes", (
            (item.obj.pk, programme.pk) for item in planned for programme in item.programmes))

    ids = build_pages(count, portal.communs, make, content.rng_for("communs", seed),
                      after_insert=add_actors_and_programmes)
    portal.samples["commun"] = CommunPage.objects.get(pk=ids[0])
    return ids


def build_testimonies(portal: Portal, count: int, page_ids: Sequence[int], seed: int) -> None:
    """``count`` approved testimonies (one in ten about no page in particular), five of them
    about each sample page, plus a tenth as many still waiting for moderation."""
    rng = content.rng_for("testimonies", seed)
    now = timezone.now()
    samples = [page.pk for page in portal.samples.values()]
    roles, capacities = list(ParcoursRole), list(ParcoursCapacity)

    def make(number: int, status: str) -> Planned:
        if number < 5 * len(samples):
            related = samples[number % len(samples)]
        else:
            related = None if rng.random() < 0.1 else rng.choice(page_ids)
        submitted = now - datetime.timedelta(days=rng.uniform(1, 3 * 365))
        approved = status == ModerationStatus.APPROVED
        return plan(Testimony(
            text=content.sentences(rng, rng.randint(2, 4)),
            author_name="" if rng.random() < 0.2 else content.person(rng),
            role_title=rng.choice(content.ROLE_TITLES),
            organisation=rng.choice(content.ACTORS)[0],
            parcours_role=rng.choice(roles), capacity=rng.choice(capacities),
            related_page_id=related, consent_to_publish=approved or rng.random() < 0.5,
            contact_email="agent@example.gouv.fr", status=status, submitted_at=submitted,
            published_at=submitted + datetime.timedelta(days=2) if approved else None,
        ), rng, portal, with_tags=False)

    statuses = [ModerationStatus.APPROVED] * count + [ModerationStatus.SUBMITTED] * (count // 10)
    for numbers in chunks(len(statuses)):
        planned = [make(number, statuses[number]) for number in numbers]
        with transaction.atomic():
            Testimony.objects.bulk_create([item.obj for item in planned], batch_size=1000)
            add_stages_and_tags(Testimony, planned)
