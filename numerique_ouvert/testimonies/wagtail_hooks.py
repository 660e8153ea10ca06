"""Admin of testimonies: a moderation queue only moderators see, approve/reject one by one or in
bulk, each decision in the history (audit log), and a dashboard panel of what waits.

Who moderates: members of the "Modérateurs" group (migration 0003), i.e. users with the
``moderate_testimony`` permission, and superusers. Editors without it see neither the menu item
nor the queue, even with the model's change permission. The views are in ``admin_views.py``,
the bulk actions in ``bulk_actions.py``.
"""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import (
    APPROVE_ACTION,
    REJECT_ACTION,
    DecisionView,
    ModerationQueuePanel,
    TestimonyCreateView,
    TestimonyEditView,
    TestimonyIndexView,
    permission_policy,
)
from .bulk_actions import ApproveBulkAction, RejectBulkAction
from .models import ModerationStatus, Testimony

try:  # Wagtail 8 looks policies up in a registry, by model.
    from wagtail.permissions import register_permission_policy
except ImportError:  # Wagtail 7.4 asks the viewset (``permission_policy`` below).
    register_permission_policy = None
else:
    register_permission_policy(Testimony, permission_policy)


class TestimonyViewSet(SnippetViewSet):
    model = Testimony
    icon = "openquote"
    menu_label = _("Témoignages")
    menu_order = 220
    add_to_admin_menu = True
    index_view_class = TestimonyIndexView
    add_view_class = TestimonyCreateView
    edit_view_class = TestimonyEditView
    list_display = ["__str__", "related_page", "consent_to_publish", "status", "submitted_at"]
    list_filter = ["status", "consent_to_publish", "parcours_role", "capacity"]
    search_fields = ["text", "author_name", "organisation"]
    ordering = ["-submitted_at"]

    if register_permission_policy is None:
        @cached_property
        def permission_policy(self):
            return permission_policy

    def get_queryset(self, request):
        # The "about" column: one join, not one query per row.
        return Testimony.objects.select_related("related_page")

    def get_urlpatterns(self):
        index_url_name = self.get_url_name("list")
        return super().get_urlpatterns() + [
            path(f"{decision}/<int:pk>/", DecisionView.as_view(
                decision=decision, index_url_name=index_url_name), name=decision)
            for decision in ("approve", "reject")
        ]


register_snippet(TestimonyViewSet)


@hooks.register("register_log_actions")
def register_moderation_actions(actions):
    actions.register_action(APPROVE_ACTION, _("Approuver"), _("Témoignage approuvé"))
    actions.register_action(REJECT_ACTION, _("Refuser"), _("Témoignage refusé"))


hooks.register("register_bulk_action", ApproveBulkAction)
hooks.register("register_bulk_action", RejectBulkAction)


@hooks.register("construct_homepage_panels")
def add_moderation_queue_panel(request, panels):
    if permission_policy.user_has_permission(request.user, "view"):
        list_url = reverse(Testimony.snippet_viewset.get_url_name("list"))
        panels.append(ModerationQueuePanel(
            Testimony.objects.filter(status=ModerationStatus.SUBMITTED).count(),
            f"{list_url}?status={ModerationStatus.SUBMITTED}"))
