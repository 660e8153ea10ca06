"""Accessibility checks run in the browser: axe-core, and the RGAA checks axe cannot make.

Every rule id that axe may report at a minor or moderate impact without failing the test is in
``ACCEPTED``, with the reason: docs/accessibility.md lists the same table. A serious or critical
violation always fails.
"""

from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA (what the RGAA 4.1 covers), plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING = {"serious", "critical"}

# rule id -> why a minor/moderate finding of it is accepted (kept in docs/accessibility.md).
ACCEPTED: dict[str, str] = {}


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as it is now. A context may inject axe into every
    document (``add_init_script``); otherwise it is added here (a navigation drops it)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS)
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} — {targets}")
    return "\n".join(lines)


def assert_axe_clean(page, state: str) -> list[dict]:
    """No serious or critical violation, and no minor or moderate one outside ``ACCEPTED``."""
    violations = axe_violations(page)
    refused = [v for v in violations if v["impact"] in BLOCKING or v["id"] not in ACCEPTED]
    assert not refused, f"axe-core, {state} ({page.url}) :\n{describe(refused)}"
    return violations


# The structure of the page as assistive technologies get it: hidden elements (a closed modal,
# display:none) are left out, visually hidden ones (fr-sr-only) are kept.
STRUCTURE_JS = """() => {
  const exposed = el => el.checkVisibility() && !el.closest('[aria-hidden="true"], [hidden]');
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')]
    .filter(exposed)
    .map(h => ({level: h.getAttribute('aria-level') ? +h.getAttribute('aria-level') : +h.tagName[1],
                text: h.textContent.trim().slice(0, 60)}));
  const images = [...document.querySelectorAll('img')]
    .filter(img => !img.hasAttribute('alt'))
    .map(img => img.outerHTML.slice(0, 120));
  const svgs = [...document.querySelectorAll('svg')]
    .filter(svg => !svg.closest('[aria-hidden="true"]') && svg.getAttribute('role') !== 'img')
    .filter(svg => svg.getAttribute('aria-hidden') !== 'true')
    .map(svg => svg.outerHTML.slice(0, 120));
  const skiplinks = [...document.querySelectorAll('.fr-skiplinks a[href^="#"]')]
    .map(a => ({href: a.getAttribute('href'),
                found: !!document.getElementById(a.getAttribute('href').slice(1))}));
  return {lang: document.documentElement.getAttribute('lang'), headings, images, svgs, skiplinks};
}"""


def structure_problems(page) -> list[str]:
    """What the page breaks among: one h1, no skipped heading level, ``lang`` on html, an alt
    attribute on every image (empty when decorative), informative SVG given role="img", skip
    links whose target exists."""
    found = page.evaluate(STRUCTURE_JS)
    problems = []
    if not found["lang"]:
        problems.append("<html> sans attribut lang")
    levels = [h["level"] for h in found["headings"]]
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} titres h1 au lieu d'un : {found['headings']}")
    previous = 1
    for heading in found["headings"]:
        if heading["level"] > previous + 1:
            problems.append(f"niveau sauté : h{previous} puis h{heading['level']} « {heading['text']} »")
        previous = heading["level"]
    problems += [f"image sans attribut alt : {img}" for img in found["images"]]
    problems += [f"SVG ni décoratif (aria-hidden) ni image (role=img) : {svg}" for svg in found["svgs"]]
    problems += [f"lien d'évitement sans cible : {link['href']}" for link in found["skiplinks"]
                 if not link["found"]]
    return problems


FOCUS_STYLE_JS = """el => {
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  return {outline, shadow, tag: el.tagName, text: (el.textContent || el.name || '').trim().slice(0, 40)};
}"""


def focus_is_visible(page, locator) -> dict:
    """Focus ``locator`` from the keyboard's point of view and read its computed focus style."""
    locator.focus()
    # DSFR draws the focus ring on :focus-visible, which the browser grants to keyboard focus.
    return locator.evaluate(FOCUS_STYLE_JS)
