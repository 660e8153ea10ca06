"""Related content: pages sharing stages and tags, best matches first, enabled features only."""

from __future__ import annotations

import pytest

from tests.factories import get_stages, make_commun, make_event, make_guide, set_features
from tests.html import soup


def related_titles(client, url) -> list[str]:
    page = soup(client.get(url))
    return [h.get_text(strip=True)
            for h in page.select("section[aria-labelledby=contenus-proches] .fr-card__title")]


@pytest.mark.django_db
def test_related_content_ranks_shared_tags_above_shared_stages(client, portal):
    utiliser, ouvrir = get_stages("utiliser", "ouvrir")
    guide = make_guide(portal.guides, "Guide", stages=[utiliser], tags=["bureautique", "migration"])
    make_commun(portal.communs, "Deux mots-clés", stages=[ouvrir], tags=["bureautique", "migration"])
    make_event(portal.events, "Une étape", stages=[utiliser])
    make_guide(portal.guides, "Un mot-clé et l'étape", stages=[utiliser], tags=["migration"])
    make_guide(portal.guides, "Sans rapport", stages=[ouvrir], tags=["forge"])
    make_guide(portal.guides, "Non listé", stages=[utiliser], tags=["migration"], listed=False)

    assert related_titles(client, guide.url) == ["Deux mots-clés", "Un mot-clé et l'étape",
                                                 "Une étape"]


@pytest.mark.django_db
def test_related_content_leaves_out_disabled_features(client, portal):
    utiliser, = get_stages("utiliser")
    guide = make_guide(portal.guides, "Guide", stages=[utiliser])
    make_event(portal.events, "Atelier", stages=[utiliser])
    assert related_titles(client, guide.url) == ["Atelier"]
    set_features(portal.site, events=False)
    assert related_titles(client, guide.url) == []
