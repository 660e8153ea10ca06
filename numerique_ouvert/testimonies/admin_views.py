"""Moderation of testimonies in the admin: who may moderate (the permission policy), the decision
itself (logged in the history), and the views and buttons that take it.

Registered by ``wagtail_hooks.py``; the bulk actions (``bulk_actions.py``) share ``decide``.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView

from .models import ModerationStatus, Testimony

APPROVE_ACTION = "numerique_ouvert.testimony.approve"
REJECT_ACTION = "numerique_ouvert.testimony.reject"
DECISIONS = {
    "approve": (ModerationStatus.APPROVED, APPROVE_ACTION),
    "reject": (ModerationStatus.REJECTED, REJECT_ACTION),
}


class TestimonyPermissionPolicy(ModelPermissionPolicy):
    """Every action on testimonies (list, add, edit, delete, inspect, bulk…) needs
    ``moderate_testimony`` on top of the model's own permission: an editor given
    ``change_testimony`` by mistake still sees nothing. Superusers pass (``has_perm``)."""

    def user_has_permission(self, user, action):
        return (super().user_has_permission(user, "moderate")
                and super().user_has_permission(user, action))

    def users_with_any_permission(self, actions):
        moderators = super().users_with_any_permission(["moderate"])
        return super().users_with_any_permission(actions).filter(pk__in=moderators.values("pk"))


permission_policy = TestimonyPermissionPolicy(Testimony)


def can_moderate(user) -> bool:
    """Deciding changes the testimony: the moderation and the change permissions."""
    return permission_policy.user_has_permission(user, "change")


def decide(testimony: Testimony, decision: str, user) -> str | None:
    """Approve or reject ``testimony`` as ``user`` and log it in its history; None when done,
    else why not (approving without consent), and then nothing has changed."""
    status, action = DECISIONS[decision]
    try:
        with transaction.atomic():
            testimony.moderate(status, user)
            log(instance=testimony, action=action, user=user)
    except ValidationError as error:
        testimony.refresh_from_db()
        return " ".join(error.messages)
    return None


class DecisionView(View):
    """POST only (CSRF-protected, like every admin POST): a GET never changes a testimony."""

    http_method_names = ["post"]
    decision = ""
    index_url_name = ""

    def post(self, request, pk):
        if not can_moderate(request.user):
            raise PermissionDenied
        testimony = get_object_or_404(Testimony, pk=pk)
        refused = decide(testimony, self.decision, request.user)
        if refused:
            messages.error(request, _("« %(testimony)s » n'a pas été modifié. %(reason)s")
                           % {"testimony": testimony, "reason": refused})
        elif self.decision == "approve":
            messages.success(request, _("« %(testimony)s » est approuvé et publié.")
                             % {"testimony": testimony})
        else:
            messages.success(request, _("« %(testimony)s » est refusé ; il ne sera pas publié.")
                             % {"testimony": testimony})
        return redirect(get_valid_next_url_from_request(request) or self.index_url_name)


class PostButton(Button):
    """A button that POSTs to ``url`` with the CSRF token (Wagtail's ``w-action`` controller,
    as its "Unlock" buttons do). Own template: Wagtail 7.4 renders every ``Button`` as a link."""

    template_name = "numerique_ouvert/testimonies/admin/post_button.html"

    def __init__(self, label, url, **kwargs):
        super().__init__(label, attrs={
            "type": "button", "data-controller": "w-action", "data-action": "w-action#post",
            "data-w-action-url-value": url,
        }, **kwargs)


def decision_url(decision: str, testimony: Testimony) -> str:
    return reverse(Testimony.snippet_viewset.get_url_name(decision), args=[testimony.pk])


def decision_buttons(testimony: Testimony) -> list[Button]:
    """What can still be decided about ``testimony``: approve (with consent only) and reject."""
    buttons = []
    if testimony.status != ModerationStatus.APPROVED and testimony.consent_to_publish:
        buttons.append(PostButton(_("Approuver et publier"),
                                  decision_url("approve", testimony),
                                  icon_name="check", priority=1))
    if testimony.status != ModerationStatus.REJECTED:
        buttons.append(PostButton(_("Refuser"), decision_url("reject", testimony),
                                  icon_name="cross", priority=2))
    return buttons


class TestimonyIndexView(IndexView):
    """The listing: each row's menu decides, and the header leads to what waits."""

    def get_list_more_buttons(self, instance):
        return decision_buttons(instance) + super().get_list_more_buttons(instance)

    @cached_property
    def header_buttons(self):
        waiting = Testimony.objects.filter(status=ModerationStatus.SUBMITTED).count()
        return [HeaderButton(_("À modérer (%(count)d)") % {"count": waiting},
                             url=f"{self.index_url}?status={ModerationStatus.SUBMITTED}",
                             icon_name="openquote"), *super().header_buttons]


class RecordsDecisionMixin:
    """A status chosen in the add or edit form is a decision too: who, when, and the history
    entry, as with the buttons (besides Wagtail's own "created"/"edited" entry)."""

    def save_instance(self):
        instance = super().save_instance()
        if "status" in self.form.changed_data:
            moderated = instance.status != ModerationStatus.SUBMITTED
            instance.moderated_by = self.request.user if moderated else None
            instance.moderated_at = timezone.now() if moderated else None
            Testimony.objects.filter(pk=instance.pk).update(
                moderated_by=instance.moderated_by, moderated_at=instance.moderated_at)
            if moderated:
                action = APPROVE_ACTION if instance.status == ModerationStatus.APPROVED else (
                    REJECT_ACTION)
                log(instance=instance, action=action, user=self.request.user)
        return instance


class TestimonyCreateView(RecordsDecisionMixin, CreateView):
    pass


class TestimonyEditView(RecordsDecisionMixin, EditView):
    """Decide from the testimony's page: the header's menu has the same buttons as the rows."""

    @cached_property
    def header_more_buttons(self):
        return decision_buttons(self.object) + super().header_more_buttons


class ModerationQueuePanel(Component):
    """Dashboard panel for moderators: how many testimonies wait, and the way to them."""

    name = "numerique_ouvert_moderation_queue"
    order = 50
    template_name = "numerique_ouvert/testimonies/admin/queue_panel.html"

    def __init__(self, count: int, queue_url: str):
        self.count = count
        self.queue_url = queue_url

    def get_context_data(self, parent_context=None):
        return {"count": self.count, "queue_url": self.queue_url}
