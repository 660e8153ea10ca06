"""Admin registration of the parcours stages (a reorderable snippet listing)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ParcoursStage


class ParcoursStageViewSet(SnippetViewSet):
    model = ParcoursStage
    icon = "list-ol"
    menu_label = _("Parcours")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "short_description", "slug"]
    search_fields = ["name", "short_description"]


register_snippet(ParcoursStageViewSet)
