"""Helpers of the parcours map tests: a filled-in position form, and the numbers a map shows."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup

from tests.participation import form_token

SVG_NS = "{http://www.w3.org/2000/svg}"


def visitor_position(event=None, **fields) -> dict:
    """What a visitor's browser posts: stages, role and capacity chosen, the honeypot empty,
    the token of a form displayed half a minute ago."""
    data = {
        "stages": ["utiliser", "cooperer"],
        "role": "pratiquant",
        "capacity": "project",
        "site_web": "",
        "jeton": form_token(),
    }
    if event is not None:
        data["evenement"] = event.pk
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def form_url(map_page) -> str:
    return map_page.url + "je-me-situe/"


def svg_of(html: str) -> ET.Element:
    """The map's SVG, parsed as XML (it must be well-formed: it is also served as JSON)."""
    found = re.search(r"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"portal-map__svg\".*?</svg>",
                      html, re.S)
    assert found, "no map SVG in the page"
    return ET.fromstring(found.group(0))


def svg_counts(svg: ET.Element) -> dict[tuple[str, str, str], int]:
    return {(t.get("data-stage"), t.get("data-role"), t.get("data-capacity")): int(t.text)
            for t in svg.iter(f"{SVG_NS}text") if t.get("data-stage")}


def table_counts(html: str) -> dict[tuple[str, str, str], int]:
    page = soup_of(html)
    return {(td["data-stage"], td["data-role"], td["data-capacity"]): int(td.get_text(strip=True))
            for td in page.select(".portal-map__table td[data-stage]")}


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")
