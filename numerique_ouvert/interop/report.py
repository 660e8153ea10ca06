"""An import report as text lines (commands) — the admin renders the same Report in a template."""

from __future__ import annotations

import json

from django.utils.translation import gettext as _

from .base import Report


def short(value, limit: int = 120) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def report_lines(report: Report) -> list[str]:
    lines = [(_("Simulation (rien n'a été enregistré) : ") if report.dry_run else "")
             + report.summary()]
    for heading, results in ((_("Créés"), report.created), (_("Mis à jour"), report.updated),
                             (_("Inchangés"), report.unchanged)):
        if results:
            lines.append(f"{heading} :")
            for result in results:
                detail = ", ".join(filter(None, [", ".join(result.fields), result.note]))
                lines.append(f"  - {result.title} [{result.key}]" + (f" ({detail})" if detail else ""))
    if report.conflicts:
        lines.append(_("Conflits (la valeur de l'éditeur est gardée) :"))
        for conflict in report.conflicts:
            lines.append(_("  - %(title)s, champ %(field)s : page « %(editor)s », source « %(incoming)s »")
                         % {"title": conflict.title, "field": conflict.field,
                            "editor": short(conflict.editor_value),
                            "incoming": short(conflict.incoming_value)})
    if report.rejected:
        lines.append(_("Refusés :"))
        lines.extend(f"  - {problem}" for problem in report.rejected)
    if report.warnings:
        lines.append(_("Avertissements :"))
        lines.extend(f"  - {problem}" for problem in report.warnings)
    return lines
