"""Admin registration of guides: a listing of every guide page of the portal."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.pages import PageListingViewSet

from .models import GuidePage


class GuidePageListingViewSet(PageListingViewSet):
    model = GuidePage
    icon = "doc-full"
    menu_label = _("Guides")
    menu_order = 201
    add_to_admin_menu = True


@hooks.register("register_admin_viewset")
def register_guide_listing():
    return GuidePageListingViewSet("numerique_ouvert_guides")
