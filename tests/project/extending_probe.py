"""Run by tests/project/test_extending_examples.py once the apps written from docs/extending.md
are migrated: creates their pages under a portal and prints what a visitor and the registry see
(one JSON line)."""

from __future__ import annotations

import json

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from wagtail.models import Site  # noqa: E402


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def main() -> None:
    setup_test_environment()
    call_command("create_portal", verbosity=0, stdout=open("/dev/null", "w"))
    home = Site.objects.get(is_default_site=True).root_page.specific

    from actualites.models import NewsIndexPage, NewsPage
    from myportal.models import MyGuideIndexPage, MyGuidePage, MyStreamBlock

    from numerique_ouvert.core.features import get_feature

    # create_portal gives every installed feature its listing, this one included.
    news_index = home.get_children().type(NewsIndexPage).specific().first()
    news = publish(news_index, NewsPage(title="Une brève du ministère", slug="breve",
                                        tagline="Une brève."))
    guides = publish(home, MyGuideIndexPage(title="Nos guides", slug="nos-guides"))
    guide = publish(guides, MyGuidePage(
        title="Un guide à nous", slug="guide", audience="Agents des collectivités",
        body=[("paragraph", "<p>Le corps du guide.</p>")]))
    guide.tags.add("logiciel libre")
    guide.save_revision().publish()

    client = Client()
    home_html = client.get(home.url).content.decode()
    print(json.dumps({
        "feature": bool(get_feature("actualites")),
        "listing_made_by_create_portal": news_index is not None,
        "home_has_news_section": "accueil-actualites" in home_html and news.title in home_html,
        "news_status": client.get(news.url).status_code,
        "news_index_lists_it": news.title in client.get(news_index.url).content.decode(),
        "guide_status": client.get(guide.url).status_code,
        "guide_index_lists_it": guide.title in client.get(guides.url).content.decode(),
        "guide_tags": list(guide.tags.names()),
        "stream_blocks": sorted(MyStreamBlock().child_blocks),
    }))


if __name__ == "__main__":
    main()
