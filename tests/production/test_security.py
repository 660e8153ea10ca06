"""Security headers on real responses, the admin login lockout (django-axes), upload limits and
documents never shown inline (an SVG can carry scripts)."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model

from tests.factories import make_guide
from tests.production.settings import production_settings


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def test_public_pages_have_a_strict_policy_and_security_headers(client, portal):
    guide = make_guide(portal.guides, "Guide sous politique")
    for url in (portal.home.url, portal.guides.url, guide.url):
        response = client.get(url)
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"], url  # no inline script, no eval
        assert policy["style-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]
        # What the strict policy would block is absent from the page.
        html = response.content.decode()
        assert "<script>" not in html and " style=" not in html and "onclick=" not in html


def test_the_admin_gets_its_own_policy(client, db):
    policy = directives(client.get("/admin/login/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]  # the page preview is framed by the admin


def test_production_adds_hsts_and_secure_cookies(client, portal):
    values = production_settings()
    with override_settings(**{name: values[name] for name in (
            "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
            "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
            "SECURE_PROXY_SSL_HEADER", "SECURE_REDIRECT_EXEMPT")}):
        assert client.get(portal.home.url).status_code == 301  # plain HTTP: to HTTPS
        response = client.get(portal.home.url, secure=True)
        assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
        # A page with a form (the testimony form) sets the CSRF cookie: Secure, never sent over
        # plain HTTP.
        cookie = client.get(portal.testimonies.url + "temoigner/", secure=True).cookies["csrftoken"]
        assert cookie["secure"] is True and cookie["samesite"] == "Lax"
        # The health check stays reachable over HTTP for the load balancer.
        assert client.get("/sante/").status_code == 200


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redactrice", "r@example.gouv.fr",
                                                      "le-bon-mot-de-passe")


def admin_login(client, password: str, address: str = "198.51.100.7"):
    return client.post(reverse("wagtailadmin_login"),
                       {"username": "redactrice", "password": password},
                       REMOTE_ADDR=address)


@override_settings(AXES_ENABLED=True)
def test_admin_login_is_locked_after_five_failures(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert admin_login(client, "faux").status_code == 200  # the form again, with its error
    locked = admin_login(client, "faux")
    assert locked.status_code == 429
    assert "Connexion temporairement bloquée" in locked.content.decode()
    # Even the right password is refused from that address while locked…
    assert admin_login(client, "le-bon-mot-de-passe").status_code == 429
    assert "_auth_user_id" not in client.session
    # …but the editor can still log in from elsewhere: nobody can lock an account out.
    other = admin_login(client, "le-bon-mot-de-passe", address="203.0.113.20")
    assert other.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


@override_settings(AXES_ENABLED=True)
def test_a_successful_login_resets_the_count(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        admin_login(client, "faux")
    assert admin_login(client, "le-bon-mot-de-passe").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert admin_login(client, "faux").status_code == 200


SVG = (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script>'
       b'<rect width="10" height="10"/></svg>')


def test_an_svg_document_is_downloaded_never_shown(client, db):
    document = get_document_model().objects.create(title="Schéma",
                                                   file=ContentFile(SVG, name="schema.svg"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_a_pdf_document_opens_in_the_browser(client, db):
    document = get_document_model().objects.create(
        title="Guide PDF", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="guide.pdf"))
    assert client.get(document.url)["Content-Disposition"].startswith("inline")


def test_svg_images_and_unknown_documents_are_refused_at_upload(admin_client):
    response = admin_client.post(reverse("wagtailimages:add"), {
        "title": "Logo", "file": SimpleUploadedFile("logo.svg", SVG, "image/svg+xml")})
    assert response.status_code == 200
    assert "svg" in str(response.context["form"].errors["file"]).lower() or \
        "format" in str(response.context["form"].errors["file"]).lower()
    response = admin_client.post(reverse("wagtaildocs:add"), {
        "title": "Page web", "file": SimpleUploadedFile("page.html", b"<script></script>")})
    assert response.status_code == 200 and "file" in response.context["form"].errors
    assert not get_document_model().objects.exists()


@override_settings(DOCUMENT_MAX_UPLOAD_SIZE=1024)
def test_a_document_over_the_size_limit_is_refused_with_its_size(admin_client):
    response = admin_client.post(reverse("wagtaildocs:add"), {
        "title": "Rapport", "file": SimpleUploadedFile("rapport.pdf", b"%PDF" + b"0" * 4096)})
    assert response.status_code == 200
    assert "la limite est de 1,0\xa0Kio" in str(response.context["form"].errors["file"])
    assert not get_document_model().objects.exists()
