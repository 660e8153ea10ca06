"""Visitors testify through the real views: the form on its own page, linked from event, commun and
guide pages, the thank-you page, the acknowledgement e-mail and withdrawal by signed link."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone

from numerique_ouvert.testimonies.models import ModerationStatus, Testimony
from tests.factories import (
    add_page,
    make_commun,
    make_content_page,
    make_event,
    make_guide,
    make_testimony,
    set_features,
)
from tests.html import soup, text
from tests.testimonies.participation import form_token, form_url, visitor_testimony

pytestmark = pytest.mark.django_db


def submit(client, portal, data, **extra):
    return client.post(form_url(portal), data, **extra)


# --- The form ----------------------------------------------------------------------------------


def test_standalone_form_has_csrf_honeypot_token_and_is_not_indexed(client, portal):
    response = client.get(form_url(portal))

    assert response.status_code == 200
    html = soup(response)
    form = html.find("form", class_="portal-testimony-form")
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert form.find("input", attrs={"name": "jeton", "type": "hidden"})["value"]
    trap = form.find("div", class_="portal-trap")
    assert trap["aria-hidden"] == "true"
    assert trap.find("input", attrs={"name": "site_web", "tabindex": "-1"})
    assert html.find("meta", attrs={"name": "robots", "content": "noindex"})
    # Every visible field has a label or a legend.
    for name in ("text", "author_name", "role_title", "organisation", "contact_email"):
        field = form.find(attrs={"name": name})
        assert html.find("label", attrs={"for": field["id"]}), name
    assert [legend.get_text(" ", strip=True) for legend in form.find_all("legend")][1:] == [
        "Votre rôle sur le parcours", "Vous témoignez", "Étapes du parcours concernées"]


def test_standalone_form_names_the_page_it_is_about(client, portal):
    guide = make_guide(portal.guides, "Choisir un logiciel libre")

    response = client.get(form_url(portal), {"sujet": guide.pk})

    assert "Votre témoignage portera sur « Choisir un logiciel libre »." in text(response)
    assert soup(response).find("input", attrs={"name": "related_page"})["value"] == str(guide.pk)


def test_testimonies_listing_links_to_the_form(client, portal):
    response = client.get(portal.testimonies.url)

    assert form_url(portal) in [a["href"] for a in soup(response).find_all("a", href=True)]


def call_out_links(response) -> list[str]:
    """The call-out's links to the testimony form (its own page), on a page about a subject."""
    callout = soup(response).find(id="temoigner")
    return [a["href"] for a in callout.find_all("a", href=True)] if callout else []


@pytest.mark.parametrize("kind", ["guide", "commun", "past_event", "running_event"])
def test_pages_visitors_can_testify_about_link_to_the_form(client, portal, kind):
    page = {
        "guide": lambda: make_guide(portal.guides),
        "commun": lambda: make_commun(portal.communs),
        "past_event": lambda: make_event(portal.events, days_from_now=-3),
        "running_event": lambda: make_event(portal.events, days_from_now=-0.1),
    }[kind]()

    response = client.get(page.url)

    # A link, not the form: no CSRF token nor submission key, so the page can be cached.
    assert soup(response).find("form", class_="portal-testimony-form") is None
    assert b"csrfmiddlewaretoken" not in response.content
    assert call_out_links(response) == [f"{form_url(portal)}?sujet={page.pk}"]
    callout = soup(response).find(id="temoigner").find(class_="fr-callout")
    heading = "Vous étiez là et souhaitez témoigner ?" if "event" in kind else "Témoignez"
    assert heading in callout.find(class_="fr-callout__title").get_text()
    # The link leads to the form about that page, and the form stores the relation.
    linked = client.get(call_out_links(response)[0])
    assert soup(linked).find("input", attrs={"name": "related_page"})["value"] == str(page.pk)
    assert f"Votre témoignage portera sur « {page.title} »." in text(linked)


@pytest.mark.parametrize("subject", ["content", "draft", "unknown", "letters"])
def test_the_form_ignores_a_subject_visitors_cannot_testify_about(client, portal, subject):
    page_id = {
        "content": lambda: make_content_page(portal.home).pk,
        "draft": lambda: make_guide(portal.guides, live=False).pk,
        "unknown": lambda: 999999,
        "letters": lambda: "abc",
    }[subject]()

    response = client.get(form_url(portal), {"sujet": page_id})

    assert response.status_code == 200
    assert soup(response).find("input", attrs={"name": "related_page"}).get("value") in (None, "")
    assert "Votre témoignage portera sur" not in text(response)


def test_no_call_out_on_an_upcoming_event_nor_on_a_content_page(client, portal):
    upcoming = make_event(portal.events, days_from_now=10)
    content = make_content_page(portal.home)

    for page in (upcoming, content):
        assert call_out_links(client.get(page.url)) == []


def test_no_call_out_anywhere_when_testimonies_are_switched_off(client, portal):
    guide = make_guide(portal.guides)
    set_features(portal.site, testimonies=False)

    assert call_out_links(client.get(guide.url)) == []
    assert client.get(form_url(portal)).status_code == 404
    assert submit(client, portal, visitor_testimony(guide)).status_code == 404
    assert not Testimony.objects.exists()


# --- Submitting --------------------------------------------------------------------------------


def test_a_submission_is_stored_for_moderation_and_thanked(client, portal):
    guide = make_guide(portal.guides, "Choisir un logiciel libre")

    response = submit(client, portal, visitor_testimony(guide))

    assert response.status_code == 303
    assert response["Location"] == f"{portal.testimonies.url}temoigner/merci/?sujet={guide.pk}"
    testimony = Testimony.objects.get()
    assert testimony.status == ModerationStatus.SUBMITTED
    assert testimony.consent_to_publish is True
    assert testimony.related_page_id == guide.pk
    assert testimony.author_name == "Camille Martin"
    assert testimony.contact_email == "camille.martin@example.gouv.fr"
    assert sorted(stage.slug for stage in testimony.stages.all()) == ["cooperer", "utiliser"]
    assert testimony.submission_key

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "L'équipe de modération le relit" in text(thanks)
    assert guide.url in [a["href"] for a in soup(thanks).find_all("a", href=True)]


def test_a_submission_is_shown_nowhere_until_approved(client, portal):
    guide = make_guide(portal.guides)
    submit(client, portal, visitor_testimony(guide, text="Un récit qui attend sa relecture."))

    for url in (guide.url, portal.testimonies.url, portal.home.url,
                "/api/v2/testimonies/", "/recherche/?q=relecture",
                portal.testimonies.url + "flux/rss/"):
        assert "Un récit qui attend sa relecture." not in client.get(url).content.decode(), url

    Testimony.objects.get().moderate(ModerationStatus.APPROVED)

    assert "Un récit qui attend sa relecture." in text(client.get(guide.url))
    assert "Un récit qui attend sa relecture." in text(client.get(portal.testimonies.url))


def test_consent_is_required(client, portal):
    response = submit(client, portal, visitor_testimony(consent_to_publish=None))

    assert response.status_code == 200
    assert "Sans votre accord, nous ne pouvons pas publier votre témoignage" in text(response)
    assert not Testimony.objects.exists()
    # What the visitor typed is kept.
    assert "notre équipe a migré sa messagerie" in text(response)


@pytest.mark.parametrize("field,value,message", [
    ("text", "Trop court.", "Assurez-vous que cette valeur comporte au moins 20 caractères"),
    ("text", "x" * 4001, "Assurez-vous que cette valeur comporte au plus 4000 caractères"),
    ("author_name", "N" * 121, "au plus 120 caractères"),
    ("contact_email", "pas-une-adresse", "Saisissez une adresse e-mail valide"),
    ("parcours_role", "grand-chef", "Sélectionnez un choix valide"),
    ("stages", ["inconnue"], "Sélectionnez un choix valide"),
    ("text", "Écrivez-moi à camille@example.org pour en parler plus longuement.",
     "N'écrivez pas d'adresse électronique ici"),
])
def test_invalid_fields_are_refused_with_a_message_and_nothing_is_stored(client, portal, field,
                                                                         value, message):
    response = submit(client, portal, visitor_testimony(**{field: value}))

    assert response.status_code == 200
    assert message in text(response)
    assert not Testimony.objects.exists()


def test_a_page_visitors_cannot_testify_about_is_refused(client, portal):
    content = make_content_page(portal.home)
    draft = make_guide(portal.guides)
    draft.unpublish()

    for page in (content, draft):
        response = submit(client, portal, visitor_testimony(page))
        assert response.status_code == 200
        assert "n'accepte pas de témoignage" in text(response)
    assert not Testimony.objects.exists()


def test_a_page_of_another_site_is_refused(client, portal):
    from tests.factories import build_portal

    other = build_portal(hostname="autre.example.org")
    guide = make_guide(other.guides)

    response = submit(client, portal, visitor_testimony(guide))

    assert "n'accepte pas de témoignage" in text(response)
    assert not Testimony.objects.exists()


# --- Protection --------------------------------------------------------------------------------


def test_csrf_token_is_required(portal):
    client = Client(enforce_csrf_checks=True)

    response = submit(client, portal, visitor_testimony())

    assert response.status_code == 403
    assert not Testimony.objects.exists()


def test_honeypot_filled_stores_nothing(client, portal):
    response = submit(client, portal, visitor_testimony(site_web="https://promo.example.com"))

    assert response.status_code == 200
    assert "ressemble à celui d'un robot" in text(response)
    assert not Testimony.objects.exists()


def test_a_form_sent_faster_than_a_person_can_fill_it_is_refused(client, portal):
    response = submit(client, portal, visitor_testimony(jeton=form_token(seconds_ago=0.5)))

    assert "Envoi trop rapide" in text(response)
    assert not Testimony.objects.exists()
    # The same form, sent again once the minimum time has passed, goes through.
    with override_settings(NUMERIQUE_OUVERT={"FORM_MIN_SECONDS": 0}):
        again = soup(response).find("input", attrs={"name": "jeton"})["value"]
        assert submit(client, portal, visitor_testimony(jeton=again)).status_code == 303
    assert Testimony.objects.count() == 1


@pytest.mark.parametrize("token", ["", "forged", form_token(seconds_ago=25 * 3600)])
def test_a_missing_forged_or_expired_token_is_refused(client, portal, token):
    response = submit(client, portal, visitor_testimony(jeton=token))

    assert "Ce formulaire a expiré ou a été modifié" in text(response)
    assert not Testimony.objects.exists()
    # A fresh token comes with the answer: sending again works.
    fresh = soup(response).find("input", attrs={"name": "jeton"})["value"]
    assert fresh != token


def test_the_same_form_sent_twice_stores_one_testimony(client, portal):
    data = visitor_testimony()

    first, second = submit(client, portal, data), submit(client, portal, data)

    assert first.status_code == second.status_code == 303
    assert Testimony.objects.count() == 1


@override_settings(NUMERIQUE_OUVERT={"TESTIMONY_RATE": "2/m"})
def test_rate_limit_per_ip_address_with_a_clear_message(client, portal):
    for _ in range(2):
        assert submit(client, portal, visitor_testimony()).status_code == 303

    refused = submit(client, portal, visitor_testimony(text="Un troisième récit, de trop."))

    assert refused.status_code == 429
    assert "Trop d'envois depuis votre connexion" in text(refused)
    assert re.search(r"réessayez dans 1 minute\.", text(refused))
    assert refused["Retry-After"] == "60"
    assert "Un troisième récit, de trop." in text(refused)  # kept for later
    assert Testimony.objects.count() == 2
    # Another address is not affected.
    other = submit(client, portal, visitor_testimony(), REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 303
    assert Testimony.objects.count() == 3


# --- Acknowledgement, withdrawal, moderators' digest -------------------------------------------


def test_acknowledgement_mail_carries_a_withdrawal_link_that_deletes(client, portal,
                                                                      django_capture_on_commit_callbacks):
    guide = make_guide(portal.guides)
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, portal, visitor_testimony(guide))

    acknowledgements = [m for m in mail.outbox if m.to == ["camille.martin@example.gouv.fr"]]
    assert len(acknowledgements) == 1
    body = acknowledgements[0].body
    assert "Depuis la journée, notre équipe a migré" in body
    link = re.search(r"http://testserver(/\S+/retrait/\S+/)", body).group(1)

    confirm = client.get(link)
    assert confirm.status_code == 200
    assert "Ce témoignage n'est pas publié" in text(confirm)
    assert Testimony.objects.count() == 1  # opening the link (or a mail scanner) deletes nothing

    done = client.post(link)
    assert done.status_code == 200
    assert "Votre témoignage a été supprimé" in text(done)
    assert not Testimony.objects.exists()
    assert client.get(link).status_code == 404


def test_withdrawal_link_of_a_published_testimony_removes_it_from_the_site(client, portal,
                                                                             django_capture_on_commit_callbacks):
    guide = make_guide(portal.guides)
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, portal, visitor_testimony(guide, text="Un récit publié puis retiré par son autrice."))
    Testimony.objects.get().moderate(ModerationStatus.APPROVED)
    assert "Un récit publié puis retiré" in text(client.get(portal.testimonies.url))
    link = re.search(r"http://testserver(/\S+/retrait/\S+/)", mail.outbox[-1].body).group(1)

    assert "Ce témoignage est publié" in text(client.get(link))
    client.post(link)

    assert "Un récit publié puis retiré" not in text(client.get(portal.testimonies.url))
    assert "Un récit publié puis retiré" not in text(client.get(guide.url))


def test_withdrawal_refuses_forged_tokens_and_testimonies_entered_in_the_admin(client, portal):
    from numerique_ouvert.testimonies.views import withdrawal_token

    entered = make_testimony("Saisi par la modération.")

    submitted = make_testimony("Envoyé par le formulaire.", submission_key="cle-unique")
    forged = f"{submitted.pk}-{'0' * 64}"
    for token in (withdrawal_token(entered), forged, "abc-def", "12"):
        response = client.post(f"{portal.testimonies.url}retrait/{token}/")
        assert response.status_code == 404
        assert "Ce lien ne correspond à aucun témoignage" in text(response)
    assert Testimony.objects.filter(pk__in=[entered.pk, submitted.pk]).count() == 2
    # The genuine token of the second one works.
    client.post(f"{portal.testimonies.url}retrait/{withdrawal_token(submitted)}/")
    assert not Testimony.objects.filter(pk=submitted.pk).exists()


def test_no_acknowledgement_without_an_address(client, portal, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, portal, visitor_testimony(contact_email=""))

    assert Testimony.objects.count() == 1
    assert not [m for m in mail.outbox if "reçu votre témoignage" in m.subject]


def test_moderators_get_a_digest_without_the_submitters_address(client, portal,
                                                               django_capture_on_commit_callbacks):
    moderator = User.objects.create_user("moderatrice", "moderation@example.gouv.fr", "x")
    Group.objects.get(name="Modérateurs").user_set.add(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        submit(client, portal, visitor_testimony())

    digests = [m for m in mail.outbox if m.to == ["moderation@example.gouv.fr"]]
    assert len(digests) == 1
    assert "camille.martin@example.gouv.fr" not in digests[0].body
    assert Testimony.objects.get().notified_at is not None


# --- Retention ---------------------------------------------------------------------------------


def test_apply_retention_deletes_old_rejections_and_erases_old_addresses(portal):
    from django.core.management import call_command

    long_ago = timezone.now() - datetime.timedelta(days=120)
    old_rejected = make_testimony("Refusé il y a longtemps.", status=ModerationStatus.REJECTED)
    Testimony.objects.filter(pk=old_rejected.pk).update(moderated_at=long_ago,
                                                        submitted_at=long_ago)
    recent_rejected = make_testimony("Refusé hier.", status=ModerationStatus.REJECTED)
    old_approved = make_testimony("Publié il y a longtemps.")
    Testimony.objects.filter(pk=old_approved.pk).update(submitted_at=long_ago)
    recent = make_testimony("Publié hier.")

    from io import StringIO

    dry = StringIO()
    call_command("apply_retention", "--dry-run", stdout=dry)
    assert "à supprimer : 1" in dry.getvalue() and "à effacer : 1" in dry.getvalue()
    assert Testimony.objects.count() == 4

    out = StringIO()
    call_command("apply_retention", stdout=out)

    assert "supprimés : 1" in out.getvalue() and "effacées : 1" in out.getvalue()
    assert not Testimony.objects.filter(pk=old_rejected.pk).exists()
    assert Testimony.objects.get(pk=recent_rejected.pk).contact_email
    assert Testimony.objects.get(pk=old_approved.pk).contact_email == ""
    assert Testimony.objects.get(pk=recent.pk).contact_email == "agent.prive@example.gouv.fr"
    # Run again: nothing left to do.
    again = StringIO()
    call_command("apply_retention", stdout=again)
    assert "supprimés : 0" in again.getvalue() and "effacées : 0" in again.getvalue()


# --- The privacy page --------------------------------------------------------------------------


@override_settings(NUMERIQUE_OUVERT={"CONTACT_EMAIL_RETENTION_DAYS": 45,
                                     "REJECTED_TESTIMONY_RETENTION_DAYS": 12})
def test_personal_data_page_explains_what_is_kept_with_the_configured_durations(client, portal):
    from numerique_ouvert.core.models import PersonalDataPage

    page = add_page(portal.home, PersonalDataPage, title="Données personnelles",
                    controller="Ministère de l'Exemple", rights_contact="DPD, 1 rue de l'Exemple")

    response = client.get(page.url)

    page_text = text(response)
    assert "Responsable du traitement : Ministère de l'Exemple." in page_text
    assert "Effacée 45 jours après l'envoi." in page_text
    assert "supprimé 12 jours après la décision" in page_text
    assert "adresse IP" in page_text
    assert "DPD, 1 rue de l'Exemple" in page_text

    set_features(portal.site, testimonies=False)
    assert "Effacée 45 jours" not in text(client.get(page.url))
