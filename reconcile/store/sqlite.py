"""The embedded store: one SQLite file (stdlib ``sqlite3``), WAL mode, safe for several processes.

The queries are ``SQLStore``'s; this module connects and locks.  Every write is one
``BEGIN IMMEDIATE`` transaction (a single writer at a time across all processes, others wait up to
``busy_timeout``); readers never block writers (WAL).  Each thread has its own connection.

Schema: created and migrated by the store itself (``reconcile/store/migrations.py``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from reconcile.errors import StoreError
from reconcile.store.migrations import LATEST_VERSION, migrate
from reconcile.store.sql import SQLStore


class SQLiteStore(SQLStore):
    """The ``Store`` on one SQLite file."""

    backend = "sqlite"
    errors = (sqlite3.Error,)
    CLAIM_SELECT = (
        "SELECT c.pk, c.body, c.current, a.revision, gc.group_id, g.verdict FROM claims c "
        "JOIN articles a ON a.pk = c.article_pk "
        "LEFT JOIN group_claims gc ON c.current = 1 AND gc.rowid = "
        "(SELECT x.rowid FROM group_claims x WHERE x.claim_id = c.claim_id LIMIT 1) "
        "LEFT JOIN groups g ON g.group_id = gc.group_id "
    )

    def __init__(self, path: str | Path, *, busy_timeout_ms: int = 30_000, migrate_to: int = LATEST_VERSION):
        super().__init__()
        self.path = Path(path)
        self.where = str(self.path)
        self.busy_timeout_ms = busy_timeout_ms
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder of the store: {exc}", path=str(self.path)) from None
        with self._write() as conn:
            migrate(conn, migrate_to)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=self.busy_timeout_ms / 1000,
                               isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # durable across process crashes in WAL
        conn.execute("PRAGMA foreign_keys = ON")
        conn.row_factory = sqlite3.Row
        return conn

    def _begin(self, conn: Any, *, write: bool) -> None:
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")

    def _same_text(self, column: str) -> str:
        return f"{column} = ? COLLATE NOCASE"
