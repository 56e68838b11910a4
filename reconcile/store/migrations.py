"""The store's schema, written once for every backend, as numbered migrations the store applies itself.

Each statement is a template with a few dialect words (``{pk}``, ``{ref}``, ``{c}``, ``{real}``,
``{source_key}``) that ``SQLITE`` and ``POSTGRES`` fill in, so the two backends never drift apart.
``schema_version`` records each applied migration (with its time); opening a database applies the
missing ones inside one write transaction, and a database newer than this program is refused.
To change the schema, append a migration: never edit one that has shipped.

SQLite has applied steps 1 to 4 one by one since they shipped; the PostgreSQL backend came later
and applies the same four steps together as its migration 1.  Every step after 4 is one migration
on both backends, with the same number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reconcile.errors import StoreError


@dataclass(frozen=True)
class Dialect:
    """The words that differ between the backends' DDL."""

    pk: str          # an auto-numbered integer primary key
    ref: str         # the type of a column referencing such a key
    c: str           # the collation of compared and sorted text (byte order on both)
    real: str        # a double-precision float
    source_key: str  # the indexed form of an outlet name, compared case-insensitively


SQLITE = Dialect(pk="INTEGER PRIMARY KEY", ref="INTEGER", c="", real="REAL", source_key="source COLLATE NOCASE")
POSTGRES = Dialect(pk="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", ref="BIGINT", c=' COLLATE "C"',
                   real="DOUBLE PRECISION", source_key="lower(source)")

# Each step is a list of statement templates, applied in one transaction with its version row.
STEPS: list[tuple[int, list[str]]] = [
    (1, [
        """CREATE TABLE articles (
            pk {pk},
            article_id TEXT{c} NOT NULL,
            revision INTEGER NOT NULL,
            current INTEGER NOT NULL DEFAULT 1,
            content_hash TEXT{c} NOT NULL,
            title TEXT, source TEXT, url TEXT{c}, published TEXT{c}, author TEXT,
            text TEXT NOT NULL,
            stored_at TEXT{c} NOT NULL,
            n_claims INTEGER NOT NULL DEFAULT 0,
            UNIQUE (article_id, revision)
        )""",
        "CREATE UNIQUE INDEX articles_one_current ON articles(article_id) WHERE current = 1",
        "CREATE INDEX articles_url ON articles(url) WHERE current = 1",
        "CREATE INDEX articles_hash ON articles(content_hash) WHERE current = 1",
        """CREATE TABLE claims (
            pk {pk},
            article_pk {ref} NOT NULL REFERENCES articles(pk),
            article_id TEXT{c} NOT NULL,
            claim_id TEXT{c} NOT NULL,
            current INTEGER NOT NULL,
            block_key TEXT{c} NOT NULL,
            kind TEXT NOT NULL,
            counted TEXT,
            speaker TEXT,
            day TEXT{c},
            body TEXT NOT NULL
        )""",
        "CREATE INDEX claims_block ON claims(block_key) WHERE current = 1",
        "CREATE INDEX claims_article_pk ON claims(article_pk)",
        "CREATE INDEX claims_claim_id ON claims(claim_id) WHERE current = 1",
    ]),
    (2, [
        """CREATE TABLE groups (
            group_id TEXT{c} PRIMARY KEY,
            block_key TEXT{c} NOT NULL,
            quantity TEXT NOT NULL,
            unit TEXT NOT NULL,
            kind TEXT NOT NULL,
            verdict TEXT NOT NULL,
            reason TEXT NOT NULL,
            n_claims INTEGER NOT NULL,
            n_sources INTEGER NOT NULL,
            min {real}, max {real}, spread {real},
            severity {real} NOT NULL,
            summary TEXT NOT NULL,
            sources TEXT NOT NULL,
            first_day TEXT{c}, last_day TEXT{c},
            counted_terms TEXT NOT NULL,
            body TEXT NOT NULL
        )""",
        "CREATE INDEX groups_block ON groups(block_key)",
        "CREATE INDEX groups_order ON groups(severity DESC, group_id)",
        """CREATE TABLE group_claims (
            group_id TEXT{c} NOT NULL REFERENCES groups(group_id),
            claim_id TEXT{c} NOT NULL,
            PRIMARY KEY (group_id, claim_id)
        )""",
        "CREATE INDEX group_claims_claim ON group_claims(claim_id)",
    ]),
    (3, [
        "CREATE INDEX articles_source ON articles({source_key}) WHERE current = 1",
        "CREATE INDEX claims_article_id ON claims(article_id) WHERE current = 1",
    ]),
    (4, [
        # block keys whose claims changed in a deferred write (reconcile batch --db): regroup pending
        "CREATE TABLE stale_blocks (block_key TEXT{c} PRIMARY KEY)",
    ]),
    (5, [
        # settings the stored groups depend on (the judge's window), pinned by the first regroup
        "CREATE TABLE store_settings (name TEXT{c} PRIMARY KEY, value TEXT NOT NULL)",
    ]),
]

#: The steps PostgreSQL took as one migration when its backend was added.
_PG_FIRST = 4


def render(steps: list[tuple[int, list[str]]], dialect: Dialect) -> list[tuple[int, list[str]]]:
    """The steps as one dialect's statements.

    >>> render([(1, ["CREATE TABLE t (pk {pk}, name TEXT{c})"])], POSTGRES)
    [(1, ['CREATE TABLE t (pk BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name TEXT COLLATE "C")'])]
    """
    words = vars(dialect)
    return [(version, [s.format(**words) for s in statements]) for version, statements in steps]


MIGRATIONS = render(STEPS, SQLITE)
PG_MIGRATIONS = [(1, [s for v, ss in render(STEPS, POSTGRES) if v <= _PG_FIRST for s in ss])] + [
    step for step in render(STEPS, POSTGRES) if step[0] > _PG_FIRST]
LATEST_VERSION = MIGRATIONS[-1][0]
PG_LATEST_VERSION = PG_MIGRATIONS[-1][0]


def migrate(conn: Any, target: int | None = None,
            migrations: list[tuple[int, list[str]]] = MIGRATIONS) -> int:
    """Bring the schema up to ``target`` (default: the last of ``migrations``, SQLite's unless a
    backend passes its own) inside the caller's write transaction; returns the version."""
    latest = migrations[-1][0]
    target = latest if target is None else target
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
    current = conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
    if current > latest:
        raise StoreError(
            f"the database schema (version {current}) is newer than this program ({latest})",
            found=current, supported=latest,
        )
    for version, statements in migrations:
        if current < version <= target:
            for statement in statements:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version VALUES (?, ?)", (version, now()))
            current = version
    return current


def now() -> str:
    """The current UTC time as ISO 8601 (the store's timestamps)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")
