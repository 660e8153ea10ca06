"""What the browser tests share besides fixtures: contexts, failure artifacts, admin login."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "e2e"
VIEWPORT = {"width": 1280, "height": 800}
# Accounts the test database gets, one per role the scenarios play (see conftest.CREATE_USERS).
PASSWORD = "motdepasse-e2e-1"
# Wagtail's own "Moderators" group edits and publishes pages ("Editors" may only submit them for
# moderation); our "Modérateurs" group moderates testimonies, and nothing else.
USERS = {"admin": "superuser", "editrice": "Moderators", "moderatrice": "Modérateurs"}


def new_context(browser, **options):
    context = browser.new_context(viewport=VIEWPORT, locale="fr-FR", accept_downloads=True,
                                  **options)
    context.set_default_timeout(15_000)
    return context


def keep_artifacts(request, page) -> None:
    report = getattr(request.node, "report_call", None)
    if report is None or not report.failed or page.is_closed():
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    stem = ARTIFACTS / request.node.nodeid.replace("/", "_").replace("::", "__").replace(" ", "_")
    try:
        page.screenshot(path=f"{stem}.png", full_page=True)
        Path(f"{stem}.html").write_text(page.content(), encoding="utf-8")
    except Exception as error:  # the page may have crashed: say so, keep the test's own error
        print(f"\nartefacts e2e incomplets : {error}")
    print(f"\nartefacts e2e : {stem}.png, {stem}.html ({page.url})")


def log_in(page, site, username: str) -> None:
    """Log ``page`` into the Wagtail admin of ``site`` (a conftest.LiveSite) as ``username``."""
    page.goto(site("/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(site("/admin/"))
