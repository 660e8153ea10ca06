"""Models of the core: portal settings per site, abstract page bases and the portal home page."""

from .accessibility import AbstractAccessibilityStatementPage, AccessibilityStatementPage
from .content import AbstractContentPage, AbstractPersonalDataPage, ContentPage, PersonalDataPage
from .home import AbstractPortalHomePage, PortalHomePage
from .pages import BaseIndexPage, BasePortalPage, FeaturePageMixin, IndexPageMixin
from .settings import PortalSettings

__all__ = [
    "AbstractAccessibilityStatementPage",
    "AccessibilityStatementPage",
    "AbstractContentPage",
    "AbstractPersonalDataPage",
    "ContentPage",
    "AbstractPortalHomePage",
    "BaseIndexPage",
    "BasePortalPage",
    "FeaturePageMixin",
    "IndexPageMixin",
    "PersonalDataPage",
    "PortalHomePage",
    "PortalSettings",
]
