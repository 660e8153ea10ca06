"""A ModelAdmin for taggit's Tag model, the way sites built before Wagtail 6 register theirs."""

from taggit.models import Tag
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register


class TagAdmin(ModelAdmin):
    model = Tag
    menu_label = "Mots-clés (ModelAdmin)"
    menu_icon = "tag"
    menu_order = 900
    list_display = ("name", "slug")
    search_fields = ("name",)


modeladmin_register(TagAdmin)
