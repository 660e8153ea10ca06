"""The benchmark's database: a fresh one per run (a new SQLite file, or a PostgreSQL database
dropped and created again), and what it holds at the end (size, row counts)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# The only PostgreSQL databases a run may drop: a typo in --database-url must not cost the
# example site's (or anyone's) data.
POSTGRES_NAME_PREFIX = "numerique_ouvert_bench"
POSTGRES_NAME_SUFFIX = "_bench"


def sqlite_url(folder: Path) -> str:
    """URL of a new SQLite file in ``folder`` (the run's temporary folder)."""
    return f"sqlite:///{folder / 'benchmark.sqlite3'}"


def recreate_postgres(url: str) -> None:
    """Drop the database named in ``url`` and create it empty, through the ``postgres``
    maintenance database of the same server (psycopg directly: Django is not set up yet)."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not (name.startswith(POSTGRES_NAME_PREFIX) or name.endswith(POSTGRES_NAME_SUFFIX)):
        raise SystemExit(f"Refusing to drop the database {name!r}: benchmark databases are "
                         f"named {POSTGRES_NAME_PREFIX}* or *{POSTGRES_NAME_SUFFIX}.")
    maintenance = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    # DROP/CREATE DATABASE cannot run inside a transaction.
    with psycopg.connect(maintenance, autocommit=True) as connection:
        # WITH (FORCE) (PostgreSQL 13+): a psql session left open on it must not block the run.
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                           .format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def is_postgres(url: str) -> bool:
    return urlsplit(url).scheme in {"postgres", "postgresql", "pgsql"}


def database_size() -> int:
    """Size of the database in bytes (file size on SQLite, ``pg_database_size`` on PostgreSQL)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
    if connection.vendor == "sqlite":
        return Path(connection.settings_dict["NAME"]).stat().st_size
    return 0


def database_description() -> str:
    """"PostgreSQL 15.4" or "SQLite 3.40.1", for the report."""
    from django.db import connection

    if connection.vendor == "postgresql":
        version = connection.pg_version  # e.g. 150004
        return f"PostgreSQL {version // 10000}.{version % 10000}"
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    return connection.vendor


def row_counts() -> list[tuple[str, int]]:
    """Rows of the tables that grow with N, largest content first."""
    from django.apps import apps

    labels = [
        "wagtailcore.Page",
        "numerique_ouvert_guides.GuidePage",
        "numerique_ouvert_events.EventPage",
        "numerique_ouvert_communs.CommunPage",
        "numerique_ouvert_testimonies.Testimony",
        "numerique_ouvert_guides.GuidePageTag",
        "numerique_ouvert_events.EventPageTag",
        "numerique_ouvert_communs.CommunPageTag",
        "numerique_ouvert_communs.CommunActorRelation",
        "taggit.Tag",
        "wagtailimages.Image",
        "wagtailimages.Rendition",
        "wagtailsearch.IndexEntry",
    ]
    counts = []
    for label in labels:
        try:
            model = apps.get_model(label)
        except LookupError:  # an app this Wagtail version does not have
            continue
        counts.append((label, model._default_manager.count()))
    # The parcours stages of every page and testimony: auto-created M2M tables.
    for label in ("numerique_ouvert_guides.GuidePage", "numerique_ouvert_events.EventPage",
                  "numerique_ouvert_communs.CommunPage", "numerique_ouvert_testimonies.Testimony"):
        through = apps.get_model(label)._meta.get_field("stages").remote_field.through
        counts.append((f"{label}.stages (through)", through.objects.count()))
    return counts


def settle() -> None:
    """On PostgreSQL, ``VACUUM ANALYZE`` the freshly loaded database, as autovacuum would soon do
    on its own: measured right after a bulk load, pages would run against missing planner
    statistics while autovacuum competes for the CPU. SQLite has no such daemon (and a site's
    SQLite file has no statistics unless someone runs ANALYZE): nothing to do."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # Django is in autocommit: not inside a transaction
