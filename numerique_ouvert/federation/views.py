"""Admin views: a source's report with its "Synchroniser maintenant" button, and hiding or
showing a reference."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from .models import FederatedReference, FederationSource
from .sync import sync_source

CHANGE_SOURCE = "numerique_ouvert_federation.change_federationsource"


def source_report(request, pk: int):
    """GET: the last report and the counts; POST: sync now, in the request (a source is
    read in pages of 20 items: a few hundred items take seconds), then back here."""
    if not request.user.has_perm(CHANGE_SOURCE):
        raise PermissionDenied
    source = get_object_or_404(FederationSource, pk=pk)
    if request.method == "POST":
        report = sync_source(source, dry_run=request.POST.get("dry_run") == "1")
        if report.interrupted:
            messages.error(request, _("Synchronisation interrompue : %(reason)s. Relancez-la pour "
                                      "reprendre là où elle s’est arrêtée.")
                           % {"reason": report.interrupted})
        else:
            messages.success(request, report.summary())
        return redirect("numerique_ouvert_federation_report", pk=source.pk)
    counts = source.references.aggregate(
        total=Count("pk"), hidden=Count("pk", filter=Q(hidden=True)),
        withdrawn=Count("pk", filter=Q(withdrawn=True)))
    return TemplateResponse(request, "numerique_ouvert/federation/source_report.html", {
        "source": source, "report": source.last_report, "counts": counts,
        "references": source.references.select_related("page").order_by("kind", "page__title"),
    })


def _reference_page(request, page_id: int, permission: str):
    page = get_object_or_404(Page, pk=page_id)
    if not getattr(page.permissions_for_user(request.user), permission)():
        raise PermissionDenied
    reference = get_object_or_404(FederatedReference, page=page)
    return page.specific, reference


def _back(request, page):
    return redirect(get_valid_next_url_from_request(request)
                    or reverse("wagtailadmin_explore", args=[page.get_parent().pk]))


@require_POST
def hide_reference(request, page_id: int):
    page, reference = _reference_page(request, page_id, "can_unpublish")
    if page.live:
        page.unpublish(user=request.user)  # the signal marks the reference hidden
    else:
        reference.hidden = True
        reference.save(update_fields=["hidden"])
    messages.success(request, _("« %(title)s » est masquée : elle le restera aux prochaines "
                                "synchronisations.") % {"title": page.title})
    return _back(request, page)


@require_POST
def show_reference(request, page_id: int):
    page, reference = _reference_page(request, page_id, "can_publish")
    if reference.withdrawn:
        reference.hidden = False
        reference.save(update_fields=["hidden"])
        messages.warning(request, _("« %(title)s » a été retirée par sa source : elle sera "
                                    "publiée si la source la publie de nouveau.")
                         % {"title": page.title})
    else:
        revision = page.get_latest_revision() or page.save_revision()
        revision.publish(user=request.user)  # the signal clears ``hidden``
        messages.success(request, _("« %(title)s » est de nouveau publiée.") % {"title": page.title})
    return _back(request, page)
