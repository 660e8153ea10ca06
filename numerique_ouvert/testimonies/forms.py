"""The public testimony form: what a visitor may send, validated as plain text."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from numerique_ouvert.core.participation import PlainTextField, ProtectedForm
from numerique_ouvert.parcours.models import ParcoursCapacity, ParcoursRole
from numerique_ouvert.parcours.stages import all_stages, stage_choices

from .models import ModerationStatus, Testimony

_field = Testimony._meta.get_field


class TestimonyForm(ProtectedForm):
    """Text, who speaks (all optional but the text), stages, consent and a private address.

    ``related_page`` is the id of the event, commun or guide the visitor came from; the view
    passes the pages a visitor may testify about (``allowed_pages``) so that a forged id is
    refused rather than stored.
    """

    text = PlainTextField(
        label=_("Votre témoignage"), multiline=True, min_length=20,
        max_length=_field("text").max_length,
        help_text=_("Ce que vous avez vécu, appris ou changé : quelques phrases suffisent. "
                    "Texte simple, sans mise en forme ; %(max)s caractères au plus.")
        % {"max": _field("text").max_length},
        widget=forms.Textarea(attrs={"rows": 7}))
    author_name = PlainTextField(
        label=_("Nom affiché"), required=False, max_length=_field("author_name").max_length,
        help_text=_("Laissez vide pour témoigner anonymement."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}))
    role_title = PlainTextField(
        label=_("Fonction"), required=False, max_length=_field("role_title").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}))
    organisation = PlainTextField(
        label=_("Organisation"), required=False, max_length=_field("organisation").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}))
    parcours_role = forms.ChoiceField(
        label=_("Votre rôle sur le parcours"), required=False, choices=ParcoursRole.choices,
        widget=forms.RadioSelect)
    capacity = forms.ChoiceField(
        label=_("Vous témoignez"), required=False, choices=ParcoursCapacity.choices,
        widget=forms.RadioSelect)
    # Choices from the cached stage list: displaying the form costs no query for them.
    stages = forms.MultipleChoiceField(
        label=_("Étapes du parcours concernées"), required=False, choices=stage_choices,
        widget=forms.CheckboxSelectMultiple)
    related_page = forms.IntegerField(required=False, widget=forms.HiddenInput)
    contact_email = forms.EmailField(
        label=_("Adresse électronique (facultative, jamais publiée)"), required=False,
        max_length=_field("contact_email").max_length,
        help_text=_("Seuls les modérateurs la voient, pour vous poser une question ; vous "
                    "recevrez un accusé de réception avec un lien pour retirer votre témoignage. "
                    "Elle est effacée au bout de %(days)s jours."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    consent_to_publish = forms.BooleanField(
        label=_("J'accepte que ce témoignage soit publié sur ce site, avec le nom, la fonction "
                "et l'organisation que j'ai indiqués, après relecture par l'équipe de "
                "modération."),
        error_messages={"required": _(
            "Sans votre accord, nous ne pouvons pas publier votre témoignage : cochez la case "
            "pour l'envoyer.")})

    def __init__(self, *args, allowed_pages=None, **kwargs):
        from numerique_ouvert.conf import get_setting

        super().__init__(*args, **kwargs)
        self.allowed_pages = allowed_pages
        field = self.fields["contact_email"]
        field.help_text = field.help_text % {"days": get_setting("CONTACT_EMAIL_RETENTION_DAYS")}
        # DsfrBaseForm marks required fields with "*"; the consent box is the only one besides
        # the text, and its label says what it is for.

    def clean_related_page(self) -> Page | None:
        page_id = self.cleaned_data.get("related_page")
        if not page_id:
            return None
        page = self.allowed_pages(page_id) if self.allowed_pages else None
        if page is None:
            raise forms.ValidationError(
                _("La page dont vous parlez n'accepte pas de témoignage : témoignez depuis la "
                  "page d'un événement, d'un commun ou d'un guide."), code="related_page")
        return page

    def clean_stages(self) -> list:
        chosen = set(self.cleaned_data.get("stages") or ())
        return [stage for stage in all_stages() if stage.slug in chosen]

    def save(self) -> tuple[Testimony, bool]:
        """Store the testimony as submitted; ``(testimony, created)``. The same form sent
        twice (same submission key) stores one testimony: the second call returns it."""
        data = self.cleaned_data
        testimony = Testimony(
            text=data["text"], author_name=data["author_name"], role_title=data["role_title"],
            organisation=data["organisation"], parcours_role=data["parcours_role"],
            capacity=data["capacity"], related_page=data["related_page"],
            contact_email=data["contact_email"], consent_to_publish=True,
            status=ModerationStatus.SUBMITTED)
        testimony.stages = list(data["stages"])  # written with the row (ParentalManyToManyField)
        return self.save_once(testimony)
