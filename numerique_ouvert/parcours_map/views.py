"""What the routes of the map page do: the maps (portal, event, room screen), their JSON for
the live refresh, and the form "Je me situe sur le parcours"."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from numerique_ouvert.conf import get_setting
from numerique_ouvert.core.participation import rate_limited

from .aggregate import MapData, map_data
from .events import is_running, running_event, site_event
from .forms import PositionForm
from .svg import layout

EVENT_PARAM = "evenement"
# Seconds a client or a CDN may keep the JSON of a map: every poller of a room then costs one
# computation per few seconds at most.
DATA_MAX_AGE = 5
EXPORT_PERMISSION = "numerique_ouvert_parcours_map.view_parcoursposition"


def fragment_context(map_page, data: MapData, event=None) -> dict:
    """What ``map_fragment.html`` (the SVG and its table) needs."""
    if event is not None:
        map_id = f"carte-evenement-{event.pk}"
        title = _("Carte du parcours : %(event)s") % {"event": event.title}
    else:
        map_id, title = "carte-portail", map_page.title
    return {"data": data, "svg": layout(data, map_id), "map_id": map_id, "map_title": title}


def summary(data: MapData) -> str:
    """The sentence the live region announces when the map changes."""
    return ngettext("Carte mise à jour : %(count)d participant.",
                    "Carte mise à jour : %(count)d participants.",
                    data.participants) % {"count": data.participants}


def export_url(request, map_page, event=None) -> str | None:
    """The admin's CSV export of these positions, for editors allowed to see them."""
    if not request.user.is_authenticated or not request.user.has_perm(EXPORT_PERMISSION):
        return None
    try:
        url = reverse("parcours_map_positions:index")
    except NoReverseMatch:  # the viewset is not registered (wagtail_hooks not loaded)
        return None
    url += f"?export=csv&map_page={map_page.pk}"
    return url + (f"&event={event.pk}" if event is not None else "")


def map_view(map_page, request, event_id: int | None = None):
    event = None
    if event_id is not None:
        event = site_event(request, event_id)
        if event is None:
            raise Http404
    data = map_data(map_page.pk, event.pk if event else None, request)
    live = event is not None and is_running(event, map_page.event_margin)
    context = {
        **fragment_context(map_page, data, event),
        "event": event,
        "live": live,
        "poll_url": map_page.data_url(event.pk) if live else "",
        "refresh_url": map_page.map_url(event.pk if event else None),
        "form_url": (map_page.form_url(event.pk) if live
                     else map_page.form_url() if event is None else ""),
        "screen_url": map_page.screen_url(event.pk) if live else "",
        "portal_map_url": map_page.map_url() if event is not None else "",
        "export_url": export_url(request, map_page, event),
    }
    return map_page.render(request, context_overrides=context)


def data_view(map_page, request, event_id: int | None = None):
    event = None
    if event_id is not None:
        event = site_event(request, event_id)
        if event is None:
            raise Http404
    data = map_data(map_page.pk, event.pk if event else None, request)
    html = render_to_string("numerique_ouvert/parcours_map/map_fragment.html",
                            fragment_context(map_page, data, event), request=request)
    response = JsonResponse({
        "version": data.version,
        "participants": data.participants,
        "cells": data.cells,
        "summary": summary(data),
        "html": html,
    }, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=DATA_MAX_AGE)
    return response


def screen_view(map_page, request, event_id: int):
    """The room screen: the event's map, large, with the QR code of the event's form."""
    event = site_event(request, event_id)
    if event is None:
        raise Http404
    data = map_data(map_page.pk, event.pk, request)
    live = is_running(event, map_page.event_margin)
    context = {**fragment_context(map_page, data, event), "event": event, "live": live,
               "poll_url": map_page.data_url(event.pk),
               "refresh_url": map_page.screen_url(event.pk),
               # No header nor footer on the screen: the skip links to them would lead nowhere.
               "skiplinks": [{"link": "#contenu", "label": _("Contenu")}]}
    if live:
        form_url = request.build_absolute_uri(map_page.form_url(event.pk))
        context["form_absolute_url"] = form_url
        context["form_short_url"] = form_url.split("://", 1)[-1]
        context["qr_svg"] = qr_code_svg(form_url)
    return map_page.render(request, context_overrides=context,
                           template="numerique_ouvert/parcours_map/screen.html")


def qr_code_svg(url: str) -> str:
    """The QR code of ``url`` as inline SVG (segno, pure Python), scaled by its viewBox; the
    page gives the same address in text beside it."""
    import segno
    from django.utils.safestring import mark_safe

    svg = segno.make(url, error="m").svg_inline(
        omitsize=True, border=2, dark="#161616", light="#ffffff", svgclass="portal-map__qr")
    # Generated from our own URL, not from visitors' text; hidden from screen readers, which
    # read the address printed next to it.
    return mark_safe(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))


def form_view(map_page, request):
    requested = request.POST.get(EVENT_PARAM) or request.GET.get(EVENT_PARAM)
    event = running_event(request, requested, map_page.event_margin) if requested else None
    refusal = None
    if request.method == "POST":
        form = PositionForm(request.POST)
        refusal = rate_limited(request, "position", get_setting("POSITION_RATE"))
        if refusal is None and form.is_valid():
            form.save(map_page, event)
            if event is not None:
                messages.success(request, _(
                    "Merci : votre position est ajoutée à la carte de « %(event)s ».")
                    % {"event": event.title})
            elif requested:
                messages.success(request, _(
                    "Merci : l'événement n'étant pas en cours, votre position est ajoutée à "
                    "la carte du portail."))
            else:
                messages.success(request, _("Merci : votre position est ajoutée à la carte."))
            return HttpResponseRedirect(map_page.map_url(event.pk if event else None),
                                        status=303)
    else:
        form = PositionForm(initial={EVENT_PARAM: event.pk if event else None})
    response = map_page.render(request, context_overrides={
        "route_title": _("Je me situe sur le parcours"),
        # A stale QR code or a forged id: the position would go to the portal's map; say so.
        "form": form, "event": event, "event_refused": bool(requested) and event is None,
        "form_action": map_page.form_url(), "map_url": map_page.map_url(
            event.pk if event else None),
        **(refusal.context() if refusal else {}),
    }, template="numerique_ouvert/parcours_map/form_page.html")
    return refusal.refuse(response) if refusal else response
