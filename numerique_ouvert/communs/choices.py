"""Enumerations of the communs feature."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CommunKind(models.TextChoices):
    SOFTWARE = "software", _("Logiciel")
    DATA = "data", _("Données")
    DOCUMENTATION = "documentation", _("Documentation")
    OTHER = "other", _("Autre")


class CommunStatus(models.TextChoices):
    """Maturity, aligned on publiccode.yml's developmentStatus."""

    CONCEPT = "concept", _("Idée")
    DEVELOPMENT = "development", _("En développement")
    BETA = "beta", _("Bêta")
    STABLE = "stable", _("Stable")
    OBSOLETE = "obsolete", _("Obsolète")


class ActorRelation(models.TextChoices):
    USES = "uses", _("Utilise")
    FUNDS = "funds", _("Finance")
    CONTRIBUTES = "contributes", _("Contribue")
    HOSTS = "hosts", _("Héberge")


class ActorKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministère ou administration centrale")
    OPERATOR = "operator", _("Opérateur de l'État")
    LOCAL = "local", _("Collectivité territoriale")
    EUROPEAN = "european", _("Institution européenne ou étrangère")
    ASSOCIATION = "association", _("Association ou fondation")
    COMPANY = "company", _("Entreprise")
    OTHER = "other", _("Autre")
