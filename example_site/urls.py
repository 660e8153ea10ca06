"""URLs of the example site: admin, documents, then the portal's pages."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from example_site.health import health

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Load balancers and monitoring: 200 while the database answers (docs/deployment.md).
    path("sante/", health, name="health"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The portal in the active language: French at the root, English under /en/ (search, feeds and
# pages alike). Without i18n_patterns (a site without content translation), the same two lines
# go straight into urlpatterns.
urlpatterns += i18n_patterns(
    path("", include("numerique_ouvert.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
