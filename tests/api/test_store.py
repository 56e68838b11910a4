"""The store on its own, on SQLite and on a real PostgreSQL server (tests taking ``store_url`` run once
per backend): identity, revisions, incremental regrouping, lists and cursors, parallel writer
processes; and SQLite's own migrations and WAL mode."""

from __future__ import annotations

import multiprocessing
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from apihelpers import ROOT, make_claim, seed_incoming, stand_in_regroup
from pghelpers import pg_cluster_fixture, store_url_fixture  # noqa: F401  (fixtures)
from storehelpers import writer_process

from api.app import create_app
from api.settings import Settings
from reconcile.errors import ConfigError, StoreError
from reconcile.models import Article
from reconcile.store import StoreSettings, open_store
from reconcile.store.base import ClaimFilter, GroupFilter, Incoming
from reconcile.store.migrations import LATEST_VERSION
from reconcile.store.sqlite import SQLiteStore


def test_a_version_1_database_is_migrated_and_keeps_its_data(tmp_path):
    db = tmp_path / "old.sqlite3"
    old = SQLiteStore(db, migrate_to=1)
    with sqlite3.connect(db) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "groups" not in tables and "articles" in tables
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 1
        conn.execute("INSERT INTO articles (article_id, revision, current, content_hash, source, text, stored_at)"
                     " VALUES ('kept', 1, 1, 'h', 'Old Outlet', 'An old 5 km story.', '2024-01-01T00:00:00+00:00')")
    old.close()
    app = create_app(Settings(db=db))
    store = app.state.store
    assert store.schema_version() == LATEST_VERSION
    assert store.get_article("kept").source == "Old Outlet"
    store.put_articles(seed_incoming(), regroup=stand_in_regroup)  # the new tables work
    assert store.list_groups(GroupFilter(), limit=10, cursor=None).total == 3
    with sqlite3.connect(db) as conn:
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == list(range(1, LATEST_VERSION + 1))
    store.close()
    again = SQLiteStore(db)  # reopening is a no-op
    assert again.schema_version() == LATEST_VERSION and again.count_articles() == 5
    again.close()


def test_a_database_newer_than_the_program_is_refused(tmp_path):
    db = tmp_path / "new.sqlite3"
    SQLiteStore(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?, 'future')", (LATEST_VERSION + 1,))
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(db)


def opened(url: str, **kw):
    return open_store(StoreSettings(database_url=url, **kw))


def test_store_url_selects_the_backend(tmp_path, store_url):
    store = opened(store_url)
    assert store.backend == store_url.split(":")[0]
    assert store.schema_version() >= 1 and store.count_articles() == 0
    store.close()
    sqlite_store = open_store(Settings(database_url=f"sqlite:///{tmp_path}/u.sqlite3"))
    assert sqlite_store.backend == "sqlite" and (tmp_path / "u.sqlite3").exists()
    sqlite_store.close()
    with pytest.raises(ConfigError, match="unsupported"):
        open_store(Settings(database_url="mysql://db.example/x"))


def test_an_unreachable_postgresql_server_is_a_store_error_without_the_password(tmp_path):
    with pytest.raises(StoreError) as err:
        opened(f"postgresql://me:s3cret@/nothing?host={tmp_path}")
    assert "s3cret" not in str(err.value) and "s3cret" not in repr(err.value.details)


def test_wal_mode_is_on(tmp_path):
    store = SQLiteStore(tmp_path / "w.sqlite3")
    with sqlite3.connect(tmp_path / "w.sqlite3") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_a_write_regroups_only_the_blocks_it_touches(store_url):
    store = opened(store_url)
    store.put_articles(seed_incoming(), regroup=stand_in_regroup)
    calls: list[set[str]] = []

    def spy(claims):
        calls.append({c.counted for c in claims})
        return stand_in_regroup(claims)

    text = "Another outlet said 2,000 North Korean troops."
    claim = make_claim("new-5", text.index("2,000"), 2000, source="New Outlet", text="2,000")
    store.put_articles([Incoming(article=Article(id="new-5", text=text, source="New Outlet"), claims=[claim],
                                 block_keys=["north korean troop"])], regroup=spy)
    assert calls == [{"north korean troop"}]  # the death and litre blocks were not recomputed
    groups = {g.group_id: g for g in store.list_groups(GroupFilter(), limit=10, cursor=None).items}
    assert set(groups) == {"g-north-korean-troop-3", "g-death-2", "g-litre-2"}
    assert groups["g-north-korean-troop-3"].n_claims == 3
    # an unchanged re-post regroups nothing
    calls.clear()
    store.put_articles(seed_incoming()[:1], regroup=spy)
    assert calls == []
    store.close()


def test_a_revision_regroups_the_old_and_the_new_blocks(store_url):
    store = opened(store_url)
    store.put_articles(seed_incoming(), regroup=stand_in_regroup)
    calls: list[set[str]] = []

    def spy(claims):
        calls.append({c.counted for c in claims})
        return stand_in_regroup(claims)

    text = "A corrected story: 30 tanks."
    claim = make_claim("abc-1", text.index("30"), 30, counted="tank", source="ABC News", text="30")
    [res] = store.put_articles([Incoming(article=Article(id="abc-1", text=text, source="ABC News"),
                                         claims=[claim], block_keys=["tank"])], regroup=spy)
    assert (res.revision, res.status) == (2, "revised")
    assert calls == [{"north korean troop", "tank"}]
    ids = {g.group_id for g in store.list_groups(GroupFilter(), limit=10, cursor=None).items}
    assert ids == {"g-death-2", "g-litre-2"}  # the troop group lost its ABC side
    assert store.list_claims(ClaimFilter(article="abc-1", history=True), limit=10, cursor=None).total == 2
    store.close()


def test_parallel_writer_processes_lose_and_duplicate_nothing(store_url):
    opened(store_url).close()
    n, workers = 12, 4
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=writer_process, args=(store_url, w, n)) for w in range(workers)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    store = opened(store_url)
    shared = len([i for i in range(n) if i % 3 == 0])
    expected = shared + workers * (n - shared)
    assert store.count_articles() == expected
    with store._read() as conn:  # the raw tables, on either backend
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == expected  # no extra revisions
        assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == expected
    [group] = store.list_groups(GroupFilter(), limit=10, cursor=None).items
    assert group.n_claims == expected  # the last regroup saw every committed claim
    store.close()


def test_settings_are_not_built_at_import_time():
    code = ("import api.app, api.settings, api.routes.articles; "
            "print(api.settings.get_settings.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_settings_from_the_environment(monkeypatch, tmp_path):
    from api.settings import get_settings

    monkeypatch.setenv("RECONCILE_DB", str(tmp_path / "env.sqlite3"))
    monkeypatch.setenv("RECONCILE_MAX_BATCH", "7")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    get_settings.cache_clear()
    try:
        s = get_settings()
        assert s.sqlite_path() == tmp_path / "env.sqlite3" and s.max_batch == 7 and s.api_keys == []
        assert get_settings() is s  # cached
        monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/url.sqlite3")
        get_settings.cache_clear()
        assert get_settings().sqlite_path() == Path(f"{tmp_path}/url.sqlite3")
    finally:
        get_settings.cache_clear()


def test_default_store_is_under_data(monkeypatch):
    for name in ("DATABASE_URL", "RECONCILE_DATABASE_URL", "RECONCILE_DB"):
        monkeypatch.delenv(name, raising=False)
    assert Settings().sqlite_path() == Path("data/reconcile.sqlite3")
    assert Settings().store_url() == "sqlite:///data/reconcile.sqlite3"
