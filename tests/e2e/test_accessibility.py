"""axe-core and the RGAA checks axe cannot make, on every public page type of the demo, every
listing with filters applied, the search results, and every public form with and without
errors, in light and dark mode."""

from __future__ import annotations

import re
import unicodedata

import pytest

from .a11y import AXE, assert_axe_clean, structure_problems
from .browser import keep_artifacts, new_context

pytestmark = pytest.mark.e2e

EVENT_WITH_MAP = "/evenements/rencontres-du-numerique-ouvert-2025/"

# (state, path). "{map}" is the parcours map of EVENT_WITH_MAP, whose id the demo chooses.
PAGES = [
    ("accueil", "/"),
    ("parcours, présentation", "/parcours/"),
    *[(f"parcours, étape {slug}", f"/parcours/{slug}/")
      for slug in ("decouvrir", "utiliser", "promouvoir", "cooperer", "ouvrir")],
    ("guides, liste", "/guides/"),
    ("guide", "/guides/contribuer-a-un-commun-numerique/"),
    ("guide avec tableau", "/guides/choisir-et-deployer-un-logiciel-libre/"),
    ("événements, liste", "/evenements/"),
    ("événement passé avec compte-rendu", EVENT_WITH_MAP),
    ("événement à venir", "/evenements/atelier-deployer-un-logiciel-libre/"),
    ("événement hybride (type du site)", "/evenements/table-ronde-achat-public-et-communs/"),
    ("communs, liste", "/communs/"),
    ("commun", "/communs/open-food-facts/"),
    ("témoignages, liste", "/temoignages/"),
    ("témoignage, formulaire", "/temoignages/temoigner/"),
    ("témoignage, merci", "/temoignages/temoigner/merci/"),
    ("témoignage, lien de retrait invalide", "/temoignages/retrait/jeton-invalide/"),
    ("carte du parcours", "/carte-du-parcours/"),
    ("carte du parcours, formulaire", "/carte-du-parcours/je-me-situe/"),
    ("carte du parcours d'un événement", "{map}"),
    ("carte du parcours, écran de salle", "{map}ecran/"),
    ("déclaration d'accessibilité", "/accessibilite/"),
    ("mentions légales", "/mentions-legales/"),
    ("données personnelles", "/donnees-personnelles/"),
    ("plan du site", "/plan-du-site/"),
    ("recherche, sans requête", "/recherche/"),
    ("recherche, résultats", "/recherche/?q=commun"),
    ("recherche, résultats filtrés", "/recherche/?q=logiciel&type=guides&etape=utiliser"),
    ("recherche, aucun résultat", "/recherche/?q=zzqqxxww"),
    ("page introuvable (404)", "/cette-page-n-existe-pas/"),
]
FILTERED = [
    ("événements par étape et format", "/evenements/?etape=utiliser&format=atelier"),
    ("événements passés, par mot-clé", "/evenements/?quand=passes&tag=communs"),
    ("événements, filtre invalide", "/evenements/?du=pasunedate&annee=abc"),
    ("guides par étape et relecture", "/guides/?etape=ouvrir&relu=1-an"),
    ("communs filtrés", "/communs/?etape=cooperer&nature=software&statut=stable"),
    ("communs, recherche sans résultat", "/communs/?q=zzqqxxww"),
    ("témoignages, recherche", "/temoignages/?q=commun"),
    ("liste, page au-delà de la dernière", "/guides/?page=99"),
]
# (state, path, submit button): the form sent empty, so that every required field is in error.
FORMS = [
    ("témoignage envoyé vide", "/temoignages/temoigner/", "Envoyer mon témoignage"),
    # The event page links to the form, which then says which event the testimony is about.
    ("témoignage sur un événement envoyé vide", EVENT_WITH_MAP + "#temoigner", "Envoyer mon témoignage"),
    ("carte du parcours envoyée vide", "/carte-du-parcours/je-me-situe/", None),
]


NOT_FOUND = {"page introuvable (404)", "témoignage, lien de retrait invalide",
             "liste, page au-delà de la dernière"}


def slug(state: str) -> str:
    """An ASCII test id (pytest would escape accents as \\xe9)."""
    ascii_text = unicodedata.normalize("NFKD", state).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@pytest.fixture(scope="module")
def map_url(browser, live_site) -> str:
    page = browser.new_page()
    try:
        page.goto(live_site(EVENT_WITH_MAP))
        href = page.locator("a[href*='/carte-du-parcours/evenement/']").first.get_attribute("href")
    finally:
        page.close()
    return re.match(r".*/carte-du-parcours/evenement/\d+/", href).group(0)


@pytest.fixture(scope="module", params=["light", "dark"])
def themed_page(browser, request):
    """One page per colour scheme for the whole module (a context per test costs more than the
    check), with axe-core injected into every document it loads."""
    context = new_context(browser, color_scheme=request.param)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.scheme = request.param
    yield page
    context.close()


@pytest.fixture
def checked_page(themed_page, request):
    yield themed_page
    keep_artifacts(request, themed_page)


def _open(page, live_site, path: str, map_url: str):
    response = page.goto(live_site(path.replace("{map}", map_url)))
    if path.endswith("#temoigner"):  # follow the page's link to the testimony form
        with page.expect_navigation():
            page.locator("#temoigner a[href]").first.click()
    # The DSFR script follows the system scheme: wait until dark is really applied.
    if getattr(page, "scheme", None) == "dark":
        page.wait_for_selector("html[data-fr-theme=dark]", state="attached")
    return response


def _submit_empty(page, button: str | None) -> None:
    form = page.locator("main form[method=post]").first
    submit = form.get_by_role("button", name=button) if button else form.locator("[type=submit]")
    with page.expect_navigation():
        submit.first.click()


@pytest.mark.parametrize(("state", "path"), PAGES + FILTERED, ids=[slug(s) for s, _ in PAGES + FILTERED])
def test_page_is_accessible(checked_page, live_site, map_url, state, path):
    """axe-core finds nothing serious, and the page passes the checks axe cannot make."""
    page = checked_page
    response = _open(page, live_site, path, map_url)
    expected = 404 if state in NOT_FOUND else 200
    assert response.status == expected, f"{state} : {path} a répondu {response.status}"
    assert_axe_clean(page, f"{state}, mode {page.scheme}")
    assert structure_problems(page) == []


@pytest.mark.parametrize(("state", "path", "button"), FORMS, ids=[slug(s) for s, *_ in FORMS])
def test_form_with_errors_is_accessible(checked_page, live_site, map_url, state, path, button):
    page = checked_page
    _open(page, live_site, path, map_url)
    assert_axe_clean(page, f"{state} (avant envoi), mode {page.scheme}")
    _submit_empty(page, button)
    assert page.locator(".fr-error-text, .fr-message--error").count(), "aucune erreur affichée"
    assert_axe_clean(page, f"{state}, mode {page.scheme}")
    assert structure_problems(page) == []


@pytest.mark.parametrize(("state", "path", "button"), FORMS, ids=[slug(s) for s, *_ in FORMS])
def test_form_errors_are_announced_and_linked_to_their_fields(page, live_site, map_url, state, path,
                                                              button):
    _open(page, live_site, path, map_url)
    _submit_empty(page, button)
    # The summary at the top of the form is announced when the page loads with it.
    summary = page.locator("main [role=alert]")
    assert summary.count(), "pas de résumé des erreurs annoncé (role=alert)"
    fields = page.locator("main .fr-input-group--error, main .fr-select-group--error, "
                          "main .fr-fieldset--error, main .fr-checkbox-group--error")
    assert fields.count(), "aucun champ signalé en erreur"
    unlinked = page.evaluate("""() => [...document.querySelectorAll(
        'main .fr-error-text, main .fr-message--error')]
      .filter(msg => msg.id && !msg.closest('[role=alert]'))
      .filter(msg => !document.querySelector(`[aria-describedby~="${msg.id}"]`))
      .map(msg => msg.id)""")
    assert unlinked == [], f"messages d'erreur liés à aucun champ : {unlinked}"
    without_id = page.evaluate("""() => [...document.querySelectorAll('main .fr-error-text')]
      .filter(msg => !msg.closest('[role=alert]') && !msg.closest('[id]'))
      .map(msg => msg.textContent.trim())""")
    assert without_id == [], f"messages d'erreur sans identifiant (donc non reliés) : {without_id}"
    invalid = page.locator("main [aria-invalid=true], main .fr-input--error, main .fr-select--error")
    assert invalid.count() or page.locator("main .fr-fieldset--error").count()


@pytest.mark.parametrize("path", ["/", "/guides/contribuer-a-un-commun-numerique/", "/evenements/"])
def test_skip_links_move_the_focus_to_their_target(page, live_site, path):
    page.goto(live_site(path))
    links = page.locator(".fr-skiplinks a")
    assert links.count() >= 2
    for index in range(links.count()):
        page.goto(live_site(path))
        page.keyboard.press("Tab")  # the first Tab lands on the first skip link
        for _ in range(index):
            page.keyboard.press("Tab")
        target = links.nth(index).get_attribute("href")
        assert page.evaluate("document.activeElement.getAttribute('href')") == target
        page.keyboard.press("Enter")
        focused = page.evaluate("""target => {
          const el = document.querySelector(target);
          return el && (el === document.activeElement || el.contains(document.activeElement));
        }""", target)
        assert focused, f"après « Entrée » sur {target}, le focus n'est pas dans la cible"


FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex='0']"


@pytest.mark.parametrize("path", ["/", "/temoignages/temoigner/", "/evenements/",
                                  "/carte-du-parcours/je-me-situe/"])
def test_keyboard_focus_is_always_visible(page, live_site, path):
    page.goto(live_site(path))
    seen, invisible = 0, []
    for _ in range(60):
        page.keyboard.press("Tab")
        style = page.evaluate("""() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const s = getComputedStyle(el);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
          const shadow = s.boxShadow && s.boxShadow !== 'none';
          const ring = (node, pseudo) => {
            if (!node) return false;
            const p = getComputedStyle(node, pseudo);
            return (p.outlineStyle !== 'none' && parseFloat(p.outlineWidth) > 0)
              || (p.boxShadow && p.boxShadow !== 'none');
          };
          // DSFR draws some rings elsewhere: radios and checkboxes on their label's ::before,
          // "enlarged" links (whole card or brand block clickable) on the block (focus-within).
          const label = el.id && document.querySelector(`label[for="${el.id}"]`);
          const elsewhere = ring(el, '::before') || ring(el, '::after') || ring(label)
            || ring(label, '::before') || ring(el.closest('.fr-enlarge-link'));
          return {visible: outline || shadow || elsewhere,
                  what: el.tagName + ' ' + (el.textContent || el.name || el.id || '').trim().slice(0, 50)};
        }""")
        if style is None:
            continue
        seen += 1
        if not style["visible"]:
            invisible.append(style["what"])
    assert seen >= 10
    assert invisible == [], f"focus sans indicateur visible : {invisible}"
