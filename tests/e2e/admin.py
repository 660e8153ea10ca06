"""Gestures in the real Wagtail admin, shared by the editor scenarios and the screenshots."""

from __future__ import annotations

import re

from playwright.sync_api import expect

TESTIMONIES = "/admin/snippets/numerique_ouvert_testimonies/testimony/"


def admin_page_id(page, site, public_path: str) -> int:
    """The page id behind ``public_path``, read off the "edit this page" link of Wagtail's user
    bar (the page must be logged in): what an editor does, without guessing ids."""
    page.goto(site(public_path))
    href = page.locator("wagtail-userbar a[href*='/admin/pages/'][href$='/edit/']").first.get_attribute(
        "href")
    return int(re.search(r"/admin/pages/(\d+)/edit/", href).group(1))


def open_new_page_form(page, site, parent_path: str, app_model: str):
    parent = admin_page_id(page, site, parent_path)
    page.goto(site(f"/admin/pages/add/{app_model}/{parent}/"))
    expect(page.locator("#id_title")).to_be_visible()


def section(page, field: str):
    """The panel of a page field, whichever tab it is on."""
    return page.locator(f"section[id^='panel-child-'][id$='-{field}-section']")


def add_block(page, field: str, label: str | None = None) -> None:
    """Append a block to the StreamField ``field`` with its last "+" button; ``label`` picks the
    block type when the field has several."""
    panel = section(page, field)
    blocks = panel.locator(f"input[name^='{field}-'][name$='-type']")
    before = blocks.count()
    panel.locator("button.c-sf-add-button").last.click()
    if label:
        page.locator(".w-combobox__option", has_text=re.compile(f"^{re.escape(label)}$")).first.click()
    # The block is drawn by script: wait for it, or the next "last field" is the previous block's.
    expect(blocks).to_have_count(before + 1)


def last_block_field(page, field: str, child: str):
    """The ``child`` input of the block added last to ``field`` (``body-3-value-text``…)."""
    return section(page, field).locator(f"[name^='{field}-'][name$='-value-{child}']").last


def type_rich_text(page, field: str, text: str) -> None:
    """Type into the rich-text (Draftail) editor of the block added last to ``field``."""
    panel = section(page, field)
    last_type = panel.locator(f"input[name^='{field}-'][name$='-type']").last
    prefix = last_type.get_attribute("name").removesuffix("-type")
    # The editor of that block, found by its own input: Draftail mounts after the block's inputs
    # exist, and on a loaded machine ".last" of all editors may still be the previous block's.
    editor = page.locator(f"[id='{prefix}-value']").locator("xpath=..").locator("[contenteditable=true]")
    editor.click()
    page.keyboard.type(text)
    expect(editor).to_contain_text(text)
    # Draftail writes its hidden input a moment after the last key: wait for it, or a quick
    # "Publier" sends the block empty ("Ce champ est obligatoire").
    expect(page.locator(f"[id='{prefix}-value']")).to_have_value(re.compile(re.escape(text)))


def fill_date(page, selector: str, value: str) -> None:
    page.fill(selector, value)
    page.keyboard.press("Escape")  # close the date picker the widget opens


def publish(page) -> None:
    """The "Publier" action of the page editor's footer (behind "Plus d'actions")."""
    footer = page.locator("footer")
    footer.get_by_role("button", name="Plus d'actions").click()
    with page.expect_navigation():
        footer.get_by_role("button", name="Publier").click()
    errors = page.locator(".messages .error, .w-field__errors .error-message, .help-critical")
    assert not errors.count(), f"publication refusée : {errors.all_text_contents()}"
    # The publication (revision, search index, cache invalidation) can take seconds on 2 busy cores.
    expect(page.locator(".messages .success")).to_contain_text("publiée", timeout=20_000)
