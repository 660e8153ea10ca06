"""The admin import form: a format, a file or an address, where to create the pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from numerique_ouvert.conf import get_setting

from .base import IMPORTERS


class ImportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"))
    file = forms.FileField(label=_("Fichier"), required=False)
    url = forms.URLField(label=_("ou adresse du fichier"), required=False, assume_scheme="https",
                         help_text=_("Adresse http(s) publique d'un fichier à télécharger."))
    parent = forms.ModelChoiceField(
        label=_("Page parente des nouvelles pages"), queryset=Page.objects.all(), required=False,
        widget=AdminPageChooser(),
        help_text=_("Vide : la première liste de communs ou de guides du site qui convient."))
    publish = forms.BooleanField(
        label=_("Publier les pages"), required=False,
        help_text=_("Sinon, les nouvelles pages sont des brouillons et les modifications de pages "
                    "publiées attendent dans une révision en brouillon."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = [(key, importer.label or key)
                                         for key, importer in sorted(IMPORTERS.items())]

    def clean(self):
        data = super().clean()
        if bool(data.get("file")) == bool(data.get("url")):
            raise forms.ValidationError(_("Choisissez un fichier ou donnez une adresse (l'un des deux)."))
        upload = data.get("file")
        limit = get_setting("INTEROP_MAX_FILE_BYTES")
        if upload is not None and upload.size > limit:
            self.add_error("file", _("Le fichier fait %(size)d octets : %(max)d au plus.")
                           % {"size": upload.size, "max": limit})
        return data
