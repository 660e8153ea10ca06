"""Template tags of the testimonies feature."""

from __future__ import annotations

from django import template

from numerique_ouvert.core.structured_data import render_json_ld

from ..structured_data import page_testimonies_data

register = template.Library()


@register.simple_tag(takes_context=True)
def testimonies_json_ld(context, testimonies, page):
    """JSON-LD ``<script>`` of the testimonies shown about ``page`` (nothing when none)."""
    return render_json_ld(page_testimonies_data(context.get("request"), page, testimonies))
