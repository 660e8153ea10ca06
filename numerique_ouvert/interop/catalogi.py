"""SILL / Catalogi JSON: import of the catalogue exports, export of ours in the Catalogi v2 shape.

Four shapes are recognised (see docs/interop.md, section « SILL / Catalogi »):

- ``etalab``: the Etalab-era ``sill.json`` (2019-2022), an array of flat objects with abbreviated
  keys (``i`` name, ``st`` status, ``l`` licence...), every value a string;
- ``compiled``: the sill-api ``compiledData`` object (2022), ``{"catalog": [...], "services": [...]}``;
- ``v1``: Catalogi's ``/api/catalogi.json`` (alias ``sill.json``), an array of
  ``CompiledData.Software.Public`` (``referencedSinceTime``, ``latestVersion.semVer``, ``instances``);
- ``v2``: Catalogi's ``/api/v2/catalogi.json``, an array of public software (``addedTime``,
  ``latestVersion.version``, ``similarSoftwares``, localised ``description``).

Parsing is pure: it returns :class:`Item` objects or raises :class:`ImportFileError` listing every
problem with its index path (``[12].name``). One bad item rejects the whole file.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from numerique_ouvert.communs.validators import normalise_spdx

# The default catalogue: the interministerial SILL, now served by Catalogi on code.gouv.fr.
DEFAULT_ORIGIN = "sill"
DEFAULT_DETAIL_URL = "https://code.gouv.fr/sill/detail?id={id}"

SHAPES = ("etalab", "compiled", "v1", "v2")

# Keys that only one shape has; the shape of an array is the one whose keys its objects carry.
_ETALAB_KEYS = {"i", "st", "l", "v-", "v+", "co", "fr-desc"}
_V1_KEYS = {"referencedSinceTime", "isStillInObservation", "softwareExternalData",
            "similarExternalSoftwares", "instances", "hasExpertReferent", "categories",
            "serviceProviders"}
_V2_KEYS = {"addedTime", "applicationCategories", "similarSoftwares", "codeRepositoryUrl",
            "programmingLanguages", "authors", "externalId", "sourceSlug", "isLibreSoftware"}

# Licence values that say "no licence given" rather than naming one.
_NO_LICENCE = {"", "n/a", "na", "-", "?", "inconnu", "inconnue", "unknown", "none", "null"}


@dataclass
class CatalogueProblem:
    path: str
    message: str


class _Checker:
    """Reads typed values out of one item, collecting a problem per wrong value."""

    def __init__(self, problems: list[CatalogueProblem], warnings: list[CatalogueProblem]):
        self.problems = problems
        self.warnings = warnings

    def fail(self, path: str, message: str) -> None:
        self.problems.append(CatalogueProblem(path, message))

    def warn(self, path: str, message: str) -> None:
        self.warnings.append(CatalogueProblem(path, message))

    def text(self, obj: dict, key: str, path: str, *, required: bool = False,
             numbers: bool = False) -> str:
        """A string; a number too when ``numbers`` (versions written 19 or 2.4)."""
        value = obj.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(f"{path}.{key}", _("valeur obligatoire manquante"))
            return ""
        allowed = (str, int, float) if numbers else (str,)
        if isinstance(value, bool) or not isinstance(value, allowed):
            self.fail(f"{path}.{key}", _("une chaîne de caractères est attendue, pas %(type)s")
                      % {"type": _type_name(value)})
            return ""
        return str(value).strip()

    def localised(self, obj: dict, key: str, path: str, *, required: bool = False) -> dict:
        """A Catalogi ``LocalizedString``: a plain string (French) or ``{"fr": ..., "en": ...}``."""
        value = obj.get(key)
        if isinstance(value, dict):
            out = {}
            for lang, text in value.items():
                if text is None:
                    continue
                if not isinstance(text, str):
                    self.fail(f"{path}.{key}.{lang}", _("une chaîne de caractères est attendue, "
                                                        "pas %(type)s")
                              % {"type": _type_name(text)})
                elif text.strip():
                    out[str(lang)] = text.strip()
            if required and not out:
                self.fail(f"{path}.{key}", _("valeur obligatoire manquante"))
            return out
        text = self.text(obj, key, path, required=required)
        return {"fr": text} if text else {}

    def mapping(self, obj: dict, key: str, path: str) -> dict:
        value = obj.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(f"{path}.{key}", _("un objet est attendu, pas %(type)s")
                      % {"type": _type_name(value)})
            return {}
        return value

    def array(self, obj: dict, key: str, path: str) -> list:
        value = obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(f"{path}.{key}", _("une liste est attendue, pas %(type)s")
                      % {"type": _type_name(value)})
            return []
        return value

    def strings(self, obj: dict, key: str, path: str) -> list[str]:
        out = []
        for index, value in enumerate(self.array(obj, key, path)):
            if isinstance(value, str):
                if value.strip():
                    out.append(value.strip())
            else:
                self.fail(f"{path}.{key}[{index}]", _("une chaîne de caractères est attendue, "
                                                      "pas %(type)s") % {"type": _type_name(value)})
        return out

    def boolean(self, obj: dict, key: str, path: str) -> bool | None:
        value = obj.get(key)
        if value is None or isinstance(value, bool):
            return value
        self.fail(f"{path}.{key}", _("un booléen (true ou false) est attendu, pas %(type)s")
                  % {"type": _type_name(value)})
        return None

    def identifier(self, obj: dict, key: str, path: str) -> str:
        value = obj.get(key)
        if isinstance(value, bool) or value is None:
            self.fail(f"{path}.{key}", _("identifiant obligatoire manquant"))
            return ""
        if isinstance(value, int):
            return str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.fail(f"{path}.{key}", _("un identifiant (nombre ou chaîne non vide) est attendu, "
                                     "pas %(type)s") % {"type": _type_name(value)})
        return ""

    def url(self, value: str, path: str) -> str:
        """An absolute http(s) address; protocol-relative ones get https. Others: a warning."""
        if not value:
            return ""
        if value.startswith("//"):
            value = "https:" + value
        if re.match(r"^https?://[^\s/]+\.[^\s]*$", value):
            return value
        self.warn(path, _("« %(value)s » n'est pas une adresse http(s) : ignorée")
                  % {"value": value})
        return ""

    def licence(self, value: str, path: str) -> str:
        """SPDX-normalised licence; a value that is not SPDX is dropped with a warning."""
        if value.strip().lower() in _NO_LICENCE:
            return ""
        for candidate in _licence_candidates(value):
            try:
                return normalise_spdx(candidate)
            except ValidationError:
                continue
            except AttributeError:  # license-expression 30.4 crashes on some malformed input
                continue
        self.warn(path, _("« %(value)s » n'est pas une licence SPDX : licence non reprise")
                  % {"value": value})
        return ""


def _licence_candidates(value: str) -> list[str]:
    """The value itself, then the SILL's list forms: « A, B » and « A et B » (each applies:
    AND), « A / B » (a choice: OR)."""
    candidates = [value]
    rewritten = re.sub(r"\s*/\s*", " OR ", value)
    rewritten = re.sub(r"\s*,\s*|\s+(?:et|and|&)\s+", " AND ", rewritten)
    if rewritten != value:
        candidates.append(rewritten)
    return candidates


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: _("un booléen"), int: _("un nombre"), float: _("un nombre"),
            str: _("une chaîne"), list: _("une liste"), dict: _("un objet")}.get(
                type(value), type(value).__name__)


def detect_shape(data: Any) -> str | None:
    """Which shape ``data`` (decoded JSON) has: one of :data:`SHAPES`, or ``None``."""
    if isinstance(data, dict):
        return "compiled" if isinstance(data.get("catalog"), list) else None
    if not isinstance(data, list):
        return None
    keys: set[str] = set()
    for item in data:
        if isinstance(item, dict):
            keys.update(item)
    if not data:
        return "v2"
    scores = {"etalab": len(keys & _ETALAB_KEYS), "v1": len(keys & _V1_KEYS),
              "v2": len(keys & _V2_KEYS)}
    shape, score = max(scores.items(), key=lambda pair: pair[1])
    if score == 0:
        return None
    if shape != "etalab" and "name" not in keys:
        return None
    return shape


@dataclass
class Software:
    """One catalogue entry, whatever its shape."""

    id: str
    name: str
    summary: str = ""
    description: dict | None = None
    use_context: str = ""          # Markdown (Etalab ``u``, compiledData ``contextOfUse``)
    website: str = ""
    repository: str = ""
    licence: str = ""
    keywords: list[str] | None = None
    status: str = "stable"
    version: str = ""
    version_date: date | None = None
    instances: list[dict] | None = None  # {organization, audience, url, year}
    counts: dict[str, tuple[int, int]] | None = None  # organisation -> (users, referents)
    users: list[str] | None = None  # organisations declared as users elsewhere (Comptoir)
    similar: list[str] | None = None  # catalogue ids of similar software
    parent: str = ""
    platforms: list[str] | None = None  # web, windows, mac, linux, ios, android


def _platforms(check: _Checker, obj: dict, path: str) -> list[str]:
    """Catalogi's ``operatingSystems`` ({"linux": true, ...}) and ``runtimePlatforms``
    (cloud, desktop, mobile) as the commun's platforms (publiccode.yml's words)."""
    names = {"windows": "windows", "linux": "linux", "mac": "mac", "android": "android",
             "ios": "ios"}
    out = [names[os] for os, used in check.mapping(obj, "operatingSystems", path).items()
           if used is True and os in names]
    if "cloud" in check.strings(obj, "runtimePlatforms", path):
        out.insert(0, "web")
    return out


def _ms_date(value: Any) -> date | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(value / 1000, tz=UTC).date()
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _counts(check: _Checker, obj: dict, path: str) -> dict[str, tuple[int, int]]:
    out = {}
    for org, counts in check.mapping(obj, "userAndReferentCountByOrganization", path).items():
        where = f"{path}.userAndReferentCountByOrganization.{org}"
        if not isinstance(counts, dict):
            check.fail(where, _("un objet {userCount, referentCount} est attendu"))
            continue
        numbers = []
        for key in ("userCount", "referentCount"):
            value = counts.get(key, 0)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                check.fail(f"{where}.{key}", _("un nombre entier positif est attendu"))
                value = 0
            numbers.append(value)
        out[str(org)] = (numbers[0], numbers[1])
    return out


def _read_etalab(check: _Checker, obj: dict, path: str) -> Software:
    software = Software(id=check.identifier(obj, "id", path),
                        name=check.text(obj, "i", path, required=True))
    software.summary = check.text(obj, "f", path)
    description = {}
    for lang in ("fr", "en"):
        text = check.text(obj, f"{lang}-desc", path)
        if text:
            description[lang] = text
    software.description = description
    software.use_context = check.text(obj, "u", path)
    software.website = check.url(check.text(obj, "website", path), f"{path}.website")
    software.repository = check.url(check.text(obj, "sources", path), f"{path}.sources")
    software.licence = check.licence(check.text(obj, "l", path), f"{path}.l")
    status = check.text(obj, "st", path)
    software.status = {"R": "stable", "O": "beta", "FR": "obsolete"}.get(status, "stable")
    if status and status not in ("R", "O", "FR"):
        check.warn(f"{path}.st", _("statut « %(value)s » inconnu (R, O ou FR attendu)")
                   % {"value": status})
    software.version = (check.text(obj, "v+", path, numbers=True)
                        or check.text(obj, "v-", path, numbers=True))
    software.similar = [part.strip() for part in check.text(obj, "si", path).split(";")
                        if part.strip()]
    software.parent = check.text(obj, "p", path)
    check.mapping(obj, "frama", path)
    return software


def _read_compiled(check: _Checker, obj: dict, path: str, services: list[dict]) -> Software:
    software = Software(id=check.identifier(obj, "id", path),
                        name=check.text(obj, "name", path, required=True))
    software.summary = check.text(obj, "function", path)
    wikidata = check.mapping(obj, "wikidataData", path)
    software.description = check.localised(wikidata, "description", f"{path}.wikidataData")
    software.use_context = check.text(obj, "contextOfUse", path)
    software.website = check.url(check.text(wikidata, "websiteUrl", f"{path}.wikidataData"),
                                 f"{path}.wikidataData.websiteUrl")
    comptoir = check.mapping(obj, "comptoirDuLibreSoftware", path)
    resources = check.mapping(comptoir, "external_resources", f"{path}.comptoirDuLibreSoftware")
    repository = (check.text(wikidata, "sourceUrl", f"{path}.wikidataData")
                  or check.text(resources, "repository", f"{path}.comptoirDuLibreSoftware"))
    software.repository = check.url(repository, f"{path}.wikidataData.sourceUrl")
    software.licence = check.licence(check.text(obj, "license", path), f"{path}.license")
    software.keywords = check.strings(obj, "tags", path)
    software.status = _status(check, obj, path)
    software.version = (check.text(obj, "versionMax", path, numbers=True)
                        or check.text(obj, "versionMin", path, numbers=True))
    users = []
    for index, user in enumerate(check.array(comptoir, "users", f"{path}.comptoirDuLibreSoftware")):
        if isinstance(user, dict) and isinstance(user.get("name"), str) and user["name"].strip():
            users.append(user["name"].strip())
        else:
            check.fail(f"{path}.comptoirDuLibreSoftware.users[{index}].name",
                       _("valeur obligatoire manquante"))
    software.users = users
    similar = []
    for index, alike in enumerate(check.array(obj, "alikeSoftwares", path)):
        if not isinstance(alike, dict):
            check.fail(f"{path}.alikeSoftwares[{index}]", _("un objet est attendu"))
        elif alike.get("isKnown") and isinstance(alike.get("softwareId"), int):
            similar.append(str(alike["softwareId"]))
    software.similar = similar
    parent = obj.get("parentSoftware")
    if isinstance(parent, dict) and parent.get("isKnown") and isinstance(
            parent.get("softwareId"), int):
        software.parent = str(parent["softwareId"])
    software.instances = [service for service in services
                          if str(service.get("softwareSillId")) == software.id]
    return software


def _status(check: _Checker, obj: dict, path: str) -> str:
    if obj.get("dereferencing"):
        return "obsolete"
    return "beta" if check.boolean(obj, "isStillInObservation", path) else "stable"


def _read_v1(check: _Checker, obj: dict, path: str) -> Software:
    software = Software(id=check.identifier(obj, "id", path),
                        name=check.text(obj, "name", path, required=True))
    software.summary = check.text(obj, "description", path)
    external = check.mapping(obj, "softwareExternalData", path)
    software.description = check.localised(external, "description", f"{path}.softwareExternalData")
    website = (check.text(external, "url", f"{path}.softwareExternalData")
               or check.text(external, "websiteUrl", f"{path}.softwareExternalData"))
    software.website = check.url(website, f"{path}.softwareExternalData.url")
    repository = (check.text(external, "codeRepositoryUrl", f"{path}.softwareExternalData")
                  or check.text(external, "sourceUrl", f"{path}.softwareExternalData"))
    software.repository = check.url(repository, f"{path}.softwareExternalData.codeRepositoryUrl")
    software.licence = check.licence(check.text(obj, "license", path), f"{path}.license")
    software.keywords = check.strings(obj, "keywords", path) + check.strings(obj, "categories",
                                                                              path)
    software.status = _status(check, obj, path)
    latest = check.mapping(obj, "latestVersion", path)
    software.version = check.text(latest, "semVer", f"{path}.latestVersion", numbers=True)
    software.version_date = _ms_date(latest.get("publicationTime"))
    software.counts = _counts(check, obj, path)
    software.platforms = _platforms(check, obj, path)
    instances = []
    for index, instance in enumerate(check.array(obj, "instances", path)):
        where = f"{path}.instances[{index}]"
        if not isinstance(instance, dict):
            check.fail(where, _("un objet est attendu"))
            continue
        instances.append({
            "organization": check.text(instance, "organization", where, required=True),
            "audience": check.text(instance, "targetAudience", where),
            "url": check.url(check.text(instance, "publicUrl", where)
                             or check.text(instance, "instanceUrl", where), f"{where}.publicUrl"),
        })
    software.instances = instances
    software.similar = []
    return software


def _read_v2(check: _Checker, obj: dict, path: str) -> Software:
    name = check.localised(obj, "name", path, required=True)
    software = Software(id=check.identifier(obj, "id", path),
                        name=name.get("fr") or next(iter(name.values()), ""))
    software.description = check.localised(obj, "description", path)
    software.website = check.url(check.text(obj, "url", path), f"{path}.url")
    software.repository = check.url(check.text(obj, "codeRepositoryUrl", path),
                                    f"{path}.codeRepositoryUrl")
    software.licence = check.licence(check.text(obj, "license", path), f"{path}.license")
    software.keywords = (check.strings(obj, "keywords", path)
                         + check.strings(obj, "applicationCategories", path))
    software.status = _status(check, obj, path)
    latest = check.mapping(obj, "latestVersion", path)
    software.version = check.text(latest, "version", f"{path}.latestVersion", numbers=True)
    software.version_date = _ms_date(latest.get("releaseDate"))
    software.counts = _counts(check, obj, path)
    software.platforms = _platforms(check, obj, path)
    similar = []
    for index, other in enumerate(check.array(obj, "similarSoftwares", path)):
        if not isinstance(other, dict):
            check.fail(f"{path}.similarSoftwares[{index}]", _("un objet est attendu"))
        elif other.get("isInCatalogi") and isinstance(other.get("softwareId"), int):
            similar.append(str(other["softwareId"]))
    software.similar = similar
    return software


def read_catalogue(content: bytes) -> tuple[str, list[Software], list[CatalogueProblem],
                                            list[CatalogueProblem]]:
    """Decode and read a catalogue file: ``(shape, software, problems, warnings)``.

    ``problems`` non-empty means the file must be rejected; ``warnings`` do not block.
    """
    problems: list[CatalogueProblem] = []
    warnings: list[CatalogueProblem] = []
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return "", [], [CatalogueProblem("", _("le fichier n'est pas encodé en UTF-8"))], []
    except json.JSONDecodeError as error:
        return "", [], [CatalogueProblem(
            f"ligne {error.lineno}, colonne {error.colno}",
            _("JSON invalide : %(error)s") % {"error": error.msg})], []
    shape = detect_shape(data)
    if shape is None:
        return "", [], [CatalogueProblem("", _(
            "ce JSON n'est pas un export du SILL ou de Catalogi : attendu un tableau de "
            "logiciels (sill.json d'Etalab, catalogi.json v1 ou v2) ou un objet "
            "{\"catalog\": [...]} (compiledData)"))], []
    check = _Checker(problems, warnings)
    rows: list
    services: list[dict] = []
    prefix = ""
    if shape == "compiled":
        rows = data["catalog"]
        prefix = "catalog"
        for index, service in enumerate(check.array(data, "services", "")):
            where = f"services[{index}]"
            if not isinstance(service, dict):
                check.fail(where, _("un objet est attendu"))
                continue
            services.append({
                "softwareSillId": check.identifier(service, "softwareSillId", where),
                "organization": check.text(service, "agencyName", where, required=True),
                "audience": check.text(service, "description", where)
                or check.text(service, "usageScope", where),
                "title": check.text(service, "serviceName", where),
                "url": check.url(check.text(service, "serviceUrl", where), f"{where}.serviceUrl"),
                "year": _year(check.text(service, "publicationDate", where)),
            })
    else:
        rows = data
    reader = {"etalab": _read_etalab, "v1": _read_v1, "v2": _read_v2}.get(shape)
    software_list = []
    seen: dict[str, str] = {}
    for index, obj in enumerate(rows):
        path = f"{prefix}[{index}]"
        if not isinstance(obj, dict):
            check.fail(path, _("un objet est attendu, pas %(type)s") % {"type": _type_name(obj)})
            continue
        software = (_read_compiled(check, obj, path, services) if shape == "compiled"
                    else reader(check, obj, path))
        if software.id:
            if software.id in seen:
                check.fail(f"{path}.id", _("identifiant « %(id)s » déjà utilisé par %(other)s")
                           % {"id": software.id, "other": seen[software.id]})
            seen[software.id] = path
        software_list.append(software)
    return shape, software_list, problems, warnings


def _year(value: str) -> int | None:
    match = re.match(r"^(\d{4})", value or "")
    return int(match.group(1)) if match and 1990 <= int(match.group(1)) <= 2100 else None


def _block_id(key: str, *parts: Any) -> str:
    """A stable StreamField block id: re-importing the same content gives the same JSON."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join([key, *map(str, parts)])))


def _paragraph(text: str) -> str:
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def software_fields(software: Software, *, key: str, detail_url: str) -> dict[str, Any]:
    """The CommunPage field values of one catalogue entry (StreamFields as raw JSON lists)."""
    from .markdown import markdown_to_richtext

    description = software.description or {}
    summary = software.summary or description.get("fr") or description.get("en") or ""
    body = []
    long_text = description.get("fr") or description.get("en") or ""
    if long_text and long_text != summary:
        body.append({"type": "paragraph", "value": _paragraph(long_text),
                     "id": _block_id(key, "description")})
    if software.use_context:
        html = markdown_to_richtext(software.use_context)
        if html:
            body.append({"type": "paragraph", "value": html, "id": _block_id(key, "usage")})
    uses = []
    for index, instance in enumerate(software.instances or []):
        title = instance.get("title") or instance.get("audience") or software.name
        story = instance.get("audience") or _("Instance de %(name)s") % {"name": software.name}
        uses.append({"type": "use", "id": _block_id(key, "use", index), "value": {
            "title": _shorten(title, 200),
            "administration": _shorten(instance["organization"], 200),
            "year": instance.get("year"),
            "story": _paragraph(story),
            "link": instance.get("url") or "",
        }})
    fields = {
        "title": _shorten(software.name, 255),
        "slug": slugify(software.name, allow_unicode=True)[:80] or slugify(key),
        "tagline": _shorten(summary, 255),
        "description": body,
        "kind": "software",
        "status": software.status,
        "website": software.website,
        "source_repository": software.repository,
        "licence": software.licence,
        "uses": uses,
        "catalogue_id": software.id,
        "catalogue_user_count": (sum(users for users, _refs in software.counts.values())
                                 if software.counts is not None else None),
        "catalogue_referent_count": (sum(refs for _users, refs in software.counts.values())
                                     if software.counts is not None else None),
        "catalogue_url": detail_url.format(id=software.id) if detail_url else "",
        "software_version": software.version[:60],
        "release_date": software.version_date,
        "platforms": software.platforms or [],
    }
    return fields


def software_tags(software: Software) -> list[str]:
    seen, tags = set(), []
    for tag in software.keywords or []:
        tag = _shorten(tag, 100)
        if tag.lower() not in seen:
            seen.add(tag.lower())
            tags.append(tag)
    return tags


def software_users(software: Software) -> list[str]:
    """Organisations that use the software: those counted by the catalogue, then the others."""
    names = [org for org, (users, refs) in (software.counts or {}).items() if users or refs]
    for name in software.users or []:
        if name not in names:
            names.append(name)
    return [_shorten(name, 200) for name in names]


# ---------------------------------------------------------------------------------------------
# Importer (the framework's contract: numerique_ouvert.interop.base)

def _model_fields(model) -> set[str]:
    return {f.name for f in model._meta.get_fields()}


from .base import Importer, ImportFileError, Item, Problem, register_importer  # noqa: E402


@register_importer
class CatalogiImporter(Importer):
    """SILL / Catalogi JSON (Etalab sill.json, compiledData, catalogi.json v1 and v2)."""

    format = "catalogi"
    label = _("SILL / Catalogi (JSON)")
    patterns = ("*.json",)

    def __init__(self, origin: str = DEFAULT_ORIGIN, detail_url: str = DEFAULT_DETAIL_URL):
        from numerique_ouvert.communs.models import CommunPage

        self.page_model = CommunPage
        self.origin = slugify(origin) or DEFAULT_ORIGIN
        self.detail_url = detail_url

    def parse(self, source) -> list[Item]:
        shape, software_list, problems, warnings = read_catalogue(source.content)
        if problems:
            raise ImportFileError(source.name, [Problem(source.name, p.path, p.message)
                                                for p in problems])
        known = _model_fields(self.page_model)
        items = []
        for software in software_list:
            key = f"{self.origin}:{software.id}"
            fields = {name: value for name, value in software_fields(
                software, key=key, detail_url=self.detail_url).items() if name in known}
            items.append(Item(key=key, page_model=self.page_model, fields=fields,
                              tags=software_tags(software),
                              actors=[(name, "uses") for name in software_users(software)],
                              source_url=source.name, relations=("tags", "actors")))
        for warning in warnings:
            # "[12].license" or "catalog[12]...": the warning goes with item 12.
            match = re.match(r"^\w*\[(\d+)\]", warning.path)
            index = int(match.group(1)) if match else 0
            if items:
                items[min(index, len(items) - 1)].warnings.append(
                    Problem(source.name, warning.path, warning.message))
        return items


# ---------------------------------------------------------------------------------------------
# Export: our software commons in the Catalogi v2 shape (/api/v2/catalogi.json)

_OPERATING_SYSTEMS = ("windows", "linux", "mac", "android", "ios")


def export_software(page, *, url: str, tags: list[str], users: list[str]) -> dict[str, Any]:
    """One software commun as a Catalogi v2 public software entry (no private contact ever)."""
    platforms = list(getattr(page, "platforms", None) or [])
    data = {
        "id": page.pk,
        "name": page.title,
        "description": {"fr": page.tagline} if page.tagline else "",
        "image": getattr(page, "logo_url", "") or None,
        "latestVersion": ({"version": page.software_version,
                           "releaseDate": page.release_date.isoformat()
                           if page.release_date else None}
                          if getattr(page, "software_version", "") else None),
        "addedTime": page.first_published_at.isoformat() if page.first_published_at else None,
        "updateTime": page.last_published_at.isoformat() if page.last_published_at else None,
        "dereferencing": None,
        "applicationCategories": list(getattr(page, "categories", None) or []),
        "customAttributes": None,
        "userAndReferentCountByOrganization": {
            name: {"userCount": 1, "referentCount": 0} for name in users},
        "authors": ([{"@type": "Organization", "name": page.carrying_structure}]
                    if page.carrying_structure else []),
        "url": page.website or url,
        "codeRepositoryUrl": page.source_repository or None,
        "softwareHelp": url,
        "license": page.licence,
        "externalId": getattr(page, "catalogue_id", "") or None,
        "sourceSlug": DEFAULT_ORIGIN if getattr(page, "catalogue_id", "") else None,
        "operatingSystems": {os: True for os in _OPERATING_SYSTEMS if os in platforms},
        "runtimePlatforms": ["cloud"] if "web" in platforms else [],
        "similarSoftwares": [],
        "keywords": tags,
        "programmingLanguages": [],
        "providers": [],
        "isLibreSoftware": bool(page.licence),
    }
    if page.status == "obsolete":
        data["dereferencing"] = {"reason": _("Obsolète"), "time": data["updateTime"],
                                 "lastRecommendedVersion": page.software_version or None}
    return data
