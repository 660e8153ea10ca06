"""Public URLs of the exports (included by ``numerique_ouvert.urls`` under ``interop/``).

Each format adds its routes at the end of ``urlpatterns``.
"""

from django.urls import path

from . import views

urlpatterns: list = [
    path("communs/<int:page_id>/publiccode.yml", views.commun_publiccode,
         name="numerique_ouvert_interop_publiccode"),
]
