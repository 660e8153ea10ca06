"""Admin of the positions: a read-only listing with filters, CSV/XLSX export and deletion (spam
cleanup). Positions are never created nor edited in the admin, not even by superusers."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import CopyView, CreateView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from numerique_ouvert.parcours.models import ParcoursCapacity, ParcoursRole

from .models import ParcoursMapPage, ParcoursPosition


class NoAddOrChange:
    """Nobody may add or change a position through the admin (``default_permissions`` has no
    add/change; this also holds for superusers, who have every permission)."""

    def user_has_permission(self, permission):
        if permission in ("add", "change"):
            return False
        return super().user_has_permission(permission)


def events_with_positions(request):
    return Page.objects.filter(
        pk__in=ParcoursPosition.objects.exclude(event=None).values("event")).order_by("title")


class PositionFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(label=_("Événement"),
                                             queryset=events_with_positions)
    role = django_filters.ChoiceFilter(label=_("Rôle"), choices=ParcoursRole.choices)
    capacity = django_filters.ChoiceFilter(label=_("Qualité"), choices=ParcoursCapacity.choices)
    map_page = django_filters.ModelChoiceFilter(label=_("Carte"),
                                                queryset=ParcoursMapPage.objects.all())

    class Meta:
        model = ParcoursPosition
        fields = ["event", "role", "capacity", "map_page"]


class PositionIndexView(NoAddOrChange, IndexView):
    def get_base_queryset(self):
        return (super().get_base_queryset().select_related("event", "map_page")
                .prefetch_related("stages"))


class RefusedCreateView(NoAddOrChange, CreateView):
    pass


class RefusedEditView(NoAddOrChange, EditView):
    pass


class RefusedCopyView(NoAddOrChange, CopyView):
    pass


class ParcoursPositionViewSet(ModelViewSet):
    model = ParcoursPosition
    name = "parcours_map_positions"
    url_prefix = "carte-du-parcours/positions"
    icon = "table"
    menu_label = _("Carte du parcours")
    menu_order = 230
    add_to_admin_menu = True
    index_view_class = PositionIndexView
    add_view_class = RefusedCreateView
    edit_view_class = RefusedEditView
    copy_view_class = RefusedCopyView
    copy_view_enabled = False
    # Required by ModelViewSet; the add and edit views built from it refuse everyone.
    form_fields = ["role", "capacity"]
    list_display = ["created_on", "event", "stage_names", "role", "capacity"]
    filterset_class = PositionFilterSet
    list_export = ["created_on", "map_page", "event", "stage_names", "get_role_display",
                   "get_capacity_display", "role", "capacity"]
    export_headings = {
        "created_on": _("Date"),
        "map_page": _("Carte"),
        "event": _("Événement"),
        "stage_names": _("Étapes"),
        "get_role_display": _("Rôle"),
        "get_capacity_display": _("Qualité"),
        "role": _("Code du rôle"),
        "capacity": _("Code de la qualité"),
    }
    export_filename = "positions-parcours"


@hooks.register("register_admin_viewset")
def register_positions_viewset():
    return ParcoursPositionViewSet()
