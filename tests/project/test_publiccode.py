"""The project's own publiccode.yml: the keys the standard (0.4) makes mandatory, with the types
and values it allows, and the version and licence the package itself declares."""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path

import yaml

import numerique_ouvert

ROOT = Path(__file__).resolve().parents[2]
DEVELOPMENT_STATUSES = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPES = {"standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web",
                  "standalone/backend", "standalone/other", "addon", "library",
                  "configurationFiles"}
MAINTENANCE_TYPES = {"internal", "contract", "community", "none"}


def publiccode() -> dict:
    return yaml.safe_load((ROOT / "publiccode.yml").read_text())


def test_mandatory_top_level_keys_are_there():
    data = publiccode()

    missing = {"publiccodeYmlVersion", "name", "url", "platforms", "categories",
               "developmentStatus", "softwareType", "description", "legal", "maintenance",
               "localisation"} - set(data)
    assert missing == set()
    assert data["publiccodeYmlVersion"] == "0.4"
    assert data["url"].startswith("https://")
    assert data["platforms"] and data["categories"]
    assert data["developmentStatus"] in DEVELOPMENT_STATUSES
    assert data["softwareType"] in SOFTWARE_TYPES


def test_version_and_licence_are_the_package_ones():
    data = publiccode()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())

    assert data["softwareVersion"] == numerique_ouvert.__version__
    assert data["legal"]["license"] == pyproject["project"]["license"]
    assert isinstance(datetime.date.fromisoformat(data["releaseDate"]), datetime.date)


def test_descriptions_in_french_and_english_within_the_standard_lengths():
    descriptions = publiccode()["description"]

    assert {"fr", "en"} <= set(descriptions)
    for language, description in descriptions.items():
        assert len(description["shortDescription"]) <= 150, language
        assert 150 <= len(description["longDescription"]) <= 10_000, language
        assert description["features"] and all(
            isinstance(feature, str) and len(feature) <= 100 for feature in description["features"])


def test_maintenance_localisation_and_dependencies():
    data = publiccode()

    assert data["maintenance"]["type"] in MAINTENANCE_TYPES
    assert all(contact["name"] for contact in data["maintenance"]["contacts"])
    assert data["localisation"]["localisationReady"] is True
    assert "fr" in data["localisation"]["availableLanguages"]
    names = {dependency["name"] for dependency in data["dependsOn"]["open"]}
    assert {"Python", "Django", "Wagtail"} <= names
