"""Blocks of a commun page: stories of concrete uses."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class UseStoryBlock(blocks.StructBlock):
    """A concrete use of the commun by an administration, told as a short story."""

    title = blocks.CharBlock(label=_("titre"), max_length=200)
    administration = blocks.CharBlock(label=_("administration"), max_length=200)
    year = blocks.IntegerBlock(label=_("année"), required=False, min_value=1990, max_value=2100)
    story = blocks.RichTextBlock(label=_("récit"), features=["bold", "italic", "link", "ul", "ol"])
    link = blocks.URLBlock(label=_("en savoir plus"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Usage")
        template = "numerique_ouvert/communs/blocks/use_story.html"
