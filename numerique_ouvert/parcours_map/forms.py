"""The form "Je me situe sur le parcours": stages, role and capacity, nothing personal."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from numerique_ouvert.core.participation import ProtectedForm
from numerique_ouvert.parcours.models import ParcoursCapacity, ParcoursRole
from numerique_ouvert.parcours.stages import all_stages, stage_choices

from .models import ParcoursPosition


class PositionForm(ProtectedForm):
    """One position: the view passes the map page and the running event (or ``None``)."""

    # Choices from the cached stage list: the form embedded on an event page costs no query.
    stages = forms.MultipleChoiceField(
        label=_("Où vous situez-vous sur le parcours ?"), choices=stage_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Une ou plusieurs étapes."),
        error_messages={"required": _("Choisissez au moins une étape du parcours.")})
    role = forms.ChoiceField(
        label=_("Votre rôle"), choices=ParcoursRole.choices, widget=forms.RadioSelect,
        help_text=_("Pratiquant : vous le faites ; sympathisant : vous le soutenez ; "
                    "ambassadeur : vous le promouvez autour de vous."),
        error_messages={"required": _("Choisissez votre rôle.")})
    capacity = forms.ChoiceField(
        label=_("Vous venez"), choices=ParcoursCapacity.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Indiquez à quel titre vous venez.")})
    # The event the form was shown for; the view checks it is running, here and now.
    evenement = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        # Its own ids: on an event page it sits next to the testimony form, whose fields
        # (stages, honeypot, token) have the same names.
        kwargs.setdefault("auto_id", "id_position_%s")
        super().__init__(*args, **kwargs)

    def clean_stages(self) -> list:
        chosen = set(self.cleaned_data.get("stages") or ())
        return [stage for stage in all_stages() if stage.slug in chosen]

    def save(self, map_page, event=None) -> tuple[ParcoursPosition, bool]:
        """Store the position; ``(position, created)``. The same form sent twice (same
        submission key) stores one position: the second call finds the first."""
        data = self.cleaned_data
        position = ParcoursPosition(role=data["role"], capacity=data["capacity"],
                                    map_page=map_page, event=event)
        return self.save_once(position, then=lambda saved: saved.stages.set(data["stages"]))
