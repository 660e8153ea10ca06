"""Helpers of the participation tests: a filled-in testimony form as a visitor sends it."""

from __future__ import annotations

from tests.participation import form_token


def visitor_testimony(page=None, **fields) -> dict:
    """What a visitor's browser posts: every visible field filled as a person would, the
    honeypot empty, the token of a form displayed half a minute ago."""
    data = {
        "text": "Depuis la journée, notre équipe a migré sa messagerie vers un logiciel libre.",
        "author_name": "Camille Martin",
        "role_title": "Cheffe de projet",
        "organisation": "Direction du numérique",
        "parcours_role": "pratiquant",
        "capacity": "project",
        "stages": ["utiliser", "cooperer"],
        "contact_email": "camille.martin@example.gouv.fr",
        "consent_to_publish": "on",
        "site_web": "",
        "jeton": form_token(),
    }
    if page is not None:
        data["related_page"] = page.pk
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def form_url(portal) -> str:
    return portal.testimonies.url + "temoigner/"
