"""The commons catalogue as DCAT-AP / ADMS-AP JSON-LD, for European catalogues (Joinup...).

The catalogue is a ``dcat:Catalog``; each commun is an ``adms:Asset`` (ADMS-AP, the application
profile for interoperability assets), software ones also a ``doap:Project`` (the vocabulary
ADMS-AP for software, ADMS.SW, builds on) with ``doap:repository``. Licences are SPDX URIs.
"""

from __future__ import annotations

from typing import Any

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "adms": "http://www.w3.org/ns/adms#",
    "doap": "http://usefulinc.com/ns/doap#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
SPDX = "http://spdx.org/licenses/"


def _text(value: str, language: str = "fr") -> dict:
    return {"@value": value, "@language": language}


def _datetime(value) -> dict | None:
    return {"@value": value.isoformat(), "@type": "xsd:dateTime"} if value else None


def licence_node(expression: str) -> dict | None:
    """An SPDX licence as its URI; an expression (« MIT OR Apache-2.0 ») as a described node."""
    if not expression:
        return None
    if " " not in expression:
        return {"@id": SPDX + expression, "@type": "dct:LicenseDocument"}
    return {"@type": "dct:LicenseDocument", "rdfs:label": expression}


def asset(page, url: str, tags: list[str]) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": url,
        "@type": ["adms:Asset"] + (["doap:Project"] if page.kind == "software" else []),
        "dct:title": _text(page.title),
        "dcat:landingPage": {"@id": url},
    }
    if page.tagline:
        node["dct:description"] = _text(page.tagline)
    licence = licence_node(page.licence)
    if licence:
        node["dct:license"] = licence
    if page.website:
        node["foaf:homepage"] = {"@id": page.website}
        if page.kind == "software":
            node["doap:homepage"] = {"@id": page.website}
    if page.source_repository:
        node["doap:repository"] = {"@type": "doap:Repository",
                                   "doap:location": {"@id": page.source_repository}}
    if page.carrying_structure:
        node["dct:publisher"] = {"@type": "foaf:Agent", "foaf:name": page.carrying_structure}
    modified = _datetime(page.last_published_at)
    if modified:
        node["dct:modified"] = modified
    issued = _datetime(page.first_published_at)
    if issued:
        node["dct:issued"] = issued
    if tags:
        node["dcat:keyword"] = [_text(tag) for tag in tags]
    if getattr(page, "software_version", ""):
        node["owl:versionInfo"] = page.software_version
    if getattr(page, "catalogue_url", ""):
        node["rdfs:seeAlso"] = {"@id": page.catalogue_url}
    return node


def catalogue(*, url: str, title: str, description: str, publisher: str, homepage: str,
              assets: list[dict], modified=None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@id": url,
        "@type": "dcat:Catalog",
        "dct:title": _text(title),
        "dct:description": _text(description),
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": publisher},
        "foaf:homepage": {"@id": homepage},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/FRA"},
        "dcat:dataset": assets,
    }
    if modified:
        data["dct:modified"] = _datetime(modified)
    return data
