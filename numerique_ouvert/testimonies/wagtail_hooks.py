"""Admin registration of testimonies: a snippet listing filtered by moderation status."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Testimony


class TestimonyViewSet(SnippetViewSet):
    model = Testimony
    icon = "openquote"
    menu_label = _("Témoignages")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["__str__", "organisation", "status", "consent_to_publish", "submitted_at"]
    list_filter = ["status", "consent_to_publish", "parcours_role", "capacity"]
    search_fields = ["text", "author_name", "organisation"]
    ordering = ["-submitted_at"]


register_snippet(TestimonyViewSet)
