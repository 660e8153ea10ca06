"""The API's router: ``numerique_ouvert.urls`` mounts it at ``api/v2/`` (URL namespace
``numerique_ouvert_api``).

A site that wants more endpoints (images, documents…) registers them on this router, or builds
its own router from the viewsets of this package.
"""

from __future__ import annotations

from django.apps import apps
from wagtail.api.v2.router import WagtailAPIRouter

from .pages import PortalPagesAPIViewSet
from .stages import ParcoursStagesAPIViewSet

api_router = WagtailAPIRouter("numerique_ouvert_api")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("stages", ParcoursStagesAPIViewSet)

# A feature left out of INSTALLED_APPS has no endpoint (its models do not exist).
if apps.is_installed("numerique_ouvert.testimonies"):
    from .testimonies import TestimoniesAPIViewSet

    api_router.register_endpoint("testimonies", TestimoniesAPIViewSet)
