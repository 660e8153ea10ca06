"""StreamField blocks shared by every page type, rendered with DSFR components.

Extension point: subclass :class:`ContentStreamBlock` (add or remove child blocks) and use it
in your own page subclass; each block's template can be overridden by a site's templates.
"""

from __future__ import annotations

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

TEMPLATE_DIR = "numerique_ouvert/core/blocks/"

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript",
                      "subscript", "strikethrough", "code"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 and 3 headings feed the page's table of contents."""

    text = blocks.CharBlock(label=_("titre"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("niveau"), choices=[("h2", _("Titre 2")), ("h3", _("Titre 3")),
                                    ("h4", _("Titre 4"))], default="h2",
    )
    anchor = blocks.CharBlock(
        label=_("ancre"), required=False, max_length=80,
        help_text=_("Identifiant du lien direct ; déduit du titre s'il est vide."),
    )

    class Meta:
        icon = "title"
        label = _("Titre de section")
        template = TEMPLATE_DIR + "heading.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor_id"] = heading_anchor(value)
        return context


def heading_anchor(value) -> str:
    return slugify(value.get("anchor") or value.get("text") or "") or "section"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("texte"), features=RICH_TEXT_FEATURES)
    link = blocks.URLBlock(label=_("lien"), required=False)
    link_label = blocks.CharBlock(label=_("libellé du lien"), required=False, max_length=80)

    class Meta:
        icon = "help"
        label = _("Mise en avant")
        template = TEMPLATE_DIR + "callout.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citation"))
    author = blocks.CharBlock(label=_("auteur ou autrice"), required=False, max_length=200)
    source = blocks.CharBlock(label=_("source"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = TEMPLATE_DIR + "quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        label=_("texte alternatif"), required=False, max_length=250,
        help_text=_("Décrit l'image pour qui ne la voit pas ; laissez vide si elle est décorative."),
    )
    caption = blocks.CharBlock(label=_("légende"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = TEMPLATE_DIR + "image.html"


class CodeBlock(blocks.StructBlock):
    language = blocks.CharBlock(label=_("langage"), required=False, max_length=40)
    code = blocks.TextBlock(label=_("code"))

    class Meta:
        icon = "code"
        label = _("Code")
        template = TEMPLATE_DIR + "code.html"


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), max_length=200)
    body = blocks.RichTextBlock(label=_("contenu"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    items = blocks.ListBlock(AccordionItemBlock(), label=_("sections"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordéon")
        template = TEMPLATE_DIR + "accordion.html"


class TextTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Tableau")
        template = TEMPLATE_DIR + "table.html"


class FooterLinkBlock(blocks.StructBlock):
    """A link of the footer's bottom row: a page of the site or an external address."""

    label = blocks.CharBlock(label=_("libellé"), max_length=80)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("ou adresse externe"), required=False)

    class Meta:
        icon = "link"
        label = _("Lien")

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks import StructBlockValidationError

        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(block_errors={"url": ValidationError(
                _("Choisissez une page ou indiquez une adresse."))})
        return value


class ContentStreamBlock(blocks.StreamBlock):
    """The body of guides, events, commons and the home page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraphe"), icon="pilcrow",
        features=["h3", "h4"] + RICH_TEXT_FEATURES + ["image", "embed", "blockquote"],
        template=TEMPLATE_DIR + "paragraph.html",
    )
    callout = CalloutBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    table = TextTableBlock()
    code = CodeBlock()
    embed = EmbedBlock(label=_("Vidéo ou contenu intégré"), icon="media",
                       template=TEMPLATE_DIR + "embed.html")
    accordion = AccordionBlock()


def table_of_contents(stream) -> list[dict]:
    """Level 2 and 3 headings of a StreamField value, as ``{"text", "anchor", "level"}``."""
    entries = []
    for child in stream or []:
        if child.block_type == "heading" and child.value.get("level") in ("h2", "h3"):
            entries.append({
                "text": child.value["text"],
                "anchor": heading_anchor(child.value),
                "level": child.value["level"],
            })
    return entries
