"""Events: announcement, programme and, once it has taken place, the report (compte rendu)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, IntegerField, Value, When
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from numerique_ouvert.api.fields import AbsoluteURLField, ChoiceWithLabelField, EventReportField
from numerique_ouvert.core.blocks import ContentStreamBlock
from numerique_ouvert.core.models import BaseIndexPage, BasePortalPage
from numerique_ouvert.core.structured_data import organisation

from .blocks import OrganiserBlock, ProgrammeBlock
from .choices import EventFormat, EventStatus
from .filters import EventFilterSet
from .ics import build_calendar, calendar_feed, ics_response

FEATURE = "events"
SCHEMA_EVENT_STATUS = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.POSTPONED: "EventPostponed",
}


def upcoming_first(queryset):
    """Upcoming and ongoing events first, soonest first, then past events, latest first."""
    past = Case(When(end__lt=timezone.now(), then=Value(1)), default=Value(0),
                output_field=IntegerField())
    return (
        queryset.annotate(past_rank=past)
        .annotate(
            upcoming_start=Case(When(past_rank=0, then=F("start"))),
            past_start=Case(When(past_rank=1, then=F("start"))),
        )
        .order_by("past_rank", "upcoming_start", F("past_start").desc(), "pk")
    )


class AbstractEventIndexPage(BaseIndexPage):
    """Lists the events under it: upcoming ones first (soonest first), then past ones (latest first)."""

    numerique_ouvert_feature = FEATURE
    listing_model = "numerique_ouvert_events.EventPage"
    listing_context_name = "events"
    filterset_class = EventFilterSet

    class Meta:
        abstract = True

    @classmethod
    def get_child_page_base(cls):
        return AbstractEventPage

    @path("ical/", name="calendar")
    def calendar(self, request):
        """Upcoming events as an iCalendar feed, optionally for one stage (``?etape=``) or
        format (``?format=``): see :func:`.ics.calendar_feed`."""
        return ics_response(calendar_feed(self, request), self.slug)

    @property
    def calendar_url(self) -> str:
        return self.url + self.reverse_subpage("calendar")

    def get_listing_queryset(self, request):
        return upcoming_first(super().get_listing_queryset(request))


class EventIndexPage(AbstractEventIndexPage):
    template = "numerique_ouvert/events/event_index_page.html"

    class Meta:
        verbose_name = _("liste des événements")
        verbose_name_plural = _("listes des événements")


class AbstractEventPage(BasePortalPage):
    """An event. Subclass it, add ``tags = ClusterTaggableManager(through=YourTag)`` and fields."""

    numerique_ouvert_feature = FEATURE
    accepts_testimonies = True
    testimony_prompt = _("Vous étiez là et souhaitez témoigner ?")

    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"))
    all_day = models.BooleanField(_("journée entière"), default=False,
                                  help_text=_("Les heures ne sont alors pas affichées."))
    format = models.CharField(_("format"), max_length=20, choices=EventFormat.choices,
                              default=EventFormat.RENCONTRE)
    status = models.CharField(_("statut"), max_length=20, choices=EventStatus.choices,
                              default=EventStatus.SCHEDULED)
    venue_name = models.CharField(_("lieu"), max_length=200, blank=True)
    venue_address = models.CharField(_("adresse"), max_length=255, blank=True)
    venue_city = models.CharField(_("ville"), max_length=120, blank=True)
    online_url = models.URLField(_("lien de participation en ligne"), blank=True)
    organisers = StreamField([("organiser", OrganiserBlock())], verbose_name=_("organisateurs"),
                             blank=True)
    registration_url = models.URLField(_("lien d'inscription"), blank=True)
    registration_deadline = models.DateTimeField(_("date limite d'inscription"), null=True,
                                                 blank=True)
    description = StreamField(ContentStreamBlock(), verbose_name=_("description"), blank=True)
    programme = StreamField(ProgrammeBlock(), verbose_name=_("programme"), blank=True)
    report = StreamField(
        ContentStreamBlock(), verbose_name=_("compte rendu"), blank=True,
        help_text=_("Publié sur la page une fois l'événement terminé."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
            FieldPanel("all_day"),
            FieldRowPanel([FieldPanel("format"), FieldPanel("status")]),
        ], heading=_("Date et format")),
        MultiFieldPanel([
            FieldPanel("venue_name"),
            FieldPanel("venue_address"),
            FieldPanel("venue_city"),
            FieldPanel("online_url"),
        ], heading=_("Lieu")),
        MultiFieldPanel([
            FieldPanel("registration_url"),
            FieldPanel("registration_deadline"),
        ], heading=_("Inscription")),
        FieldPanel("organisers"),
        FieldPanel("image"),
        FieldPanel("stages"),
        FieldPanel("description"),
        FieldPanel("programme"),
        FieldPanel("report"),
    ]

    search_fields = BasePortalPage.search_fields + [
        index.SearchField("description"),
        index.SearchField("report"),
        index.SearchField("venue_city"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("format"),
    ]
    api_fields = BasePortalPage.api_fields + [
        APIField("start"),
        APIField("end"),
        APIField("all_day"),
        APIField("date_display"),
        APIField("format", serializer=ChoiceWithLabelField()),
        APIField("status", serializer=ChoiceWithLabelField()),
        APIField("venue_name"),
        APIField("venue_address"),
        APIField("venue_city"),
        APIField("online_url"),
        APIField("organisers"),
        APIField("registration_url"),
        APIField("registration_deadline"),
        APIField("registration_open"),
        APIField("ics_url", serializer=AbsoluteURLField()),
        APIField("description"),
        APIField("programme"),
        APIField("report", serializer=EventReportField()),
    ]

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("La fin ne peut pas précéder le début.")
        if self.format == EventFormat.WEBINAIRE and not self.online_url:
            errors["online_url"] = _("Un webinaire a besoin d'un lien de participation.")
        if not self.online_url and not (self.venue_name or self.venue_address):
            errors["venue_name"] = _(
                "Indiquez un lieu pour un événement sur place, ou un lien de participation "
                "pour un événement en ligne.")
        if (self.registration_deadline and self.start
                and self.registration_deadline > self.start):
            errors["registration_deadline"] = _(
                "La date limite d'inscription doit précéder le début de l'événement.")
        if errors:
            raise ValidationError(errors)

    card_icon = "fr-icon-calendar-line"
    schema_type = "Event"

    def get_structured_data(self, request) -> dict:
        data = super().get_structured_data(request)
        data["startDate"] = timezone.localtime(self.start).isoformat()
        data["endDate"] = timezone.localtime(self.end).isoformat()
        data["eventStatus"] = "https://schema.org/" + SCHEMA_EVENT_STATUS[self.status]
        if self.is_in_person and self.is_online:
            mode = "MixedEventAttendanceMode"
        elif self.is_online:
            mode = "OnlineEventAttendanceMode"
        else:
            mode = "OfflineEventAttendanceMode"
        data["eventAttendanceMode"] = "https://schema.org/" + mode
        locations = []
        if self.is_in_person:
            locations.append({
                "@type": "Place",
                "name": self.venue_name or self.venue_city,
                "address": {"@type": "PostalAddress", "streetAddress": self.venue_address,
                            "addressLocality": self.venue_city, "addressCountry": "FR"},
            })
        if self.is_online:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        data["location"] = locations[0] if len(locations) == 1 else locations
        organisers = [organisation(o.value["name"], o.value.get("url") or None)
                      for o in self.organisers]
        if organisers:
            data["organizer"] = organisers[0] if len(organisers) == 1 else organisers
        if self.registration_url:
            data["offers"] = {"@type": "Offer", "url": self.registration_url, "price": "0",
                              "priceCurrency": "EUR", "availability": "https://schema.org/InStock"}
        return data

    @property
    def card_detail(self) -> str:
        return self.date_display

    @property
    def date_display(self) -> str:
        """"13 novembre 2025", "13 novembre 2025, 9 h 30 – 17 h 00", or a range of days."""
        start, end = timezone.localtime(self.start), timezone.localtime(self.end)
        first_day = formats.date_format(start, "DATE_FORMAT")
        if start.date() != end.date():
            return _("du %(start)s au %(end)s") % {
                "start": first_day, "end": formats.date_format(end, "DATE_FORMAT")}
        if self.all_day:
            return first_day
        return _("%(day)s, %(start)s – %(end)s") % {
            "day": first_day, "start": formats.time_format(start, "TIME_FORMAT"),
            "end": formats.time_format(end, "TIME_FORMAT")}

    @path("ical/", name="ics")
    def ics(self, request):
        return ics_response(build_calendar([self], request, self.title), self.slug)

    @property
    def ics_url(self) -> str:
        return self.url + self.reverse_subpage("ics")

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    @property
    def is_ongoing(self) -> bool:
        return self.start <= timezone.now() <= self.end

    @property
    def testimony_form_open(self) -> bool:
        # Participants testify once the event has begun, and for as long as the page is online.
        return self.start <= timezone.now() and not self.is_cancelled

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_in_person(self) -> bool:
        return bool(self.venue_name or self.venue_address)

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    @property
    def registration_open(self) -> bool:
        if not self.registration_url or self.is_past or self.is_cancelled:
            return False
        return self.registration_deadline is None or self.registration_deadline >= timezone.now()

    @property
    def show_report(self) -> bool:
        return self.is_past and bool(self.report)


class EventPage(AbstractEventPage):
    """The default event page type."""

    tags = ClusterTaggableManager(through="numerique_ouvert_events.EventPageTag", blank=True,
                                  verbose_name=_("mots-clés"))

    content_panels = AbstractEventPage.content_panels[:-4] + [
        FieldPanel("tags")] + AbstractEventPage.content_panels[-4:]

    parent_page_types = ["numerique_ouvert_events.EventIndexPage"]
    subpage_types = []
    template = "numerique_ouvert/events/event_page.html"
    # Its cached content fetches the images ({% load_page_images page %}).
    template_loads_images = True

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        # The few unlisted pages, found without reading the table: every public listing and the
        # search exclude them with a subquery on this column.
        indexes = [models.Index(fields=["listed"], condition=models.Q(listed=False),
                                name="events_eventpage_unlisted")]


class EventPageTag(TaggedItemBase):
    """Tags of an event (a concrete through model, as ``ClusterTaggableManager`` requires)."""

    content_object = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="tagged_items")
