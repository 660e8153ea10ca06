"""docs/configuration.md is the reference of every setting: each key of ``NUMERIQUE_OUVERT``
with its default, and each field of the portal settings, has its row there."""

from __future__ import annotations

import re
from pathlib import Path

from numerique_ouvert.conf import DEFAULTS
from numerique_ouvert.core.models import PortalSettings

PAGE = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def table_rows() -> list[str]:
    return [line for line in PAGE.read_text().splitlines() if line.startswith("|")]


def test_every_package_setting_has_a_row_with_its_default():
    rows = table_rows()

    undocumented = [name for name in DEFAULTS
                    if not any(re.search(rf"`{name}`", row) for row in rows)]
    assert undocumented == []
    for name, default in DEFAULTS.items():
        if isinstance(default, (int, str)) and not isinstance(default, bool):
            row = next(row for row in rows if f"`{name}`" in row)
            assert str(default) in row.replace("\u202f", "").replace(" ", ""), (name, row)


def test_every_portal_settings_field_has_a_row():
    fields = [field.name for field in PortalSettings._meta.get_fields()
              if getattr(field, "concrete", False) and not field.auto_created
              and field.name != "site"]
    rows = table_rows()

    assert fields
    assert [name for name in fields if not any(f"`{name}`" in row for row in rows)] == []
