"""Which event a map or a position may be tied to, without importing the events feature: any
live, public page of the site with ``start``/``end`` (``AbstractEventPage`` or a page type of
an integrator's own) whose feature is on."""

from __future__ import annotations

from django.utils import timezone
from wagtail.models import Page

from numerique_ouvert.core.features import feature_of, is_feature_enabled
from numerique_ouvert.core.queries import public, site_root_page


def is_event(page) -> bool:
    return hasattr(page, "is_ongoing") and hasattr(page, "start") and hasattr(page, "end")


def site_event(request, event_id) -> Page | None:
    """The event ``event_id`` if it is live and public on the request's site, else ``None``."""
    try:
        event_id = int(event_id)
    except (TypeError, ValueError):
        return None
    root = site_root_page(request)
    page = (public(Page.objects.live(), request).descendant_of(root).filter(pk=event_id)
            .select_related("content_type").first())
    if page is None:
        return None
    page = page.specific
    if not is_event(page) or not is_feature_enabled(feature_of(page), request=request):
        return None
    return page


def is_running(event, margin) -> bool:
    """Whether positions may be tied to ``event`` now: from ``margin`` before it starts to
    ``margin`` after it ends, unless it was cancelled."""
    if getattr(event, "is_cancelled", False):
        return False
    now = timezone.now()
    return event.start - margin <= now <= event.end + margin


def running_event(request, event_id, margin) -> Page | None:
    event = site_event(request, event_id)
    return event if event is not None and is_running(event, margin) else None
