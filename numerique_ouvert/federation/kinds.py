"""What the sync reads of each kind of page of a source, and how it becomes a local page.

An item of the source's API (``/api/v2/pages/<id>/``) is turned into ``values``: plain JSON
data, validated here, whose hash tells whether anything changed since the last sync; then
``apply`` writes them on the local page. StreamFields are copied without the blocks that point
to the source's own objects (images, documents, embeds, links to its pages), which mean nothing
here; the reference links to the canonical page for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class ItemError(Exception):
    """A remote item that cannot become a page: ``field`` says which value, ``str()`` why."""

    def __init__(self, field: str, reason: str):
        self.field = field
        self.reason = reason
        super().__init__(f"{field} : {reason}")


# Blocks of ContentStreamBlock that hold only text: copied. Images, embeds: left out.
TEXT_BLOCKS = {"heading", "paragraph", "callout", "quote", "code", "table", "accordion"}
_INTERNAL_LINK = re.compile(r'<a\b[^>]*\blinktype="[^"]*"[^>]*>(.*?)</a>', re.S)
_EMBED = re.compile(r"<embed\b[^>]*/?>(</embed>)?", re.S)


def _strip_internal(value: Any) -> Any:
    """Rich text (Wagtail's ``db_html``) without the links to the source's pages and documents
    (their text stays) nor its embedded images."""
    if isinstance(value, str):
        return _EMBED.sub("", _INTERNAL_LINK.sub(r"\1", value))
    if isinstance(value, list):
        return [_strip_internal(v) for v in value]
    if isinstance(value, dict):
        return {k: _strip_internal(v) for k, v in value.items()}
    return value


def text(item: dict, key: str, max_length: int | None = None, required: bool = False) -> str:
    value = item.get(key)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ItemError(key, _("une chaîne de caractères est attendue."))
    value = value.strip()
    if required and not value:
        raise ItemError(key, _("la valeur est obligatoire."))
    if max_length and len(value) > max_length:
        raise ItemError(key, _("%(length)s caractères, %(max)s au plus.")
                        % {"length": len(value), "max": max_length})
    return value


def url(item: dict, key: str) -> str:
    value = text(item, key, 1000)
    if value and not re.match(r"^https?://[^\s/]+", value, re.I):
        raise ItemError(key, _("une adresse http ou https est attendue."))
    return value


def boolean(item: dict, key: str) -> bool:
    value = item.get(key, False)
    if not isinstance(value, bool):
        raise ItemError(key, _("vrai ou faux est attendu."))
    return value


def moment(item: dict, key: str, required: bool = False) -> str | None:
    value = item.get(key)
    if value in (None, ""):
        if required:
            raise ItemError(key, _("la date est obligatoire."))
        return None
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None or parsed.tzinfo is None:
        raise ItemError(key, _("une date ISO 8601 avec fuseau horaire est attendue."))
    return parsed.isoformat()


def choice(item: dict, key: str, choices) -> str:
    """A choice served as ``{"value", "label"}``; a value this portal does not know is refused."""
    value = item.get(key)
    if isinstance(value, dict):
        value = value.get("value")
    if value not in choices.values:
        raise ItemError(key, _("valeur inconnue : %(value)r.") % {"value": value})
    return value


def stream(model, item: dict, key: str, allowed: set[str] | None = None, clean_block=None) -> list:
    """A StreamField as raw ``[{"type", "value"}]``, with only the ``allowed`` blocks, checked
    by the local block definitions."""
    raw = item.get(key) or []
    if not isinstance(raw, list):
        raise ItemError(key, _("une liste de blocs est attendue."))
    blocks = []
    for block in raw:
        if not isinstance(block, dict) or (allowed is not None and block.get("type") not in allowed):
            continue
        value = _strip_internal(block.get("value"))
        if clean_block is not None:
            value = clean_block(block.get("type"), value)
        blocks.append({"type": block.get("type"), "value": value})
    stream_block = model._meta.get_field(key).stream_block
    try:
        stream_block.clean(stream_block.to_python(blocks))
    except ValidationError as error:
        raise ItemError(key, "; ".join(error.messages)) from error
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise ItemError(key, _("blocs illisibles (%(error)s).") % {"error": error}) from error
    return blocks


def names(item: dict, key: str, field: str = "name") -> list:
    value = item.get(key) or []
    if not isinstance(value, list):
        raise ItemError(key, _("une liste est attendue."))
    found = []
    for entry in value:
        name = entry.get(field) if isinstance(entry, dict) else entry
        if not isinstance(name, str) or not name.strip():
            raise ItemError(key, _("élément illisible : %(value)r.") % {"value": entry})
        found.append(name.strip())
    return found


@dataclass(frozen=True)
class Kind:
    """One kind of page a source shares (``communs``, ``events``)."""

    key: str
    app: str  # the app that must be installed here
    remote_type: str  # ``?type=`` of the source's API (subtypes included)
    parent_field: str  # field of FederationSource: the local index the references go under
    parent_label: Any
    index_base: str  # dotted path of the abstract index class a parent must be
    page_base: str  # dotted path of the abstract class of the pages created

    @property
    def installed(self) -> bool:
        return apps.is_installed(self.app)

    @staticmethod
    def _load(dotted: str):
        module, name = dotted.rsplit(".", 1)
        return getattr(__import__(module, fromlist=[name]), name)

    def index_class(self):
        return self._load(self.index_base)

    def page_class(self):
        return self._load(self.page_base)

    def accepts_parent(self, page) -> bool:
        return self.installed and isinstance(page.specific, self.index_class())

    def page_model(self, parent):
        """The concrete page type created under ``parent``: the one it lists."""
        return parent.specific.get_listing_model()

    def values(self, model, item: dict) -> dict:
        """The validated local values of a remote item (raises :class:`ItemError`)."""
        meta = item.get("meta") or {}
        values = {
            "title": text(item, "title", 255, required=True),
            "slug": text(meta, "slug", 255, required=True),
            "tagline": text(item, "tagline", 255),
            "seo_title": text(meta, "seo_title", 255),
            "search_description": text(meta, "search_description"),
            "stages": sorted(names(item, "stages", "slug")),
            "tags": sorted(names(item, "tags")),
        }
        values.update(getattr(self, f"_{self.key}_values")(model, item))
        return values

    # --- communs ---------------------------------------------------------------------------
    def _communs_values(self, model, item: dict) -> dict:
        from numerique_ouvert.communs.choices import ActorKind, ActorRelation, CommunKind, CommunStatus
        from numerique_ouvert.communs.validators import validate_spdx

        licence = text(item, "licence", 120)
        if licence:
            try:
                validate_spdx(licence)
            except ValidationError as error:
                raise ItemError("licence", "; ".join(error.messages)) from error
        actors = []
        for position, row in enumerate(item.get("actor_relations") or []):
            actor = row.get("actor") if isinstance(row, dict) else None
            if not isinstance(actor, dict):
                raise ItemError(f"actor_relations[{position}]", _("acteur illisible."))
            try:
                actors.append({
                    "name": text(actor, "name", 200, required=True),
                    "acronym": text(actor, "acronym", 40),
                    "kind": choice(actor, "kind", ActorKind),
                    "website": url(actor, "website"),
                    "relation": choice(row, "relation", ActorRelation),
                    "note": text(row, "note", 255),
                })
            except ItemError as error:
                raise ItemError(f"actor_relations[{position}].{error.field}", error.reason) from error
        programmes = []
        for position, row in enumerate(item.get("support_programmes") or []):
            if not isinstance(row, dict):
                raise ItemError(f"support_programmes[{position}]", _("programme illisible."))
            programmes.append({"name": text(row, "name", 200, required=True),
                               "url": url(row, "url"), "description": text(row, "description")})
        return {
            "kind": choice(item, "kind", CommunKind),
            "status": choice(item, "status", CommunStatus),
            "licence": licence,
            **{key: url(item, key) for key in (
                "website", "source_repository", "governance_url", "contribution_url",
                "charter_url", "forum_url", "chat_url", "mailing_list_url")},
            "carrying_structure": text(item, "carrying_structure", 200),
            "actors": actors,
            "programmes": programmes,
            "description": stream(model, item, "description", TEXT_BLOCKS),
            "uses": stream(model, item, "uses", {"use"}),
        }

    # --- events ----------------------------------------------------------------------------
    def _events_values(self, model, item: dict) -> dict:
        from numerique_ouvert.events.choices import EventFormat, EventStatus

        def session(block_type, value):
            if isinstance(value, dict):
                value = {**value, "stage": None}  # a stage id of the source: none here
            return value

        return {
            "start": moment(item, "start", required=True),
            "end": moment(item, "end", required=True),
            "all_day": boolean(item, "all_day"),
            "format": choice(item, "format", EventFormat),
            "status": choice(item, "status", EventStatus),
            "venue_name": text(item, "venue_name", 200),
            "venue_address": text(item, "venue_address", 255),
            "venue_city": text(item, "venue_city", 120),
            "online_url": url(item, "online_url"),
            "registration_url": url(item, "registration_url"),
            "registration_deadline": moment(item, "registration_deadline"),
            "organisers": stream(model, item, "organisers", {"organiser"}),
            "description": stream(model, item, "description", TEXT_BLOCKS),
            "programme": stream(model, item, "programme", {"session"}, session),
            "report": stream(model, item, "report", TEXT_BLOCKS),
        }

    def ended_since(self, item: dict, fetched_at: datetime | None) -> bool:
        """An event's report is served once it is over: read its detail again after its end."""
        if self.key != "events" or fetched_at is None:
            return False
        end = parse_datetime(item.get("end") or "") if isinstance(item.get("end"), str) else None
        from django.utils import timezone

        return end is not None and fetched_at < end <= timezone.now()


def reference_page_classes() -> tuple[type, ...]:
    """The page types a reference can be (an index page, a guide… never is)."""
    return tuple(kind.page_class() for kind in KINDS.values() if kind.installed)


KINDS = {
    "communs": Kind("communs", "numerique_ouvert.communs", "numerique_ouvert_communs.CommunPage",
                    "communs_parent", gettext_lazy("liste des communs"),
                    "numerique_ouvert.communs.models.AbstractCommunIndexPage",
                    "numerique_ouvert.communs.models.AbstractCommunPage"),
    "events": Kind("events", "numerique_ouvert.events", "numerique_ouvert_events.EventPage",
                   "events_parent", gettext_lazy("liste des événements"),
                   "numerique_ouvert.events.models.AbstractEventIndexPage",
                   "numerique_ouvert.events.models.AbstractEventPage"),
}
