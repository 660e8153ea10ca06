"""Translation catalogues: refresh them (``make messages``) and check them (``make messages-check``).

French is the source language: the French catalogue repeats each msgid as its msgstr (filled
here, never by hand). English is translated by hand. The check fails, naming the file and the
entry, when:

- the catalogues are behind the code (a string was added, changed or removed since the last
  ``make messages``): makemessages is run on a temporary copy of the sources and compared;
- an entry is untranslated, fuzzy, or (in French) differs from its msgid;
- ``msgfmt --check`` rejects a catalogue (placeholders that differ, bad plural forms, header);
- a committed ``.mo`` is missing or does not hold what its ``.po`` compiles to.

Usage::

    python scripts/check_messages.py update   # makemessages fr + en, then fill the French msgstr
    python scripts/check_messages.py check    # exit 1 with one line per problem
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
# Source folder -> its catalogues. The package's strings, whatever app they come from, go to
# the core app's locale/: Django finds an app's catalogue there (a package-level locale/
# would need every site to add it to LOCALE_PATHS), and core is always installed.
SOURCES = {"numerique_ouvert": "numerique_ouvert/core/locale",
           "example_site": "example_site/locale"}
SOURCE_DIRS = tuple(SOURCES)
LOCALE_DIRS = tuple(ROOT / locale for locale in SOURCES.values())
SOURCE_LANGUAGE = "fr"
LANGUAGES = ("fr", "en")
# Folders whose strings are not the portal's own (tests, virtual environments, built docs).
IGNORE = (".venv*", "node_modules", "site", "tests", "benchmarks", "docs", "build", "dist",
          "scripts")


def makemessages(root: Path) -> None:
    """Runs makemessages for every language on each source folder under ``root``, writing
    every string of the folder to its catalogue (the djangojs domain is not extracted: the
    portal has no JavaScript string)."""
    for source, locale in SOURCES.items():
        (root / locale).mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, __file__, "extract", str(root / source),
                        str(root / locale)], check=True, stdout=subprocess.DEVNULL)


def extract(source: Path, locale: Path) -> None:
    """makemessages in ``source`` with ``locale`` as its only catalogue (a process of its own:
    Django's settings are configured once per process)."""
    import django
    from django.conf import settings
    from django.core.management import call_command

    settings.configure(LOCALE_PATHS=[str(locale)], USE_I18N=True, INSTALLED_APPS=[])
    django.setup()
    os.chdir(source)
    call_command("makemessages", locale=list(LANGUAGES), ignore_patterns=list(IGNORE),
                 add_location="file", no_obsolete=True, verbosity=0)


def catalogues(locale_dir: Path) -> list[Path]:
    return sorted(locale_dir.glob("*/LC_MESSAGES/*.po"))


def shown(path: Path) -> str:
    """The path as the message shows it: relative to the project when it is inside."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def language_of(po_path: Path) -> str:
    return po_path.parent.parent.name


def fill_source_language(po_path: Path) -> None:
    """The French catalogue: msgstr = msgid for every entry, nothing fuzzy, header completed."""
    po = polib.pofile(str(po_path))
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    po.save()


def set_header(po_path: Path) -> None:
    """Makemessages leaves a fuzzy header with placeholder values: msgfmt would then drop it
    (charset included), and ``msgfmt --check`` complains."""
    po = polib.pofile(str(po_path))
    po.header = "Translation catalogue of numerique-ouvert (MIT licence)."
    po.metadata_is_fuzzy = False
    po.metadata.update({
        "Project-Id-Version": "numerique-ouvert",
        "Language": language_of(po_path),
        "Language-Team": language_of(po_path),
        "Last-Translator": "numerique-ouvert contributors",
        "PO-Revision-Date": po.metadata.get("POT-Creation-Date", ""),
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=2; plural=(n > 1);" if language_of(po_path) == "fr"
        else "nplurals=2; plural=(n != 1);",
    })
    po.save()


def update() -> None:
    for locale_dir in LOCALE_DIRS:
        for language in LANGUAGES:
            (locale_dir / language / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    makemessages(ROOT)
    for locale_dir in LOCALE_DIRS:
        for po_path in catalogues(locale_dir):
            set_header(po_path)
            if language_of(po_path) == SOURCE_LANGUAGE:
                fill_source_language(po_path)


def keys(po: polib.POFile) -> set[tuple[str | None, str, str]]:
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in po if not e.obsolete}


def check_up_to_date(problems: list[str]) -> None:
    """Extracts the strings of a temporary copy of the sources and compares them with the
    committed catalogues (msgids only: locations and dates do not count)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp)
        for name in SOURCE_DIRS:
            shutil.copytree(ROOT / name, copy / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        makemessages(copy)
        for locale_dir in LOCALE_DIRS:
            for po_path in catalogues(locale_dir):
                relative = po_path.relative_to(ROOT)
                fresh = keys(polib.pofile(str(copy / relative)))
                committed = keys(polib.pofile(str(po_path)))
                for _ctx, msgid, _plural in sorted(fresh - committed, key=str):
                    problems.append(f"{relative}: missing msgid {msgid!r} (run make messages)")
                for _ctx, msgid, _plural in sorted(committed - fresh, key=str):
                    problems.append(f"{relative}: msgid {msgid!r} is no longer in the code "
                                    "(run make messages)")


def check_entries(po_path: Path, problems: list[str]) -> None:
    relative = shown(po_path)
    po = polib.pofile(str(po_path))
    if po.metadata_is_fuzzy:
        problems.append(f"{relative}: the header is fuzzy")
    source = language_of(po_path) == SOURCE_LANGUAGE
    for entry in po:
        if entry.obsolete:
            continue
        where = f"{relative}:{entry.linenum}: {entry.msgid!r}"
        if entry.fuzzy:
            problems.append(f"{where} is fuzzy")
        if not entry.translated():
            problems.append(f"{where} is not translated")
        elif source:
            expected = ({0: entry.msgid, 1: entry.msgid_plural} if entry.msgid_plural
                        else entry.msgid)
            actual = entry.msgstr_plural if entry.msgid_plural else entry.msgstr
            if actual != expected:
                problems.append(f"{where}: the French msgstr must repeat the msgid")


def compiled(po_path: Path) -> polib.MOFile:
    """What msgfmt makes of the catalogue (``msgfmt --check`` also validates it)."""
    with tempfile.TemporaryDirectory() as tmp:
        mo_path = Path(tmp) / "django.mo"
        subprocess.run(["msgfmt", "--check", "-o", str(mo_path), str(po_path)], check=True,
                       capture_output=True, text=True)
        return polib.mofile(str(mo_path))


def mo_entries(mo: polib.MOFile) -> dict:
    return {(e.msgctxt, e.msgid, e.msgid_plural): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
            for e in mo}


def check_compiled(po_path: Path, problems: list[str]) -> None:
    relative = shown(po_path)
    try:
        fresh = compiled(po_path)
    except subprocess.CalledProcessError as error:
        problems.append(f"{relative}: msgfmt --check fails:\n{error.stderr.strip()}")
        return
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists():
        problems.append(f"{shown(mo_path)} is missing (run make compilemessages)")
    elif mo_entries(polib.mofile(str(mo_path))) != mo_entries(fresh):
        problems.append(f"{shown(mo_path)} is stale: it differs from its .po "
                        "(run make compilemessages)")


def check(*, up_to_date: bool = True, locale_dirs: tuple[Path, ...] = LOCALE_DIRS) -> list[str]:
    problems: list[str] = []
    if up_to_date:
        check_up_to_date(problems)
    for locale_dir in locale_dirs:
        found = catalogues(locale_dir)
        for language in LANGUAGES:
            if not any(language_of(p) == language for p in found):
                problems.append(f"{shown(locale_dir)}: no catalogue for {language}")
        for po_path in found:
            check_entries(po_path, problems)
            check_compiled(po_path, problems)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["update", "check", "extract"])
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--locale-dir", action="append", type=Path,
                        help="check these locale folders only, without comparing with the code")
    args = parser.parse_args(argv)
    if args.action == "extract":
        extract(*args.paths)
        return 0
    if args.action == "update":
        update()
        return 0
    if args.locale_dir:
        problems = check(up_to_date=False,
                         locale_dirs=tuple(p.resolve() for p in args.locale_dir))
    else:
        problems = check()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in the translation catalogues.", file=sys.stderr)
        return 1
    print("Translation catalogues complete and compiled.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
