"""Admin registration of events: a listing of every event page of the portal."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.pages import PageListingViewSet

from .models import EventPage


class EventPageListingViewSet(PageListingViewSet):
    model = EventPage
    icon = "date"
    menu_label = _("Événements")
    menu_order = 202
    add_to_admin_menu = True


@hooks.register("register_admin_viewset")
def register_event_listing():
    return EventPageListingViewSet("numerique_ouvert_events")
