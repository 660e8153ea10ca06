"""Views of the portal that are not Wagtail pages."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .search import PortalSearch


@require_GET
def search(request):
    """Site search: ``?q=`` the words, ``type=`` a feature key, ``etape=`` a stage slug."""
    portal_search = PortalSearch(request)
    context = {"search": portal_search, "query": portal_search.query,
               "page_title": _("Rechercher")}
    if portal_search.query:
        context["page_obj"] = portal_search.results_page()
    response = render(request, "numerique_ouvert/core/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
