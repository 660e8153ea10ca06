"""The testimonies endpoint: the testimonies the portal publishes, and nothing of moderation.

Only registered when the testimonies app is installed; answers 404 while the feature is off
for the site.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Site

from numerique_ouvert.core.features import is_feature_enabled
from numerique_ouvert.core.queries import site_root_page
from numerique_ouvert.testimonies.models import FEATURE, Testimony

from .base import PrefetchingViewSetMixin
from .filters import STAGE_PARAMETER, FieldsFilter, StageFilter


class TestimoniesAPIViewSet(PrefetchingViewSetMixin, BaseAPIViewSet):
    """Approved testimonies whose authors agreed to publication, about a page of the requested
    site or about no page in particular, newest first: the portal's own testimony listing.

    What a testimony serves is ``Testimony.api_fields``: never its contact address, moderation
    status or submission date. Its ``related_page`` is only given when the pages endpoint shows
    that page.
    """

    model = Testimony
    name = "testimonies"
    filter_backends = [FieldsFilter, OrderingFilter, StageFilter]
    known_query_parameters = (
        (BaseAPIViewSet.known_query_parameters - {"search", "search_operator"})
        | {STAGE_PARAMETER})

    def get_queryset(self):
        if not is_feature_enabled(FEATURE, request=self.request):
            raise Http404(_("Les témoignages ne sont pas publiés sur ce portail."))
        site = Site.find_for_request(self.request)
        if site is None:
            raise Http404
        return (Testimony.objects.published().for_site(site_root_page(self.request).url_path)
                .order_by("-published_at", "-pk"))

    @classmethod
    def get_listing_default_fields(cls, model):
        # A testimony is short: listings show it whole.
        return cls.get_available_fields(model)
