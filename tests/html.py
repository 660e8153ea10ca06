"""Reading responses as a visitor or an editor sees them: parsed HTML, visible text, menus."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(response) -> str:
    """The response's text with entities decoded and whitespace collapsed (``d'un`` is found
    whether the template wrote ``d'un`` or ``d&#x27;un``)."""
    return re.sub(r"\s+", " ", soup(response).get_text(" "))


def main_menu_titles(response) -> list[str]:
    nav = soup(response).find("nav", id="navigation-principale")
    assert nav is not None, "no <nav id=navigation-principale> on the page"
    return [link.get_text(strip=True) for link in nav.find_all("a")]


def card_titles(response) -> list[str]:
    return [title.get_text(strip=True) for title in soup(response).select(".fr-card__title")]


def section_ids(response) -> list[str]:
    """Ids of the headings that label the page's sections (``aria-labelledby``)."""
    return [section["aria-labelledby"] for section in soup(response).find_all(
        "section", attrs={"aria-labelledby": True})]


def links(response) -> list[str]:
    return [link["href"] for link in soup(response).find_all("a", href=True)]


def admin_menu_labels(response) -> list[str]:
    """Labels of every entry of the Wagtail admin's main menu, submenus included.

    The sidebar is rendered client-side from JSON (``#wagtail-sidebar-props``); read the labels
    there rather than searching the page, where ``\\u00c9`` escapes would hide accented labels.
    """
    script = soup(response).find("script", id="wagtail-sidebar-props")
    assert script is not None, "not an admin page with a sidebar"
    props = json.loads(script.string)
    labels: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("label"), str) and "name" in node:
                labels.append(node["label"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(props)
    return labels
