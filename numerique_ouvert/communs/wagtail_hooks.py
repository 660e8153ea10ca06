"""Admin registration of the communs: their pages, public actors and support programmes."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CommunPage, PublicActor, SupportProgramme


class PublicActorViewSet(SnippetViewSet):
    model = PublicActor
    icon = "group"
    list_display = ["name", "acronym", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]


class SupportProgrammeViewSet(SnippetViewSet):
    model = SupportProgramme
    icon = "pick"
    list_display = ["name", "url"]
    search_fields = ["name"]


class CommunsSnippetsGroup(SnippetViewSetGroup):
    menu_label = _("Communs")
    menu_icon = "cogs"
    menu_order = 215
    items = (PublicActorViewSet, SupportProgrammeViewSet)


register_snippet(CommunsSnippetsGroup)


class CommunPageListingViewSet(PageListingViewSet):
    model = CommunPage
    icon = "cogs"
    menu_label = _("Fiches communs")
    menu_order = 203
    add_to_admin_menu = True


@hooks.register("register_admin_viewset")
def register_commun_listing():
    return CommunPageListingViewSet("numerique_ouvert_communs")
