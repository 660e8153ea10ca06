"""numerique-ouvert: a Wagtail library for open source and digital commons portals."""

__version__ = "0.1.0"
