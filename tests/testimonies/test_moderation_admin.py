"""Moderating testimonies in the admin: the listing filtered by status and opening on what waits,
approve and reject one by one (POST) or in bulk, each decision in the history, never an approval
without the author's consent."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from numerique_ouvert.testimonies import models as testimonies
from numerique_ouvert.testimonies.models import ModerationStatus, Testimony
from tests.admin import form_data, snippet_url
from tests.factories import make_guide, make_testimony
from tests.html import soup, text
from tests.testimonies.test_moderation_permissions import bulk_url, member_of


@pytest.fixture
def queue(portal):
    guide = make_guide(portal.guides)
    make_testimony("Récit déjà publié.", page=guide)
    make_testimony("Récit à modérer.", page=guide, status=ModerationStatus.SUBMITTED)
    make_testimony("Récit refusé.", page=guide, status=ModerationStatus.REJECTED)
    return guide


@pytest.mark.django_db
def test_testimony_listing_shows_every_testimony_to_moderators(admin_client, queue):
    response = admin_client.get(snippet_url(testimonies.Testimony, "list"))

    assert response.status_code == 200
    for excerpt in ("Récit déjà publié.", "Récit à modérer.", "Récit refusé."):
        assert excerpt in text(response)


@pytest.mark.django_db
def test_testimony_listing_filtered_on_submitted_shows_the_moderation_queue(admin_client, queue):
    response = admin_client.get(snippet_url(testimonies.Testimony, "list"), {"status": "submitted"})

    assert response.status_code == 200
    assert "Récit à modérer." in text(response)
    assert "Récit déjà publié." not in text(response)
    assert "Récit refusé." not in text(response)


@pytest.mark.django_db
def test_testimony_listing_filtered_on_approved_shows_published_ones(admin_client, queue):
    response = admin_client.get(snippet_url(testimonies.Testimony, "list"), {"status": "approved"})

    assert "Récit déjà publié." in text(response)
    assert "Récit à modérer." not in text(response)


def moderation_form(page, **fields) -> dict:
    data = {"text": "Témoignage saisi par la modération.", "author_name": "Camille",
            "role_title": "", "organisation": "", "parcours_role": "ambassadeur",
            "capacity": "project", "related_page": page.pk, "contact_email": "", "status": "submitted"}
    data.update(fields)
    return data


@pytest.mark.django_db
def test_moderator_cannot_approve_a_testimony_without_consent(admin_client, queue):
    response = admin_client.post(snippet_url(testimonies.Testimony, "add"),
                                 moderation_form(queue, status="approved"))

    assert response.status_code == 200
    assert "Un témoignage ne peut être approuvé sans l'accord" in text(response)
    assert not testimonies.Testimony.objects.filter(text="Témoignage saisi par la modération.").exists()


@pytest.mark.django_db
def test_moderator_approves_a_testimony_with_consent(admin_client, queue):
    response = admin_client.post(snippet_url(testimonies.Testimony, "add"), moderation_form(
        queue, status="approved", consent_to_publish="on"))

    assert response.status_code == 302
    testimony = testimonies.Testimony.objects.get(text="Témoignage saisi par la modération.")
    assert testimony.is_published
    assert testimony.published_at is not None
    assert testimony.related_page_id == queue.pk
    # Approved in the add form: a decision like the others, with its author in the history.
    assert testimony.moderated_by.username == "admin"
    assert ModelLogEntry.objects.filter(object_id=str(testimony.pk), user__username="admin",
                                        action="numerique_ouvert.testimony.approve").exists()


# --- A moderator (not a superuser) at work ---------------------------------------------------------


@pytest.fixture
def moderator(db, client):
    user = member_of("Modérateurs", "moderatrice")
    client.force_login(user)
    return user


@pytest.fixture
def waiting(portal):
    guide = make_guide(portal.guides, "Guide témoigné")
    return {
        "first": make_testimony("Récit en attente de décision.", page=guide,
                                status=ModerationStatus.SUBMITTED),
        "no_consent": make_testimony("Récit sans accord de publication.", page=guide,
                                     status=ModerationStatus.SUBMITTED, consent=False),
        "other": make_testimony("Autre récit en attente.", status=ModerationStatus.SUBMITTED),
        "published": make_testimony("Récit déjà publié.", page=guide),
        "guide": guide,
    }


def decide_url(decision: str, testimony) -> str:
    return snippet_url(Testimony, decision, testimony.pk)


def post_buttons(response) -> set[str]:
    """Where the page's buttons POST to (Wagtail's ``w-action`` controller, with CSRF)."""
    return {button["data-w-action-url-value"] for button in soup(response).select(
        'button[data-action="w-action#post"]')}


def status(testimony) -> str:
    return Testimony.objects.get(pk=testimony.pk).status


@pytest.mark.django_db
def test_moderator_listing_leads_to_the_queue_and_shows_each_row(client, moderator, waiting):
    response = client.get(snippet_url(Testimony, "list"))

    assert response.status_code == 200
    queue_link = soup(response).find("a", href=f"{snippet_url(Testimony, 'list')}?status=submitted")
    assert queue_link is not None and "À modérer (3)" in queue_link.get_text(" ", strip=True)
    row = next(row for row in soup(response).select("tbody tr")
               if "Récit en attente de décision." in row.get_text())
    cells = row.get_text(" ", strip=True)
    assert "Guide témoigné" in cells and "À modérer" in cells
    # Approve and reject the waiting ones, reject the published one, never approve without consent.
    assert post_buttons(response) == {
        decide_url("approve", waiting["first"]), decide_url("reject", waiting["first"]),
        decide_url("approve", waiting["other"]), decide_url("reject", waiting["other"]),
        decide_url("reject", waiting["no_consent"]), decide_url("reject", waiting["published"])}


@pytest.mark.django_db
def test_moderator_dashboard_counts_what_waits(client, moderator, waiting):
    response = client.get(reverse("wagtailadmin_home"))

    assert "3 témoignages attendent une décision." in text(response)
    assert soup(response).find("a", href=f"{snippet_url(Testimony, 'list')}?status=submitted")


@pytest.mark.django_db
def test_moderator_approves_one_and_the_history_says_who(client, moderator, waiting):
    list_url = snippet_url(Testimony, "list")
    response = client.post(decide_url("approve", waiting["first"]),
                           {"next": f"http://testserver{list_url}?status=submitted"})

    assert response.status_code == 302 and response.url.endswith(f"{list_url}?status=submitted")
    testimony = Testimony.objects.get(pk=waiting["first"].pk)
    assert testimony.is_published
    assert testimony.moderated_by == moderator and testimony.moderated_at is not None
    entry = ModelLogEntry.objects.get(object_id=str(testimony.pk))
    assert (entry.action, entry.user_id) == ("numerique_ouvert.testimony.approve", moderator.pk)
    history = client.get(snippet_url(Testimony, "history", testimony.pk))
    assert "Témoignage approuvé" in text(history) and "moderatrice" in text(history)
    assert "Récit en attente de décision." in text(client.get(waiting["guide"].url))


@pytest.mark.django_db
def test_moderator_rejects_one(client, moderator, waiting):
    response = client.post(decide_url("reject", waiting["published"]), follow=True)

    assert "est refusé" in text(response)
    assert status(waiting["published"]) == ModerationStatus.REJECTED
    entry = ModelLogEntry.objects.get(object_id=str(waiting["published"].pk))
    assert (entry.action, entry.user_id) == ("numerique_ouvert.testimony.reject", moderator.pk)
    assert "Récit déjà publié." not in text(client.get(waiting["guide"].url))


@pytest.mark.django_db
def test_decisions_are_post_only(client, moderator, waiting):
    assert client.get(decide_url("approve", waiting["first"])).status_code == 405
    assert status(waiting["first"]) == ModerationStatus.SUBMITTED


@pytest.mark.django_db
def test_decisions_need_the_csrf_token(moderator, waiting):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(moderator)

    assert browser.post(decide_url("approve", waiting["first"])).status_code == 403
    assert status(waiting["first"]) == ModerationStatus.SUBMITTED


@pytest.mark.django_db
def test_approving_without_consent_is_refused_with_a_message(client, moderator, waiting):
    response = client.post(decide_url("approve", waiting["no_consent"]), follow=True)

    assert "n'a pas été modifié" in text(response)
    assert "ne peut être approuvé sans l'accord" in text(response)
    testimony = Testimony.objects.get(pk=waiting["no_consent"].pk)
    assert (testimony.status, testimony.moderated_by) == (ModerationStatus.SUBMITTED, None)
    assert not ModelLogEntry.objects.filter(object_id=str(testimony.pk)).exists()


@pytest.mark.django_db
def test_moderator_bulk_approves_all_but_those_without_consent(client, moderator, waiting):
    url = bulk_url("approve", waiting["first"], waiting["no_consent"], waiting["other"])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "sans accord de publication : ne sera pas approuvé" in text(confirm)

    response = client.post(url, follow=True)

    assert status(waiting["first"]) == ModerationStatus.APPROVED
    assert status(waiting["other"]) == ModerationStatus.APPROVED
    assert status(waiting["no_consent"]) == ModerationStatus.SUBMITTED
    assert "2 témoignages approuvés." in text(response)
    assert "Ce témoignage n'a pas été modifié" in text(response)
    assert "Récit sans accord de publication." in text(response)
    assert set(ModelLogEntry.objects.filter(user=moderator).values_list("object_id", flat=True)) \
        == {str(waiting["first"].pk), str(waiting["other"].pk)}


@pytest.mark.django_db
def test_moderator_bulk_rejects(client, moderator, waiting):
    response = client.post(bulk_url("reject", waiting["first"], waiting["no_consent"]), follow=True)

    assert "2 témoignages refusés." in text(response)
    assert {status(waiting["first"]), status(waiting["no_consent"])} == {ModerationStatus.REJECTED}
    assert status(waiting["other"]) == ModerationStatus.SUBMITTED
    assert ModelLogEntry.objects.filter(action="numerique_ouvert.testimony.reject",
                                        user=moderator).count() == 2


@pytest.mark.django_db
def test_the_edit_view_offers_the_decisions_and_records_a_status_change(client, moderator,
                                                                          waiting):
    edit_url = snippet_url(Testimony, "edit", waiting["first"].pk)
    page = client.get(edit_url)
    assert {decide_url("approve", waiting["first"]),
            decide_url("reject", waiting["first"])} <= post_buttons(page)

    data = form_data(page, form_id="w-editor-form")
    data["status"] = "approved"
    response = client.post(edit_url, data)

    assert response.status_code == 302
    testimony = Testimony.objects.get(pk=waiting["first"].pk)
    assert (testimony.status, testimony.moderated_by) == (ModerationStatus.APPROVED, moderator)
    assert ModelLogEntry.objects.filter(object_id=str(testimony.pk), user=moderator,
                                        action="numerique_ouvert.testimony.approve").exists()


def listing_queries(client, url: str) -> tuple[list[str], int]:
    """The SQL of the listing once warm, and how many rows it showed."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries], len(soup(response).select(
        "tbody tr"))


@pytest.mark.django_db
def test_listing_queries_do_not_grow_with_the_queue(client, moderator, portal):
    url = snippet_url(Testimony, "list")
    for n in range(2):
        make_testimony(f"Récit {n}.", page=make_guide(portal.guides),
                       status=ModerationStatus.SUBMITTED)
    few, few_rows = listing_queries(client, url)
    for n in range(2, 20):
        make_testimony(f"Récit {n}.", page=make_guide(portal.guides),
                       status=ModerationStatus.SUBMITTED, consent=n % 2 == 0)
    many, many_rows = listing_queries(client, url)

    assert (few_rows, many_rows) == (2, 20)
    assert len(many) == len(few), "\n".join(many)
