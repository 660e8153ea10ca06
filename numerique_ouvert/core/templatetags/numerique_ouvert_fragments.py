"""``{% portal_fragment %}``: cache a piece of a public page (header, footer, related content)
until anything on the site changes.

    {% load numerique_ouvert_fragments %}
    {% portal_fragment "footer" %}…{% endportal_fragment %}
    {% portal_fragment "related" page.pk %}…{% endportal_fragment %}

The key holds the name, the values given after it, the request's site and language, and the
version of the page cache (:func:`numerique_ouvert.core.cache.bump` increments it whenever a
page, a stage, a testimony, a setting… changes, see core/page_cache.py): a fragment is never
served after what it shows has changed. Entries also expire after ``PAGE_CACHE_TIMEOUT``
seconds, for what depends on the clock. Previews are rendered without the cache (a draft must
not be stored, nor be shown something else). Unlike the page cache, it works for every
visitor, editors included, and on pages that hold a form: keep per-visitor content (CSRF
tokens, messages, the user bar, CSP nonces) outside the block. A block whose rendering asked
for a CSRF token (it holds a form) is shown but not stored.
"""

from __future__ import annotations

import hashlib

from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from numerique_ouvert.conf import get_setting

from ..cache import PREFIX, pages_version
from ..page_cache import csrf_token_rendered

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        site = getattr(request, "_wagtail_site", None)
        vary = ":".join(str(value.resolve(context)) for value in self.vary_on)
        digest = hashlib.md5(vary.encode(), usedforsecurity=False).hexdigest()
        key = (f"{PREFIX}:fragment:{pages_version(request)}:{self.name.resolve(context)}:"
               f"{getattr(site, 'pk', '')}:{request.get_host()}:{get_language()}:{digest}")
        content = cache.get(key)
        if content is None:
            csrf_before = csrf_token_rendered(request)
            content = self.nodelist.render(context)
            # A form rendered inside (get_token() was called): its CSRF token and one-time
            # submission key belong to this visitor, never to be served to another one.
            if csrf_token_rendered(request) == csrf_before:
                cache.set(key, str(content), get_setting("PAGE_CACHE_TIMEOUT"))
        return mark_safe(content)


@register.tag("portal_fragment")
def portal_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            "'portal_fragment' needs a name: {% portal_fragment \"footer\" [values…] %}")
    nodelist = parser.parse(("endportal_fragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]),
                        [parser.compile_filter(bit) for bit in bits[2:]])


@register.simple_tag
def load_page_images(page) -> str:
    """``page.load_images()`` (see ``BasePortalPage``), from inside a cached fragment: a page
    whose content comes from the cache then runs no image query. For page types with
    ``template_loads_images = True``."""
    if hasattr(page, "load_images"):
        page.load_images()
    return ""
