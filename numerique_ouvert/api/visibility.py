"""What the API may show: the one definition of a visible page, and filters across page types."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest
from wagtail.models import Page, Site, get_page_models

from numerique_ouvert.core.features import enabled_features_for_site, feature_of
from numerique_ouvert.core.queries import public, site_root_page


def hidden_page_types(enabled: set[str]) -> list[type[Page]]:
    """Page types of the features switched off for the site."""
    return [model for model in get_page_models()
            if feature_of(model) is not None and feature_of(model) not in enabled]


def visible_pages(request: HttpRequest):
    """Pages the API may show on the request's site: live, outside private sections (whoever
    asks: the API never serves restricted content), of page types whose feature is on.

    ``?site=`` is not honoured: a site's API shows that site's pages only.
    """
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    # The tree of the active language (/en/api/v2/ for English); Wagtail's ``?locale=`` filter
    # then narrows nothing further.
    queryset = public(Page.objects.live(), request).descendant_of(site_root_page(request),
                                                                  inclusive=True)
    hidden = hidden_page_types(enabled_features_for_site(None, request=request))
    if hidden:
        # Content types come from Django's cache: no query once warm.
        types = ContentType.objects.get_for_models(*hidden, for_concrete_models=False)
        queryset = queryset.exclude(content_type_id__in=[ct.pk for ct in types.values()])
    return queryset


def _field_owner(model: type[Model], field: str) -> type[Model] | None:
    """The concrete model whose table holds ``field`` (a parent's, for a multi-table child)."""
    try:
        return model._meta.get_field(field).model
    except FieldDoesNotExist:
        return None


def page_models_with(field: str) -> list[type[Model]]:
    """Each concrete page model whose table holds ``field``, once."""
    owners = {_field_owner(model, field) for model in get_page_models()}
    return sorted((owner for owner in owners if owner is not None and not owner._meta.abstract),
                  key=lambda model: model._meta.label)


def matching(model: type[Model], field: str, condition: Q) -> Q | None:
    """``Q`` selecting the ``model`` objects that match ``condition`` on their ``field``;
    ``None`` when no object of ``model`` can have the field.

    A plain ``Page`` has no ``stages``, ``tags`` or ``listed``: the ``Q`` is then one subquery per
    page type that has the field (all in the same SQL query). Subqueries also keep a
    many-to-many condition from repeating rows.
    """
    if _field_owner(model, field) is not None:
        models = [model]
    elif issubclass(model, Page):
        models = page_models_with(field)
    else:
        models = []
    if not models:
        return None
    return reduce(or_, (Q(pk__in=owner._base_manager.filter(condition).values("pk"))
                        for owner in models))


def filter_on(queryset: QuerySet, field: str, condition: Q) -> QuerySet:
    """``queryset`` narrowed to the objects matching ``condition`` on their ``field``."""
    q = matching(queryset.model, field, condition)
    return queryset.none() if q is None else queryset.filter(q)


def exclude_on(queryset: QuerySet, field: str, condition: Q) -> QuerySet:
    """``queryset`` without the objects matching ``condition`` on their ``field``."""
    q = matching(queryset.model, field, condition)
    return queryset if q is None else queryset.exclude(q)
