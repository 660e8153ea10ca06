"""Related content: pages of the enabled features that share stages and tags with a page.

Ranking runs one ``UNION ALL`` query over every feature (score: 2 per shared tag, 1 per shared
stage, most recently published first on ties); its result (page ids) is cached until any page
is published, unpublished, moved or deleted. The cards then cost one query per page type shown
and one for all their images.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import CharField, Count, F, IntegerField, Q, Value
from django.db.models.functions import Cast
from django.utils.translation import get_language
from wagtail.images import get_image_model
from wagtail.models import Site

from .cache import cached
from .features import enabled_features_for_site, parcours_sources
from .queries import localized_root, prefetch_card_renditions
from .signals import MENU

TAG_WEIGHT, STAGE_WEIGHT = 2, 1


def _ranking(request, page, root, limit: int) -> list[tuple[str, int]]:
    stage_ids = [stage.pk for stage in page.get_stages()]
    tag_ids = [tag.pk for tag in getattr(page, "tag_list", [])]
    if not stage_ids and not tag_ids:
        return []
    parts = []
    for _feature, queryset in parcours_sources(request, root):
        if not hasattr(queryset.model, "path"):
            continue  # pages only: testimonies have their own section
        has_tags = hasattr(queryset.model, "tags")
        shares = Q(stages__in=stage_ids)
        score = STAGE_WEIGHT * Count("stages", filter=Q(stages__in=stage_ids), distinct=True)
        if has_tags and tag_ids:
            shares |= Q(tags__in=tag_ids)
            score = score + TAG_WEIGHT * Count("tags", filter=Q(tags__in=tag_ids), distinct=True)
        parts.append(
            queryset.select_related(None).prefetch_related(None).order_by()
            .filter(shares).exclude(pk=page.pk)
            .values(page_id=F("pk"), model=Cast(Value(queryset.model._meta.label),
                                                output_field=CharField()))
            .annotate(score=Cast(score, output_field=IntegerField()),
                      published=F("first_published_at"))
        )
    if not parts:
        return []
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    rows = union.order_by("-score", "-published", "-page_id")[:limit]
    return [(row["model"], row["page_id"]) for row in rows]


def related_pages(request, page, limit: int = 3) -> list:
    """Up to ``limit`` live, listed, public pages related to ``page``, best first."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None or not hasattr(page, "get_stages"):
        return []
    root = localized_root(site, request)
    enabled = enabled_features_for_site(None, request=request)
    key = f"related:{site.pk}:{page.pk}:{limit}:{get_language()}:{','.join(sorted(enabled))}"
    ranking = cached(MENU, key, lambda: _ranking(request, page, root, limit), timeout=600)
    if not ranking:
        return []
    from django.apps import apps

    by_model = defaultdict(list)
    for label, pk in ranking:
        by_model[label].append(pk)
    found = {}
    image_model = get_image_model()
    for label, pks in by_model.items():
        model = apps.get_model(label)
        image_fields = [f.name for f in model._meta.concrete_fields
                        if f.is_relation and f.related_model is image_model]
        # Filters again: a page unpublished since the ranking was cached is not shown.
        for item in model.objects.live().filter(pk__in=pks, listed=True).select_related(
                *image_fields):
            item._ordered_stages = []  # cards without badges: no query per card
            found[(label, item.pk)] = item
    pages = [found[entry] for entry in ranking if entry in found]
    prefetch_card_renditions(pages)
    return pages
