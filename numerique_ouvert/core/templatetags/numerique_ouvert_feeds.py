"""Template tag announcing a page's RSS and Atom feeds (see ``numerique_ouvert.core.feeds``)."""

from __future__ import annotations

from django import template

from ..feeds import FeedLink, feed_links

register = template.Library()


@register.simple_tag(takes_context=True)
def alternate_feeds(context, page=None) -> list[FeedLink]:
    """The portal feeds, plus the index's own on an index page and on the pages it lists."""
    return feed_links(context.get("request"), page or context.get("page"))
