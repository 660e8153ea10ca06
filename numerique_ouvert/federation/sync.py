"""One sync of a source: read its API page by page, create, update and withdraw references.

- The source's listing is read in ``id`` order, ``FEDERATION_PAGE_SIZE`` items at a time
  (``?type=…&fields=*&order=id``); an item whose listing entry did not change since the last sync
  is not fetched again, the others are read in full from their detail URL.
- Each page of results is written in one transaction, together with the cursor: a sync that
  stops (network error, the source answering 500, the process killed) has kept every page
  before, and the next run resumes after the last one written.
- An item that cannot become a page (a value this portal refuses) is reported and skipped;
  its reference, if any, stays as it was.
- Withdrawals need the whole listing: once every page of a kind was read, the references of
  that kind the run did not see are unpublished (``withdrawn``).
- Pages the source itself federates (``meta.federated_from``) are skipped: no ping-pong.
- Nothing written when nothing changed: no save, no revision.
"""

from __future__ import annotations

import contextvars
import hashlib
import json
import uuid
from dataclasses import asdict, dataclass, field
from urllib.parse import urlencode

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify
from django.utils.translation import gettext as _

from numerique_ouvert.conf import get_setting
from numerique_ouvert.core.http import FetchError, fetch

from .kinds import KINDS, ItemError, Kind
from .models import FederatedReference, FederationSource

# Set while the sync unpublishes a page: the signal receiver then does not take it for an
# editor hiding the reference.
SYNC_RUNNING = contextvars.ContextVar("numerique_ouvert_federation_sync", default=False)
_DATETIME_FIELDS = {"start", "end", "registration_deadline"}
_RELATIONS = {"slug", "stages", "tags", "actors", "programmes"}


class SyncInterrupted(Exception):
    """The source could not be read to the end; what was written so far stays."""


@dataclass
class SyncReport:
    source: str
    dry_run: bool = False
    complete: bool = False
    interrupted: str = ""
    resumed: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0
    restored: int = 0
    kept_hidden: int = 0
    skipped_federated: int = 0
    errors: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    started_at: str = ""
    finished_at: str = ""

    def as_dict(self) -> dict:
        return asdict(self)

    def summary(self) -> str:
        return _("%(source)s : %(created)s créée(s), %(updated)s mise(s) à jour, %(unchanged)s "
                 "inchangée(s), %(withdrawn)s retirée(s), %(restored)s rétablie(s), %(hidden)s "
                 "masquée(s) laissée(s) masquée(s), %(federated)s déjà fédérée(s) ignorée(s), "
                 "%(errors)s erreur(s)") % {
            "source": self.source, "created": self.created, "updated": self.updated,
            "unchanged": self.unchanged, "withdrawn": self.withdrawn, "restored": self.restored,
            "hidden": self.kept_hidden, "federated": self.skipped_federated,
            "errors": len(self.errors)}


def _hash(data) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False,
                                     default=str).encode()).hexdigest()


def _get_json(url: str) -> dict:
    try:
        result = fetch(url, accept="application/json")
        data = json.loads(result.text())
    except FetchError as error:
        raise SyncInterrupted(str(error)) from error
    except ValueError as error:
        raise SyncInterrupted(_("%(url)s : la réponse n’est pas du JSON (%(error)s).")
                              % {"url": url, "error": error}) from error
    if not isinstance(data, dict):
        raise SyncInterrupted(_("%(url)s : un objet JSON est attendu.") % {"url": url})
    return data


class Sync:
    def __init__(self, source: FederationSource, *, dry_run: bool = False, full: bool = False):
        self.source = source
        self.full = full
        self.page_size = get_setting("FEDERATION_PAGE_SIZE")
        self.report = SyncReport(source=source.name, dry_run=dry_run,
                                 started_at=timezone.now().isoformat())
        from numerique_ouvert.parcours.models import ParcoursStage

        self.stages = {stage.slug: stage for stage in ParcoursStage.objects.all()}

    # --- reading -------------------------------------------------------------------------
    def listing_url(self, kind: Kind, offset: int) -> str:
        query = urlencode({"type": kind.remote_type, "fields": "*", "order": "id",
                           "limit": self.page_size, "offset": offset})
        return f"{self.source.api_url}/pages/?{query}"

    def detail(self, remote_id: int) -> dict:
        data = _get_json(f"{self.source.api_url}/pages/{remote_id}/")
        if data.get("id") != remote_id:
            raise SyncInterrupted(_("la page %(id)s de la source répond avec un autre identifiant.")
                                  % {"id": remote_id})
        return data

    # --- the run -------------------------------------------------------------------------
    def run(self) -> SyncReport:
        cursor = dict(self.source.cursor or {})
        self.report.resumed = bool(cursor)
        run_id = cursor.get("run") or uuid.uuid4().hex
        kinds = [kind for kind in KINDS.values() if kind.installed]
        start_index = next((i for i, kind in enumerate(kinds) if kind.key == cursor.get("kind")), 0)
        try:
            for kind in kinds[start_index:]:
                offset = cursor.get("offset", 0) if kind.key == cursor.get("kind") else 0
                self.run_kind(kind, run_id, offset)
        except SyncInterrupted as error:
            self.report.interrupted = str(error)
        else:
            with transaction.atomic():
                for kind in kinds:
                    if getattr(self.source, kind.parent_field + "_id") is not None:
                        self.withdraw_unseen(kind, run_id)
                self.report.complete = True
                self.source.cursor = {}
                self.source.last_synced_at = timezone.now()
        self.report.finished_at = timezone.now().isoformat()
        self.source.last_report = self.report.as_dict()
        self.source.save(update_fields=["cursor", "last_synced_at", "last_report"])
        return self.report

    def run_kind(self, kind: Kind, run_id: str, offset: int) -> None:
        parent = getattr(self.source, kind.parent_field)
        if parent is None:
            self.report.notes.append(_("%(kind)s : aucune liste choisie, non repris.")
                                     % {"kind": kind.parent_label})
            return
        parent = parent.specific
        model = kind.page_model(parent)
        while True:
            data = _get_json(self.listing_url(kind, offset))
            items = data.get("items")
            total = (data.get("meta") or {}).get("total_count")
            if not isinstance(items, list) or not isinstance(total, int):
                raise SyncInterrupted(_("%(url)s : ce n’est pas une liste de l’API de "
                                        "numerique-ouvert.") % {"url": self.listing_url(kind, offset)})
            prepared = [self.prepare(kind, model, item) for item in items]
            with transaction.atomic():
                for entry in prepared:
                    if entry is not None:
                        self.write(kind, parent, model, run_id, *entry)
                offset += len(items)
                self.source.cursor = {"run": run_id, "kind": kind.key, "offset": offset}
                self.source.save(update_fields=["cursor"])
            if not items or offset >= total:
                return

    def prepare(self, kind: Kind, model, item) -> tuple | None:
        """Network first, outside the transaction: the listing item, its reference if any, and
        its detail when it may have changed."""
        if not isinstance(item, dict) or not isinstance(item.get("id"), int):
            self.report.errors.append({"kind": kind.key, "id": None, "title": "",
                                       "field": "id", "reason": _("élément sans identifiant.")})
            return None
        meta = item.get("meta") or {}
        if meta.get("federated_from"):
            self.report.skipped_federated += 1
            return None
        reference = (FederatedReference.objects.filter(source=self.source, remote_id=item["id"])
                     .select_related("page").first())
        listing_hash = _hash(item)
        if (reference is not None and not self.full and reference.listing_hash == listing_hash
                and not kind.ended_since(item, reference.fetched_at)):
            return item, reference, listing_hash, None
        return item, reference, listing_hash, self.detail(item["id"])

    def write(self, kind, parent, model, run_id, item, reference, listing_hash, detail) -> None:
        if reference is not None:
            reference.seen_run = run_id
            reference.save(update_fields=["seen_run"])
        if detail is None:  # listing unchanged
            self.count_unchanged(reference)
            return
        try:
            values = kind.values(model, detail)
            html_url = detail.get("meta", {}).get("html_url")
            if not isinstance(html_url, str) or not html_url.startswith(("http://", "https://")):
                raise ItemError("meta.html_url", _("l’adresse de la page d’origine manque."))
            with transaction.atomic():  # a refused item leaves nothing behind
                self.save_item(kind, parent, model, run_id, detail, reference, values,
                               listing_hash, html_url)
        except ItemError as error:
            self.report_error(kind, item, error.field, error.reason)
        except Exception as error:  # validation of the page itself (clean, full_clean)
            from django.core.exceptions import ValidationError

            if not isinstance(error, ValidationError):
                raise
            fields = getattr(error, "message_dict", {"__all__": error.messages})
            for name, messages in fields.items():
                self.report_error(kind, item, name, "; ".join(messages))

    def report_error(self, kind, item, field_name, reason) -> None:
        self.report.errors.append({"kind": kind.key, "id": item.get("id"),
                                   "title": str(item.get("title", ""))[:200],
                                   "field": field_name, "reason": reason})

    def count_unchanged(self, reference) -> None:
        if reference.hidden:
            self.report.kept_hidden += 1
        if reference.withdrawn:
            self.restore(reference)
        elif not reference.hidden:
            self.report.unchanged += 1

    def save_item(self, kind, parent, model, run_id, detail, reference, values, listing_hash,
                  html_url) -> None:
        content_hash = _hash(values)
        now = timezone.now()
        fields = {"listing_hash": listing_hash, "fetched_at": now, "remote_url": html_url,
                  "remote_type": str(detail["meta"].get("type", ""))[:200],
                  "remote_last_published_at": parse_datetime(
                      detail["meta"].get("last_published_at") or "") or None}
        if reference is None:
            page = model(title=values["title"], slug=self.free_slug(parent, values["slug"],
                                                                    detail["id"]), live=False)
            self.apply(page, values)
            parent.add_child(instance=page)
            page.save_revision().publish()
            FederatedReference.objects.create(
                page=page, source=self.source, kind=kind.key, remote_id=detail["id"],
                content_hash=content_hash, seen_run=run_id, **fields)
            self.report.created += 1
            return
        for name, value in fields.items():
            setattr(reference, name, value)
        if reference.content_hash != content_hash:
            page = reference.page.specific
            if page.slug != values["slug"] and not page.slug.startswith(values["slug"] + "-"):
                page.slug = self.free_slug(parent, values["slug"], detail["id"], exclude=page.pk)
            self.apply(page, values)
            revision = page.save_revision()
            if not reference.hidden and not reference.withdrawn:
                revision.publish()
            reference.content_hash = content_hash
            if not reference.hidden:
                self.report.updated += 1
        elif not reference.hidden and not reference.withdrawn:
            self.report.unchanged += 1
        if reference.hidden:
            self.report.kept_hidden += 1
        reference.save()
        if reference.withdrawn:
            self.restore(reference)

    def restore(self, reference) -> None:
        """Back at the source: published again, unless an editor hid it here."""
        reference.withdrawn = False
        reference.save(update_fields=["withdrawn"])
        if not reference.hidden:
            page = reference.page.specific
            revision = page.get_latest_revision() or page.save_revision()
            revision.publish()
            self.report.restored += 1

    def withdraw_unseen(self, kind: Kind, run_id: str) -> None:
        gone = (FederatedReference.objects.filter(source=self.source, kind=kind.key,
                                                  withdrawn=False)
                .exclude(seen_run=run_id).select_related("page"))
        for reference in gone:
            reference.withdrawn = True
            reference.save(update_fields=["withdrawn"])
            page = reference.page.specific
            if page.live:
                token = SYNC_RUNNING.set(True)
                try:
                    page.unpublish()
                finally:
                    SYNC_RUNNING.reset(token)
            self.report.withdrawn += 1

    # --- writing a page ----------------------------------------------------------------------
    @staticmethod
    def free_slug(parent, slug: str, remote_id: int, exclude: int | None = None) -> str:
        """The source's slug, unless a page under ``parent`` has it already."""
        slug = slugify(slug, allow_unicode=True)[:240] or str(remote_id)
        siblings = parent.get_children().filter(slug=slug)
        if exclude is not None:
            siblings = siblings.exclude(pk=exclude)
        return f"{slug}-{remote_id}" if siblings.exists() else slug

    def apply(self, page, values: dict) -> None:
        for name, value in values.items():
            if name in _RELATIONS or not hasattr(page, name):
                continue
            if name in _DATETIME_FIELDS:
                value = parse_datetime(value) if value else None
            setattr(page, name, value)
        page.stages = [self.stages[slug] for slug in values["stages"] if slug in self.stages]
        if getattr(page, "tags", None) is not None:
            page.tags.set(values["tags"])
        if "actors" in values and hasattr(page, "actor_relations"):
            from numerique_ouvert.communs.models import PublicActor

            relation = page._meta.get_field("actor_relations").related_model
            rows = []
            for position, row in enumerate(values["actors"]):
                actor, _created = PublicActor.objects.get_or_create(
                    name=row["name"], defaults={"acronym": row["acronym"], "kind": row["kind"],
                                                "website": row["website"]})
                rows.append(relation(actor=actor, relation=row["relation"], note=row["note"],
                                     sort_order=position))
            page.actor_relations = rows
        if "programmes" in values and hasattr(page, "support_programmes"):
            from numerique_ouvert.communs.models import SupportProgramme

            page.support_programmes = [
                SupportProgramme.objects.get_or_create(
                    name=row["name"], defaults={"url": row["url"],
                                                "description": row["description"]})[0]
                for row in values["programmes"]]


class _DryRunRollback(Exception):
    pass


def sync_source(source: FederationSource, *, dry_run: bool = False,
                full: bool = False) -> SyncReport:
    """Sync ``source`` now; with ``dry_run``, report what a sync would do and write nothing."""
    if not dry_run:
        return Sync(source, full=full).run()
    report = None
    try:
        with transaction.atomic():
            if source.pk is None:  # a new source, given on the command line
                source.save()
            report = Sync(source, dry_run=True, full=full).run()
            raise _DryRunRollback
    except _DryRunRollback:
        pass
    if source.pk is not None and FederationSource.objects.filter(pk=source.pk).exists():
        source.refresh_from_db()
    return report
