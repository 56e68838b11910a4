"""``reconcile batch --db``: the batch job writes the API's store (real SQLite files, the real app,
a live ``reconcile serve`` with two workers writing the same file at the same time)."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from apihelpers import PYTHON, ROOT, live_server_fixture  # noqa: F401  (fixtures)
from pghelpers import pg_cluster_fixture  # noqa: F401  (fixtures)
from starlette.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from reconcile.cli import main
from reconcile.models import Claim, Group
from reconcile.pipeline import reconcile
from reconcile.store import StoreSettings, open_store
from reconcile.store.service import extract_and_put
from reconcile.store.settings import url_for

OUTLETS = ["Northern Wire", "Valley Herald", "Daily Ledger", "Coast Radio", "River Post", "Metro Times"]

# Wire-style bodies written for these tests; every article shares blocks (deaths, homes, evacuees)
# with the others, so stored groups span articles from both writers.
BODIES = [
    ("Rescuers said on {day} that at least {a} people had died after the river burst its banks.\n"
     "The disaster agency said about {b:,} homes were damaged and {c:,} residents were evacuated."),
    ("The death toll from the floods rose to {a} on {day}, the provincial government said.\n"
     "Officials said nearly {b:,} homes had been damaged. Around {c:,} residents were staying in shelters."),
    ("Authorities said {a} people were killed in the flooding, and {b:,} homes were damaged, "
     "according to figures released on {day}."),
]


def story(i: int, *, url: bool = True) -> dict:
    """Article ``i`` as the API takes it (no id: known by URL, else by text, like a batch file)."""
    day = date(2024, 10, 1) + timedelta(days=i % 5)
    body = BODIES[i % len(BODIES)].format(day=day.strftime("%A"), a=90 + 7 * i, b=3000 + 100 * i, c=12000 + 500 * i)
    outlet = OUTLETS[i % len(OUTLETS)]
    art = {"title": f"Flood report {i}", "source": outlet, "published": day.isoformat(), "text": body}
    if url:
        art["url"] = f"https://{outlet.lower().replace(' ', '')}.example/floods/{i}"
    return art


def write_txt(folder: Path, i: int, *, url: bool = True) -> None:
    """Article ``i`` as a .txt file with header lines (the batch reads exactly the API's text)."""
    art = story(i, url=url)
    head = [f"Title: {art['title']}", f"Source: {art['source']}"]
    if url:
        head.append(f"URL: {art['url']}")
    head.append(f"Date: {art['published']}")
    # no newline after the body: the batch keeps the text as written, and the API gets it without one
    (folder / f"story-{i:03d}.txt").write_text("\n".join(head) + "\n\n" + art["text"], encoding="utf-8")


def write_folder(folder: Path, numbers: list[int], *, jsonl: list[int] = (), no_url: list[int] = ()) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in numbers:
        write_txt(folder, i, url=i not in no_url)
    if jsonl:
        lines = [json.dumps(story(i, url=i not in no_url)) for i in jsonl]
        (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def batch(folder: Path, out: Path, *extra: str) -> int:
    return main(["batch", str(folder), "--out", str(out), "--quiet", "--workers", "1", *extra])


def rows(db: Path | str, sql: str) -> list:
    """Raw rows from a store's tables: ``db`` is a SQLite file or a store URL (either backend)."""
    store = open_store(StoreSettings(database_url=url_for(db)))
    try:
        with store._read() as conn:
            return [tuple(r) for r in conn.execute(sql).fetchall()]
    finally:
        store.close()


def table_counts(db: Path | str) -> dict[str, int]:
    return {t: rows(db, f"SELECT count(*) FROM {t}")[0][0]
            for t in ("articles", "claims", "groups", "group_claims", "stale_blocks")}


def stored_groups(db: Path | str) -> list[dict]:
    return sorted((json.loads(body) for (body,) in rows(db, "SELECT body FROM groups")), key=lambda g: g["group_id"])


def from_scratch(db: Path | str, window_days: float = 3.0) -> list[dict]:
    """A one-shot reconcile of every current stored claim: what the incremental groups must equal."""
    claims = [Claim.model_validate_json(b) for (b,) in rows(db, "SELECT body FROM claims WHERE current = 1")]
    groups: list[Group] = [g for g in reconcile(claims, window_days=window_days) if g.n_claims >= 2]
    return sorted((json.loads(g.model_dump_json()) for g in groups), key=lambda g: g["group_id"])


def csv_rows(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()[1:]


def test_batch_into_an_empty_db_then_the_api_lists_its_articles_claims_and_discrepancies(tmp_path):
    folder = write_folder(tmp_path / "news", list(range(8)), jsonl=[8, 9, 10], no_url=[3, 9])
    db = tmp_path / "data" / "reconcile.sqlite3"
    assert batch(folder, tmp_path / "out", "--db", str(db)) == 0
    out = tmp_path / "out"
    run = json.loads((out / "run.json").read_text())
    assert run["store"]["articles"] == {"created": 11, "revised": 0, "unchanged": 0}
    assert run["store"]["url"] == f"sqlite:///{db.resolve()}"
    app = create_app(Settings(db=db))
    try:
        client = TestClient(app)
        articles = client.get("/v1/articles?limit=500").json()
        assert articles["total"] == 11
        assert {a["title"] for a in articles["items"]} == {f"Flood report {i}" for i in range(11)}
        # known like API posts without an id: by URL, else by text
        ids = {a["title"]: a["id"] for a in articles["items"]}
        assert ids["Flood report 3"].startswith("sha-") and ids["Flood report 9"].startswith("sha-")
        assert ids["Flood report 0"].startswith("url-") and ids["Flood report 8"].startswith("url-")
        claims = client.get("/v1/claims?limit=500").json()
        assert claims["total"] == len(csv_rows(out / "claims.csv")) > 11
        with open(out / "claims.csv", encoding="utf-8", newline="") as fh:
            in_csv = sorted((r["text"], r["start"], r["end"], r["counted"], r["outlet"]) for r in csv.DictReader(fh))
        in_store = sorted((c["text"], str(c["start"]), str(c["end"]), c["counted"] or "", c["source"])
                          for c in claims["items"])
        assert in_store == in_csv  # the same claims, under the store's article ids
        # the store's discrepancies are the batch's: same quantities, verdicts, sizes and ranges
        listed = client.get("/v1/discrepancies?limit=500").json()
        assert listed["total"] == len(csv_rows(out / "discrepancies.csv")) > 0
        from_api = client.get("/v1/discrepancies?format=csv").text.splitlines()[1:]
        strip_id = [row.split(",", 1)[1] for row in from_api]
        assert sorted(strip_id) == sorted(row.split(",", 1)[1] for row in csv_rows(out / "discrepancies.csv"))
        one = listed["items"][0]
        detail = client.get(f"/v1/discrepancies/{one['group_id']}").json()
        assert len(detail["claims"]) == one["n_claims"] >= 2
        assert {c["source"] for c in detail["claims"]} <= set(OUTLETS)
        # an article posted later through the API joins the batch's groups
        posted = client.post("/v1/articles", json=story(11)).json()
        assert posted["articles"][0]["status"] == "created" and posted["discrepancies"]
        assert any(len({c["article_id"] for c in g["claims"]}) > 5 for g in posted["discrepancies"])
    finally:
        app.state.store.close()
    assert stored_groups(db) == from_scratch(db)
    assert table_counts(db)["stale_blocks"] == 0


def test_the_csvs_are_byte_identical_with_or_without_db(tmp_path):
    folder = write_folder(tmp_path / "news", list(range(6)), jsonl=[6, 7])
    assert batch(folder, tmp_path / "plain") == 0
    assert batch(folder, tmp_path / "stored", "--db", str(tmp_path / "s.sqlite3")) == 0
    for name in ("claims.csv", "discrepancies.csv", "discrepancy_claims.csv", "errors.csv", "report.html"):
        assert (tmp_path / "plain" / name).read_bytes() == (tmp_path / "stored" / name).read_bytes(), name
    assert "store" not in json.loads((tmp_path / "plain" / "run.json").read_text())


def test_a_batch_run_twice_stores_nothing_twice(tmp_path):
    folder = write_folder(tmp_path / "news", list(range(6)), jsonl=[6, 7], no_url=[2])
    db = tmp_path / "twice.sqlite3"
    assert batch(folder, tmp_path / "out1", "--db", str(db)) == 0
    first, groups = table_counts(db), stored_groups(db)
    assert first["articles"] == 8
    assert batch(folder, tmp_path / "out2", "--db", str(db)) == 0
    run = json.loads((tmp_path / "out2" / "run.json").read_text())
    assert run["store"]["articles"] == {"created": 0, "revised": 0, "unchanged": 8}
    assert run["store"]["regrouped_block_keys"] == 0
    assert table_counts(db) == first and stored_groups(db) == groups
    # the same files under other names, in another folder: still the same articles
    other = tmp_path / "copy"
    other.mkdir()
    for path in sorted(folder.iterdir()):
        (other / f"renamed-{path.name}").write_bytes(path.read_bytes())
    assert batch(other, tmp_path / "out3", "--db", str(db)) == 0
    assert table_counts(db) == first
    # a changed text under the same URL is a new revision, the old one kept as history
    (folder / "story-000.txt").write_text((folder / "story-000.txt").read_text().replace("at least 90", "at least 93"))
    assert batch(folder, tmp_path / "out4", "--db", str(db)) == 0
    run = json.loads((tmp_path / "out4" / "run.json").read_text())
    assert run["store"]["articles"] == {"created": 0, "revised": 1, "unchanged": 7}
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), sum(current) FROM articles").fetchone() == (9, 8)
        assert conn.execute("SELECT count(DISTINCT article_id) FROM articles").fetchone()[0] == 8
    assert stored_groups(db) == from_scratch(db)


def test_a_syndicated_copy_from_another_outlet_is_its_own_article(tmp_path):
    folder = write_folder(tmp_path / "news", [0, 1], no_url=[0, 1])
    copy = (folder / "story-000.txt").read_text().replace(f"Source: {OUTLETS[0]}", "Source: Harbour Gazette")
    (folder / "copy-of-000.txt").write_text(copy)
    (folder / "again-000.txt").write_text((folder / "story-000.txt").read_text())  # the same outlet again
    db = tmp_path / "synd.sqlite3"
    assert batch(folder, tmp_path / "out", "--db", str(db)) == 0
    run = json.loads((tmp_path / "out" / "run.json").read_text())
    assert run["store"]["articles"] == {"created": 3, "revised": 0, "unchanged": 1}
    assert sorted(r[0] for r in rows(db, "SELECT source FROM articles")) == sorted(
        [OUTLETS[0], OUTLETS[1], "Harbour Gazette"])


def test_resume_after_a_run_without_db_stores_every_article(tmp_path):
    """A journal kept without --db must not let --resume skip units that were never stored."""
    folder = write_folder(tmp_path / "news", list(range(5)))
    out = tmp_path / "out"
    assert batch(folder, out) == 0
    db = tmp_path / "late.sqlite3"
    assert batch(folder, out, "--resume", "--db", str(db)) == 0
    assert table_counts(db)["articles"] == 5
    assert stored_groups(db) == from_scratch(db)


def test_db_alone_uses_the_api_settings(tmp_path, monkeypatch):
    folder = write_folder(tmp_path / "news", [0, 1, 2])
    monkeypatch.delenv("RECONCILE_DB", raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/from-env.sqlite3")
    assert main(["batch", str(folder), "--out", str(tmp_path / "out"), "--quiet", "--db"]) == 0
    assert table_counts(tmp_path / "from-env.sqlite3")["articles"] == 3
    monkeypatch.delenv("DATABASE_URL")
    monkeypatch.setenv("RECONCILE_DB", str(tmp_path / "plain-path.sqlite3"))
    assert main(["batch", str(folder), "--out", str(tmp_path / "out2"), "--quiet", "--db"]) == 0
    assert table_counts(tmp_path / "plain-path.sqlite3")["articles"] == 3


def test_a_bad_store_fails_clearly(tmp_path, capsys):
    folder = write_folder(tmp_path / "news", [0])
    assert batch(folder, tmp_path / "out", "--db", "mysql://db.example/x") == 2
    assert "unsupported" in capsys.readouterr().err
    (tmp_path / "notadb.sqlite3").write_bytes(b"this is not a database" * 100)
    assert batch(folder, tmp_path / "out2", "--db", str(tmp_path / "notadb.sqlite3")) == 1
    err = capsys.readouterr().err
    assert "reconcile: batch:" in err and "Traceback" not in err


@pytest.mark.slow
def test_parallel_writers_api_workers_and_batch_store_each_article_once(live_server, tmp_path):
    """A live 2-worker server takes POSTs from 8 threads while a batch job with --db writes an
    overlapping set of articles into the same file; every article ends stored once, and the groups
    equal a from-scratch reconcile of the stored claims."""
    db = tmp_path / "shared.sqlite3"
    server = live_server(db=db, workers=2)
    api_only, batch_only, shared = list(range(16)), list(range(16, 32)), list(range(32, 44))
    no_url = {5, 20, 33, 40}  # known by text and outlet, not by URL
    folder = write_folder(tmp_path / "news", batch_only + shared[:6], jsonl=shared[6:], no_url=sorted(no_url))
    bodies = [story(i, url=i not in no_url) for i in api_only + shared]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DATABASE_URL", None)
    proc = subprocess.Popen([PYTHON, "-m", "reconcile.cli", "batch", str(folder), "--out", str(tmp_path / "out"),
                             "--db", str(db), "--quiet", "--workers", "1"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    failures: list[tuple[int, object]] = []
    rounds = [0] * 8

    def post(k: int) -> None:  # every thread posts its share, again and again while the batch runs
        mine = bodies[k::8]
        while True:
            for body in mine:
                status, answer = server.request("POST", "/v1/articles", body)
                if status not in (200, 201):
                    failures.append((status, answer))
            rounds[k] += 1
            if proc.poll() is not None and rounds[k] >= 2:
                return

    threads = [threading.Thread(target=post, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    _, err = proc.communicate(timeout=300)
    for t in threads:
        t.join(300)
    assert proc.returncode == 0, err
    assert not failures, failures[:3]
    server.stop()
    expected = len(api_only) + len(batch_only) + len(shared)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), sum(current), max(revision) FROM articles").fetchone() == (
            expected, expected, 1)
        assert conn.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == expected
        urls = [u for (u,) in conn.execute("SELECT url FROM articles WHERE url IS NOT NULL")]
        assert len(urls) == len(set(urls)) == expected - len(no_url)
        claims = conn.execute("SELECT count(*), count(DISTINCT claim_id) FROM claims").fetchone()
        assert claims[0] == claims[1] > expected
        assert conn.execute("SELECT count(*) FROM stale_blocks").fetchone()[0] == 0
    run = json.loads((tmp_path / "out" / "run.json").read_text())
    stored = run["store"]["articles"]
    assert stored["created"] + stored["unchanged"] == len(batch_only) + len(shared) and stored["revised"] == 0
    assert stored["created"] >= len(batch_only)
    assert stored_groups(db) == from_scratch(db)


def test_batch_and_api_writers_share_a_postgresql_store(pg_cluster, tmp_path):
    """The same on PostgreSQL: a batch job (another process) and 4 threads writing through the API's
    write path (``extract_and_put``, as POST /v1/articles does) store an overlapping set once each."""
    url = pg_cluster.new_database()
    api_only, batch_only, shared = list(range(8)), list(range(8, 16)), list(range(16, 24))
    no_url = {3, 12, 20}
    folder = write_folder(tmp_path / "news", batch_only + shared[:4], jsonl=shared[4:], no_url=sorted(no_url))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([PYTHON, "-m", "reconcile.cli", "batch", str(folder), "--out", str(tmp_path / "out"),
                             "--db", url, "--quiet", "--workers", "1"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    from api.schemas import ArticleIn
    from api.service import prepare

    store = open_store(StoreSettings(database_url=url))
    bodies = [ArticleIn(**story(i, url=i not in no_url)) for i in api_only + shared]
    failures: list[BaseException] = []

    def post(k: int) -> None:
        rounds = 0
        while rounds < 2 or proc.poll() is None:
            for body in bodies[k::4]:
                try:
                    extract_and_put(store, prepare([body]), window_days=3.0)
                except BaseException as exc:  # noqa: BLE001 - reported below
                    failures.append(exc)
            rounds += 1

    threads = [threading.Thread(target=post, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    _, err = proc.communicate(timeout=300)
    for t in threads:
        t.join(300)
    store.close()
    assert proc.returncode == 0, err
    assert not failures, failures[:3]
    expected = len(api_only) + len(batch_only) + len(shared)
    assert rows(url, "SELECT count(*), sum(current), max(revision) FROM articles")[0] == (expected, expected, 1)
    assert rows(url, "SELECT count(DISTINCT content_hash) FROM articles")[0][0] == expected
    assert table_counts(url)["stale_blocks"] == 0
    assert stored_groups(url) == from_scratch(url)
    # and the API serves it
    app = create_app(Settings(database_url=url))
    try:
        assert TestClient(app).get("/v1/articles").json()["total"] == expected
    finally:
        app.state.store.close()
