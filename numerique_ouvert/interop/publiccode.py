"""publiccode.yml in and out: a software's metadata file becomes a commun page, and back.

Import: :class:`PubliccodeImporter` (validation in ``publiccode_schema``). Export:
:func:`export_publiccode` writes the document of a commun, valid against the same validator,
without the private contacts (see docs/interop.md for the field-by-field mapping).
"""

from __future__ import annotations

import html
import re

import yaml
from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from numerique_ouvert.communs.choices import CommunKind

from .base import Importer, ImportFileError, Item, Problem, register_importer
from .publiccode_schema import check_document, normalise_repository_url
from .sources import Source

FORMAT = "publiccode"


class YAML12Loader(yaml.SafeLoader):
    """PyYAML's safe loader (no tags executed, no objects built) with YAML 1.2 booleans: only
    true/false are booleans; yes/no/on/off stay text, as in the reference parser."""


YAML12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
YAML12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml(source: Source):
    try:
        return yaml.load(source.text(), Loader=YAML12Loader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = _("ligne %(line)d, colonne %(column)d") % {
            "line": mark.line + 1, "column": mark.column + 1} if mark else ""
        raise ImportFileError(source.name, [Problem(source.name, where, _(
            "YAML illisible : %(error)s") % {"error": getattr(error, "problem", None) or error})]
        ) from error


def pick_language(descriptions: dict) -> str | None:
    """French first, then English, then the first language given ("fr-FR" counts as French)."""
    for wanted in ("fr", "en"):
        for lang in descriptions:
            if lang.lower().split("-")[0] == wanted:
                return lang
    return next(iter(descriptions), None)


# --- Long description <-> StreamField blocks (an exact round trip) ---------------------------

LIST_LINE = re.compile(r"^\s*[-*+]\s+")


def text_to_blocks(text: str) -> list[dict]:
    """Plain (Markdown-ish) text as paragraph blocks, HTML escaped: one block per paragraph
    (blank-line separated), a paragraph whose lines all start with "- " or "* " as a list."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        lines = [line.rstrip() for line in chunk.strip("\n").split("\n") if line.strip()]
        if not lines:
            continue
        if all(LIST_LINE.match(line) for line in lines):
            items = "".join(f"<li>{html.escape(LIST_LINE.sub('', line).strip(), quote=False)}</li>"
                            for line in lines)
            blocks.append({"type": "paragraph", "value": f"<ul>{items}</ul>"})
        else:
            body = "<br/>".join(html.escape(line.strip(), quote=False) for line in lines)
            blocks.append({"type": "paragraph", "value": f"<p>{body}</p>"})
    return blocks


def features_blocks(features: list[str]) -> list[dict]:
    if not features:
        return []
    items = "".join(f"<li>{html.escape(feature, quote=False)}</li>" for feature in features)
    # Content in the site's language whoever runs the import (a re-import compares it).
    with translation.override(settings.LANGUAGE_CODE):
        heading = str(FEATURES_HEADING)
    return [{"type": "heading", "value": {"text": heading, "level": "h2", "anchor": "fonctionnalites"}},
            {"type": "paragraph", "value": f"<ul class=\"features\">{items}</ul>"}]


FEATURES_HEADING = gettext_lazy("Fonctionnalités")


def _html_to_text(value: str) -> str:
    value = re.sub(r"<br\s*/?>", "\n", value)
    value = re.sub(r"</(p|h[1-6]|blockquote)>", "\n\n", value)
    value = re.sub(r"<li[^>]*>", "- ", value)
    value = re.sub(r"</li>", "\n", value)
    text = html.unescape(strip_tags(value))
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def blocks_to_text(stream) -> tuple[str, list[str]]:
    """(long description, features) of a description StreamField, the inverse of the import."""
    chunks, features = [], []
    items = list(stream or [])
    skip_next = False
    for index, block in enumerate(items):
        if skip_next:
            skip_next = False
            continue
        source = block.value.source if hasattr(block.value, "source") else block.value
        if block.block_type == "heading":
            following = items[index + 1] if index + 1 < len(items) else None
            following_source = getattr(getattr(following, "value", None), "source", "")
            if block.value.get("anchor") == "fonctionnalites" and following_source.startswith(
                    '<ul class="features">'):
                features = [html.unescape(strip_tags(item)) for item in
                            re.findall(r"<li>(.*?)</li>", following_source, re.S)]
                skip_next = True
                continue
            chunks.append(block.value.get("text", ""))
        elif block.block_type == "paragraph":
            chunks.append(_html_to_text(source))
        elif isinstance(block.value, str):
            chunks.append(block.value)
    return "\n\n".join(chunk for chunk in chunks if chunk.strip()), features


# --- Import ----------------------------------------------------------------------------------


@register_importer
class PubliccodeImporter(Importer):
    format = FORMAT
    label = gettext_lazy("publiccode.yml (fiche d'un logiciel)")
    patterns = ("publiccode.yml", "publiccode.yaml", "*.publiccode.yml", "*.yml", "*.yaml")

    @property
    def page_model(self):
        from numerique_ouvert.communs.models import CommunPage

        return CommunPage

    def parse(self, source: Source) -> list[Item]:
        data = load_yaml(source)
        clean, problems, warnings = check_document(data, source.name)
        if problems:
            raise ImportFileError(source.name, problems)
        return [self.item(clean, source, warnings)]

    def item(self, clean: dict, source: Source, warnings: list) -> Item:
        descriptions = clean["description"]
        lang = pick_language(descriptions)
        text = descriptions[lang]
        long_lang = lang if text.get("longDescription") else next(
            code for code, entry in descriptions.items() if entry.get("longDescription"))
        features_lang = lang if text.get("features") else next(
            code for code, entry in descriptions.items() if entry.get("features"))
        description = (text_to_blocks(descriptions[long_lang]["longDescription"])
                       + features_blocks(descriptions[features_lang]["features"]))
        legal, maintenance = clean["legal"], clean["maintenance"]
        organisation = clean["organisation"] or {}
        carrier = organisation.get("name") or legal.get("repoOwner") or legal.get(
            "mainCopyrightOwner") or ""
        url = clean["url"]
        fields = {
            "title": clean["name"][:255],
            "kind": CommunKind.SOFTWARE.value,
            "tagline": (text.get("shortDescription") or "")[:255],
            "description": description,
            "source_repository": url if url.lower().startswith(("http://", "https://")) else "",
            "website": clean["landingURL"] or "",
            "logo_url": (clean["logo"] or "")[:500],
            "licence": legal.get("license") or "",
            "status": clean["developmentStatus"],
            "maintenance_type": maintenance.get("type") or "",
            "maintenance_contractors": maintenance.get("contractors", []),
            "platforms": clean["platforms"],
            "categories": clean["categories"],
            "software_version": (clean["softwareVersion"] or "")[:60],
            "release_date": clean["releaseDate"],
            "carrying_structure": carrier[:200],
        }
        actors = [(name, "uses") for name in clean["usedBy"]]
        actors += [(funder["name"], "funds") for funder in clean["fundedBy"]]
        if organisation.get("name"):
            actors.append((organisation["name"], "contributes"))
        unique_actors = list(dict.fromkeys((name[:200], relation) for name, relation in actors))
        # A contact named like its affiliation, with no address, is the structure an export
        # writes in place of the private contacts (export_document): not a person to keep.
        contacts = [c for c in maintenance.get("contacts", [])
                    if c["email"] or c["phone"] or c["name"] != c["affiliation"]]
        return Item(key=normalise_repository_url(url), page_model=self.page_model, fields=fields,
                    actors=unique_actors, private_contacts=contacts,
                    source_url=source.name, warnings=warnings,
                    relations=("actors", "private_contacts"))


# --- Export ----------------------------------------------------------------------------------


def site_language() -> str:
    return (settings.LANGUAGE_CODE or "fr").split("-")[0]


def export_document(page) -> dict:
    """The publiccode.yml document of a software commun (a dict, in the standard's key order)."""
    lang = site_language()
    long_text, features = blocks_to_text(page.description)
    if len(long_text) < 150:
        # The standard wants 150 characters at least: the summary comes first when it is short.
        long_text = "\n\n".join(part for part in (page.tagline, long_text) if part)
    if len(long_text) < 150:
        site = page.get_site()
        long_text = "\n\n".join(part for part in [long_text, _(
            "Ce commun numérique est présenté sur le portail %(site)s, avec sa gouvernance, sa "
            "communauté et ses usages dans l'administration : %(url)s") % {
            "site": site.site_name if site else "", "url": page.get_full_url() or page.url_path}]
            if part)
    description = {"shortDescription": (page.tagline or page.title)[:150],
                   "longDescription": long_text[:10000],
                   "features": features or [page.tagline or page.title]}
    relations = list(page.actor_relations.select_related("actor"))
    document: dict = {
        "publiccodeYmlVersion": "0",
        "name": page.title,
        "url": page.source_repository or page.full_url,
    }
    if page.website:
        document["landingURL"] = page.website
    if page.software_version:
        document["softwareVersion"] = page.software_version
    if page.release_date:
        document["releaseDate"] = page.release_date.isoformat()
    if page.logo_url:
        document["logo"] = page.logo_url
    document["platforms"] = list(page.platforms or ["web"])
    if page.categories:
        document["categories"] = list(page.categories)
    used_by = [r.actor.name for r in relations if r.relation == "uses"]
    if used_by:
        document["usedBy"] = used_by
    funded_by = [{"name": r.actor.name, "uri": r.actor.website or f"urn:x-numerique-ouvert:{r.actor.pk}"}
                 for r in relations if r.relation == "funds"]
    if funded_by:
        document["fundedBy"] = funded_by
    document["developmentStatus"] = str(page.status)
    # Not kept on the page (the portal's "kind" is coarser): "other" is always true.
    document["softwareType"] = "standalone/other"
    contributors = [r.actor for r in relations if r.relation == "contributes"]
    publisher = next((a for a in contributors if a.name == page.carrying_structure), None)
    if publisher is not None:
        document["organisation"] = {"uri": publisher.website or f"urn:x-numerique-ouvert:{publisher.pk}",
                                    "name": publisher.name}
    document["description"] = {lang: description}
    legal: dict = {"license": str(page.licence)}
    if page.carrying_structure and publisher is None:
        legal["mainCopyrightOwner"] = page.carrying_structure
    document["legal"] = legal
    maintenance: dict = {"type": str(page.maintenance_type or "none")}
    if maintenance["type"] == "contract":
        maintenance["contractors"] = list(page.maintenance_contractors or [])
    if maintenance["type"] in ("internal", "community"):
        # Contacts are mandatory there, and ours are private: the structure that carries the
        # commun (or the portal) stands for them, without any address (see docs/interop.md).
        name = page.carrying_structure or page.get_site().site_name or page.title
        maintenance["contacts"] = [{"name": name, "affiliation": name}]
    document["maintenance"] = maintenance
    document["localisation"] = {"localisationReady": False, "availableLanguages": [lang]}
    return document


def export_publiccode(page) -> str:
    return yaml.safe_dump(export_document(page), allow_unicode=True, sort_keys=False,
                          default_flow_style=False, width=100)

