"""The schema of the SQLite store, as numbered migrations applied by the store itself (``migrate`` also
applies the PostgreSQL backend's own list).

``schema_version`` records each applied migration (with its time); opening a database applies the
missing ones inside one write transaction, and a database newer than this program is refused.
To change the schema, append a migration: never edit one that has shipped.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from reconcile.errors import StoreError

# Each migration is a list of statements, applied in one transaction with its version row.
MIGRATIONS: list[tuple[int, list[str]]] = [
    (1, [
        """CREATE TABLE articles (
            pk INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            current INTEGER NOT NULL DEFAULT 1,
            content_hash TEXT NOT NULL,
            title TEXT, source TEXT, url TEXT, published TEXT, author TEXT,
            text TEXT NOT NULL,
            stored_at TEXT NOT NULL,
            n_claims INTEGER NOT NULL DEFAULT 0,
            UNIQUE (article_id, revision)
        )""",
        "CREATE UNIQUE INDEX articles_one_current ON articles(article_id) WHERE current = 1",
        "CREATE INDEX articles_url ON articles(url) WHERE current = 1",
        "CREATE INDEX articles_hash ON articles(content_hash) WHERE current = 1",
        """CREATE TABLE claims (
            pk INTEGER PRIMARY KEY,
            article_pk INTEGER NOT NULL REFERENCES articles(pk),
            article_id TEXT NOT NULL,
            claim_id TEXT NOT NULL,
            current INTEGER NOT NULL,
            block_key TEXT NOT NULL,
            kind TEXT NOT NULL,
            counted TEXT,
            speaker TEXT,
            day TEXT,
            body TEXT NOT NULL
        )""",
        "CREATE INDEX claims_block ON claims(block_key) WHERE current = 1",
        "CREATE INDEX claims_article_pk ON claims(article_pk)",
        "CREATE INDEX claims_claim_id ON claims(claim_id) WHERE current = 1",
    ]),
    (2, [
        """CREATE TABLE groups (
            group_id TEXT PRIMARY KEY,
            block_key TEXT NOT NULL,
            quantity TEXT NOT NULL,
            unit TEXT NOT NULL,
            kind TEXT NOT NULL,
            verdict TEXT NOT NULL,
            reason TEXT NOT NULL,
            n_claims INTEGER NOT NULL,
            n_sources INTEGER NOT NULL,
            min REAL, max REAL, spread REAL,
            severity REAL NOT NULL,
            summary TEXT NOT NULL,
            sources TEXT NOT NULL,
            first_day TEXT, last_day TEXT,
            counted_terms TEXT NOT NULL,
            body TEXT NOT NULL
        )""",
        "CREATE INDEX groups_block ON groups(block_key)",
        "CREATE INDEX groups_order ON groups(severity DESC, group_id)",
        """CREATE TABLE group_claims (
            group_id TEXT NOT NULL REFERENCES groups(group_id),
            claim_id TEXT NOT NULL,
            PRIMARY KEY (group_id, claim_id)
        )""",
        "CREATE INDEX group_claims_claim ON group_claims(claim_id)",
    ]),
    (3, [
        "CREATE INDEX articles_source ON articles(source COLLATE NOCASE) WHERE current = 1",
        "CREATE INDEX claims_article_id ON claims(article_id) WHERE current = 1",
    ]),
    (4, [
        # block keys whose claims changed in a deferred write (reconcile batch --db): regroup pending
        "CREATE TABLE stale_blocks (block_key TEXT PRIMARY KEY)",
    ]),
]
LATEST_VERSION = MIGRATIONS[-1][0]


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
