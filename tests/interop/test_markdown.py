"""Markdown guides: front matter and body -> GuidePage, rejections with their key path, images
read next to the files (deduplicated), idempotence, and every real file of /work/shared/data."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Revision

from numerique_ouvert.guides.models import GuidePage
from numerique_ouvert.interop.base import run_import
from numerique_ouvert.interop.markdown import MarkdownImporter, body_to_blocks, read_markdown
from numerique_ouvert.interop.models import ImportRecord
from numerique_ouvert.interop.sources import Source, read_sources

REAL = Path("/work/shared/data/markdown")

GUIDE = """---
title: Publier un logiciel libre
tagline: Les étapes, de la licence au dépôt
tags: licence, forge,publication
date: 2024-01-21
noindex: true # commentaire
publish: false
---

Intro avec **gras**, *italique*, `code` et un [lien](https://code.gouv.fr/).

## Choisir une licence

- MIT
- EUPL-1.2
  1. imbriqué

### Tableau

| Licence | Type |
|---|---|
| MIT | permissive |
| EUPL-1.2 | copyleft |

```python
print("bonjour")
```

> [!NOTE] À retenir
> Une licence **claire** évite les malentendus.

> Le code source est un bien commun.
>
> — Une ministre

<script>alert(1)</script>
"""


def src(text: str, name: str = "publier-un-logiciel.md") -> Source:
    return Source(name, text.encode())


def run(sources, portal, importer=None, **options):
    options.setdefault("dry_run", False)
    options.setdefault("publish", True)
    return run_import(importer or MarkdownImporter(), sources, parent=portal.guides, **options)


def state():
    return (GuidePage.objects.count(), Revision.objects.count(), ImportRecord.objects.count(),
            get_image_model().objects.count())


def test_front_matter_and_blocks(portal):
    report = run([src(GUIDE)], portal)
    assert report.ok and len(report.created) == 1
    page = GuidePage.objects.get()
    assert page.title == "Publier un logiciel libre"
    assert page.slug == "publier-un-logiciel"
    assert page.tagline == "Les étapes, de la licence au dépôt"
    assert sorted(t.name for t in page.tags.all()) == ["forge", "licence", "publication"]
    assert page.noindex is True
    assert not page.live  # publish: false wins over the import's --publish
    assert page.first_published_at.date().isoformat() == "2024-01-21"
    types = [block.block_type for block in page.body]
    assert types == ["paragraph", "heading", "paragraph", "heading", "table", "code", "callout",
                     "quote", "paragraph"]
    intro = page.body[0].value.source
    assert intro == ('<p>Intro avec <b>gras</b>, <i>italique</i>, <code>code</code> et un '
                     '<a href="https://code.gouv.fr/">lien</a>.</p>')
    assert "<ol><li>imbriqué</li></ol>" in page.body[2].value.source
    assert page.body[4].value["data"][1] == ["MIT", "permissive"]
    assert page.body[5].value["language"] == "python"
    assert page.body[6].value["title"] == "À retenir"
    assert "<b>claire</b>" in page.body[6].value["text"].source
    assert page.body[7].value["author"] == "Une ministre"
    # Raw HTML is never passed through: it stays visible, escaped.
    assert page.body[8].value.source == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert any("HTML" in w.message for w in report.warnings)


@pytest.mark.parametrize(("text", "path"), [
    ("---\ntitle: [a\n---\ncorps\n", "front matter: ligne"),
    ("---\ntagline: x\n---\ncorps\n", "front matter: title"),
    ("---\ntitle: 12\n---\ncorps\n", "front matter: title"),
    ("---\ntitle: T\ndate: demain\n---\ncorps\n", "front matter: date"),
    ("---\ntitle: T\nnoindex: peut-être\n---\ncorps\n", "front matter: noindex"),
    ("---\ntitle: T\ntags: {a: 1}\n---\ncorps\n", "front matter: tags"),
    ("---\n- a\n- b\n---\ncorps\n", "front matter"),
    ("---\ntitle: T\n---\n", ""),
])
def test_invalid_files_are_rejected_with_the_key_path(portal, text, path):
    before = state()
    report = run([src(text)], portal)
    assert report.rejected and report.rejected[0].path.startswith(path)
    assert state() == before


def test_not_utf8_is_rejected(portal):
    report = run([Source("x.md", "---\ntitle: é\n---\ncorps".encode("latin-1"))], portal)
    assert "UTF-8" in report.rejected[0].message


def test_second_import_and_dry_run_change_nothing(portal):
    run([src(GUIDE)], portal)
    before = state()
    again = run([src(GUIDE)], portal)
    assert (len(again.created), len(again.updated), len(again.unchanged)) == (0, 0, 1)
    dry = run([src(GUIDE.replace("Publier", "Diffuser"))], portal, dry_run=True)
    assert len(dry.updated) == 1
    assert state() == before
    assert GuidePage.objects.get().title == "Publier un logiciel libre"


def test_title_from_leading_heading_and_index_md_slug():
    guide, problems = read_markdown("blog/mon-billet/index.md", b"# Mon titre\n\nTexte.\n")
    assert not problems
    assert guide.key == "mon-billet" and guide.fields["title"] == "Mon titre"
    assert [b["type"] for b in guide.fields["body"]] == ["paragraph"]


def test_shortcode_and_markdown_images_become_image_blocks():
    blocks, _title = body_to_blocks('![Un chat](./chat.png)\n\n{% imageContent "./x.png", "Alt", '
                                    '[1000] %}\n')
    assert [(kind, value.src, value.alt) for kind, value in blocks] == [
        ("image", "./chat.png", "Un chat"), ("image", "./x.png", "Alt")]


def _png(colour) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(buffer, "PNG")
    return buffer.getvalue()


def test_folder_import_reads_images_next_to_the_files_once(portal, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "chat.png").write_bytes(_png("red"))
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "meme-chat.png").write_bytes(_png("red"))  # same content
    (tmp_path / "a" / "un.md").write_text("---\ntitle: Un\nimage: chat.png\n---\n\n"
                                          "![Un chat roux](chat.png)\n")
    (tmp_path / "b" / "deux.md").write_text("---\ntitle: Deux\n---\n\n![Le même](meme-chat.png)"
                                            "\n\n![Absente](absente.png)\n")
    importer = MarkdownImporter(image_root=tmp_path)
    report = run(read_sources(str(tmp_path), importer.patterns), portal, importer=importer)
    assert report.ok and len(report.created) == 2
    assert get_image_model().objects.count() == 1  # deduplicated by content hash
    un = GuidePage.objects.get(slug="un")
    assert un.image_id and un.body[0].value["alt"] == "Un chat roux"
    deux = GuidePage.objects.get(slug="deux")
    assert [b.block_type for b in deux.body] == ["image", "paragraph"]  # alt text kept
    assert any("absente.png" in w.message for w in report.warnings)
    before = state()
    again = run(read_sources(str(tmp_path), importer.patterns), portal, importer=importer)
    assert (len(again.created), len(again.updated)) == (0, 0) and state() == before


def test_images_of_an_upload_are_never_read_from_disk(portal, tmp_path):
    (tmp_path / "secret.png").write_bytes(_png("blue"))
    text = f"---\ntitle: T\n---\n\n![x]({tmp_path}/secret.png)\n\n![y](../../etc/passwd)\n"
    report = run([src(text)], portal)  # no image_root, as in the admin
    assert report.ok and get_image_model().objects.count() == 0


def test_related_guides_point_to_guides_imported_before(portal):
    run([src("---\ntitle: Base\n---\ntexte\n", name="Guide de base.md")], portal)
    report = run([src("---\ntitle: Suite\nrelated_guides:\n  - Guide de base\n  - Inconnu\n---\n"
                      "texte\n", name="suite.md")], portal)
    page = GuidePage.objects.get(slug="suite")
    assert [b.value.title for b in page.related_pages] == ["Base"]
    assert any("inconnu" in w.message for w in report.warnings)


def test_command_with_dry_run(portal, tmp_path, capsys):
    (tmp_path / "guide.md").write_text(GUIDE)
    call_command("import_markdown", str(tmp_path), "--dry-run")
    assert "1 créé(s)" in capsys.readouterr().out
    assert GuidePage.objects.count() == 0


REAL_FILES = sorted(REAL.rglob("*.md")) if REAL.is_dir() else []


@pytest.mark.skipif(not REAL_FILES, reason="/work/shared/data/markdown absent")
def test_every_real_file_imports_and_reimports_unchanged(portal):
    importer = MarkdownImporter(image_root=REAL)
    sources = read_sources(str(REAL), importer.patterns)
    report = run(sources, portal, importer=importer)
    assert report.ok, report.rejected
    assert len(report.created) == len(REAL_FILES)
    before = state()
    again = run(sources, portal, importer=importer)
    assert (len(again.created), len(again.updated)) == (0, 0)
    assert state() == before


@pytest.mark.parametrize("markdown", [
    "1\\. pas une liste, \\# pas un titre, \\*pas d'italique\\*, a\\_b\\_c, \\<balise\\>, "
    "\\&amp; et 100 % « espaces insécables »",
    "**gras _italique_** et ***les deux*** puis `code`",
    "[Forge](https://fr.wikipedia.org/wiki/Forge_(informatique)) et [là](/chemin relatif)",
    "- un\n- deux\n   1. imbriqué\n   2. encore\n- trois",
    "Ligne\\\ncassée et ~~barré~~",
])
def test_rich_text_reads_back_the_same(markdown):
    from numerique_ouvert.interop.markdown import markdown_to_richtext, richtext_to_markdown

    html = markdown_to_richtext(markdown)
    assert markdown_to_richtext(richtext_to_markdown(html)) == html
