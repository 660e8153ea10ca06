"""Blocks of an event's programme."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .choices import EventFormat


class SessionBlock(blocks.StructBlock):
    """One session of the day: a plenary, a workshop placed on a parcours stage, a break."""

    start_time = blocks.TimeBlock(label=_("début"))
    end_time = blocks.TimeBlock(label=_("fin"), required=False)
    title = blocks.CharBlock(label=_("titre"), max_length=200)
    format = blocks.ChoiceBlock(label=_("format"), choices=EventFormat.choices, required=False)
    stage = SnippetChooserBlock("numerique_ouvert_parcours.ParcoursStage",
                                label=_("étape du parcours"), required=False)
    speakers = blocks.CharBlock(label=_("intervenants"), required=False, max_length=300)
    room = blocks.CharBlock(label=_("salle"), required=False, max_length=120)
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "time"
        label = _("Séquence")
        template = "numerique_ouvert/events/blocks/session.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["format_label"] = dict(EventFormat.choices).get(value.get("format"), "")
        return context


class ProgrammeBlock(blocks.StreamBlock):
    session = SessionBlock()


class OrganiserBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("nom"), max_length=200)
    url = blocks.URLBlock(label=_("site"), required=False)

    class Meta:
        icon = "group"
        label = _("Organisateur")
