"""The store keeps one judge's window: groups judged with a 3-day window and others with a 5-day one
would disagree, so the first regroup pins the window and a writer with another one is refused,
before it changes anything (on SQLite and on a real PostgreSQL server).  And the schema is written
once: both backends' migrations come from the same statements."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from apihelpers import ROOT, free_port, seed_incoming
from pghelpers import pg_cluster_fixture, store_url_fixture  # noqa: F401  (fixtures)

from reconcile.errors import ConfigError
from reconcile.models import Article
from reconcile.store import StoreSettings, open_store
from reconcile.store.base import GroupFilter
from reconcile.store.migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    PG_MIGRATIONS,
    POSTGRES,
    SQLITE,
    STEPS,
    render,
)
from reconcile.store.service import catch_up, extract_and_put, regroup_with
from reconcile.store.sqlite import SQLiteStore


def opened(url: str):
    return open_store(StoreSettings(database_url=url))


def test_the_first_regroup_pins_the_window_and_another_is_refused_without_a_write(store_url):
    store = opened(store_url)
    store.put_articles(seed_incoming(), regroup=regroup_with(3.0))
    before = (store.count_articles(), store.list_groups(GroupFilter(), limit=100, cursor=None).total)
    assert before[1] > 0
    store.check_window(3.0)  # the same window: fine
    late = Article(id="late", text="Officials later said 4,000 North Korean troops were in Kursk.", source="Late Wire")
    with pytest.raises(ConfigError, match=r"judged with a 3-day window, not 5") as info:
        extract_and_put(store, [(late, True)], window_days=5.0)
    assert info.value.details["stored_window_days"] == 3.0
    assert (store.count_articles(), store.list_groups(GroupFilter(), limit=100, cursor=None).total) == before
    with pytest.raises(ConfigError, match="--window"):
        store.check_window(5.0)
    extract_and_put(store, [(late, True)], window_days=3.0)  # the pinned window still writes
    assert store.count_articles() == before[0] + 1
    store.close()


def test_a_deferred_write_is_checked_when_it_catches_up(tmp_path):
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.check_window(2.5)  # an empty store takes the first window it is given
    store.put_articles(seed_incoming(), regroup=None)  # deferred, as reconcile batch --db writes
    with pytest.raises(ConfigError, match="2.5-day window"):
        catch_up(store, window_days=3.0)
    assert catch_up(store, window_days=2.5) > 0
    store.close()


def test_a_plain_regroup_function_pins_nothing(tmp_path):
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.put_articles(seed_incoming(), regroup=lambda claims: [])
    with sqlite3.connect(tmp_path / "s.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM store_settings").fetchone()[0] == 0
    store.check_window(7.0)
    store.close()


def test_a_version_4_sqlite_store_gains_the_settings_table_and_keeps_its_groups(tmp_path):
    db = tmp_path / "v4.sqlite3"
    old = SQLiteStore(db, migrate_to=4)
    old.put_articles(seed_incoming(), regroup=lambda claims: [])
    old.close()
    store = SQLiteStore(db)
    assert store.schema_version() == LATEST_VERSION == 5
    assert store.count_articles() == len(seed_incoming())
    store.check_window(3.0)
    store.close()


def test_both_backends_render_the_same_steps():
    sqlite_statements = [s for _, ss in MIGRATIONS for s in ss]
    pg_statements = [s for _, ss in PG_MIGRATIONS for s in ss]
    assert len(sqlite_statements) == len(pg_statements) == sum(len(ss) for _, ss in STEPS)
    assert [v for v, _ in MIGRATIONS] == [v for v, _ in STEPS]
    assert [v for v, _ in PG_MIGRATIONS] == [1] + [v for v, _ in STEPS if v > 4]
    # the same tables and indexes, in the same order, on both
    assert [s.split("(")[0] for s in sqlite_statements] == [s.split("(")[0] for s in pg_statements]
    assert all("{" not in s for s in sqlite_statements + pg_statements)
    assert 'COLLATE "C"' not in " ".join(sqlite_statements) and "AUTOINCREMENT" not in " ".join(pg_statements)
    assert render(STEPS, SQLITE) == MIGRATIONS and render(STEPS, POSTGRES)[-1] == PG_MIGRATIONS[-1]


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "RECONCILE_WINDOW_DAYS"}}
    return subprocess.run([sys.executable, "-m", "reconcile.cli", *args], cwd=ROOT, env={**clean, **(env or {})},
                          capture_output=True, text=True, timeout=300, check=False)


def test_the_server_and_the_batch_job_refuse_another_window_before_any_work(tmp_path):
    db = tmp_path / "pinned.sqlite3"
    store = SQLiteStore(db)
    store.check_window(3.0)
    store.close()
    served = _cli("serve", "--port", str(free_port()), "--db", str(db), env={"RECONCILE_WINDOW_DAYS": "5"})
    assert served.returncode == 1 and "judged with a 3-day window, not 5" in served.stderr
    assert "Traceback" not in served.stderr
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Title: Troops\nSource: Wire\nDate: 2024-10-21\n\nOfficials said 4,000 troops "
                                "had crossed the border.\n", encoding="utf-8")
    batch = _cli("batch", str(news), "--out", str(tmp_path / "out"), "--db", str(db), "--window", "5", "--quiet")
    assert batch.returncode == 2 and "--window" in batch.stderr and "Traceback" not in batch.stderr
    assert SQLiteStore(db).count_articles() == 0  # nothing written
    again = _cli("batch", str(news), "--out", str(tmp_path / "out"), "--db", str(db), "--window", "3", "--quiet")
    assert again.returncode == 0, again.stderr
    assert SQLiteStore(db).count_articles() == 1
