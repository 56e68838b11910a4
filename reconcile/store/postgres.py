"""The store on PostgreSQL (psycopg 3), for deployments where several machines share one database.

Selected by ``DATABASE_URL=postgresql://user:password@host:5432/dbname`` (``pip install
'reconcile[postgres]'``).  The queries are ``SQLStore``'s, the same as SQLite's; this module connects
and locks.  Every write transaction first takes one transaction-level advisory lock
(``pg_advisory_xact_lock``), the counterpart of SQLite's ``BEGIN IMMEDIATE``: writers from every
process and machine take turns, each reading the current state under the lock (READ COMMITTED), so
none loses or duplicates an article; reads run in REPEATABLE READ, READ ONLY transactions and never
wait for writers.  ``RECONCILE_BUSY_TIMEOUT_MS`` bounds the wait for the lock (``lock_timeout``).

Schema: created and migrated by the store itself, with its own numbered migrations (below).  Text
columns that are compared or sorted use the "C" collation, so orders and keyset cursors are the
same as SQLite's byte order, whatever the database's locale.
"""

from __future__ import annotations

from typing import Any, Self

from reconcile.errors import ConfigError
from reconcile.store.migrations import migrate
from reconcile.store.settings import redacted
from reconcile.store.sql import SQLStore

#: The key of the single-writer advisory lock ("reconc" in ASCII).
WRITER_LOCK = 0x7265636F6E63

_C = 'COLLATE "C"'
PG_MIGRATIONS: list[tuple[int, list[str]]] = [
    (1, [
        f"""CREATE TABLE articles (
            pk BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            article_id TEXT {_C} NOT NULL,
            revision INTEGER NOT NULL,
            current INTEGER NOT NULL DEFAULT 1,
            content_hash TEXT {_C} NOT NULL,
            title TEXT, source TEXT, url TEXT {_C}, published TEXT {_C}, author TEXT,
            text TEXT NOT NULL,
            stored_at TEXT {_C} NOT NULL,
            n_claims INTEGER NOT NULL DEFAULT 0,
            UNIQUE (article_id, revision)
        )""",
        "CREATE UNIQUE INDEX articles_one_current ON articles(article_id) WHERE current = 1",
        "CREATE INDEX articles_url ON articles(url) WHERE current = 1",
        "CREATE INDEX articles_hash ON articles(content_hash) WHERE current = 1",
        "CREATE INDEX articles_source ON articles(lower(source)) WHERE current = 1",
        f"""CREATE TABLE claims (
            pk BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            article_pk BIGINT NOT NULL REFERENCES articles(pk),
            article_id TEXT {_C} NOT NULL,
            claim_id TEXT {_C} NOT NULL,
            current INTEGER NOT NULL,
            block_key TEXT {_C} NOT NULL,
            kind TEXT NOT NULL,
            counted TEXT,
            speaker TEXT,
            day TEXT {_C},
            body TEXT NOT NULL
        )""",
        "CREATE INDEX claims_block ON claims(block_key) WHERE current = 1",
        "CREATE INDEX claims_article_pk ON claims(article_pk)",
        "CREATE INDEX claims_claim_id ON claims(claim_id) WHERE current = 1",
        "CREATE INDEX claims_article_id ON claims(article_id) WHERE current = 1",
        f"""CREATE TABLE groups (
            group_id TEXT {_C} PRIMARY KEY,
            block_key TEXT {_C} NOT NULL,
            quantity TEXT NOT NULL,
            unit TEXT NOT NULL,
            kind TEXT NOT NULL,
            verdict TEXT NOT NULL,
            reason TEXT NOT NULL,
            n_claims INTEGER NOT NULL,
            n_sources INTEGER NOT NULL,
            min DOUBLE PRECISION, max DOUBLE PRECISION, spread DOUBLE PRECISION,
            severity DOUBLE PRECISION NOT NULL,
            summary TEXT NOT NULL,
            sources TEXT NOT NULL,
            first_day TEXT {_C}, last_day TEXT {_C},
            counted_terms TEXT NOT NULL,
            body TEXT NOT NULL
        )""",
        "CREATE INDEX groups_block ON groups(block_key)",
        "CREATE INDEX groups_order ON groups(severity DESC, group_id)",
        f"""CREATE TABLE group_claims (
            group_id TEXT {_C} NOT NULL REFERENCES groups(group_id),
            claim_id TEXT {_C} NOT NULL,
            PRIMARY KEY (group_id, claim_id)
        )""",
        "CREATE INDEX group_claims_claim ON group_claims(claim_id)",
        f"CREATE TABLE stale_blocks (block_key TEXT {_C} PRIMARY KEY)",
    ]),
]
PG_LATEST_VERSION = PG_MIGRATIONS[-1][0]


class _Row(tuple):
    """A result row readable by position and by column name, as ``sqlite3.Row`` is."""

    def __new__(cls, values: Any, names: dict[str, int]) -> Self:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)


def _row_factory(cursor: Any) -> Any:
    names = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: _Row(values, names)


class _Connection:
    """A psycopg connection speaking ``?`` placeholders (the SQL ``SQLStore`` shares with SQLite)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self.conn.execute(sql.replace("?", "%s"), params)

    def executemany(self, sql: str, seq: Any) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(sql.replace("?", "%s"), list(seq))

    def close(self) -> None:
        self.conn.close()


class PostgresStore(SQLStore):
    """The ``Store`` on a PostgreSQL database."""

    backend = "postgresql"
    CLAIM_SELECT = (
        "SELECT c.pk, c.body, c.current, a.revision, gc.group_id, g.verdict FROM claims c "
        "JOIN articles a ON a.pk = c.article_pk "
        "LEFT JOIN LATERAL (SELECT x.group_id FROM group_claims x WHERE c.current = 1 "
        "AND x.claim_id = c.claim_id LIMIT 1) gc ON TRUE "
        "LEFT JOIN groups g ON g.group_id = gc.group_id "
    )

    def __init__(self, url: str, *, busy_timeout_ms: int = 30_000, migrate_to: int = PG_LATEST_VERSION):
        try:
            import psycopg
        except ImportError:
            raise ConfigError("a postgresql:// store needs psycopg: pip install 'reconcile[postgres]'") from None
        super().__init__()
        self._psycopg = psycopg
        self.errors = (psycopg.Error,)
        self.url = url
        self.where = redacted(url)
        self.busy_timeout_ms = busy_timeout_ms
        with self._write() as conn:
            migrate(conn, migrate_to, PG_MIGRATIONS)

    def _connect(self) -> _Connection:
        conn = self._psycopg.connect(self.url, autocommit=True, row_factory=_row_factory, connect_timeout=10)
        conn.execute(f"SET lock_timeout = {int(self.busy_timeout_ms)}")  # the URL's own options stay
        return _Connection(conn)

    def _begin(self, conn: Any, *, write: bool) -> None:
        if write:
            conn.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
            conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITER_LOCK,))
        else:
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def _same_text(self, column: str) -> str:
        return f"lower({column}) = lower(?)"

