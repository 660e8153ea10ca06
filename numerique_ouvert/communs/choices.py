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


class MaintenanceType(models.TextChoices):
    """How a software is maintained (publiccode.yml's maintenance.type)."""

    INTERNAL = "internal", _("Interne (par son propriétaire)")
    CONTRACT = "contract", _("Sous contrat")
    COMMUNITY = "community", _("Par sa communauté")
    NONE = "none", _("Plus maintenu")


# publiccode.yml's platforms: predefined values (others are allowed by the standard).
PLATFORMS = [
    ("web", _("Web")), ("windows", "Windows"), ("mac", "macOS"), ("linux", "Linux"),
    ("ios", "iOS"), ("android", "Android"),
]

# publiccode.yml's controlled vocabulary of software categories (docs/standard/categories-list).
CATEGORIES = (
    "accounting agile-project-management applicant-tracking application-development "
    "appointment-scheduling backup billing-and-invoicing blog budgeting business-intelligence "
    "business-process-management cad call-center-management cloud-management collaboration "
    "communications compliance-management contact-management content-management crm "
    "customer-service-and-support data-analytics data-collection data-visualization design "
    "design-system digital-asset-management digital-citizenship document-management "
    "donor-management e-commerce e-signature educational-content email-management "
    "email-marketing employee-management enterprise-project-management "
    "enterprise-social-networking erp event-management facility-management "
    "feedback-and-reviews-management financial-reporting fleet-management fundraising "
    "gamification geographic-information-systems grant-management graphic-design help-desk hr "
    "ide identity-management instant-messaging integrated-library-system inventory-management "
    "it-asset-management it-development it-management it-security it-service-management "
    "knowledge-management learning-management-system marketing mind-mapping mobile-marketing "
    "mobile-payment network-management office online-booking online-community payment-gateway "
    "payroll predictive-analysis procurement productivity-suite project-collaboration "
    "project-management property-management real-estate-management regulations-and-directives "
    "remote-support resource-management sales-management seo service-desk "
    "social-media-management survey talent-management task-management taxes-management "
    "test-management time-management time-tracking translation video-conferencing video-editing "
    "visitor-management voip warehouse-management web-collaboration web-conferencing "
    "website-builder whistleblowing workflow-management other"
).split()
