"""The import framework every format shares: problems, items, the importer registry and
``run_import`` (one transaction per file, idempotent, three-way merge with the editor's changes).

A format module parses a :class:`~numerique_ouvert.interop.sources.Source` into :class:`Item`
values (or raises :class:`ImportFileError` listing every problem) and registers its importer with
:func:`register_importer`; ``run_import`` does the rest, the same way for every format.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.fields import StreamField
from wagtail.models import Page

from numerique_ouvert.conf import get_setting

if TYPE_CHECKING:
    from .sources import Source


@dataclass(frozen=True)
class Problem:
    """One problem in an input file."""

    source: str  # file name or URL
    path: str  # key path, e.g. "description.fr.shortDescription", "[3].licence", "front matter: date"
    message: str  # French, translatable, says why (expected type or value)

    def __str__(self) -> str:
        where = f"{self.source} — {self.path}" if self.path else self.source
        return f"{where} : {self.message}"


class ImportFileError(Exception):
    """A file is rejected: nothing of it is written. ``problems`` lists every problem found."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems) or source)


@dataclass
class Item:
    """One normalised thing to create or update, whatever the format it came from."""

    key: str  # stable identity within the format (repository URL, catalogue id, file slug)
    page_model: type[Page]  # CommunPage or GuidePage (or a site's subclass)
    # Model field values: name -> value (title, slug, tagline, website...; a StreamField value is
    # the raw JSON list of blocks, [{"type": "paragraph", "value": "<p>…</p>"}]).
    fields: dict[str, Any]
    tags: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)  # parcours stage slugs, if the format says
    # (actor name, relation) of a commun: become PublicActor and CommunActorRelation rows.
    actors: list[tuple[str, str]] = field(default_factory=list)
    # Never published: stored in CommunContact (name, email, phone, affiliation).
    private_contacts: list[dict] = field(default_factory=list)
    source_url: str = ""  # where it came from, for the report
    warnings: list[Problem] = field(default_factory=list)  # ignored keys and the like
    # Which of tags, stages, actors, private_contacts the format sets (None: every one the page
    # type has). Whatever the format says, an empty ``private_contacts`` leaves the page's
    # contacts alone: exports never publish them, so their absence means "not said".
    relations: tuple[str, ...] | None = None
    # False: the file forbids publication ("publish: false"): the page stays a draft even when
    # the import is asked to publish. None: the import's own choice.
    publish: bool | None = None


@dataclass(frozen=True)
class ItemResult:
    key: str
    title: str
    page_id: int | None
    source: str
    fields: tuple[str, ...] = ()  # fields written (updates)
    note: str = ""  # "brouillon", "publié", "nouvelle révision en brouillon"...


@dataclass(frozen=True)
class Conflict:
    """The editor changed a field since the last import and the source changed it too: the
    editor's value is kept, the incoming one is reported."""

    key: str
    page_id: int
    title: str
    field: str
    editor_value: Any
    incoming_value: Any


@dataclass
class Report:
    dry_run: bool = False
    created: list[ItemResult] = field(default_factory=list)
    updated: list[ItemResult] = field(default_factory=list)
    unchanged: list[ItemResult] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    rejected_sources: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def summary(self) -> str:
        return _("%(created)d créé(s), %(updated)d mis à jour, %(unchanged)d inchangé(s), "
                 "%(rejected)d fichier(s) refusé(s), %(conflicts)d conflit(s)") % {
            "created": len(self.created), "updated": len(self.updated),
            "unchanged": len(self.unchanged), "rejected": len(self.rejected_sources),
            "conflicts": len(self.conflicts)}


class Importer:
    """Base class of a format's importer: override ``format``, ``label``, ``patterns`` and
    ``parse``. ``page_model`` is the page type it creates (to find a default parent)."""

    format: str = ""  # "publiccode" | "catalogi" | "markdown"
    label: str = ""  # shown in the admin's format list
    patterns: tuple[str, ...] = ()  # file names read in a folder, e.g. ("publiccode.yml", "*.yaml")
    page_model: type[Page] | None = None

    def parse(self, source: Source) -> list[Item]:
        """The items of ``source``; raise :class:`ImportFileError` with ALL problems found.
        Writes nothing (a dry run and a rejected file must leave the database alone)."""
        raise NotImplementedError

    def prepare(self, items: list[Item], source: Source) -> None:
        """Called inside the file's transaction before its items are imported: create what
        they refer to (images...), rolled back with the rest on a dry run or a rejection."""

    def link(self, pages: dict[str, Page], source: Source) -> None:
        """Called inside the file's transaction after its items are imported, with each item's
        page by key: set cross references between them (related guides, similar software)."""


# format -> importer class. Format modules call register_importer; a site may register its own.
IMPORTERS: dict[str, type[Importer]] = {}


def register_importer(importer_class: type[Importer]) -> type[Importer]:
    """Class decorator: offer ``importer_class`` to the admin screen and the commands."""
    IMPORTERS[importer_class.format] = importer_class
    return importer_class


def get_importer(format: str) -> Importer:
    return IMPORTERS[format]()


def default_parent(page_model: type[Page]) -> Page | None:
    """The first page (in tree order) under which ``page_model`` pages may be created."""
    from wagtail.models import get_page_models

    parents = [m for m in get_page_models() if not m._meta.abstract
               and page_model in m.allowed_subpage_models()]
    for page in Page.objects.type(*parents).order_by("path") if parents else []:
        if page_model.can_create_at(page.specific):
            return page.specific
    return None


# --- Normalised values: what is compared and remembered between two imports ------------------

RELATIONS = ("tags", "stages", "actors", "private_contacts")


def _strip_ids(value):
    if isinstance(value, dict):
        return {k: _strip_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_strip_ids(v) for v in value]
    return value


def normalise(model: type[Page], name: str, value: Any) -> Any:
    """The JSON form of a field value, equal for equal contents (block ids, dates as text)."""
    if name in RELATIONS:
        if name == "actors":
            return sorted([str(a), str(r)] for a, r in value or [])
        if name == "private_contacts":
            return [{k: str(v or "") for k, v in sorted(c.items())} for c in value or []]
        return sorted(str(v) for v in value or [])
    model_field = model._meta.get_field(name)
    if isinstance(model_field, StreamField):
        block = model_field.stream_block
        if not isinstance(value, list):  # a StreamValue read from a page
            value = value.get_prep_value() if value is not None else []
        return _strip_ids(block.get_prep_value(block.to_python(value)))
    if isinstance(model_field, models.DateTimeField):  # before DateField: it is a subclass
        if isinstance(value, str) and value:
            value = datetime.datetime.fromisoformat(value)
        return value.isoformat() if value else None
    if isinstance(model_field, models.DateField):
        if isinstance(value, str) and value:
            value = datetime.date.fromisoformat(value)
        return value.isoformat() if value else None
    if isinstance(model_field, models.JSONField):
        return value if value is not None else model_field.get_default()
    if isinstance(model_field, (models.CharField, models.TextField)):
        return "" if value is None else str(value)
    return value


def current_values(page: Page, item: Item) -> dict[str, Any]:
    """The page's values of the keys the item sets, normalised."""
    model = type(page)
    values = {name: normalise(model, name, getattr(page, name)) for name in item.fields}
    if "tags" in item_keys(item):
        values["tags"] = normalise(model, "tags", [t.name for t in page.tags.all()])
    if "stages" in item_keys(item):
        values["stages"] = normalise(model, "stages", [s.slug for s in page.stages.all()])
    if "actors" in item_keys(item):
        values["actors"] = normalise(model, "actors", [(r.actor.name, r.relation)
                                                       for r in page.actor_relations.all()])
    if "private_contacts" in item_keys(item):
        values["private_contacts"] = normalise(model, "private_contacts", [
            {"name": c.name, "email": c.email, "phone": c.phone, "affiliation": c.affiliation}
            for c in page.private_contacts.all()])
    return values


def item_keys(item: Item) -> list[str]:
    """The keys an item sets: its fields, then the relations it manages that its page type has."""
    keys = list(item.fields)
    for relation, attribute in (("tags", "tags"), ("stages", "stages"),
                                ("actors", "actor_relations"),
                                ("private_contacts", "private_contacts")):
        if item.relations is not None and relation not in item.relations:
            continue
        if relation == "private_contacts" and not item.private_contacts:
            continue
        if hasattr(item.page_model, attribute):
            keys.append(relation)
    return keys


def incoming_values(item: Item) -> dict[str, Any]:
    model = item.page_model
    values = {name: normalise(model, name, value) for name, value in item.fields.items()}
    for relation in item_keys(item)[len(item.fields):]:
        values[relation] = normalise(model, relation, getattr(item, relation))
    return values


def _apply(page: Page, name: str, value: Any) -> None:
    """Set one normalised value on ``page`` (in memory: saved with the page or its revision)."""
    value = copy.deepcopy(value)  # a StreamField writes block ids into the list it is given
    if name == "tags":
        page.tags.set(value, clear=True)
    elif name == "stages":
        from numerique_ouvert.parcours.models import ParcoursStage

        page.stages.set(list(ParcoursStage.objects.filter(slug__in=value)))
    elif name == "actors":
        from numerique_ouvert.communs.models import CommunActorRelation, PublicActor

        relations = []
        # sort_order as the admin's inline panel sets it: the file's order is kept everywhere.
        for order, (actor_name, relation) in enumerate(value):
            actor, _created = PublicActor.objects.get_or_create(name=actor_name[:200])
            relations.append(CommunActorRelation(actor=actor, relation=relation,
                                                 sort_order=order))
        page.actor_relations = relations
    elif name == "private_contacts":
        from numerique_ouvert.communs.models import CommunContact

        page.private_contacts = [CommunContact(**contact, sort_order=order)
                                 for order, contact in enumerate(value)]
    else:
        model_field = type(page)._meta.get_field(name)
        if isinstance(model_field, models.DateTimeField) and value:
            value = datetime.datetime.fromisoformat(value)
        elif isinstance(model_field, models.DateField) and value:
            value = datetime.date.fromisoformat(value)
        setattr(page, name, value)


# --- run_import ------------------------------------------------------------------------------


class _Rollback(Exception):
    """Raised inside a file's transaction to undo it (dry run, or a page refused on save)."""


def run_import(importer: Importer, sources: list[Source], *, parent: Page | None, dry_run: bool,
               publish: bool, user=None,
               progress: Callable[[int, int], None] | None = None) -> Report:
    """Import ``sources`` with ``importer``; one transaction per source, all or nothing.

    New pages go under ``parent`` (``None``: :func:`default_parent` of each item's type), as
    drafts unless ``publish``. A page already imported (same format and key) is updated field by
    field: a field the source did not change is left alone; a field the editor did not change
    since the last import takes the incoming value; a field both changed keeps the editor's
    value and is reported as a :class:`Conflict`. Updates of a live page are published only when
    ``publish``; otherwise they wait in a draft revision. An import that changes nothing saves
    nothing (no revision). ``dry_run`` does everything, reports, and rolls every file back.
    """
    report = Report(dry_run=dry_run)
    max_bytes = get_setting("INTEROP_MAX_FILE_BYTES")
    max_items = get_setting("INTEROP_MAX_ITEMS")
    total = len(sources)
    for number, source in enumerate(sources, start=1):
        if progress:
            progress(number - 1, total)
        try:
            if len(source.content) > max_bytes:
                raise ImportFileError(source.name, [Problem(source.name, "", _(
                    "le fichier dépasse la taille maximale de %(max)d octets.") % {"max": max_bytes})])
            items = importer.parse(source)
            if len(items) > max_items:
                raise ImportFileError(source.name, [Problem(source.name, "", _(
                    "le fichier contient %(count)d éléments, plus que le maximum de %(max)d.")
                    % {"count": len(items), "max": max_items})])
            _check_duplicates(source, items)
            partial = Report(dry_run=dry_run)
            try:
                with transaction.atomic():
                    importer.prepare(items, source)
                    pages = {}
                    for item in items:
                        pages[item.key] = _import_item(importer, item, source, parent, publish,
                                                       user, partial)
                    importer.link(pages, source)
                    if dry_run:
                        raise _Rollback
            except _Rollback:
                pass
        except ImportFileError as error:
            report.rejected.extend(error.problems)
            report.rejected_sources.append(source.name)
            continue
        for name in ("created", "updated", "unchanged", "conflicts", "warnings"):
            getattr(report, name).extend(getattr(partial, name))
    if progress:
        progress(total, total)
    return report


def _check_duplicates(source: Source, items: list[Item]) -> None:
    seen: dict[str, int] = {}
    problems = []
    for index, item in enumerate(items):
        if item.key in seen:
            problems.append(Problem(source.name, f"[{index}]", _(
                "« %(key)s » figure déjà en position %(first)d : chaque élément doit être unique.")
                % {"key": item.key, "first": seen[item.key]}))
        seen.setdefault(item.key, index)
    if problems:
        raise ImportFileError(source.name, problems)


def _validation_problems(source: Source, item: Item, error: ValidationError) -> list[Problem]:
    messages = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
    return [Problem(source.name, f"{item.key} → {name}" if name and name != "__all__" else item.key,
                    message)
            for name, field_messages in messages.items() for message in field_messages]


def _import_item(importer: Importer, item: Item, source: Source, parent: Page | None,
                 publish: bool, user, report: Report) -> Page:
    from .models import ImportRecord

    report.warnings.extend(item.warnings)
    publish = publish and item.publish is not False
    incoming = incoming_values(item)
    record = (ImportRecord.objects.select_for_update().filter(format=importer.format, key=item.key)
              .select_related("page").first())
    source_url = item.source_url or source.name
    if record is None:
        page = _create_page(item, source, incoming, parent, publish, user)
        ImportRecord.objects.create(format=importer.format, key=item.key, page=page,
                                    values=incoming, source_url=source_url[:1000])
        report.created.append(ItemResult(item.key, page.title, page.pk, source_url,
                                         note=_("publié") if publish else _("brouillon")))
        return page

    live_page = record.page.specific
    page = live_page.get_latest_revision_as_object()
    current = current_values(page, item)
    last = record.values
    changed = []
    for name, value in incoming.items():
        if current.get(name) == value:
            continue  # already what the source says
        if name in last:
            if value == last[name]:
                continue  # the source did not change it: whatever the page holds stays
            if current.get(name) != last[name]:
                report.conflicts.append(Conflict(item.key, page.pk, page.title, name,
                                                 current.get(name), value))
                continue
        elif current.get(name) not in ("", None, [], {}):
            # Never imported before (a field added to the format) and filled by an editor.
            report.conflicts.append(Conflict(item.key, page.pk, page.title, name,
                                             current.get(name), value))
            continue
        _apply(page, name, value)
        changed.append(name)
    remembered = {**last, **incoming}  # keys this import does not set keep their last value
    if last != remembered or record.source_url != source_url[:1000]:
        record.values = remembered
        record.source_url = source_url[:1000]
        record.save(update_fields=["values", "source_url", "last_imported_at"])
    if not changed:
        report.unchanged.append(ItemResult(item.key, page.title, page.pk, source_url))
        return live_page
    try:
        revision = page.save_revision(user=user, log_action=True)
    except ValidationError as error:
        raise ImportFileError(source.name, _validation_problems(source, item, error)) from error
    if live_page.live and publish:
        revision.publish(user=user)
        note = _("nouvelle version publiée")
    elif live_page.live:
        note = _("nouvelle révision en brouillon : la version publiée est inchangée")
    else:
        note = _("brouillon mis à jour")
    report.updated.append(ItemResult(item.key, page.title, page.pk, source_url,
                                     fields=tuple(changed), note=note))
    return live_page


def _unique_slug(parent: Page, wanted: str) -> str:
    base = slugify(wanted)[:200] or "import"
    slug, number = base, 1
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _create_page(item: Item, source: Source, incoming: dict, parent: Page | None, publish: bool,
                 user) -> Page:
    target = parent.specific if parent is not None else default_parent(item.page_model)
    if target is None or not item.page_model.can_create_at(target):
        where = target.title if target is not None else "—"
        raise ImportFileError(source.name, [Problem(source.name, item.key, _(
            "une page « %(type)s » ne peut pas être créée sous « %(parent)s ».")
            % {"type": item.page_model._meta.verbose_name, "parent": where})])
    page = item.page_model()
    for name, value in incoming.items():
        if name in item.fields:
            _apply(page, name, value)
    page.slug = _unique_slug(target, item.fields.get("slug") or item.fields.get("title", item.key))
    page.live = False
    page.owner = user
    try:
        target.add_child(instance=page)  # validates the page (Page.save runs full_clean)
        # Relations (tags, stages, actors, contacts) are saved with the page and its revision.
        for name in item_keys(item)[len(item.fields):]:
            _apply(page, name, incoming[name])
        page.save()
        revision = page.save_revision(user=user, log_action=True)
    except ValidationError as error:
        raise ImportFileError(source.name, _validation_problems(source, item, error)) from error
    if publish:
        revision.publish(user=user)
    return page
