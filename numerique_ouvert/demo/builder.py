"""Idempotent builders: find a page by slug under its parent, create and publish it otherwise."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wagtail.models import Page


@dataclass
class Report:
    created: dict[str, int] = field(default_factory=dict)
    existing: dict[str, int] = field(default_factory=dict)

    def count(self, label: str, created: bool) -> None:
        target = self.created if created else self.existing
        target[label] = target.get(label, 0) + 1

    def lines(self) -> list[str]:
        labels = sorted(set(self.created) | set(self.existing))
        return [f"  {label}: {self.created.get(label, 0)} créé(s), "
                f"{self.existing.get(label, 0)} déjà présent(s)" for label in labels]


def get_or_create_page(parent: Page, model, slug: str, log: Report, *, publish: bool = True,
                       stages=(), tags=(), after_create=None, **fields: Any):
    """Child of ``parent`` with this slug; created (and published) only if missing.

    ``log`` is not called ``report``: event pages have a field of that name."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        log.count(model._meta.verbose_name_plural, created=False)
        return existing.specific
    page = model(slug=slug, **fields)
    if not publish:
        page.live = False
    parent.add_child(instance=page)
    if stages:
        page.stages.set(stages)
    if tags:
        page.tags.add(*tags)
    if after_create is not None:
        after_create(page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    log.count(model._meta.verbose_name_plural, created=True)
    return page


def get_or_create_object(model, lookup: dict, report: Report, **defaults: Any):
    obj, created = model.objects.get_or_create(**lookup, defaults=defaults)
    report.count(model._meta.verbose_name_plural, created=created)
    return obj


def rich(*paragraphs: str) -> str:
    """Rich text from paragraphs (already HTML-safe literals written in this package)."""
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def heading(text: str, level: str = "h2") -> tuple:
    return ("heading", {"text": text, "level": level, "anchor": ""})


def paragraph(*paragraphs: str) -> tuple:
    return ("paragraph", rich(*paragraphs))


def callout(title: str, text: str) -> tuple:
    return ("callout", {"title": title, "text": rich(text), "link": "", "link_label": ""})


def quote(text: str, author: str = "", source: str = "") -> tuple:
    return ("quote", {"text": text, "author": author, "source": source})


def table(caption: str, rows: list[list[str]]) -> tuple:
    return ("table", {"data": rows, "first_row_is_table_header": True,
                      "first_col_is_header": False, "table_caption": caption})


def code(language: str, text: str) -> tuple:
    return ("code", {"language": language, "code": text})


def accordion(*items: tuple[str, str]) -> tuple:
    return ("accordion", {"items": [{"title": t, "body": rich(b)} for t, b in items]})


def image_block(image, alt: str, caption: str = "") -> tuple:
    return ("image", {"image": image, "alt": alt, "caption": caption})
