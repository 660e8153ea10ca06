"""Validation of licence identifiers against the SPDX licence list."""

from __future__ import annotations

from functools import cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@cache
def _licensing():
    # license-expression ships the SPDX list and parses expressions ("MIT OR Apache-2.0").
    from license_expression import get_spdx_licensing

    return get_spdx_licensing()


def normalise_spdx(expression: str) -> str:
    """Return the canonical form of an SPDX licence expression, or raise ``ValidationError``."""
    info = _licensing().validate(expression.strip())
    if info.errors or not info.normalized_expression:
        raise ValidationError(
            _("« %(value)s » n'est pas un identifiant de licence SPDX (par exemple MIT, "
              "AGPL-3.0-or-later, EUPL-1.2, etalab-2.0)."),
            code="invalid_spdx", params={"value": expression},
        )
    return info.normalized_expression


def validate_spdx(value: str) -> None:
    if value:
        normalise_spdx(value)
