"""The checkpoint of a batch run: an SQLite file in OUTDIR holding each finished unit's claims.

Each unit's result is committed as one transaction, so a run killed at any moment (even
``kill -9``) leaves whole units only; ``--resume`` skips the units whose file is unchanged
(same size and modification time) and reads the rest.  The journal is also the claim store the
output files stream from, in a stable order, so memory stays bounded.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from reconcile.batch.work import UnitResult
from reconcile.errors import StoreError

JOURNAL_NAME = ".reconcile-journal.sqlite3"
SCHEMA_VERSION = "7"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS units (
    rel TEXT NOT NULL, part INTEGER NOT NULL, fingerprint TEXT NOT NULL, n_articles INTEGER NOT NULL,
    PRIMARY KEY (rel, part));
CREATE TABLE IF NOT EXISTS claims (
    rel TEXT NOT NULL, part INTEGER NOT NULL, article INTEGER NOT NULL, idx INTEGER NOT NULL,
    -- block NULL: the claim compares with nothing, and its JSON (only grouping reads it) may be NULL too
    block TEXT, json TEXT, csv TEXT NOT NULL);
-- claims.csv order, and a block's claims in that order (a JSONL file's parts follow its lines, so
-- (rel, part, article, idx) is (rel, article, idx) order); each index covers its query's join keys
CREATE INDEX IF NOT EXISTS claims_unit ON claims (rel, part, article, idx);
CREATE INDEX IF NOT EXISTS claims_block ON claims (block, rel, part, article, idx);
CREATE TABLE IF NOT EXISTS problems (
    rel TEXT NOT NULL, part INTEGER NOT NULL, path TEXT NOT NULL, message TEXT NOT NULL, fatal INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS problems_unit ON problems (rel, part);
CREATE TABLE IF NOT EXISTS run_units (rel TEXT NOT NULL, part INTEGER NOT NULL, PRIMARY KEY (rel, part));
CREATE TABLE IF NOT EXISTS run_problems (path TEXT NOT NULL, message TEXT NOT NULL, fatal INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS groups (
    severity REAL NOT NULL, group_id TEXT NOT NULL, verdict TEXT NOT NULL, json TEXT NOT NULL,
    row_json TEXT NOT NULL, row_csv TEXT NOT NULL, claims_csv TEXT NOT NULL);
"""

#: Claims of this run's units only (a resumed journal may hold files since deleted or changed).
RUN_CLAIMS = "claims c JOIN run_units r ON c.rel = r.rel AND c.part = r.part"


class Journal:
    """One run's checkpoint and claim store.  A journal written by another version, or for another
    store (``--db``) than this run's, is started afresh: its finished units were not stored here."""

    def __init__(self, path: Path, *, resume: bool, version: str, store: str | None = None) -> None:
        self.path = path
        self.resumed = False
        if not resume:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        try:
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")  # survives kill -9; only a power cut may lose the tail
            stamp = f"{SCHEMA_VERSION}/{version}"
            if store:  # the store a run also writes (its URL, hashed: it may hold a password)
                stamp += "/" + hashlib.sha256(store.encode()).hexdigest()[:16]
            tables = {name for (name,) in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            found = dict(self.db.execute("SELECT key, value FROM meta")) if "meta" in tables else {}
            if found.get("stamp") != stamp:
                # new, or written by another version: its claims may differ, so start over
                for name in tables:
                    self.db.execute(f'DROP TABLE "{name}"')
                found = {}
            self.db.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the journal {path}: {exc}; run again without --resume") from exc
        self.resumed = resume and bool(found)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (stamp,))
        self.db.executescript("DELETE FROM run_units; DELETE FROM run_problems; DELETE FROM groups;")
        self._in_tx = False
        self._last_commit = time.monotonic()

    # -- writing -------------------------------------------------------------------------------
    def _begin(self) -> None:
        if not self._in_tx:
            self.db.execute("BEGIN")
            self._in_tx = True

    def commit(self, *, every: float = 0.0) -> None:
        """Commit now, or only when ``every`` seconds have passed since the last commit."""
        if self._in_tx and time.monotonic() - self._last_commit >= every:
            self.db.execute("COMMIT")
            self._in_tx = False
            self._last_commit = time.monotonic()

    def add_run_unit(self, rel: str, part: int) -> None:
        self._begin()
        self.db.execute("INSERT OR IGNORE INTO run_units VALUES (?, ?)", (rel, part))

    def add_problem(self, path: str, message: str, fatal: bool = True) -> None:
        self._begin()
        self.db.execute("INSERT INTO run_problems VALUES (?, ?, ?)", (path, message, int(fatal)))

    def is_done(self, rel: str, part: int, fingerprint: str) -> bool:
        row = self.db.execute("SELECT fingerprint FROM units WHERE rel = ? AND part = ?", (rel, part)).fetchone()
        return row is not None and row[0] == fingerprint

    def record(self, result: UnitResult) -> None:
        """Store one unit's result (replacing an older one); committed by ``commit``."""
        self._begin()
        key = (result.rel, result.part)
        self.db.execute("DELETE FROM claims WHERE rel = ? AND part = ?", key)
        self.db.execute("DELETE FROM problems WHERE rel = ? AND part = ?", key)
        self.db.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [(*key, *claim) for claim in result.claims])
        self.db.executemany("INSERT INTO problems VALUES (?, ?, ?, ?, ?)",
                            [(*key, p, m, int(f)) for p, m, f in result.problems])
        self.db.execute("INSERT OR REPLACE INTO units VALUES (?, ?, ?, ?)",
                        (*key, result.fingerprint, result.n_articles))

    def add_groups(self, groups: Iterable[tuple[float, str, str, str, str, str, str]]) -> None:
        """``(severity, group_id, verdict, the report's ShownGroup JSON, DiscrepancyRow JSON, its CSV line,
        the group's discrepancy_claims.csv lines)`` of each group."""
        self._begin()
        self.db.executemany("INSERT INTO groups VALUES (?, ?, ?, ?, ?, ?, ?)", groups)

    # -- reading -------------------------------------------------------------------------------
    def count_articles(self) -> int:
        row = self.db.execute(
            "SELECT COALESCE(SUM(u.n_articles), 0) FROM units u JOIN run_units r "
            "ON u.rel = r.rel AND u.part = r.part").fetchone()
        return int(row[0])

    def count_claims(self) -> int:
        return int(self.db.execute(f"SELECT COUNT(*) FROM {RUN_CLAIMS}").fetchone()[0])

    def claims_csv(self) -> Iterator[str]:
        """The claims.csv line of every claim of the run, in article order then text order."""
        cur = self.db.execute(f"SELECT c.csv FROM {RUN_CLAIMS} ORDER BY c.rel, c.part, c.article, c.idx")
        for (line,) in cur:
            yield line

    def blocks(self, min_size: int = 2) -> Iterator[tuple[str, int]]:
        """``(block key, number of claims)`` of the blocks that can hold a group, sorted by key."""
        cur = self.db.execute(
            f"SELECT c.block, COUNT(*) FROM {RUN_CLAIMS} WHERE c.block IS NOT NULL GROUP BY c.block "
            "HAVING COUNT(*) >= ? ORDER BY c.block",
            (min_size,))
        yield from cur.fetchall()

    def block_claims(self, block: str) -> list[tuple[str, str]]:
        """``(claim JSON, claims.csv line)`` of each claim of the block, in claims.csv order."""
        return self.db.execute(
            f"SELECT c.json, c.csv FROM {RUN_CLAIMS} WHERE c.block = ? ORDER BY c.rel, c.part, c.article, c.idx",
            (block,)).fetchall()

    def groups(self, *, full: int = 0) -> Iterator[tuple[str, str, str, str, str | None]]:
        """``(verdict, row JSON, row CSV line, claims CSV lines, ShownGroup JSON or None)`` of every group,
        most severe first (ties by group id); the ShownGroup JSON only for the first ``full`` groups."""
        cur = self.db.execute("SELECT verdict, row_json, row_csv, claims_csv, rowid FROM groups "
                              "ORDER BY severity DESC, group_id")
        for n, (verdict, row_json, row_csv, claims_csv, rowid) in enumerate(cur):
            group_json = None
            if n < full:
                (group_json,) = self.db.execute("SELECT json FROM groups WHERE rowid = ?", (rowid,)).fetchone()
            yield verdict, row_json, row_csv, claims_csv, group_json

    def problems(self) -> Iterator[tuple[str, str, bool]]:
        """Every problem of the run, sorted by path then message."""
        cur = self.db.execute(
            "SELECT path, message, fatal FROM ("
            " SELECT p.path, p.message, p.fatal FROM problems p JOIN run_units r"
            "  ON p.rel = r.rel AND p.part = r.part"
            " UNION ALL SELECT path, message, fatal FROM run_problems)"
            " ORDER BY path, message")
        for path, message, fatal in cur:
            yield path, message, bool(fatal)

    def close(self) -> None:
        if self._in_tx:
            self.db.execute("COMMIT")
            self._in_tx = False
        self.db.close()


def journal_path(out: Path) -> Path:
    return Path(os.fspath(out)) / JOURNAL_NAME
