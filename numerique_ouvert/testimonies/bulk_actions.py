"""Bulk "Approuver" and "Refuser" in the testimonies' listing: each testimony is decided as one
by one (``admin_views.decide``, logged); those that cannot be approved are reported, the others
go through."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .admin_views import can_moderate, decide
from .models import Testimony


class ModerationBulkAction(SnippetBulkAction):
    models = [Testimony]
    decision = ""
    template_name = "numerique_ouvert/testimonies/admin/confirm_bulk_moderation.html"

    def check_perm(self, snippet):
        return can_moderate(self.request.user)

    @classmethod
    def execute_action(cls, objects, self=None, **kwargs):
        # ``self`` comes from SnippetBulkAction.get_execution_context (this is a classmethod).
        outcomes = [(testimony, decide(testimony, cls.decision, self.request.user))
                    for testimony in objects]
        self.refused = [(testimony, reason) for testimony, reason in outcomes if reason]
        return len(objects) - len(self.refused), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if self.refused:
            messages.warning(self.request, ngettext(
                "Ce témoignage n'a pas été modifié : %(list)s",
                "Ces %(count)d témoignages n'ont pas été modifiés : %(list)s",
                len(self.refused)) % {
                    "count": len(self.refused),
                    "list": " ; ".join(f"« {testimony} » ({reason})"
                                       for testimony, reason in self.refused)})
        return self.done_message(num_parent_objects)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "decision": self.decision}


class ApproveBulkAction(ModerationBulkAction):
    display_name = _("Approuver")
    action_type = "approve"
    aria_label = _("Approuver les témoignages choisis")
    action_priority = 10
    decision = "approve"

    def done_message(self, count: int) -> str:
        return ngettext("%(count)d témoignage approuvé.", "%(count)d témoignages approuvés.",
                        count) % {"count": count}


class RejectBulkAction(ModerationBulkAction):
    display_name = _("Refuser")
    action_type = "reject"
    aria_label = _("Refuser les témoignages choisis")
    action_priority = 20
    decision = "reject"

    def done_message(self, count: int) -> str:
        return ngettext("%(count)d témoignage refusé.", "%(count)d témoignages refusés.",
                        count) % {"count": count}
