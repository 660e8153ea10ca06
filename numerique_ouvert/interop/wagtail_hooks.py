"""Admin of the imports: the "Importer" menu item and its screen (admin_views.ImportView)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import URL_NAME, ImportView, can_import


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("numerique-ouvert/import/", ImportView.as_view(), name=URL_NAME)]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Importer"), reverse(URL_NAME), icon_name="download", order=900)
