"""The portal's read-only API (Wagtail API v2): pages, parcours stages and published testimonies.

Not a Django app: add ``"wagtail.api.v2"`` (and ``"rest_framework"`` for the browsable view) to
``INSTALLED_APPS`` and ``numerique_ouvert.urls`` mounts :data:`numerique_ouvert.api.urls.api_router`
at ``api/v2/``. What each page type serves is its ``api_fields`` (see ``docs/api.md``).
"""
