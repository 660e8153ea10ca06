"""Public URLs of the exports (included by ``numerique_ouvert.urls`` under ``interop/``).

Each format adds its routes at the end of ``urlpatterns``.
"""

urlpatterns: list = []
