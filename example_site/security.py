"""Security helpers of the example site: the Content-Security-Policy chosen by path, and the
visitor's address behind a reverse proxy (shared by the login lockout and the rate limit)."""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class PathCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with ``CONTENT_SECURITY_POLICY_ADMIN`` on the paths that start
    with one of ``CSP_ADMIN_PATH_PREFIXES``: the Wagtail admin runs inline styles and scripts
    that the strict policy of the public pages refuses, and only editors see it."""

    def get_policy_parts(self, request: HttpRequest, response: HttpResponseBase,
                         report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        prefixes = tuple(getattr(settings, "CSP_ADMIN_PATH_PREFIXES", ()))
        admin_policy = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", None)
        if (not report_only and admin_policy and parts.config is None and prefixes
                and request.path_info.startswith(prefixes)):
            parts.config = default_config(admin_policy["DIRECTIVES"])
        return parts


def client_ip(request: HttpRequest) -> str | None:
    """The visitor's address: ``RATELIMIT_IP_META_KEY`` (the header a trusted proxy overwrites,
    e.g. ``HTTP_X_REAL_IP``) when set, else ``REMOTE_ADDR``. django-axes calls it."""
    key = getattr(settings, "RATELIMIT_IP_META_KEY", None) or "REMOTE_ADDR"
    if not isinstance(key, str) or not key.isupper():  # a callable or dotted path: not ours
        key = "REMOTE_ADDR"
    return request.META.get(key) or request.META.get("REMOTE_ADDR")
