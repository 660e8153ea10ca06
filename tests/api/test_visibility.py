"""Nothing the portal does not publish gets out through the API: drafts, private sections, pages
of switched-off features or of the install's other portals, unpublished testimonies, and no
private field (testimony contact address, moderation, page owners) in any response."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from numerique_ouvert.testimonies.models import ModerationStatus
from tests.api.helpers import PAGES, TESTIMONIES, get_json, ids, listing, titles
from tests.factories import (
    build_portal,
    make_commun,
    make_event,
    make_guide,
    make_hybrid_event,
    make_testimony,
    set_features,
)

EVENTS = f"{PAGES}?type=numerique_ouvert_events.EventPage"
GUIDES = f"{PAGES}?type=numerique_ouvert_guides.GuidePage"


def assert_hidden(client, page, **extra) -> None:
    """Absent from every listing (untyped, typed, every field) and its detail answers 404."""
    model = f"{page._meta.app_label}.{type(page).__name__}"
    for url in (f"{PAGES}?limit=20", f"{PAGES}?type={model}&fields=*",
                f"{PAGES}?search={page.title}"):
        assert page.pk not in ids(listing(client, url, **extra)), url
    get_json(client, f"{PAGES}{page.pk}/", status=404, **extra)
    get_json(client, f"{PAGES}find/?id={page.pk}", status=404, **extra)


@pytest.mark.django_db
def test_drafts_are_not_served(client, portal):
    draft = make_guide(portal.guides, "Guide brouillon", live=False)

    assert_hidden(client, draft)


@pytest.mark.django_db
def test_unlisted_pages_answer_at_their_address_but_are_not_listed(client, portal):
    unlisted = make_guide(portal.guides, "Guide non listé", listed=False)
    listed = make_guide(portal.guides, "Guide listé")

    assert titles(listing(client, f"{GUIDES}")) == ["Guide listé"]
    assert unlisted.pk not in ids(listing(client, PAGES))
    assert listed.pk in ids(listing(client, PAGES))
    assert get_json(client, f"{PAGES}{unlisted.pk}/")["title"] == "Guide non listé"


@pytest.mark.django_db
def test_private_pages_and_sections_are_not_served_even_to_those_allowed_in(admin_client, portal):
    private = make_guide(portal.guides, "Guide privé")
    PageViewRestriction.objects.create(page=private, restriction_type="password",
                                       password="secret")
    # A whole section behind a login, and the editor asking is logged in.
    restriction = PageViewRestriction.objects.create(page=portal.communs,
                                                     restriction_type="groups")
    restriction.groups.set(Group.objects.all())
    commun = make_commun(portal.communs, "Commun d'une section privée")
    public = make_guide(portal.guides, "Guide public")

    assert_hidden(admin_client, private)
    assert_hidden(admin_client, commun)
    assert_hidden(admin_client, portal.communs)
    assert titles(listing(admin_client, GUIDES)) == ["Guide public"]
    get_json(admin_client, f"{PAGES}?child_of={portal.communs.pk}", status=400)
    assert public.pk in ids(listing(admin_client, f"{PAGES}?descendant_of={portal.home.pk}"))


@pytest.mark.django_db
def test_pages_of_a_switched_off_feature_are_not_served(client, portal):
    event = make_event(portal.events, "Événement")
    hybrid = make_hybrid_event(portal.events, "Événement hybride")
    guide = make_guide(portal.guides, "Guide")
    set_features(portal.site, events=False)

    for page in (event, hybrid, portal.events):
        assert_hidden(client, page)
    assert listing(client, f"{EVENTS}&fields=*") == []
    assert listing(client, f"{PAGES}?type=example_ministry.HybridEventPage") == []
    assert guide.pk in ids(listing(client, PAGES))


@pytest.mark.django_db
def test_links_to_pages_the_api_does_not_show_are_left_out(client, portal):
    event = make_event(portal.events, "Événement")
    private = make_commun(portal.communs, "Commun privé")
    PageViewRestriction.objects.create(page=private, restriction_type="password",
                                       password="secret")
    guide = make_guide(portal.guides, related_pages=[("page", event), ("page", private)])
    make_testimony("Sur l'événement", page=event)
    set_features(portal.site, events=False)

    assert get_json(client, f"{PAGES}{guide.pk}/")["related_pages"] == []
    assert listing(client, f"{GUIDES}&fields=related_pages")[0]["related_pages"] == []
    # The testimony stays, as on the portal's testimony page, without its link.
    assert listing(client, TESTIMONIES)[0]["related_page"] is None


@pytest.mark.django_db
def test_each_site_serves_its_own_pages_only(client, portal):
    other = build_portal(hostname="autre.example.org", title="Autre portail")
    ours = make_guide(portal.guides, "Notre guide")
    theirs = make_guide(other.guides, "Leur guide")

    assert_hidden(client, theirs)
    assert_hidden(client, other.home)
    get_json(client, f"{PAGES}?site=autre.example.org", status=400)
    assert titles(listing(client, GUIDES)) == ["Notre guide"]
    # The other portal's API, on its own host name.
    assert titles(listing(client, GUIDES, HTTP_HOST="autre.example.org")) == ["Leur guide"]
    get_json(client, f"{PAGES}{ours.pk}/", status=404, HTTP_HOST="autre.example.org")


@pytest.mark.django_db
def test_only_approved_testimonies_with_consent_are_served(client, portal):
    guide = make_guide(portal.guides)
    published = make_testimony("Publié", page=guide)
    hidden = [
        make_testimony("À modérer", status=ModerationStatus.SUBMITTED),
        make_testimony("Refusé", status=ModerationStatus.REJECTED),
        make_testimony("Sans accord", consent=False),
        make_testimony("Sur un brouillon", page=make_guide(portal.guides, live=False)),
        make_testimony("Sur l'autre portail",
                       page=make_guide(build_portal(hostname="autre.example.org").guides)),
    ]

    items = listing(client, f"{TESTIMONIES}?fields=*")

    assert [item["text"] for item in items] == ["Publié"]
    get_json(client, f"{TESTIMONIES}{published.pk}/")
    for testimony in hidden:
        get_json(client, f"{TESTIMONIES}{testimony.pk}/", status=404)
        get_json(client, f"{TESTIMONIES}find/?id={testimony.pk}", status=404)


@pytest.mark.django_db
def test_testimony_private_fields_never_leave_the_admin(client, portal):
    guide = make_guide(portal.guides)
    testimony = make_testimony("Mon témoignage", page=guide, author_name="Camille",
                               role_title="Architecte", organisation="DINUM")
    anonymous = make_testimony("Anonyme", author_name="")

    responses = [client.get(url) for url in (
        TESTIMONIES, f"{TESTIMONIES}?fields=*", f"{TESTIMONIES}{testimony.pk}/",
        f"{TESTIMONIES}{testimony.pk}/?fields=*", f"{PAGES}{guide.pk}/",
        f"{GUIDES}&fields=*")]
    for response in responses:
        assert response.status_code == 200
        content = response.content.decode()
        assert "email" not in content
        assert "agent.prive" not in content
        assert "consent" not in content and "submitted" not in content

    item = get_json(client, f"{TESTIMONIES}{testimony.pk}/")
    assert not {"status", "author_name", "submitted_at", "updated_at"} & set(item)
    assert (item["display_name"], item["role_title"], item["organisation"]) == (
        "Camille", "Architecte", "DINUM")
    assert item["related_page"]["id"] == guide.pk
    assert item["published_at"]
    assert get_json(client, f"{TESTIMONIES}{anonymous.pk}/")["display_name"] == "Anonyme"
    # Neither asked for nor filtered on.
    for query in ("fields=contact_email", "contact_email=agent.prive@example.gouv.fr",
                  "status=submitted", "order=contact_email", "consent_to_publish=false"):
        assert get_json(client, f"{TESTIMONIES}?{query}", status=400)["message"]


@pytest.mark.django_db
def test_page_owners_are_not_served(client, portal):
    guide = make_guide(portal.guides)

    for query in ("fields=owner", "owner=1", "fields=locked_by"):
        get_json(client, f"{GUIDES}&{query}", status=400)
    assert "owner" not in get_json(client, f"{PAGES}{guide.pk}/?fields=*")["meta"]


@pytest.mark.django_db
def test_testimonies_endpoint_answers_404_while_the_feature_is_off(client, portal):
    testimony = make_testimony("Publié")
    set_features(portal.site, testimonies=False)

    get_json(client, TESTIMONIES, status=404)
    get_json(client, f"{TESTIMONIES}{testimony.pk}/", status=404)
    assert_hidden(client, portal.testimonies)
