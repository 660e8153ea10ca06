"""Testimonies: first-hand accounts tied to a page and to stages, shown only once approved."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from numerique_ouvert.api.fields import ChoiceWithLabelField, LinkedPageField, StagesField
from numerique_ouvert.core.models import BaseIndexPage
from numerique_ouvert.core.queries import site_root_url_path
from numerique_ouvert.parcours.models import ParcoursCapacity, ParcoursRole

from .structured_data import index_testimonies_data

FEATURE = "testimonies"


class ModerationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("À modérer")
    APPROVED = "approved", _("Approuvé")
    REJECTED = "rejected", _("Refusé")


class TestimonyQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        """The only testimonies that may be shown anywhere: approved, with consent."""
        return self.filter(status=ModerationStatus.APPROVED, consent_to_publish=True)

    def for_site(self, root_url_path: str):
        """Testimonies about a live page of the site rooted at ``root_url_path``, or about no
        page in particular: on a multi-site install each portal shows its own."""
        return self.filter(
            models.Q(related_page__isnull=True)
            | models.Q(related_page__url_path__startswith=root_url_path, related_page__live=True)
        )


class Testimony(index.Indexed, ClusterableModel):
    """A testimony. ``contact_email`` is for moderators only and is never rendered publicly."""

    text = models.TextField(_("témoignage"), max_length=4000)
    author_name = models.CharField(_("nom affiché"), max_length=120, blank=True,
                                   help_text=_("Laissez vide pour un témoignage anonyme."))
    role_title = models.CharField(_("fonction"), max_length=160, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    parcours_role = models.CharField(_("rôle sur le parcours"), max_length=20, blank=True,
                                     choices=ParcoursRole.choices)
    capacity = models.CharField(_("à quel titre"), max_length=20, blank=True,
                                choices=ParcoursCapacity.choices)
    stages = ParentalManyToManyField("numerique_ouvert_parcours.ParcoursStage",
                                     verbose_name=_("étapes du parcours"), blank=True,
                                     related_name="+")
    related_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("à propos de"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Un événement, un commun ou un guide."),
    )
    consent_to_publish = models.BooleanField(_("accord pour publication"), default=False)
    contact_email = models.EmailField(
        _("adresse de contact (privée)"), blank=True,
        help_text=_("Visible des seuls modérateurs ; jamais publiée."),
    )
    status = models.CharField(_("statut"), max_length=20, choices=ModerationStatus.choices,
                              default=ModerationStatus.SUBMITTED, db_index=True)
    submitted_at = models.DateTimeField(_("reçu le"), default=timezone.now)
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    moderated_at = models.DateTimeField(_("modéré le"), null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("modéré par"), null=True, blank=True,
        editable=False, on_delete=models.SET_NULL, related_name="+")
    # When the moderators' digest announced it (None: not yet; see notifications.py).
    notified_at = models.DateTimeField(_("signalé aux modérateurs le"), null=True, blank=True,
                                       editable=False)
    # The one-time key of the public form that created it (numerique_ouvert.core.participation):
    # a form sent twice creates one testimony. Empty for testimonies entered in the admin.
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True,
                                      editable=False)

    objects = TestimonyQuerySet.as_manager()

    panels = [
        FieldPanel("text"),
        MultiFieldPanel([
            FieldPanel("author_name"),
            FieldRowPanel([FieldPanel("role_title"), FieldPanel("organisation")]),
            FieldRowPanel([FieldPanel("parcours_role"), FieldPanel("capacity")]),
            FieldPanel("stages"),
        ], heading=_("Auteur ou autrice")),
        PageChooserPanel("related_page"),
        MultiFieldPanel([
            FieldPanel("consent_to_publish"),
            FieldPanel("contact_email"),
            FieldPanel("status"),
        ], heading=_("Modération")),
    ]

    search_fields = [
        index.SearchField("text"),
        index.SearchField("author_name"),
        index.SearchField("organisation"),
        index.FilterField("status"),
        index.FilterField("consent_to_publish"),
    ]
    # What the read-only API serves: never ``contact_email``, the moderation status, consent or
    # submission dates, nor ``author_name`` itself (``display_name`` says "Anonyme" when empty).
    api_fields = [
        APIField("text"),
        APIField("display_name"),
        APIField("role_title"),
        APIField("organisation"),
        APIField("parcours_role", serializer=ChoiceWithLabelField()),
        APIField("capacity", serializer=ChoiceWithLabelField()),
        APIField("stages", serializer=StagesField()),
        APIField("related_page", serializer=LinkedPageField()),
        APIField("published_at"),
    ]

    class Meta:
        ordering = ["-submitted_at"]
        permissions = [("moderate_testimony", _("Peut modérer les témoignages"))]
        verbose_name = _("témoignage")
        verbose_name_plural = _("témoignages")

    def __str__(self) -> str:
        excerpt = self.text[:60] + ("…" if len(self.text) > 60 else "")
        return f"{self.display_name} : {excerpt}"

    @property
    def display_name(self) -> str:
        return self.author_name or _("Anonyme")

    @property
    def is_published(self) -> bool:
        return self.status == ModerationStatus.APPROVED and self.consent_to_publish

    def clean(self) -> None:
        super().clean()
        if self.status == ModerationStatus.APPROVED and not self.consent_to_publish:
            raise ValidationError({"status": _(
                "Un témoignage ne peut être approuvé sans l'accord de son auteur ou autrice.")})
        if self.related_page_id:
            page = Page.objects.filter(pk=self.related_page_id).first()
            if page is not None and not getattr(page.specific_class, "accepts_testimonies",
                                                False):
                raise ValidationError({"related_page": _(
                    "Choisissez un événement, un commun ou un guide.")})

    def save(self, *args, **kwargs):
        if self.status == ModerationStatus.APPROVED and self.published_at is None:
            self.published_at = timezone.now()
        if self.status != ModerationStatus.SUBMITTED and self.moderated_at is None:
            self.moderated_at = timezone.now()
        super().save(*args, **kwargs)

    def moderate(self, status: str, user=None) -> None:
        """Approve or reject (or send back to the queue), recording who did it and when."""
        self.status = status
        self.moderated_at = None if status == ModerationStatus.SUBMITTED else timezone.now()
        self.moderated_by = None if status == ModerationStatus.SUBMITTED else user
        self.full_clean(exclude=["stages"])
        self.save()


class AbstractTestimonyIndexPage(BaseIndexPage):
    """Lists the published testimonies of the portal."""

    numerique_ouvert_feature = FEATURE
    listing_context_name = "testimonies"

    class Meta:
        abstract = True

    def get_listing_queryset(self, request):
        return (Testimony.objects.published().for_site(site_root_url_path(self))
                .select_related("related_page").order_by("-published_at", "-pk"))

    def get_structured_data(self, request) -> dict:
        data = super().get_structured_data(request)
        data["mainEntity"] = index_testimonies_data(request, self)
        return data

    # Visitors' side (views.py): the form, its thank-you page, withdrawal by signed link.
    @property
    def form_url(self) -> str:
        return self.url + self.reverse_subpage("form")

    @path("temoigner/", name="form")
    def testimony_form(self, request):
        from .views import form_view

        return form_view(self, request)

    @path("temoigner/merci/", name="thanks")
    def testimony_thanks(self, request):
        from .views import thanks_view

        return thanks_view(self, request)

    @path("retrait/<str:token>/", name="withdraw")
    def testimony_withdrawal(self, request, token: str):
        from .views import withdrawal_view

        return withdrawal_view(self, request, token)


class TestimonyIndexPage(AbstractTestimonyIndexPage):
    subpage_types = []
    max_count_per_parent = 1
    template = "numerique_ouvert/testimonies/testimony_index_page.html"

    class Meta:
        verbose_name = _("liste des témoignages")
        verbose_name_plural = _("listes des témoignages")
