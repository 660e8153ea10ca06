"""Reading what machines read: RSS and Atom entries, sitemap URLs, JSON-LD objects, and setting
the publication dates feeds and sitemaps report."""

from __future__ import annotations

import datetime
import json
import xml.etree.ElementTree as ET

from django.utils import timezone
from wagtail.models import Page

from tests.html import soup

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def rss_items(response) -> list[dict]:
    """The ``<item>`` elements of an RSS 2.0 feed, in order."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return [
        {
            "title": item.findtext("title"),
            "link": item.findtext("link"),
            "description": item.findtext("description"),
            "pubdate": item.findtext("pubDate"),
            "categories": [c.text for c in item.findall("category")],
            "author": item.findtext(f"{DC}creator"),
        }
        for item in root.find("channel").findall("item")
    ]


def atom_entries(response) -> list[dict]:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "published": entry.findtext(f"{ATOM}published"),
            "categories": [c.get("term") for c in entry.findall(f"{ATOM}category")],
            "author": entry.findtext(f"{ATOM}author/{ATOM}name"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def titles(entries: list[dict]) -> list[str]:
    return [entry["title"] for entry in entries]


def _sitemap_entries(response, root: str, entry: str) -> dict[str, str | None]:
    """``{location: lastmod}`` of the ``entry`` elements of a sitemap XML document whose root
    element is ``root``."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/xml")
    document = ET.fromstring(response.content)
    assert document.tag == f"{SITEMAP}{root}"
    return {element.findtext(f"{SITEMAP}loc"): element.findtext(f"{SITEMAP}lastmod")
            for element in document.findall(f"{SITEMAP}{entry}")}


def sitemap_urls(response) -> dict[str, str | None]:
    """``{location: lastmod}`` of one sitemap file."""
    return _sitemap_entries(response, "urlset", "url")


def sitemap_files(response) -> dict[str, str | None]:
    """``{location: lastmod}`` of the files a sitemap index lists."""
    return _sitemap_entries(response, "sitemapindex", "sitemap")


def all_sitemap_urls(client, host: str = "testserver") -> dict[str, str | None]:
    """``{location: lastmod}`` of every file listed by ``/sitemap.xml``, as a robot reads them:
    each file requested at the address the index gives (on the index's host)."""
    urls = {}
    for location in sitemap_files(client.get("/sitemap.xml", HTTP_HOST=host)):
        prefix = f"http://{host}/"
        assert location.startswith(prefix), location
        found = sitemap_urls(client.get("/" + location.removeprefix(prefix), HTTP_HOST=host))
        assert not set(found) & set(urls), "a URL in two sitemap files"
        urls.update(found)
    return urls


def json_ld(response) -> list[dict]:
    """Every JSON-LD object of the page (arrays flattened), each parsed as JSON."""
    found = []
    for script in soup(response).find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        found.extend(data if isinstance(data, list) else [data])
    return found


def of_type(objects: list[dict], schema_type: str) -> list[dict]:
    return [obj for obj in objects if obj.get("@type") == schema_type]


def published(page: Page, days_ago: float) -> Page:
    """Date the page's first and last publication ``days_ago`` days ago, as publishing it then
    would have."""
    when = timezone.now() - datetime.timedelta(days=days_ago)
    Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
    page.first_published_at = page.last_published_at = when
    return page
