"""A list of short strings stored as JSON and edited as one comma-separated line in the admin."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class CommaSeparatedListFormField(forms.CharField):
    def __init__(self, *, allowed=None, **kwargs):
        self.allowed = allowed
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        text = super().to_python(value)
        return [part.strip() for part in text.split(",") if part.strip()]

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        unknown = [v for v in value if self.allowed is not None and v not in self.allowed]
        if unknown:
            raise ValidationError(_("Valeurs inconnues : %(values)s."),
                                  code="invalid_choice", params={"values": ", ".join(unknown)})


class StringListField(models.JSONField):
    """A JSON list of strings; ``allowed`` (optional) restricts the values the admin accepts."""

    def __init__(self, *args, allowed=None, **kwargs):
        self.allowed = allowed
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        # ``allowed`` is a validation rule of the form, not of the column: no migration for it.
        return super().deconstruct()

    def formfield(self, **kwargs):
        return CommaSeparatedListFormField(
            allowed=self.allowed, required=not self.blank, label=self.verbose_name,
            help_text=self.help_text)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValidationError(_("Une liste de textes est attendue."), code="invalid")
        unknown = [v for v in value if self.allowed is not None and v not in self.allowed]
        if unknown:
            raise ValidationError(_("Valeurs inconnues : %(values)s."),
                                  code="invalid_choice", params={"values": ", ".join(unknown)})
