"""The sitemap of a portal: the pages of the requested site that search engines may index."""

from __future__ import annotations

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import get_page_models

from .features import enabled_features_for_site, feature_of
from .queries import public


def _top_models(models: list[type]) -> list[type]:
    """Each table once: a multi-table subclass is queried through its parent."""
    return [model for model in models
            if not any(other is not model and issubclass(model, other) for other in models)]


def hidden_page_models() -> list[type]:
    """Concrete page types carrying the ``listed`` and ``noindex`` switches."""
    from .models import BasePortalPage

    return _top_models([model for model in get_page_models()
                        if issubclass(model, BasePortalPage) and not model._meta.abstract])


def disabled_page_models(enabled: set[str]) -> list[type]:
    return [model for model in get_page_models()
            if feature_of(model) and feature_of(model) not in enabled]


class PortalSitemap(Sitemap):
    """Live, public pages of the requested site, minus those whose editors asked not to be
    indexed (``noindex``) or listed (``listed``), and those of switched-off features.

    Everything is filtered in one SQL query (one subquery per page type with the switches), and
    the specific pages come in one query per page type: the cost does not grow with the pages.
    """

    def items(self):
        from django.contrib.contenttypes.models import ContentType

        site = self.get_wagtail_site()
        enabled = enabled_features_for_site(site, request=self.request)
        pages = site.root_page.get_descendants(inclusive=True).live()
        disabled = disabled_page_models(enabled)
        if disabled:
            types = ContentType.objects.get_for_models(*disabled, for_concrete_models=False)
            pages = pages.exclude(content_type__in=[ct.pk for ct in types.values()])
        for model in hidden_page_models():
            hidden = model.objects.filter(Q(noindex=True) | Q(listed=False)).values("pk")
            pages = pages.exclude(pk__in=hidden)
        return public(pages, self.request).order_by("path").defer_streamfields().specific()
