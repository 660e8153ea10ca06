"""Bulk creation of live Wagtail pages under a parent, without one ``add_child()`` per page.

``add_child()`` costs several queries per page (the parent's last child, the insert of each
table, the parent's ``numchild``), and publishing a revision more: 30 000 pages would take many
minutes. Here the tree columns are computed in Python instead: Wagtail pages are treebeard
``MP_Node``s, whose ``path`` is the parent's path followed by a fixed-width step in base 36
(``Page.steplen`` = 4 characters of ``Page.alphabet``), so the n-th child of a parent has the
parent's path plus ``n`` written on four characters. The rows of each table are then inserted
in batches. Pages created this way have no revision: the public site does not read revisions.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page


def path_step(number: int) -> str:
    """The ``number``-th step of a materialised path (1 → "0001", 36 → "0010")."""
    alphabet, width = Page.alphabet, Page.steplen
    if not 0 < number < len(alphabet) ** width:
        raise ValueError(f"A parent holds at most {len(alphabet) ** width - 1} children.")
    digits = ""
    while number:
        number, remainder = divmod(number, len(alphabet))
        digits = alphabet[remainder] + digits
    return digits.rjust(width, alphabet[0])


def add_live_children(parent: Page, pages: Sequence[Page]) -> None:
    """Insert ``pages`` (unsaved instances of one concrete page model, with their own fields,
    ``slug`` and optionally ``first_published_at`` set) as the last children of ``parent``, live.

    Sets the tree columns, ``url_path``, locale and content type of each page, then inserts the
    ``wagtailcore_page`` rows and the rows of the page model's own table.
    """
    if not pages:
        return
    model = type(pages[0])
    if any(type(page) is not model for page in pages):
        raise TypeError("add_live_children() inserts pages of one model at a time.")
    if len(model._meta.parents) != 1:
        # One table per level would be needed (a ministry's subclass of EventPage, say).
        raise TypeError(f"{model.__name__} must inherit directly from Page.")
    parent.refresh_from_db(fields=["path", "depth", "numchild", "url_path", "locale"])
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    for number, page in enumerate(pages, start=parent.numchild + 1):
        page.path = parent.path + path_step(number)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.latest_revision_created_at = page.first_published_at
    with transaction.atomic():
        # Django's bulk_create refuses multi-table models, but Page's manager accepts instances
        # of a subclass and inserts their Page columns, setting each ``id``.
        Page.objects.bulk_create(pages, batch_size=500)
        for page in pages:
            page.page_ptr_id = page.id
        insert_own_rows(model, pages)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)


def insert_own_rows(model: type[Page], pages: Sequence[Page]) -> None:
    """Insert the rows of ``model``'s own table (its local fields, ``page_ptr`` included), in
    batches as large as the database accepts.

    ``QuerySet._insert`` is the step ``bulk_create`` itself ends with; calling it directly is the
    way to insert one table of a multi-table model without its parent's.
    """
    fields = list(model._meta.local_concrete_fields)
    batch = max(1, connection.ops.bulk_batch_size(fields, pages))
    for start in range(0, len(pages), batch):
        model._base_manager._insert(pages[start:start + batch], fields=fields,
                                    using=connection.alias)


def check_children(parent: Page) -> None:
    """Fail if ``parent``'s stored ``numchild`` differs from its children in the table (a cheap
    check of the bulk insert; ``Page.find_problems()`` checks the whole tree, slowly)."""
    parent.refresh_from_db(fields=["numchild"])
    actual = parent.get_children().count()
    if actual != parent.numchild:
        raise RuntimeError(f"{parent.url_path}: numchild is {parent.numchild}, "
                           f"{actual} children in the table.")
