"""Public URLs of the exports (included by ``numerique_ouvert.urls`` under ``interop/``).

Each format adds its routes at the end of ``urlpatterns``.
"""

from django.urls import path

from . import export_views, views

urlpatterns: list = [
    path("communs/<int:page_id>/publiccode.yml", views.commun_publiccode,
         name="numerique_ouvert_interop_publiccode"),
    # Catalogue exports and Markdown guides (export_views: the "formats" part).
    path("catalogue.json", export_views.catalogue_json,
         name="numerique_ouvert_interop_catalogue_json"),
    path("catalogue.jsonld", export_views.catalogue_jsonld,
         name="numerique_ouvert_interop_catalogue_jsonld"),
    path("guides/<int:page_id>.md", export_views.guide_markdown,
         name="numerique_ouvert_interop_guide_markdown"),
]
