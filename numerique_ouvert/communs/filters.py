"""Filters of the commun listings: stage, tag, nature, maturity, licence and public actor."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from numerique_ouvert.core.filters import FacetSpec, ListingFilterSet

from .choices import CommunKind, CommunStatus


class CommunFilterSet(ListingFilterSet):
    nature = django_filters.ChoiceFilter(label=_("Nature"), field_name="kind",
                                         choices=CommunKind.choices,
                                         empty_label=_("Toutes les natures"))
    statut = django_filters.ChoiceFilter(label=_("Maturité"), field_name="status",
                                         choices=CommunStatus.choices,
                                         empty_label=_("Toutes les maturités"))
    licence = django_filters.CharFilter(label=_("Licence"), field_name="licence")
    acteur = django_filters.NumberFilter(label=_("Acteur public"), method="filter_actor")

    facets = {
        **ListingFilterSet.facets,
        "nature": FacetSpec("kind"),
        "statut": FacetSpec("status"),
        "licence": FacetSpec("licence", label="licence", limit=30),
        "acteur": FacetSpec("actor_relations__actor_id", label="actor_relations__actor__name",
                            limit=50),
    }
    any_labels = {**ListingFilterSet.any_labels, "licence": _("Toutes les licences"),
                  "acteur": _("Tous les acteurs")}

    def filter_actor(self, queryset, name, value):
        # A subquery, not a join: an actor may hold several relations with the same commun.
        relations = queryset.model._meta.get_field("actor_relations").related_model
        return queryset.filter(
            pk__in=relations.objects.filter(actor_id=value).values("page_id"))
