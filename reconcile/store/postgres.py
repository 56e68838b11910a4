"""The store on PostgreSQL (psycopg 3), for deployments where several machines share one database.

Selected by ``DATABASE_URL=postgresql://user:password@host:5432/dbname`` (``pip install
'reconcile[postgres]'``).  The queries are ``SQLStore``'s, the same as SQLite's; this module connects
and locks.  Every write transaction first takes one transaction-level advisory lock
(``pg_advisory_xact_lock``), the counterpart of SQLite's ``BEGIN IMMEDIATE``: writers from every
process and machine take turns, each reading the current state under the lock (READ COMMITTED), so
none loses or duplicates an article; reads run in REPEATABLE READ, READ ONLY transactions and never
wait for writers.  ``RECONCILE_BUSY_TIMEOUT_MS`` bounds the wait for the lock (``lock_timeout``).

Schema: created and migrated by the store itself, from the statements SQLite's are rendered from
(``reconcile/store/migrations.py``, the PostgreSQL dialect).  Text columns that are compared or sorted
use the "C" collation, so orders and keyset cursors are the same as SQLite's byte order, whatever
the database's locale.
"""

from __future__ import annotations

from typing import Any, Self

from reconcile.errors import ConfigError
from reconcile.store.migrations import PG_LATEST_VERSION, PG_MIGRATIONS, migrate
from reconcile.store.settings import redacted
from reconcile.store.sql import SQLStore

#: The key of the single-writer advisory lock ("reconc" in ASCII).
WRITER_LOCK = 0x7265636F6E63


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

