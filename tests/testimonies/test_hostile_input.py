"""Fifty hostile payloads sent through the real form, approved by a moderator, then read back
on every public surface: each is shown as the text that was typed (escaped), never as markup,
and never a clickable link; what cannot be stored (too long) is refused with a message."""

from __future__ import annotations

import json
import unicodedata

import pytest
from django.test import override_settings

from numerique_ouvert.core.participation import plain_text
from numerique_ouvert.testimonies.models import ModerationStatus, Testimony
from tests.factories import make_guide
from tests.html import soup
from tests.testimonies.participation import form_url, visitor_testimony

PREFIX = "Récit hostile numéro {n:02d} : "

# Each goes into the text (after a harmless prefix, so the minimum length is met) unless it is
# a (field, value) pair.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "<body onload=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<a href=\"javascript:alert(1)\">cliquez</a>",
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "{{ 7|add:7 }} {% now 'Y' %}",
    "${7*7} #{7*7} <%= 7*7 %>",
    "<style>body{display:none}</style>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<form action=https://evil.example><button>ok</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
    "<base href=\"https://evil.example/\">",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<!--<script>alert(1)//-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "＜script＞alert(1)＜/script＞",
    "Texte normal\u202eplus lisible à l'envers\u202c fin",
    "Invisible\u200b\u200bzéro\ufeffchasse\u2060",
    "Octet nul\x00 et échappement \x1b[31mrouge",
    "Caractères de contrôle \x07\x08\x0b\x0c\x7f\x85 supprimés",
    "Ligne\u2028séparateur\u2029paragraphe",
    "Cafe\u0301 composé devient café",
    "Étiquettes cachées \U000e0041\U000e0042",
    "https://exemple.gouv.fr/page?x=<script>",
    "Lien http://evil.example/\"onmouseover=\"alert(1)",
    "[clic](javascript:alert(1)) et **gras**",
    "Emoji 👩‍💻 et drapeau 🇫🇷 gardés",
    ("author_name", "<b>Camille</b><script>alert('nom')</script>"),
    ("organisation", "\"><img src=x onerror=alert('org')>"),
    ("role_title", "javascript:alert('fonction')"),
]
assert len(PAYLOADS) == 50

TOO_LONG = [
    ("text", "A" * 4001),
    ("author_name", "B" * 121),
    ("organisation", "<" * 201),
]


def payload_fields(n: int, payload) -> dict:
    if isinstance(payload, tuple):
        field, value = payload
        return {field: value, "text": PREFIX.format(n=n) + "un champ annexe piégé."}
    return {"text": PREFIX.format(n=n) + payload}


def hostile_markup(html) -> list[str]:
    """Markup a payload could have injected: scripts other than our JSON-LD and the DSFR's own,
    event handler attributes, and javascript:/data: URLs."""
    found = []
    for tag in html.find_all(True):
        if tag.name in ("iframe", "object", "embed", "base", "svg", "math", "details", "style"):
            if tag.name != "svg" or tag.find("script") or any(a.startswith("on") for a in tag.attrs):
                found.append(str(tag)[:80])
        if tag.name == "script" and tag.get("type") != "application/ld+json" and not tag.get("src"):
            found.append(str(tag)[:80])
        if tag.name == "script" and tag.get("src", "").startswith("http"):
            found.append(str(tag)[:80])
        for attribute, value in tag.attrs.items():
            if attribute.lower().startswith("on"):
                found.append(f"{tag.name} {attribute}")
            if attribute in ("href", "src", "action", "data") and isinstance(value, str):
                if "".join(value.split()).lower().startswith(("javascript:", "data:")):
                    found.append(f"{tag.name} {attribute}={value[:40]}")
        if tag.name == "meta" and tag.get("http-equiv"):
            found.append(str(tag)[:80])
    return found


@pytest.fixture
def published(client, portal):
    """The fifty payloads submitted through the form, then approved."""
    guide = make_guide(portal.guides, "Un guide visé")
    with override_settings(NUMERIQUE_OUVERT={"TESTIMONY_RATE": "1000/h", "PAGE_SIZE": 100}):
        for n, payload in enumerate(PAYLOADS):
            response = client.post(form_url(portal), visitor_testimony(
                guide, contact_email="", **payload_fields(n, payload)))
            assert response.status_code == 303, (n, payload, response.content[:300])
        for testimony in Testimony.objects.all():
            testimony.moderate(ModerationStatus.APPROVED)
        yield guide


@pytest.mark.django_db
def test_fifty_hostile_payloads_are_stored_as_plain_text(published):
    stored = {t.text[: len(PREFIX.format(n=0))]: t for t in Testimony.objects.all()}
    assert Testimony.objects.count() == 50
    for n, payload in enumerate(PAYLOADS):
        testimony = stored[PREFIX.format(n=n)]
        if isinstance(payload, tuple):
            field, value = payload
            assert getattr(testimony, field) == plain_text(value, multiline=False)
        else:
            assert testimony.text == plain_text(PREFIX.format(n=n) + payload)
        for value in (testimony.text, testimony.author_name, testimony.organisation):
            assert "\x00" not in value and "\u202e" not in value and "\u200b" not in value
            assert unicodedata.is_normalized("NFC", value)
    # Typed markup is kept as the characters typed (it is escaped on output, not rewritten).
    assert any("<script>alert(1)</script>" in t.text for t in stored.values())


@pytest.mark.django_db
def test_fifty_hostile_payloads_are_shown_escaped_on_every_page(client, portal, published):
    baseline = {url: hostile_markup(soup(client.get(url)))
                for url in (portal.home.url, published.url, portal.testimonies.url)}
    assert baseline == {url: [] for url in baseline}, "the pages had hostile markup before"

    for url in (published.url, portal.testimonies.url, portal.home.url):
        response = client.get(url)
        assert response.status_code == 200
        html = soup(response)
        assert hostile_markup(html) == [], url
    listing = soup(client.get(portal.testimonies.url))
    quotes = [q.get_text() for q in listing.select(".portal-testimony blockquote")]
    assert len(quotes) == 50
    # What people read is what was typed (line breaks aside).
    for testimony in Testimony.objects.all():
        assert testimony.text.replace("\n", "") in [q.replace("\n", "") for q in quotes]
    # No link at all inside a testimony: nothing typed becomes clickable.
    assert listing.select(".portal-testimony blockquote a") == []


@pytest.mark.django_db
def test_hostile_payloads_stay_data_in_json_ld_api_and_feeds(client, portal, published):
    page = soup(client.get(portal.testimonies.url))
    for script in page.find_all("script", type="application/ld+json"):
        assert "</script" not in script.string.lower()
        json.loads(script.string)  # still valid JSON: nothing broke out of it

    texts = set()
    for offset in range(0, 50, 20):
        api = client.get("/api/v2/testimonies/", {"limit": 20, "offset": offset})
        assert api["Content-Type"].startswith("application/json")
        texts |= {item["text"] for item in api.json()["items"]}
    assert texts == set(Testimony.objects.values_list("text", flat=True))

    feed = client.get(portal.testimonies.url + "flux/rss/")
    if feed.status_code == 200:  # the testimonies index publishes a feed
        from xml.etree import ElementTree

        ElementTree.fromstring(feed.content)  # well-formed whatever the payloads
        assert b"<script>" not in feed.content


@pytest.mark.django_db
@pytest.mark.parametrize("field,value", TOO_LONG)
def test_too_long_values_are_refused_with_a_message(client, portal, field, value):
    data = visitor_testimony(**{field: value})
    response = client.post(form_url(portal), data)

    assert response.status_code == 200
    field_errors = soup(response).find(id=f"id_{field}-desc-error")
    assert field_errors is not None and "au plus" in field_errors.get_text()
    assert not Testimony.objects.exists()
