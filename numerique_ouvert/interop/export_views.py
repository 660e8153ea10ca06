"""Public exports of the catalogue (Catalogi v2 JSON, DCAT-AP JSON-LD) and of each guide
(Markdown with front matter). Only live, public pages of the request's site, of enabled
features; a constant number of queries whatever the number of commons."""

from __future__ import annotations

import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from wagtail.models import Page, Site

from numerique_ouvert.core.features import is_feature_enabled
from numerique_ouvert.core.queries import public

from . import dcat
from .catalogi import export_software
from .markdown import page_to_markdown


def _site(request, feature: str) -> Site:
    site = Site.find_for_request(request)
    if site is None or not is_feature_enabled(feature, request=request):
        raise Http404
    return site


def _commons(request, site: Site, **filters):
    from numerique_ouvert.communs.models import CommunPage

    pages = public(CommunPage.objects.live(), request).descendant_of(site.root_page,
                                                                     inclusive=True)
    return (pages.filter(**filters).order_by("title")
            .prefetch_related("tagged_items__tag", "actor_relations__actor"))


def _tags(page) -> list[str]:
    return sorted((item.tag.name for item in page.tagged_items.all()), key=str.lower)


def _users(page) -> list[str]:
    return [relation.actor.name for relation in page.actor_relations.all()
            if relation.relation == "uses"]


def catalogue_json(request):
    """Software commons in Catalogi's v2 shape (``/api/v2/catalogi.json``)."""
    site = _site(request, "communs")
    data = [export_software(page, url=page.get_full_url(request), tags=_tags(page),
                            users=_users(page))
            for page in _commons(request, site, kind="software")]
    response = JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def catalogue_jsonld(request):
    """Every commun as DCAT-AP / ADMS-AP JSON-LD."""
    from numerique_ouvert.core.models import PortalSettings

    site = _site(request, "communs")
    pages = list(_commons(request, site))
    settings = PortalSettings.for_site(site)
    title = str(settings.site_title)
    data = dcat.catalogue(
        url=request.build_absolute_uri(reverse("numerique_ouvert_interop_catalogue_jsonld")),
        title=title, description=str(settings.site_tagline or title), publisher=title,
        homepage=site.root_page.get_full_url(request),
        assets=[dcat.asset(page, page.get_full_url(request), _tags(page)) for page in pages],
        modified=max((p.last_published_at for p in pages if p.last_published_at), default=None),
    )
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1),
                            content_type="application/ld+json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def guide_markdown(request, page_id: int):
    """One live, public guide as Markdown with front matter (importable again as is)."""
    from numerique_ouvert.guides.models import AbstractGuidePage

    site = _site(request, "guides")
    pages = public(Page.objects.live(), request).descendant_of(site.root_page, inclusive=True)
    page = get_object_or_404(pages, pk=page_id).specific
    if not isinstance(page, AbstractGuidePage):
        raise Http404

    def image_src(image) -> str:
        return request.build_absolute_uri(image.file.url)

    response = HttpResponse(page_to_markdown(page, image_src),
                            content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{page.slug}.md"'
    return response
