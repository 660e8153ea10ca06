"""Enumerations of the events feature."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventFormat(models.TextChoices):
    RENCONTRE = "rencontre", _("Rencontre")
    ATELIER = "atelier", _("Atelier")
    WEBINAIRE = "webinaire", _("Webinaire")
    MASTER_CLASS = "master-class", _("Master-class")
    TABLE_RONDE = "table-ronde", _("Table ronde")
    CONFERENCE = "conference", _("Conférence")
    OTHER = "autre", _("Autre")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Programmé")
    CANCELLED = "cancelled", _("Annulé")
    POSTPONED = "postponed", _("Reporté")
