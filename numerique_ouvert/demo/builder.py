"""Idempotent builders: each object is looked up by a stable key and created only if missing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.management.base import CommandError
from django.db import models
from django.utils import timezone
from wagtail.models import Page

from numerique_ouvert.parcours.models import ParcoursStage

PageT = TypeVar("PageT", bound=Page)
# Attributes of Demo that hold pages by key, as used in Demo.find() keys.
PAGE_FAMILIES = ("indexes", "guides", "events", "communs", "site_pages")
ModelT = TypeVar("ModelT", bound=models.Model)


@dataclass
class Report:
    """What a run created, found already there, or refreshed, by kind of object."""

    created: dict[str, int] = field(default_factory=dict)
    existing: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, label: Any, *, created: bool) -> None:
        target = self.created if created else self.existing
        target[str(label)] = target.get(str(label), 0) + 1

    def count_update(self, label: Any) -> None:
        self.updated[str(label)] = self.updated.get(str(label), 0) + 1

    @property
    def total_created(self) -> int:
        return sum(self.created.values())

    def lines(self) -> list[str]:
        lines = []
        for label in sorted(set(self.created) | set(self.existing)):
            line = (f"  {label} : {self.created.get(label, 0)} créé(s), "
                    f"{self.existing.get(label, 0)} déjà présent(s)")
            if self.updated.get(label):
                line += f", {self.updated[label]} remis à jour"
            lines.append(line)
        return lines


@dataclass
class Demo:
    """The demo being built: what each step created, for the steps (and subclasses) after it.

    Pages are keyed by short names (``demo.events["rno"]``); a key is missing when the feature
    that owns it is not installed, so cross-links look pages up with :meth:`find`.
    """

    log: Report
    stages: dict[str, ParcoursStage]
    home: Page | None = None
    indexes: dict[str, Page] = field(default_factory=dict)
    guides: dict[str, Page] = field(default_factory=dict)
    events: dict[str, Page] = field(default_factory=dict)
    communs: dict[str, Page] = field(default_factory=dict)
    site_pages: dict[str, Page] = field(default_factory=dict)

    @classmethod
    def start(cls) -> Demo:
        return cls(log=Report(), stages={s.slug: s for s in ParcoursStage.objects.all()})

    def stage(self, slug: str) -> ParcoursStage | None:
        """A stage by slug; editors may have deleted or renamed it, so it may be missing."""
        return self.stages.get(slug)

    def stage_list(self, *slugs: str) -> list[ParcoursStage]:
        return [self.stages[slug] for slug in slugs if slug in self.stages]

    def find(self, key: str) -> Page | None:
        """A page built by any step, as ``"guides:publier"``, ``"events:rno"``…"""
        family, _, name = key.partition(":")
        pages = getattr(self, family, None) if family in PAGE_FAMILIES else None
        return pages.get(name) if pages else None


def get_or_create_page(
    log: Report, parent: Page, model: type[PageT], slug: str, /, *,
    publish: bool = True,
    stages: Iterable[ParcoursStage] = (),
    tags: Iterable[str] = (),
    after_create: Callable[[PageT], None] | None = None,
    **fields: Any,
) -> PageT:
    """The child of ``parent`` with this slug; created, then published, only if missing.

    The leading arguments are positional-only so that ``fields`` may hold any page field
    (an event has a field called ``report``). ``after_create`` adds inline children
    (``actor_relations``…) before the first revision, so they are part of what gets published.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        existing = existing.specific
        if not isinstance(existing, model):  # an editor's page took the slug: do not guess
            raise CommandError(
                f"La page « {existing.url_path} » existe déjà mais n'est pas du type "
                f"« {model._meta.verbose_name} » : renommez-la ou supprimez-la, puis relancez.")
        log.count(model._meta.verbose_name_plural, created=False)
        return existing
    page = model(slug=slug, live=publish, **fields)
    parent.add_child(instance=page)
    if stages:
        page.stages.set(list(stages))
    if tags:
        page.tags.add(*tags)
    if after_create is not None:
        after_create(page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    log.count(model._meta.verbose_name_plural, created=True)
    return page


def get_or_create_object(log: Report, model: type[ModelT], lookup: dict[str, Any], /,
                         **defaults: Any) -> ModelT:
    """A snippet found by its natural key (``lookup``), created with ``defaults`` if missing."""
    obj = model.objects.filter(**lookup).first()
    created = obj is None
    if created:
        obj = model(**lookup, **defaults)
        obj.full_clean()
        obj.save()
    log.count(model._meta.verbose_name_plural, created=created)
    return obj


def republish_if_past(log: Report, page: Page, **fields: Any) -> None:
    """Move an event meant to be upcoming back into the future when a later run finds it past.

    Relative dates keep the demo's agenda alive however long after the first run it is reloaded;
    an event still upcoming is left untouched (and so are the editors' changes to it)."""
    if page.end >= timezone.now():
        return
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    log.count_update(type(page)._meta.verbose_name_plural)
