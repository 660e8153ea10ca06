"""A site's own app still on wagtail-modeladmin: registers a ModelAdmin for taggit's tags."""
