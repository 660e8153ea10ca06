"""Public export views: a software commun's publiccode.yml."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from wagtail.models import Page, Site

from numerique_ouvert.core.features import is_feature_enabled
from numerique_ouvert.core.queries import public

from .publiccode import export_publiccode


def commun_publiccode(request, page_id: int):
    """The publiccode.yml of a live, public software commun of the request's site."""
    from numerique_ouvert.communs.models import AbstractCommunPage

    site = Site.find_for_request(request)
    if site is None or not is_feature_enabled("communs", request=request):
        raise Http404
    pages = public(Page.objects.live(), request).descendant_of(site.root_page, inclusive=True)
    page = get_object_or_404(pages, pk=page_id).specific
    if not isinstance(page, AbstractCommunPage) or not page.publiccode_url:
        raise Http404
    response = HttpResponse(export_publiccode(page), content_type="application/yaml; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="publiccode.yml"'
    return response
