"""Moderators are told by e-mail, in digests: one mail for what waits, not one per submission;
the rest goes with the next digest (at the next submission after the interval, or from the
``notify_moderators`` command run by cron)."""

from __future__ import annotations

import datetime
from concurrent.futures import ThreadPoolExecutor
from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import call_command
from django.db import close_old_connections, connection
from django.test import override_settings
from django.utils import timezone

from numerique_ouvert.testimonies.models import ModerationStatus, Testimony
from numerique_ouvert.testimonies.notifications import send_moderation_digest
from tests.factories import make_guide, make_testimony
from tests.testimonies.participation import form_url, visitor_testimony

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderators():
    group = Group.objects.get(name="Modérateurs")
    for name in ("alice", "bruno"):
        group.user_set.add(User.objects.create_user(name, f"{name}@moderation.example.org", "x"))
    group.user_set.add(User.objects.create_user("inactif", "inactif@moderation.example.org",
                                                "x", is_active=False))
    group.user_set.add(User.objects.create_user("sans-adresse", "", "x"))
    User.objects.create_user("redacteur", "redacteur@example.org", "x")
    return group


def waiting(text: str, **fields) -> Testimony:
    return make_testimony(text, status=ModerationStatus.SUBMITTED, **fields)


def test_first_submission_sends_one_digest_to_active_moderators_only(portal, moderators):
    guide = make_guide(portal.guides, "Guide du libre")
    testimony = waiting("Un premier récit qui attend.", page=guide,
                        contact_email="auteur.prive@example.gouv.fr")

    assert send_moderation_digest() == 1

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["alice@moderation.example.org", "bruno@moderation.example.org"]
    assert "1 nouveau témoignage à modérer" in message.subject
    assert "Un premier récit qui attend." in message.body
    assert "Guide du libre" in message.body
    edit = f"/admin/snippets/numerique_ouvert_testimonies/testimony/edit/{testimony.pk}/"
    assert f"http://testserver{edit}" in message.body
    assert "?status=submitted" in message.body
    assert "auteur.prive@example.gouv.fr" not in message.body
    assert Testimony.objects.get(pk=testimony.pk).notified_at is not None


def test_submissions_within_the_interval_wait_for_the_next_digest(portal, moderators):
    first = waiting("Premier récit.")
    send_moderation_digest()
    second = waiting("Deuxième récit, arrivé peu après.")

    assert send_moderation_digest() == 0
    assert len(mail.outbox) == 1
    assert Testimony.objects.get(pk=second.pk).notified_at is None

    # Once the interval is over, the next call announces only what was not announced yet.
    Testimony.objects.filter(pk=first.pk).update(
        notified_at=timezone.now() - datetime.timedelta(minutes=16))
    assert send_moderation_digest() == 1
    assert len(mail.outbox) == 2
    assert "Deuxième récit" in mail.outbox[1].body
    assert "Premier récit." not in mail.outbox[1].body
    assert "En tout, 2 témoignages attendent une décision." in mail.outbox[1].body


@override_settings(NUMERIQUE_OUVERT={"MODERATION_DIGEST_MINUTES": 0})
def test_without_interval_each_submission_sends_its_own_digest(portal, moderators):
    waiting("Premier récit.")
    assert send_moderation_digest() == 1
    waiting("Deuxième récit.")
    assert send_moderation_digest() == 1

    assert [("Premier" in m.body, "Deuxième" in m.body) for m in mail.outbox] == [
        (True, False), (False, True)]


def test_the_digest_gives_an_excerpt_and_never_a_contact_address(portal, moderators):
    long_text = "Un récit très détaillé. " * 30
    waiting(long_text, contact_email="premiere.personne@example.gouv.fr")
    waiting("Un autre récit, sans page.", contact_email="seconde.personne@example.gouv.fr",
            author_name="Dominique")

    assert send_moderation_digest() == 2

    message = mail.outbox[0]
    assert long_text[:200] + "…" in message.body and long_text not in message.body
    assert "Dominique" in message.body
    assert "@example.gouv.fr" not in message.body + message.subject
    assert all("@example.gouv.fr" not in address for address in message.to + message.cc
               + message.bcc)


@override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                   EMAIL_HOST="127.0.0.1", EMAIL_PORT=9, EMAIL_TIMEOUT=2)
def test_a_digest_that_could_not_be_sent_is_released_for_the_next_one(portal, moderators):
    testimony = waiting("Le serveur de courriel est en panne.")

    with pytest.raises(OSError):
        send_moderation_digest()

    assert Testimony.objects.get(pk=testimony.pk).notified_at is None


def test_the_command_sends_what_waits_whatever_the_interval(portal, moderators):
    waiting("Premier récit.")
    send_moderation_digest()
    waiting("Deuxième récit.")
    waiting("Troisième récit.")

    out = StringIO()
    call_command("notify_moderators", stdout=out)

    assert "Témoignages signalés aux modérateurs : 2." in out.getvalue()
    assert len(mail.outbox) == 2
    assert "2 nouveaux témoignages à modérer" in mail.outbox[1].subject
    out = StringIO()
    call_command("notify_moderators", stdout=out)
    assert "signalés aux modérateurs : 0." in out.getvalue()
    assert len(mail.outbox) == 2


def test_approved_or_rejected_testimonies_are_never_announced(portal, moderators):
    make_testimony("Déjà approuvé.")
    make_testimony("Déjà refusé.", status=ModerationStatus.REJECTED)

    assert send_moderation_digest(force=True) == 0
    assert mail.outbox == []


def test_nothing_sent_nor_claimed_without_moderators(portal, caplog):
    testimony = waiting("Personne pour le lire.")

    assert send_moderation_digest() == 0

    assert mail.outbox == []
    assert Testimony.objects.get(pk=testimony.pk).notified_at is None
    assert "has no active member with an e-mail address" in caplog.text


def test_inactive_or_addressless_members_alone_receive_nothing(portal):
    group = Group.objects.get(name="Modérateurs")
    group.user_set.add(User.objects.create_user("inactif", "inactif@example.org", "x",
                                                is_active=False))
    group.user_set.add(User.objects.create_user("sans-adresse", "", "x"))
    testimony = waiting("Personne pour le lire.")

    assert send_moderation_digest(force=True) == 0
    assert mail.outbox == []
    assert Testimony.objects.get(pk=testimony.pk).notified_at is None


@override_settings(NUMERIQUE_OUVERT={"MODERATION_DIGEST_MINUTES": 0})
def test_the_public_form_triggers_the_digest(client, portal, moderators,
                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(form_url(portal), visitor_testimony(contact_email=""))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(form_url(portal), visitor_testimony(contact_email="", text="Un deuxième "
                                                        "récit envoyé par le formulaire public."))

    digests = [m for m in mail.outbox if "à modérer" in m.subject]
    assert len(digests) == 2
    assert "Un deuxième récit" in digests[1].body


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="needs a database shared by concurrent connections")
def test_concurrent_digests_never_announce_a_testimony_twice(moderators):
    texts = [f"Récit simultané numéro {n:02d}." for n in range(30)]
    for text in texts:
        waiting(text)

    def digest(_):
        try:
            return send_moderation_digest(force=True)
        finally:
            close_old_connections()

    with ThreadPoolExecutor(max_workers=8) as pool:
        announced = list(pool.map(digest, range(8)))

    assert sum(announced) == 30
    assert sorted(text for message in mail.outbox for text in texts if text in message.body) \
        == texts
    assert not Testimony.objects.filter(notified_at=None).exists()
