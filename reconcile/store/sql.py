"""The store in SQL, once for every backend: identity, revisions, incremental regrouping, lists.

``SQLStore`` holds every query of the ``Store`` Protocol, in the SQL that SQLite and PostgreSQL
share (``?`` placeholders, ``INSERT ... ON CONFLICT DO NOTHING``, ``RETURNING``); a backend
(``sqlite.py``, ``postgres.py``) gives it connections, the way a write transaction takes the
single-writer lock, and the few expressions that differ (case-insensitive equality, the claim query).

Concurrency: every write is one transaction holding the backend's writer lock; identity is enforced
by UNIQUE constraints (one current revision per article id, one row per (id, revision)), and the
lookup of an existing article happens inside that transaction, so parallel writers neither lose nor
duplicate articles.  Each thread has its own connection.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from reconcile.errors import ConfigError, NotFound, StoreError
from reconcile.models import Article, Claim, Group
from reconcile.store.base import (
    ArticleFilter,
    ArticleRecord,
    ArticleSummary,
    ClaimFilter,
    GroupFilter,
    GroupSummary,
    Incoming,
    Page,
    PutResult,
    Regroup,
    RevisionInfo,
    StaleIncoming,
    StoredClaim,
)
from reconcile.store.cursor import decode_cursor, encode_cursor
from reconcile.store.migrations import now
from reconcile.store.service import block_keys, relabel

UNGROUPED = ""  # block_key of claims comparable with nothing: never loaded for regrouping
CHUNK = 500  # host parameters per IN (...) list, well under SQLite's and PostgreSQL's limits


def _day(claim: Claim) -> str | None:
    day = claim.as_of or claim.published
    return day.isoformat() if day else None


def _like(text: str) -> str:
    r"""A LIKE pattern that matches ``text`` anywhere, with wildcards escaped.

    >>> _like("50%_x")
    '%50\\%\\_x%'
    """
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


class SQLStore:
    """The ``Store`` on a SQL database; subclasses connect, lock and name the dialect's few differences."""

    backend = "sql"
    #: Where the store is, for error messages.
    where: str = ""
    #: The database errors of the driver, turned into ``StoreError``.
    errors: tuple[type[BaseException], ...] = ()
    #: The claims with their article revision and group: ``WHERE``/``ORDER BY`` are appended.
    CLAIM_SELECT: str = ""

    def __init__(self) -> None:
        self._local = threading.local()
        self._lock = threading.Lock()
        self._conns: list[Any] = []

    # -- what a backend provides -----------------------------------------------------------------

    def _connect(self) -> Any:
        """A new connection with ``execute(sql, params)`` (a cursor: fetchone, fetchall, iteration;
        rows indexable by position and by column name) and ``executemany``; autocommit, so the
        transactions below are the only ones."""
        raise NotImplementedError

    def _begin(self, conn: Any, *, write: bool) -> None:
        """Start a transaction; a write transaction holds the single-writer lock until it ends."""
        raise NotImplementedError

    def _same_text(self, column: str) -> str:
        """``column`` equals the next parameter, ignoring case."""
        raise NotImplementedError

    # -- connections and transactions ---------------------------------------------------------

    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = self._connect()
            except self.errors as exc:
                raise StoreError(f"cannot open the store: {exc}", path=self.where) from None
            self._local.conn = conn
            with self._lock:
                self._conns.append(conn)
        return conn

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[Any]:
        conn = self._conn()
        try:
            self._begin(conn, write=write)
        except self.errors as exc:
            self._rollback(conn)
            raise StoreError(f"the store is unavailable: {exc}", path=self.where) from None
        try:
            yield conn
            conn.execute("COMMIT")
        except self.errors as exc:
            self._rollback(conn)
            raise StoreError(f"store error: {exc}") from None
        except BaseException:
            self._rollback(conn)
            raise

    def _rollback(self, conn: Any) -> None:
        try:
            conn.execute("ROLLBACK")
        except self.errors:  # no transaction open (it failed to start, or the COMMIT went through)
            pass

    def _write(self) -> Any:
        return self._transaction(write=True)

    def _read(self) -> Any:
        return self._transaction(write=False)

    def close(self) -> None:
        with self._lock:
            for conn in self._conns:
                try:
                    conn.close()
                except self.errors:  # pragma: no cover - closing a broken connection
                    pass
            self._conns.clear()
        self._local = threading.local()

    def schema_version(self) -> int:
        with self._read() as conn:
            return int(conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])

    def count_articles(self) -> int:
        with self._read() as conn:
            return int(conn.execute("SELECT count(*) FROM articles WHERE current = 1").fetchone()[0])

    # -- writes ---------------------------------------------------------------------------------

    def put_articles(self, items: Sequence[Incoming], *, regroup: Regroup | None) -> list[PutResult]:
        touched: set[str] = set()
        staged: list[tuple[str, int, str, str, list[str]]] = []
        with self._write() as conn:
            stamp = now()
            for item in items:
                result, keys = self._put_one(conn, item, stamp)
                staged.append(result)
                touched |= keys
            if touched and regroup is None:
                conn.executemany("INSERT INTO stale_blocks (block_key) VALUES (?) ON CONFLICT DO NOTHING",
                                 [(k,) for k in sorted(touched)])
            elif touched:
                self._regroup(conn, touched, regroup)
            return [
                PutResult(id=aid, revision=rev, status=status, content_hash=h, claim_ids=claim_ids,  # type: ignore[arg-type]
                          group_ids=self._group_ids_of(conn, claim_ids))
                for aid, rev, status, h, claim_ids in staged
            ]

    def stored_as(self, article: Article, *, id_given: bool) -> tuple[str, str] | None:
        with self._read() as conn:
            article_id = self._resolve_id(conn, article, id_given)
            row = conn.execute("SELECT content_hash FROM articles WHERE article_id = ? AND current = 1",
                               (article_id,)).fetchone()
        return (article_id, row[0]) if row else None

    def _resolve_id(self, conn: Any, art: Article, id_given: bool) -> str:
        """The id under which ``art`` is stored: the stored article with the same id, else with the
        same URL, else with the same text from the same outlet (or where either has none), else its own."""
        if id_given and conn.execute("SELECT 1 FROM articles WHERE article_id = ? AND current = 1",
                                          (art.id,)).fetchone():
            return art.id
        if art.url:
            row = conn.execute("SELECT article_id FROM articles WHERE current = 1 AND url = ? ORDER BY pk LIMIT 1",
                               (art.url,)).fetchone()
            if row:
                return row[0]
        row = conn.execute(
            "SELECT article_id FROM articles WHERE current = 1 AND content_hash = ? AND (CAST(? AS TEXT) IS NULL"
            f" OR source IS NULL OR {self._same_text('source')}) ORDER BY pk LIMIT 1",
            (art.content_hash, art.source, art.source),
        ).fetchone()
        return row[0] if row else art.id

    def _put_one(self, conn: Any, item: Incoming,
                 now: str) -> tuple[tuple[str, int, str, str, list[str]], set[str]]:
        art = item.article
        content_hash = art.content_hash
        article_id = self._resolve_id(conn, art, item.id_given)
        cur = conn.execute("SELECT pk, revision, content_hash FROM articles WHERE article_id = ? AND current = 1",
                           (article_id,)).fetchone()
        if cur is not None and cur["content_hash"] == content_hash:
            ids = [r[0] for r in conn.execute("SELECT claim_id FROM claims WHERE article_pk = ? ORDER BY pk",
                                              (cur["pk"],))]
            return (article_id, cur["revision"], "unchanged", content_hash, ids), set()
        if item.expect_unchanged:
            raise StaleIncoming([art.id])
        touched: set[str] = set()
        last = conn.execute("SELECT max(revision) FROM articles WHERE article_id = ?", (article_id,)).fetchone()[0]
        if cur is not None:
            touched |= {r[0] for r in conn.execute("SELECT DISTINCT block_key FROM claims WHERE article_pk = ?"
                                                   " AND block_key != ?", (cur["pk"], UNGROUPED))}
            conn.execute("UPDATE claims SET current = 0 WHERE article_pk = ?", (cur["pk"],))
            conn.execute("UPDATE articles SET current = 0 WHERE pk = ?", (cur["pk"],))
        claims, keys = item.claims, item.block_keys
        if article_id != art.id:  # stored under another id: its claims follow, and so do the keys of
            claims = relabel(claims, article_id)  # "from X to Y" pairs, which name their pair's id
            keys = [block_keys([c])[0] if c.change_id else key for c, key in zip(claims, keys, strict=True)]
        revision = (last or 0) + 1
        pk = conn.execute(
            "INSERT INTO articles (article_id, revision, current, content_hash, title, source, url, published,"
            " author, text, stored_at, n_claims) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk",
            (article_id, revision, content_hash, art.title, art.source, art.url,
             art.published.isoformat() if art.published else None, art.author, art.text, now, len(claims)),
        ).fetchone()[0]
        conn.executemany(
            "INSERT INTO claims (article_pk, article_id, claim_id, current, block_key, kind, counted, speaker, day,"
            " body) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
            [(pk, article_id, c.claim_id, key or UNGROUPED, c.kind.value, (c.counted or "").lower() or None, c.speaker,
              _day(c), c.model_dump_json()) for c, key in zip(claims, keys, strict=True)],
        )
        touched |= {key for key in keys if key}
        status = "created" if last is None else "revised"
        return (article_id, revision, status, content_hash, [c.claim_id for c in claims]), touched

    def delete_article(self, article_id: str, *, regroup: Regroup) -> int:
        with self._write() as conn:
            cur = conn.execute("SELECT pk FROM articles WHERE article_id = ? AND current = 1",
                               (article_id,)).fetchone()
            if cur is None:
                raise NotFound(f"no article {article_id!r}", id=article_id)
            keys = {r[0] for r in conn.execute("SELECT DISTINCT block_key FROM claims WHERE article_pk = ?"
                                               " AND block_key != ?", (cur["pk"], UNGROUPED))}
            n = conn.execute("SELECT count(*) FROM claims WHERE article_pk = ?", (cur["pk"],)).fetchone()[0]
            conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
            conn.execute("DELETE FROM articles WHERE article_id = ?", (article_id,))
            if keys:
                self._regroup(conn, keys, regroup)
            return int(n)

    def check_window(self, window_days: float) -> None:
        with self._write() as conn:
            self._pin_window(conn, window_days)

    def _pin_window(self, conn: Any, window_days: float) -> None:
        """Record the judge's window on the first regroup; refuse another one later."""
        row = conn.execute("SELECT value FROM store_settings WHERE name = 'window_days'").fetchone()
        if row is None:
            conn.execute("INSERT INTO store_settings (name, value) VALUES ('window_days', ?)", (repr(float(window_days)),))
        elif float(row[0]) != float(window_days):
            raise ConfigError(
                f"the groups in this store were judged with a {float(row[0]):g}-day window, not {window_days:g}: "
                "use the same window (RECONCILE_WINDOW_DAYS for the server, --window for reconcile batch) "
                "or another store", store=self.where, stored_window_days=float(row[0]), window_days=window_days,
            )

    def regroup_stale(self, regroup: Regroup, *, limit: int) -> int:
        with self._write() as conn:
            keys = {r[0] for r in conn.execute("SELECT block_key FROM stale_blocks ORDER BY block_key LIMIT ?",
                                               (limit,))}
            if keys:
                self._regroup(conn, keys, regroup)
            return len(keys)

    def _regroup(self, conn: Any, keys: set[str], regroup: Regroup) -> None:
        """Recompute the groups of exactly these block keys from their current claims (they are
        then no longer stale)."""
        window = getattr(regroup, "window_days", None)
        if window is not None:
            self._pin_window(conn, window)
        ordered = sorted(keys)
        claims: list[Claim] = []
        key_of: dict[str, str] = {}
        for part in _chunks(ordered):
            for row in conn.execute(f"SELECT claim_id, block_key, body FROM claims WHERE current = 1 "
                                    f"AND block_key IN ({_marks(len(part))}) ORDER BY pk", tuple(part)):
                key_of[row[0]] = row[1]
                claims.append(Claim.model_validate_json(row[2]))
        groups = regroup(claims) if claims else []
        for part in _chunks(ordered):
            conn.execute(f"DELETE FROM stale_blocks WHERE block_key IN ({_marks(len(part))})", tuple(part))
            old = f"SELECT group_id FROM groups WHERE block_key IN ({_marks(len(part))})"
            conn.execute(f"DELETE FROM group_claims WHERE group_id IN ({old})", tuple(part))
            conn.execute(f"DELETE FROM groups WHERE block_key IN ({_marks(len(part))})", tuple(part))
        for group in groups:
            if len(group.claims) < 2:
                continue
            key = key_of.get(group.claims[0].claim_id, ordered[0])
            days = [d for d in (_day(c) for c in group.claims) if d]
            sources = sorted({c.source for c in group.claims if c.source})
            terms = sorted({t.lower() for c in group.claims for t in (c.counted, c.counted_text) if t})
            conn.execute("DELETE FROM group_claims WHERE group_id = ?", (group.group_id,))
            conn.execute("DELETE FROM groups WHERE group_id = ?", (group.group_id,))
            conn.execute(
                "INSERT INTO groups (group_id, block_key, quantity, unit, kind, verdict, reason, n_claims,"
                " n_sources, min, max, spread, severity, summary, sources, first_day, last_day, counted_terms, body)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (group.group_id, key, group.quantity, group.unit, group.kind.value, group.verdict.value,
                 group.reason, group.n_claims, group.n_sources, group.min, group.max, group.spread,
                 group.severity, group.summary, json.dumps(sources), min(days) if days else None,
                 max(days) if days else None, "\n".join(terms), group.model_dump_json()),
            )
            conn.executemany("INSERT INTO group_claims (group_id, claim_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                             [(group.group_id, c.claim_id) for c in group.claims])

    @staticmethod
    def _group_ids_of(conn: Any, claim_ids: Sequence[str]) -> list[str]:
        found: set[str] = set()
        for part in _chunks(list(claim_ids)):
            found |= {r[0] for r in conn.execute(
                f"SELECT DISTINCT group_id FROM group_claims WHERE claim_id IN ({_marks(len(part))})", tuple(part))}
        if not found:
            return []
        rows = []
        for part in _chunks(sorted(found)):
            rows += conn.execute(f"SELECT group_id, severity FROM groups WHERE group_id IN ({_marks(len(part))})",
                                 tuple(part)).fetchall()
        return [r[0] for r in sorted(rows, key=lambda r: (-r[1], r[0]))]

    # -- reads ----------------------------------------------------------------------------------

    @staticmethod
    def _stored_claim(row: Any) -> StoredClaim:
        data = json.loads(row["body"])
        return StoredClaim(**data, revision=row["revision"], current=bool(row["current"]),
                           group_id=row["group_id"], verdict=row["verdict"])

    def get_article(self, article_id: str, revision: int | None = None) -> ArticleRecord:
        with self._read() as conn:
            if revision is None:
                row = conn.execute("SELECT * FROM articles WHERE article_id = ? AND current = 1",
                                   (article_id,)).fetchone()
            else:
                row = conn.execute("SELECT * FROM articles WHERE article_id = ? AND revision = ?",
                                   (article_id, revision)).fetchone()
            if row is None:
                details: dict[str, Any] = {"id": article_id}
                if revision is not None:
                    details["revision"] = revision
                what = f"no article {article_id!r}" + (f" at revision {revision}" if revision is not None else "")
                raise NotFound(what, **details)
            claims = [self._stored_claim(r) for r in conn.execute(
                self.CLAIM_SELECT + "WHERE c.article_pk = ? ORDER BY c.pk", (row["pk"],))]
            revisions = [
                RevisionInfo(revision=r["revision"], content_hash=r["content_hash"], stored_at=r["stored_at"],
                             n_claims=r["n_claims"], current=bool(r["current"]))
                for r in conn.execute("SELECT revision, content_hash, stored_at, n_claims, current FROM articles "
                                      "WHERE article_id = ? ORDER BY revision", (article_id,))
            ]
        return ArticleRecord(
            id=row["article_id"], text=row["text"], title=row["title"], source=row["source"], url=row["url"],
            published=row["published"], author=row["author"], revision=row["revision"],
            content_hash=row["content_hash"], stored_at=row["stored_at"], current=bool(row["current"]),
            n_claims=row["n_claims"], claims=claims, revisions=revisions,
        )

    def list_articles(self, flt: ArticleFilter, *, limit: int, cursor: str | None) -> Page[ArticleSummary]:
        where, args = ["current = 1"], []
        if flt.source is not None:
            where.append(self._same_text("source"))
            args.append(flt.source)
        if flt.since is not None:
            where.append("published >= ?")
            args.append(flt.since.isoformat())
        if flt.until is not None:
            where.append("published <= ?")
            args.append(flt.until.isoformat())
        return self._page(
            "SELECT pk, article_id, title, source, url, published, author, revision, content_hash, stored_at,"
            " n_claims FROM articles", "SELECT count(*) FROM articles", where, args, limit, cursor,
            lambda r: ArticleSummary(id=r["article_id"], title=r["title"], source=r["source"], url=r["url"],
                                     published=r["published"], author=r["author"], revision=r["revision"],
                                     content_hash=r["content_hash"], stored_at=r["stored_at"],
                                     n_claims=r["n_claims"]),
            pk="pk",
        )

    def list_claims(self, flt: ClaimFilter, *, limit: int, cursor: str | None) -> Page[StoredClaim]:
        where: list[str] = [] if flt.history else ["c.current = 1"]
        args: list[Any] = []
        if flt.article is not None:
            where.append("c.article_id = ?")
            args.append(flt.article)
        if flt.counted is not None:
            where.append("c.counted LIKE ? ESCAPE '\\'")
            args.append(_like(flt.counted))
        if flt.speaker is not None:
            where.append("lower(c.speaker) LIKE ? ESCAPE '\\'")
            args.append(_like(flt.speaker))
        if flt.kind is not None:
            where.append("c.kind = ?")
            args.append(flt.kind.value)
        if flt.since is not None:
            where.append("c.day >= ?")
            args.append(flt.since.isoformat())
        if flt.until is not None:
            where.append("c.day <= ?")
            args.append(flt.until.isoformat())
        return self._page(self.CLAIM_SELECT, "SELECT count(*) FROM claims c", where, args, limit, cursor,
                          self._stored_claim, pk="c.pk")

    def _page(self, select: str, count: str, where: list[str], args: list[Any], limit: int,
              cursor: str | None, build: Any, *, pk: str) -> Page[Any]:
        after = decode_cursor(cursor, {"after": int})["after"] if cursor else None
        cond = " WHERE " + " AND ".join(where) if where else ""
        with self._read() as conn:
            total = conn.execute(count + cond, args).fetchone()[0]
            page_where = [*where, f"{pk} > ?"] if after is not None else where
            page_args = [*args, after] if after is not None else args
            page_cond = " WHERE " + " AND ".join(page_where) if page_where else ""
            rows = conn.execute(f"{select}{page_cond} ORDER BY {pk} LIMIT ?", [*page_args, limit + 1]).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        nxt = encode_cursor({"after": rows[-1]["pk"]}) if more and rows else None
        return Page(items=[build(r) for r in rows], total=total, next=nxt)

    def list_groups(self, flt: GroupFilter, *, limit: int | None, cursor: str | None) -> Page[GroupSummary]:
        where: list[str] = []
        args: list[Any] = []
        if flt.verdicts:
            where.append(f"verdict IN ({_marks(len(flt.verdicts))})")
            args += [v.value for v in flt.verdicts]
        if flt.q is not None:
            where.append("(lower(quantity) LIKE ? ESCAPE '\\' OR counted_terms LIKE ? ESCAPE '\\')")
            args += [_like(flt.q), _like(flt.q)]
        if flt.quantity is not None:
            where.append("lower(quantity) LIKE ? ESCAPE '\\'")
            args.append(_like(flt.quantity))
        if flt.counted is not None:
            where.append("counted_terms LIKE ? ESCAPE '\\'")
            args.append(_like(flt.counted))
        if flt.min_spread is not None:
            where.append("spread >= ?")
            args.append(flt.min_spread)
        if flt.since is not None:
            where.append("last_day >= ?")
            args.append(flt.since.isoformat())
        if flt.until is not None:
            where.append("first_day <= ?")
            args.append(flt.until.isoformat())
        page_where, page_args = list(where), list(args)
        if cursor:
            key = decode_cursor(cursor, {"s": float, "g": str})
            page_where.append("(severity < ? OR (severity = ? AND group_id > ?))")
            page_args += [key["s"], key["s"], key["g"]]
        cond = " WHERE " + " AND ".join(where) if where else ""
        page_cond = " WHERE " + " AND ".join(page_where) if page_where else ""
        select = ("SELECT group_id, quantity, unit, kind, verdict, reason, n_claims, n_sources, min, max, spread,"
                  " severity, summary, sources, first_day, last_day FROM groups")
        with self._read() as conn:
            total = conn.execute("SELECT count(*) FROM groups" + cond, args).fetchone()[0]
            if limit is None:
                rows = conn.execute(f"{select}{page_cond} ORDER BY severity DESC, group_id", page_args).fetchall()
            else:
                rows = conn.execute(f"{select}{page_cond} ORDER BY severity DESC, group_id LIMIT ?",
                                    [*page_args, limit + 1]).fetchall()
        more = limit is not None and len(rows) > limit
        rows = rows[:limit] if limit is not None else rows
        items = [
            GroupSummary(group_id=r["group_id"], quantity=r["quantity"], unit=r["unit"], kind=r["kind"],
                         verdict=r["verdict"], reason=r["reason"], n_claims=r["n_claims"], n_sources=r["n_sources"],
                         min=r["min"], max=r["max"], spread=r["spread"], severity=r["severity"],
                         summary=r["summary"], sources=json.loads(r["sources"]), first_date=r["first_day"],
                         last_date=r["last_day"])
            for r in rows
        ]
        nxt = encode_cursor({"s": rows[-1]["severity"], "g": rows[-1]["group_id"]}) if more and rows else None
        return Page(items=items, total=total, next=nxt)

    def get_group(self, group_id: str) -> Group:
        with self._read() as conn:
            row = conn.execute("SELECT body FROM groups WHERE group_id = ?", (group_id,)).fetchone()
        if row is None:
            raise NotFound(f"no discrepancy {group_id!r}", group_id=group_id)
        return Group.model_validate_json(row[0])

    def get_groups(self, group_ids: Sequence[str]) -> list[Group]:
        groups: list[Group] = []
        with self._read() as conn:
            for part in _chunks(list(dict.fromkeys(group_ids))):
                groups += [Group.model_validate_json(r[0]) for r in conn.execute(
                    f"SELECT body FROM groups WHERE group_id IN ({_marks(len(part))})", tuple(part))]
        return sorted(groups, key=lambda g: (-g.severity, g.group_id))


