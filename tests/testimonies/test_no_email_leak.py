"""No e-mail address ever reaches a public response: contact addresses of testimonies
(approved, waiting or rejected) are for moderators only, and the form refuses addresses
typed into published fields."""

from __future__ import annotations

import pytest

from numerique_ouvert.core.participation import EMAIL_PATTERN
from numerique_ouvert.testimonies.models import ModerationStatus, Testimony
from tests.factories import get_stages, make_commun, make_event, make_guide, make_testimony
from tests.testimonies.participation import form_url, visitor_testimony

ADDRESSES = ["approuve@example.gouv.fr", "attente@example.gouv.fr", "refuse@example.gouv.fr",
             "formulaire@example.gouv.fr"]


@pytest.mark.django_db
def test_no_email_address_in_any_public_response(client, portal):
    stages = get_stages("utiliser", "ouvrir")
    guide = make_guide(portal.guides, "Guide témoigné", stages=stages)
    event = make_event(portal.events, "Rencontre témoignée", days_from_now=-2, stages=stages)
    commun = make_commun(portal.communs, "Commun témoigné", stages=stages)
    for page, address, status in ((guide, ADDRESSES[0], ModerationStatus.APPROVED),
                                  (event, ADDRESSES[1], ModerationStatus.SUBMITTED),
                                  (commun, ADDRESSES[2], ModerationStatus.REJECTED)):
        make_testimony(f"Témoignage sur la page {page.title}, sans adresse dans le texte.",
                       page=page, status=status, contact_email=address, stages=stages,
                       organisation="Direction du numérique")
    response = client.post(form_url(portal), visitor_testimony(guide, contact_email=ADDRESSES[3]))
    assert response.status_code == 303
    Testimony.objects.filter(contact_email=ADDRESSES[3]).get().moderate(ModerationStatus.APPROVED)
    approved = Testimony.objects.filter(status=ModerationStatus.APPROVED).first()

    urls = [
        portal.home.url, portal.testimonies.url, guide.url, event.url, commun.url,
        portal.guides.url, portal.events.url, portal.communs.url,
        portal.parcours.url, portal.parcours.url + "utiliser/", portal.parcours.url + "ouvrir/",
        form_url(portal), form_url(portal) + "merci/", response["Location"],
        "/recherche/?q=témoignage", "/recherche/?q=example.gouv.fr",
        "/flux/rss/", "/flux/atom/", portal.testimonies.url + "flux/rss/",
        "/sitemap.xml", "/api/v2/testimonies/", f"/api/v2/testimonies/{approved.pk}/",
        f"/api/v2/pages/{guide.pk}/", "/api/v2/pages/?type=numerique_ouvert_guides.GuidePage",
        event.ics_url,
    ]
    checked = 0
    for url in urls:
        response = client.get(url)
        if response.status_code == 404:
            continue
        assert response.status_code == 200, url
        body = response.content.decode()
        for address in ADDRESSES:
            assert address not in body, (url, address)
        assert EMAIL_PATTERN.findall(body) == [], url
        checked += 1
    assert checked >= 20
