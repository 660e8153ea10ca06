"""Serializer fields the page types and snippets name in their ``api_fields``.

Each field that reads related rows is a :class:`PrefetchingField`: before serializing, the
views hand it every object of the response (see :func:`prefetch_fields`), so a listing costs the
same number of queries whatever its length. The models modules import this one: models, and
``wagtail.api.v2`` (which loads ``Page`` when imported), are imported inside functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch, prefetch_related_objects
from rest_framework.fields import Field
from wagtail.images.api.fields import ImageRenditionField


class PrefetchingField(Field):
    """A field that fetches what it reads for many objects at once, in :meth:`prefetch`."""

    def get_attribute(self, instance):
        return instance  # the field reads what it needs from the object itself

    def prefetch(self, objects: list, context: dict) -> None:
        """Fetch, in a constant number of queries, what ``to_representation`` reads."""


def has_field(objects: list, name: str) -> bool:
    """Whether the objects (all of one model in a response) have the relation ``name``."""
    if not objects:
        return False
    try:
        type(objects[0])._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def choice(instance, name: str) -> dict | None:
    """A choice as ``{"value": "atelier", "label": "Atelier"}`` (label in the active language)."""
    value = getattr(instance, name)
    if not value:
        return None
    return {"value": value, "label": str(getattr(instance, f"get_{name}_display")())}


class ChoiceWithLabelField(Field):
    """A field with choices, as its stored value and its translated label."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance) -> dict | None:
        return choice(instance, self.field_name)


def stage_data(stage) -> dict:
    return {"id": stage.pk, "slug": stage.slug, "name": stage.name}


def in_parcours_order(stages: Iterable) -> list:
    return sorted(stages, key=lambda s: (s.sort_order is None, s.sort_order or 0, s.pk))


class StagesField(PrefetchingField):
    """The parcours stages of a page or testimony, in parcours order: ``id``, ``slug``, ``name``."""

    def prefetch(self, objects, context):
        prefetch_related_objects(objects, "stages")

    def to_representation(self, instance) -> list[dict]:
        get_stages = getattr(instance, "get_stages", None)
        stages = get_stages() if get_stages else in_parcours_order(instance.stages.all())
        return [stage_data(stage) for stage in stages]


class TagsField(PrefetchingField):
    """Tag names, sorted (as Wagtail's own tags field); empty for a page type without tags."""

    def prefetch(self, objects, context):
        if has_field(objects, "tags"):
            prefetch_related_objects(objects, "tags")

    def to_representation(self, instance) -> list[str]:
        tags = getattr(instance, "tags", None)
        return sorted(tag.name for tag in tags.all()) if tags is not None else []


class RenditionField(ImageRenditionField):
    """An image as one rendition (``url``, ``full_url``, ``width``, ``height``, ``alt``), by
    Wagtail's own field. The images and all renditions of a response are fetched together
    (:func:`prefetch_fields`); named here so that models import their API fields from one place.
    """


class LinkedPagesField(PrefetchingField):
    """Base of the fields that point to pages: only pages the API shows appear (a link to a
    draft, a private page or a page of a switched-off feature is left out), as
    ``{"id", "type", "title", "html_url", "detail_url"}``."""

    def page_ids(self, instance) -> list[int]:
        raise NotImplementedError

    def prefetch(self, objects, context):
        from .visibility import visible_pages

        found = context.setdefault("numerique_ouvert_linked_pages", {})
        wanted = {pk for obj in objects for pk in self.page_ids(obj)} - found.keys()
        if wanted:
            pages = visible_pages(context["request"]).filter(pk__in=wanted)
            found.update(dict.fromkeys(wanted))
            found.update({page.pk: page for page in pages})

    def linked(self, pk: int | None) -> dict | None:
        if pk is None:
            return None
        found = self.context.setdefault("numerique_ouvert_linked_pages", {})
        if pk not in found:  # not prefetched (a serializer used outside the views)
            from .visibility import visible_pages

            found[pk] = visible_pages(self.context["request"]).filter(pk=pk).first()
        page = found[pk]
        if page is None:
            return None
        from wagtail.api.v2.utils import get_object_detail_url

        request = self.context["request"]
        specific_class = page.specific_class
        return {
            "id": page.pk,
            "type": f"{specific_class._meta.app_label}.{specific_class.__name__}"
            if specific_class else None,
            "title": page.title,
            "html_url": page.get_full_url(request=request),
            "detail_url": get_object_detail_url(self.context["router"], request, type(page),
                                                page.pk),
        }


class LinkedPageField(LinkedPagesField):
    """A foreign key to a page (a testimony's ``related_page``)."""

    def page_ids(self, instance) -> list[int]:
        pk = getattr(instance, f"{self.field_name}_id")
        return [pk] if pk is not None else []

    def to_representation(self, instance) -> dict | None:
        return self.linked(getattr(instance, f"{self.field_name}_id"))


class PageChooserStreamField(LinkedPagesField):
    """A StreamField of page choosers (a guide's ``related_pages``), as a list of pages.

    Read from the stored JSON: the pages are fetched once for the whole response, not once per
    stream."""

    def page_ids(self, instance) -> list[int]:
        stream = getattr(instance, self.field_name)
        return [block["value"] for block in stream.raw_data
                if isinstance(block.get("value"), int)]

    def to_representation(self, instance) -> list[dict]:
        pages = (self.linked(pk) for pk in self.page_ids(instance))
        return [page for page in pages if page is not None]


class EventReportField(Field):
    """An event's report, published once the event is over (``null`` before, as on the page,
    where editors may prepare it in advance). Same representation as Wagtail's StreamFields."""

    def get_attribute(self, instance):
        return instance.report if instance.is_past else None

    def to_representation(self, value):
        return value.stream_block.get_api_representation(value, self.context)


def full_url(request, url: str) -> str:
    """``url`` made absolute on the same base as Wagtail's ``detail_url`` (``WAGTAILAPI_BASE_URL``,
    or the site's root URL)."""
    try:
        from wagtail.api.utils import get_full_url  # Wagtail 8
    except ImportError:
        from wagtail.api.v2.utils import get_full_url  # Wagtail 7.4

    return get_full_url(request, url)


class AbsoluteURLField(Field):
    """A URL property of the object, made absolute (``ics_url`` of an event)."""

    def to_representation(self, value: str) -> str | None:
        return full_url(self.context["request"], value) if value else None


class ActorRelationsField(PrefetchingField):
    """The public actors of a commun and what each does with it: uses, funds, contributes to or
    hosts it."""

    def prefetch(self, objects, context):
        if has_field(objects, "actor_relations"):
            relation = type(objects[0])._meta.get_field("actor_relations").related_model
            prefetch_related_objects(objects, Prefetch(
                "actor_relations", queryset=relation.objects.select_related("actor")))

    def to_representation(self, instance) -> list[dict[str, Any]]:
        relations = getattr(instance, "actor_relations", None)
        if relations is None:
            return []
        return [
            {
                "actor": {
                    "name": row.actor.name,
                    "acronym": row.actor.acronym,
                    "kind": choice(row.actor, "kind"),
                    "website": row.actor.website,
                },
                "relation": choice(row, "relation"),
                "note": row.note,
            }
            for row in relations.all()
        ]


class SupportProgrammesField(PrefetchingField):
    """The programmes that support a commun: ``name``, ``url``, ``description``."""

    def prefetch(self, objects, context):
        prefetch_related_objects(objects, "support_programmes")

    def to_representation(self, instance) -> list[dict]:
        return [{"name": p.name, "url": p.url, "description": p.description}
                for p in instance.support_programmes.all()]


def prefetch_images(objects: list, sources: set[str], filter_specs: set[str]) -> None:
    """The images of the ``sources`` foreign keys of all ``objects`` in one query, and the
    renditions of all of them in one more."""
    from wagtail.images import get_image_model

    from numerique_ouvert.core.queries import prefetch_renditions

    ids = {getattr(obj, f"{source}_id") for obj in objects for source in sources} - {None}
    images = get_image_model().objects.in_bulk(ids) if ids else {}
    for obj in objects:
        for source in sources:
            image_id = getattr(obj, f"{source}_id")
            if image_id in images:
                setattr(obj, source, images[image_id])
    prefetch_renditions(images.values(), *filter_specs)


def prefetch_fields(fields: Iterable[Field], objects: list, context: dict) -> None:
    """Let each field of a response fetch its data for all ``objects`` at once; the images of
    every image field come together (:func:`prefetch_images`)."""
    if not objects:
        return
    fields = list(fields)
    for field in fields:
        if isinstance(field, PrefetchingField):
            field.prefetch(objects, context)
    renditions = [field for field in fields if isinstance(field, ImageRenditionField)]
    if renditions:
        prefetch_images(objects, {field.source for field in renditions},
                        {field.filter_spec for field in renditions})


class FederatedFromField(PrefetchingField):
    """``meta.federated_from`` of a page that copies a page of another portal
    (``numerique_ouvert.federation``): ``{"name", "url", "html_url"}`` of the source, ``null``
    for the portal's own pages. A federating portal skips these: no ping-pong between portals."""

    def prefetch(self, objects, context):
        from numerique_ouvert.federation.models import FederatedReference

        found = context.setdefault("numerique_ouvert_federated", {})
        wanted = {obj.pk for obj in objects} - found.keys()
        if wanted:
            found.update(dict.fromkeys(wanted))
            found.update({ref.page_id: ref for ref in FederatedReference.objects.filter(
                page_id__in=wanted).select_related("source")})

    def to_representation(self, instance) -> dict | None:
        found = self.context.setdefault("numerique_ouvert_federated", {})
        if instance.pk not in found:
            self.prefetch([instance], self.context)
        reference = found[instance.pk]
        if reference is None:
            return None
        return {"name": reference.source.name, "url": reference.source.base_url,
                "html_url": reference.remote_url}
