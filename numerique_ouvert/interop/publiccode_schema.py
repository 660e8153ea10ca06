"""Validation of a publiccode.yml document against the standard (versions "0", 0.2 to 0.7).

Every problem is reported with its key path (``description.fr.shortDescription``,
``maintenance.contacts[0].email``) so one pass tells the author everything to fix. The rules
follow the standard's text (docs/standard/schema.core.rst of publiccodeyml/publiccode.yml); where
the reference parser (italia/publiccode-parser-go) is stricter than the text, we follow the text,
so every file refused here is refused there too (see docs/interop.md).
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from numerique_ouvert.communs.choices import CATEGORIES
from numerique_ouvert.communs.validators import normalise_spdx

# Every version the reference parser accepts (it parses them all with the latest 0.x schema).
# There never was a 0.6: the standard went from 0.5 to 0.7.
SUPPORTED_VERSIONS = ("0", "0.2", "0.2.0", "0.2.1", "0.2.2", "0.3", "0.3.0", "0.4", "0.4.0",
                      "0.5", "0.5.0", "0.7", "0.7.0")
DEVELOPMENT_STATUSES = ("concept", "development", "beta", "stable", "obsolete")
SOFTWARE_TYPES = ("standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web",
                  "standalone/backend", "standalone/other", "addon", "library",
                  "configurationFiles")
MAINTENANCE_TYPES = ("internal", "contract", "community", "none")
KNOWN_KEYS = {
    "publiccodeYmlVersion", "name", "applicationSuite", "url", "landingURL", "isBasedOn",
    "softwareVersion", "releaseDate", "logo", "monochromeLogo", "inputTypes", "outputTypes",
    "platforms", "categories", "usedBy", "fundedBy", "roadmap", "developmentStatus",
    "softwareType", "supports", "organisation", "intendedAudience", "description", "legal",
    "maintenance", "localisation", "dependsOn",
}
# Country sections (it, IT...): optional extensions, ignored without a warning.
COUNTRY_SECTION = re.compile(r"^[a-zA-Z]{2}$")
# BCP 47 language tag, structurally (primary subtag then subtags): "fr", "it-IT", "sl-IT-nedis".
BCP47 = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$")
SHORT_MAX, LONG_MIN, LONG_MAX = 150, 150, 10000


def version_string(value) -> str | None:
    """The version as text: YAML reads ``0.4`` as a float and ``0`` as an integer."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return repr(value)
    return value if isinstance(value, str) else None


def normalise_repository_url(url: str) -> str:
    """The identity of a software: scheme and host lowercased, no trailing "/" nor ".git"."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/")
    if path.endswith(".git"):
        path = path[:-4].rstrip("/")
    netloc = parts.netloc.lower()
    return f"{parts.scheme.lower()}://{netloc}{path}"


def is_url(value, schemes=("http", "https")) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value.strip())
    return parts.scheme.lower() in schemes and bool(parts.netloc) and " " not in value.strip()


def parse_date(value) -> datetime.date | None:
    """A YAML date or an ISO "YYYY-MM-DD" string as a date; ``None`` when it is neither."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


class Checker:
    """Collects problems and warnings while walking one document."""

    def __init__(self, source: str):
        from .base import Problem

        self.source = source
        self.problem = Problem
        self.problems: list = []
        self.warnings: list = []

    def error(self, path: str, message: str) -> None:
        self.problems.append(self.problem(self.source, path, message))

    def warn(self, path: str, message: str) -> None:
        self.warnings.append(self.problem(self.source, path, message))

    # Typed getters: each reports a problem and returns None when the value is wrong.
    def get(self, data: dict, key: str, path: str, kind, *, required=False, what=""):
        if not isinstance(data, dict) or key not in data or data[key] is None:
            if required:
                self.error(path, _("clé obligatoire absente."))
            return None
        value = data[key]
        if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
            self.warn(path, _("un texte est attendu : le nombre %(value)s est lu comme texte.")
                      % {"value": value})
            return repr(value) if isinstance(value, float) else str(value)
        if not isinstance(value, kind):
            self.error(path, _("type incorrect : %(expected)s attendu, %(found)s trouvé.")
                       % {"expected": what or kind_label(kind), "found": kind_label(type(value))})
            return None
        if kind is str and required and not value.strip():
            self.error(path, _("la valeur ne doit pas être vide."))
            return None
        return value

    def strings(self, data: dict, key: str, path: str, *, required=False) -> list[str] | None:
        values = self.get(data, key, path, list, required=required, what=_("une liste de textes"))
        if values is None:
            return None
        result = []
        for index, value in enumerate(values):
            if isinstance(value, str) and value.strip():
                result.append(value.strip())
            else:
                self.error(f"{path}[{index}]", _("un texte non vide est attendu."))
        if required and not values:
            self.error(path, _("la liste ne doit pas être vide."))
        return result

    def enum(self, data: dict, key: str, path: str, allowed, *, required=False) -> str | None:
        value = self.get(data, key, path, str, required=required)
        if value is not None and value not in allowed:
            self.error(path, _("valeur « %(value)s » inconnue ; valeurs admises : %(allowed)s.")
                       % {"value": value, "allowed": ", ".join(allowed)})
            return None
        return value

    def url(self, data: dict, key: str, path: str, *, required=False) -> str | None:
        value = self.get(data, key, path, str, required=required)
        if value is not None and not is_url(value):
            self.error(path, _("« %(value)s » n'est pas une adresse http(s) valide.") % {"value": value})
            return None
        return value.strip() if value else value

    def date(self, data: dict, key: str, path: str, *, required=False) -> datetime.date | None:
        if not isinstance(data, dict) or data.get(key) is None:
            if required:
                self.error(path, _("clé obligatoire absente."))
            return None
        value = parse_date(data[key])
        if value is None:
            self.error(path, _("« %(value)s » n'est pas une date AAAA-MM-JJ valide.")
                       % {"value": data[key]})
        return value


def kind_label(kind) -> str:
    return {str: _("un texte"), list: _("une liste"), dict: _("une section (clés et valeurs)"),
            bool: _("un booléen (true ou false)"), int: _("un nombre"), float: _("un nombre"),
            type(None): _("une valeur vide")}.get(kind, getattr(kind, "__name__", str(kind)))


def check_document(data, source: str) -> tuple[dict, list, list]:
    """Validate ``data`` (the loaded YAML). Returns (clean values, problems, warnings)."""
    check = Checker(source)
    if not isinstance(data, dict):
        check.error("", _("le document doit être une section de clés (publiccodeYmlVersion, name…), "
                          "pas %(found)s.") % {"found": kind_label(type(data))})
        return {}, check.problems, check.warnings
    clean: dict = {}
    raw_version = data.get("publiccodeYmlVersion")
    version = version_string(raw_version)
    if raw_version is None:
        check.error("publiccodeYmlVersion", _("clé obligatoire absente."))
    elif version not in SUPPORTED_VERSIONS:
        check.error("publiccodeYmlVersion", _(
            "version « %(value)s » non prise en charge ; versions admises : %(allowed)s.")
            % {"value": raw_version, "allowed": ", ".join(SUPPORTED_VERSIONS)})
    elif not isinstance(raw_version, str):
        check.warn("publiccodeYmlVersion", _(
            "la version doit être un texte entre guillemets (\"%(value)s\") : lue comme telle.")
            % {"value": version})
    clean["version"] = version

    for key in data:
        if key not in KNOWN_KEYS and key != "publiccodeYmlVersion":
            if isinstance(key, str) and COUNTRY_SECTION.match(key):
                continue
            check.warn(str(key), _("clé inconnue du standard : ignorée."))

    clean["name"] = check.get(data, "name", "name", str, required=True)
    clean["url"] = None
    url = check.get(data, "url", "url", str, required=True)
    if url is not None:
        if is_url(url, ("http", "https", "git", "ssh", "svn", "git+ssh")):
            clean["url"] = url.strip()
        else:
            check.error("url", _("« %(value)s » n'est pas l'adresse d'un dépôt de sources.")
                        % {"value": url})
    clean["landingURL"] = check.url(data, "landingURL", "landingURL")
    clean["softwareVersion"] = check.get(data, "softwareVersion", "softwareVersion", str)
    clean["releaseDate"] = check.date(data, "releaseDate", "releaseDate")
    clean["logo"] = check.get(data, "logo", "logo", str)
    clean["roadmap"] = check.url(data, "roadmap", "roadmap")

    platforms = data.get("platforms")
    if isinstance(platforms, str):
        platforms = {"platforms": [platforms]}
    else:
        platforms = data
    clean["platforms"] = check.strings(platforms, "platforms", "platforms", required=True)

    categories = check.strings(data, "categories", "categories")
    for index, category in enumerate(categories or []):
        if category not in CATEGORIES:
            check.error(f"categories[{index}]", _(
                "catégorie « %(value)s » absente de la liste du standard.") % {"value": category})
    clean["categories"] = [c for c in categories or [] if c in CATEGORIES]
    clean["usedBy"] = check.strings(data, "usedBy", "usedBy") or []
    clean["fundedBy"] = []
    for index, funder in enumerate(check.get(data, "fundedBy", "fundedBy", list) or []):
        path = f"fundedBy[{index}]"
        if not isinstance(funder, dict):
            check.error(path, _("une organisation {name, uri} est attendue."))
            continue
        name = check.get(funder, "name", f"{path}.name", str)
        uri = check.get(funder, "uri", f"{path}.uri", str, required=True)
        if name or uri:
            clean["fundedBy"].append({"name": name or uri, "uri": uri or ""})
    clean["organisation"] = None
    organisation = check.get(data, "organisation", "organisation", dict)
    if organisation is not None:
        uri = check.get(organisation, "uri", "organisation.uri", str, required=True)
        name = check.get(organisation, "name", "organisation.name", str)
        clean["organisation"] = {"uri": uri or "", "name": name or ""}
    clean["developmentStatus"] = check.enum(data, "developmentStatus", "developmentStatus",
                                            DEVELOPMENT_STATUSES, required=True)
    clean["softwareType"] = check.enum(data, "softwareType", "softwareType", SOFTWARE_TYPES,
                                       required=True)
    clean["description"] = _check_description(check, data)
    clean["legal"] = _check_legal(check, data)
    clean["maintenance"] = _check_maintenance(check, data)
    _check_localisation(check, data)
    return clean, check.problems, check.warnings


def _check_description(check: Checker, data: dict) -> dict:
    descriptions = check.get(data, "description", "description", dict, required=True)
    clean: dict = {}
    if descriptions is None:
        return clean
    if not descriptions:
        check.error("description", _("au moins une langue est attendue (fr, en…)."))
    has_long = has_features = False
    for lang, text in descriptions.items():
        path = f"description.{lang}"
        if not isinstance(lang, str) or not BCP47.match(lang):
            check.error(path, _("« %(value)s » n'est pas une étiquette de langue BCP 47 (fr, en, "
                                "it-IT…).") % {"value": lang})
            continue
        if not isinstance(text, dict):
            check.error(path, _("type incorrect : %(expected)s attendu, %(found)s trouvé.")
                        % {"expected": kind_label(dict), "found": kind_label(type(text))})
            continue
        entry = {"localisedName": check.get(text, "localisedName", f"{path}.localisedName", str)}
        short = check.get(text, "shortDescription", f"{path}.shortDescription", str, required=True)
        if short is not None and len(short) > SHORT_MAX:
            check.error(f"{path}.shortDescription", _(
                "%(count)d caractères : %(max)d au plus.") % {"count": len(short), "max": SHORT_MAX})
        entry["shortDescription"] = short
        long = check.get(text, "longDescription", f"{path}.longDescription", str)
        if long is not None:
            has_long = True
            if not LONG_MIN <= len(long.strip()) <= LONG_MAX:
                check.error(f"{path}.longDescription", _(
                    "%(count)d caractères : entre %(min)d et %(max)d attendus.")
                    % {"count": len(long.strip()), "min": LONG_MIN, "max": LONG_MAX})
        entry["longDescription"] = long
        features = check.strings(text, "features", f"{path}.features")
        if features:
            has_features = True
        entry["features"] = features or []
        entry["documentation"] = check.url(text, "documentation", f"{path}.documentation")
        clean[lang] = entry
    if descriptions and not has_long:
        check.error("description", _("longDescription est obligatoire dans au moins une langue."))
    if descriptions and not has_features:
        check.error("description", _("features est obligatoire dans au moins une langue."))
    return clean


def _check_legal(check: Checker, data: dict) -> dict:
    legal = check.get(data, "legal", "legal", dict, required=True)
    if legal is None:
        return {}
    clean = {"mainCopyrightOwner": check.get(legal, "mainCopyrightOwner", "legal.mainCopyrightOwner", str),
             "repoOwner": check.get(legal, "repoOwner", "legal.repoOwner", str)}
    licence = check.get(legal, "license", "legal.license", str, required=True)
    clean["license"] = None
    if licence is not None:
        try:
            clean["license"] = normalise_spdx(licence)
        except ValidationError:
            check.error("legal.license", _("« %(value)s » n'est pas une expression de licence SPDX.")
                        % {"value": licence})
        else:
            if clean["license"] != licence.strip():
                check.warn("legal.license", _("« %(value)s » lu comme l'identifiant SPDX « %(spdx)s ».")
                           % {"value": licence, "spdx": clean["license"]})
    return clean


def _check_maintenance(check: Checker, data: dict) -> dict:
    maintenance = check.get(data, "maintenance", "maintenance", dict, required=True)
    if maintenance is None:
        return {}
    kind = check.enum(maintenance, "type", "maintenance.type", MAINTENANCE_TYPES, required=True)
    clean: dict = {"type": kind, "contacts": [], "contractors": []}
    contractors = check.get(maintenance, "contractors", "maintenance.contractors", list)
    if kind == "contract" and not contractors:
        check.error("maintenance.contractors", _("obligatoire quand maintenance.type vaut contract."))
    elif contractors and kind not in (None, "contract"):
        check.error("maintenance.contractors", _(
            "interdit quand maintenance.type ne vaut pas contract."))
    for index, contractor in enumerate(contractors or []):
        path = f"maintenance.contractors[{index}]"
        if not isinstance(contractor, dict):
            check.error(path, _("un prestataire {name, until} est attendu."))
            continue
        name = check.get(contractor, "name", f"{path}.name", str, required=True)
        until = check.date(contractor, "until", f"{path}.until", required=True)
        website = check.url(contractor, "website", f"{path}.website")
        _check_email(check, contractor, f"{path}.email")
        if name and until:
            clean["contractors"].append({"name": name, "until": until.isoformat(),
                                         **({"website": website} if website else {})})
    contacts = check.get(maintenance, "contacts", "maintenance.contacts", list)
    if kind in ("internal", "community") and not contacts:
        check.error("maintenance.contacts", _(
            "obligatoire quand maintenance.type vaut internal ou community."))
    for index, contact in enumerate(contacts or []):
        path = f"maintenance.contacts[{index}]"
        if not isinstance(contact, dict):
            check.error(path, _("un contact {name, email…} est attendu."))
            continue
        name = check.get(contact, "name", f"{path}.name", str, required=True)
        email = _check_email(check, contact, f"{path}.email")
        phone = check.get(contact, "phone", f"{path}.phone", str)
        affiliation = check.get(contact, "affiliation", f"{path}.affiliation", str)
        if name:
            clean["contacts"].append({"name": name[:200], "email": email or "",
                                      "phone": (phone or "")[:40],
                                      "affiliation": (affiliation or "")[:200]})
    return clean


def _check_email(check: Checker, data: dict, path: str) -> str | None:
    email = check.get(data, "email", path, str)
    if email:
        try:
            validate_email(email.strip())
        except ValidationError:
            check.error(path, _("« %(value)s » n'est pas une adresse électronique valide.")
                        % {"value": email})
            return None
        return email.strip()
    return None


def _check_localisation(check: Checker, data: dict) -> None:
    localisation = check.get(data, "localisation", "localisation", dict, required=True)
    if localisation is None:
        return
    check.get(localisation, "localisationReady", "localisation.localisationReady", bool,
              required=True)
    languages = check.strings(localisation, "availableLanguages", "localisation.availableLanguages",
                              required=True)
    for index, language in enumerate(languages or []):
        if not BCP47.match(language):
            check.error(f"localisation.availableLanguages[{index}]", _(
                "« %(value)s » n'est pas une étiquette de langue BCP 47.") % {"value": language})
