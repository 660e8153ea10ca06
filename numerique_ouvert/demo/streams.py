"""Short constructors for StreamField values and rich text, so the demo texts read like text.

Values follow the block definitions of ``numerique_ouvert.core.blocks.ContentStreamBlock``;
rich text is Wagtail's stored HTML (internal links as ``<a linktype="page" id="…">`` so they
follow the page if it moves).
"""

from __future__ import annotations

from typing import Any

from wagtail.models import Page

Block = tuple[str, Any]


def rich(*parts: str) -> str:
    """Rich text from paragraphs; parts that are already block HTML (lists…) are kept as is."""
    return "".join(part if part.startswith("<") else f"<p>{part}</p>" for part in parts)


def bullets(*items: str, ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


def link(url: str, text: str) -> str:
    return f'<a href="{url}">{text}</a>'


def page_link(page: Page, text: str | None = None) -> str:
    return f'<a linktype="page" id="{page.pk}">{text or page.title}</a>'


def heading(text: str, level: str = "h2") -> Block:
    return ("heading", {"text": text, "level": level, "anchor": ""})


def paragraph(*parts: str) -> Block:
    return ("paragraph", rich(*parts))


def callout(title: str, text: str, url: str = "", url_label: str = "") -> Block:
    return ("callout", {"title": title, "text": rich(text), "link": url, "link_label": url_label})


def quote(text: str, author: str = "", source: str = "") -> Block:
    return ("quote", {"text": text, "author": author, "source": source})


def image(picture: Any, alt: str = "", caption: str = "") -> Block:
    return ("image", {"image": picture, "alt": alt, "caption": caption})


def table(caption: str, rows: list[list[str]], *, first_col_is_header: bool = False) -> Block:
    """A ``TableBlock`` value whose first row is the header.

    ``table_header_choice`` is what the admin's table editor reads since Wagtail 6.0; the two
    booleans are what the block's template reads. Both are given so the value renders and edits.
    """
    return ("table", {
        "data": rows,
        "first_row_is_table_header": True,
        "first_col_is_header": first_col_is_header,
        "table_header_choice": "both" if first_col_is_header else "row",
        "table_caption": caption,
    })


def code(language: str, text: str) -> Block:
    return ("code", {"language": language, "code": text})


def accordion(*items: tuple[str, str]) -> Block:
    return ("accordion", {"items": [{"title": title, "body": rich(body)} for title, body in items]})
