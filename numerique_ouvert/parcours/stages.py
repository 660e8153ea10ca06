"""The list of parcours stages, read on almost every public page, kept in the cache.

Stages change rarely (editors rename or reorder them); ``signals`` bump the cache version when
one is saved or deleted.
"""

from __future__ import annotations

from django.http import HttpRequest

from numerique_ouvert.core.cache import bump, cached

STAGES = "stages"


def stage_order_key(stage) -> tuple:
    """Parcours order: by number, unnumbered stages (``Orderable.sort_order`` is nullable) last."""
    return (stage.sort_order is None, stage.sort_order or 0, stage.pk)


def all_stages(request: HttpRequest | None = None) -> list:
    """Every stage in parcours order (unnumbered stages last), once per request at most."""
    from .models import ParcoursStage

    memo = getattr(request, "_numerique_ouvert_stages", None) if request is not None else None
    if memo is not None:
        return memo

    def compute() -> list:
        return sorted(ParcoursStage.objects.all(), key=stage_order_key)

    stages = cached(STAGES, "all", compute)
    if request is not None:
        request._numerique_ouvert_stages = stages
    return stages


def stage_choices() -> list[tuple[str, str]]:
    """``(slug, name)`` of every stage, for choice fields and filters."""
    return [(stage.slug, stage.name) for stage in all_stages()]


def invalidate_stages(**kwargs) -> None:
    bump(STAGES)
