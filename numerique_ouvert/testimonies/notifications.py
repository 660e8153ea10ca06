"""E-mails to the moderators: one digest for the testimonies waiting, not one mail per
submission.

The public form calls :func:`send_moderation_digest` after each submission: the first one sends
at once, the next ones wait until ``MODERATION_DIGEST_MINUTES`` have passed since the last digest.
``manage.py notify_moderators``, run from cron every few minutes, sends whatever still waits.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import connection, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from numerique_ouvert.conf import get_setting

from .models import ModerationStatus, Testimony

logger = logging.getLogger(__name__)

EXCERPT_LENGTH = 200


def send_moderation_digest(*, force: bool = False) -> int:
    """Announce the testimonies waiting and not announced yet, in one e-mail to the moderators;
    return how many were announced. Without ``force``, nothing is sent while the last digest is
    younger than ``MODERATION_DIGEST_MINUTES``: the submissions wait for the next one."""
    waiting = Testimony.objects.filter(status=ModerationStatus.SUBMITTED, notified_at=None)
    if not waiting.exists():
        return 0
    if not force and digest_sent_recently():
        return 0
    recipients = moderator_addresses()
    if not recipients:
        # Unclaimed: they go out with the first digest once the group has a member.
        logger.warning("Testimonies wait for moderation but the group %r has no active member "
                       "with an e-mail address.", get_setting("MODERATORS_GROUP"))
        return 0
    testimonies, claimed_at = claim(waiting)
    if not testimonies:  # another process claimed them meanwhile
        return 0
    try:
        send_digest(testimonies, recipients)
    except Exception:
        # Released, so that the next digest (at the latest from cron) announces them.
        Testimony.objects.filter(pk__in=[t.pk for t in testimonies],
                                 notified_at=claimed_at).update(notified_at=None)
        raise
    return len(testimonies)


def digest_sent_recently() -> bool:
    last = Testimony.objects.aggregate(last=Max("notified_at"))["last"]
    interval = datetime.timedelta(minutes=get_setting("MODERATION_DIGEST_MINUTES"))
    return last is not None and timezone.now() - last < interval


def moderator_addresses() -> list[str]:
    """E-mail addresses of the active members of the moderators' group."""
    users = (get_user_model().objects
             .filter(is_active=True, groups__name=get_setting("MODERATORS_GROUP"))
             .exclude(email="").order_by("email").values_list("email", flat=True).distinct())
    return list(users)


def claim(waiting) -> tuple[list[Testimony], datetime.datetime]:
    """Mark the waiting testimonies as announced before sending, so that two processes never
    announce the same one: rows locked by another process are skipped where the database can
    lock rows, and the update only takes rows still unclaimed everywhere (SQLite included)."""
    claimed_at = timezone.now()
    with transaction.atomic():
        rows = waiting.order_by("submitted_at", "pk")
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True)
        ids = list(rows.values_list("pk", flat=True))
        Testimony.objects.filter(pk__in=ids, notified_at=None).update(notified_at=claimed_at)
    testimonies = list(Testimony.objects.filter(pk__in=ids, notified_at=claimed_at)
                       .select_related("related_page").order_by("submitted_at", "pk"))
    return testimonies, claimed_at


def admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_digest(testimonies: list[Testimony], recipients: list[str]) -> None:
    """One e-mail: excerpt, page and admin link of each testimony. Never the contact address."""
    viewset = Testimony.snippet_viewset
    items = [{
        "excerpt": t.text[:EXCERPT_LENGTH] + ("…" if len(t.text) > EXCERPT_LENGTH else ""),
        "author": t.display_name,
        "page": t.related_page.title if t.related_page else "",
        "url": admin_url(reverse(viewset.get_url_name("edit"), args=[t.pk])),
    } for t in testimonies]
    list_url = reverse(viewset.get_url_name("list"))
    context = {
        "count": len(items),
        "items": items,
        "queue_url": admin_url(f"{list_url}?status={ModerationStatus.SUBMITTED}"),
        "total_waiting": Testimony.objects.filter(status=ModerationStatus.SUBMITTED).count(),
    }
    # In the portal's language, whatever the language of the visitor whose submission sent it.
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(
            "numerique_ouvert/testimonies/emails/moderation_digest_subject.txt", context).split())
        body = render_to_string("numerique_ouvert/testimonies/emails/moderation_digest_body.txt",
                                context)
    send_mail(subject, body, None, recipients)
