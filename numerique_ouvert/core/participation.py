"""What every public form of the portal shares (testimonies, positions on the parcours map):
plain text only, a honeypot, a minimum fill time, a one-time submission key and a per-IP rate
limit. See docs/participation.md.

- **Plain text.** :func:`plain_text` normalises what visitors type (Unicode NFC, line ends) and
  drops what has no place in a text (control characters, bidirectional overrides, invisible
  characters). Nothing is stripped or rewritten otherwise: ``<script>`` stays the eight characters
  a visitor typed, stored as such and escaped by the templates on output.
- **Honeypot and fill time.** :class:`ProtectedForm` adds a field people do not see (robots fill
  it) and a signed token holding the time the form was displayed and a random submission key.
- **Exactly once.** :meth:`ProtectedForm.save_once` stores the submission key in a unique
  column: a form sent twice (double click, network retry, concurrent requests) creates one row;
  the second insert is recognised and answered as a success.
- **Rate limit.** :func:`rate_limited` counts POSTs per IP address in Django's cache with
  django-ratelimit; with Redis as the cache the count is shared by every process. Over the
  limit it returns a :class:`RateLimitRefusal`: the message for the form's context, and the
  response made a 429 with ``Retry-After``.
"""

from __future__ import annotations

import re
import secrets
import time
import unicodedata
from dataclasses import dataclass

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from numerique_ouvert.conf import get_setting

# Characters removed from visitors' text: bidirectional embeddings, overrides and isolates (they
# can make a text read differently from what is stored), zero-width spaces and joiners that only
# hide content (the zero-width joiner of emoji sequences, U+200D, is kept), the byte order mark,
# Unicode "tag" characters (invisible), and the interlinear annotation controls.
_INVISIBLE = re.compile(
    "[\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")
_EXCESS_BLANK_LINES = re.compile(r"\n{3,}")
EMAIL_PATTERN = re.compile(r"[^\s@<>()\[\]]+@[^\s@<>()\[\]]+\.[^\s@<>()\[\]]{2,}")


def plain_text(value: str, *, multiline: bool = True) -> str:
    """``value`` as plain text: NFC, ``\\n`` line ends, no control or invisible characters,
    no trailing spaces, two blank lines at most. Single-line values also lose their line ends."""
    if not value:
        return ""
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    value = _INVISIBLE.sub("", value)
    kept = []
    for char in value:
        if char == "\n" or char == "\t":
            kept.append(char if multiline else " ")
            continue
        category = unicodedata.category(char)
        # Cc: control characters (NUL, ESC, DEL, C1); Cs: lone surrogates (not encodable).
        if category in ("Cc", "Cs") or char in "\u2028\u2029":
            kept.append("\n" if multiline and char in "\u2028\u2029" else "")
            continue
        kept.append(char)
    value = "".join(kept)
    if multiline:
        value = "\n".join(line.rstrip() for line in value.split("\n"))
        value = _EXCESS_BLANK_LINES.sub("\n\n", value)
    else:
        value = " ".join(value.split())
    return value.strip()


class PlainTextField(forms.CharField):
    """A text field cleaned by :func:`plain_text`. ``allow_email=False`` refuses e-mail
    addresses: they would be published with the text, and the forms have a private field for
    them."""

    def __init__(self, *, multiline: bool = False, allow_email: bool = False, **kwargs):
        self.multiline = multiline
        self.allow_email = allow_email
        kwargs.setdefault("strip", True)
        super().__init__(**kwargs)

    def to_python(self, value):
        return plain_text(super().to_python(value), multiline=self.multiline)

    def validate(self, value):
        super().validate(value)
        if value and not self.allow_email and EMAIL_PATTERN.search(value):
            raise ValidationError(
                _("N'écrivez pas d'adresse électronique ici : elle serait publiée. Utilisez le "
                  "champ « adresse de contact », que seuls les modérateurs voient."),
                code="email_in_text")


# --- Honeypot, fill time and submission key --------------------------------------------------

TOKEN_SALT = "numerique_ouvert.participation.form"


def new_form_token(started: float | None = None) -> str:
    """A signed ``<time displayed>:<submission key>``."""
    started = time.time() if started is None else started
    return signing.dumps({"t": round(started, 3), "k": secrets.token_urlsafe(24)}, salt=TOKEN_SALT)


class ProtectedForm(DsfrBaseForm):
    """Base of the public forms: a honeypot field, a signed display time and a submission key.
    A ``DsfrBaseForm``: ``{{ form.field_name.as_field_group }}`` renders a field with the
    DSFR markup (label, hint, error message tied to the input).

    In the form's template, ``{% include "numerique_ouvert/core/components/form_protection.html" %}``
    renders the token and the honeypot (hidden from people, screen readers included).
    After validation, ``form.submission_key`` is the key to store in the unique column.
    """

    # A name robots like to fill; people never see the field.
    honeypot_name = "site_web"
    token_name = "jeton"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_name] = forms.CharField(
            label=_("Ne remplissez pas ce champ"), required=False, max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
        self.fields[self.token_name] = forms.CharField(required=False, widget=forms.HiddenInput)
        self.submission_key: str | None = None
        self._token_payload: dict | None = None

    @property
    def honeypot_field(self):
        return self[self.honeypot_name]

    @property
    def token_for_render(self) -> str:
        """The token of the submitted form while it is still valid (same submission key:
        correcting an error and sending again still creates one row), else a new one."""
        if self.is_bound:
            payload = self._read_token(self.data.get(self.add_prefix(self.token_name), ""))
            if payload is not None:
                return self.data.get(self.add_prefix(self.token_name))
        return new_form_token()

    @staticmethod
    def _read_token(token: str) -> dict | None:
        try:
            payload = signing.loads(token, salt=TOKEN_SALT)
        except (signing.BadSignature, TypeError, ValueError):
            return None
        if not isinstance(payload, dict) or not isinstance(payload.get("t"), (int, float)) \
                or not isinstance(payload.get("k"), str):
            return None
        if time.time() - payload["t"] > get_setting("FORM_MAX_AGE_HOURS") * 3600:
            return None  # displayed too long ago
        return payload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(self.honeypot_name):
            raise ValidationError(
                _("Votre envoi ressemble à celui d'un robot et n'a pas été enregistré. Si vous "
                  "avez rempli tous les champs visibles vous-même, rechargez la page et "
                  "recommencez."), code="honeypot")
        payload = self._read_token(self.data.get(self.add_prefix(self.token_name), ""))
        if payload is None:
            raise ValidationError(
                _("Ce formulaire a expiré ou a été modifié. Vos réponses sont conservées : "
                  "envoyez-le à nouveau."), code="token")
        elapsed = time.time() - payload["t"]
        if elapsed < get_setting("FORM_MIN_SECONDS"):
            raise ValidationError(
                _("Envoi trop rapide : prenez quelques secondes pour relire, puis envoyez à "
                  "nouveau."), code="too_fast")
        self.submission_key = payload["k"]
        return cleaned

    def save_once(self, instance, then=None):
        """Insert ``instance`` (a model with a unique ``submission_key``) under this form's
        submission key, then run ``then(instance)`` (its many-to-many rows) in the same
        transaction; ``(instance, created)``. The same form sent twice, even at the same
        moment, stores one row: the second insert fails on the key and returns the first."""
        instance.submission_key = self.submission_key
        try:
            with transaction.atomic():
                instance.save()
                if then is not None:
                    then(instance)
        except IntegrityError:
            existing = type(instance)._default_manager.filter(
                submission_key=self.submission_key).first()
            if existing is None:
                raise
            return existing, False
        return instance, True


# --- Rate limit ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RateLimitRefusal:
    """A request over the limit: how long to wait, for the message and ``Retry-After``."""

    retry_minutes: int

    def context(self) -> dict:
        """What ``core/components/form_errors.html`` shows the visitor."""
        return {"rate_limited": True, "retry_minutes": self.retry_minutes}

    def refuse(self, response):
        """``response`` (the form, re-rendered with what was typed) as a 429."""
        response.status_code = 429
        response["Retry-After"] = str(self.retry_minutes * 60)
        return response


def rate_limited(request, group: str, rate: str) -> RateLimitRefusal | None:
    """Count this request against ``rate`` for its IP address in ``group``; a refusal once
    the limit is exceeded, else ``None``. Counted in the default cache (shared by every process
    with Redis). If the cache cannot be reached, requests are refused (``RATELIMIT_FAIL_OPEN =
    True`` lets them through instead).

    The address is ``REMOTE_ADDR`` unless ``RATELIMIT_IP_META_KEY`` names another header (behind
    a reverse proxy, see docs/participation.md); IPv6 addresses are grouped by /64.
    """
    from django_ratelimit.core import get_usage

    usage = get_usage(request, group=f"numerique_ouvert.{group}", key="ip", rate=rate,
                      method="POST", increment=True)
    if usage is None or not usage["should_limit"]:
        return None
    # Seconds until the window ends, a minute at least (-1 when the cache failed); rounded up.
    seconds = max(usage["time_left"], 60)
    return RateLimitRefusal(retry_minutes=-(-seconds // 60))
