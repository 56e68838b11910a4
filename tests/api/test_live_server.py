"""Against a live ``reconcile serve`` on 127.0.0.1: parallel writers and restart durability."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest
from apihelpers import live_server_fixture  # noqa: F401  (fixtures)
from pghelpers import pg_cluster_fixture  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow


def article(i: int) -> dict:
    return {"id": f"story-{i}", "text": f"Officials said {100 + i} people were rescued on day {i}.",
            "source": f"Outlet {i % 5}", "published": f"2024-10-{1 + i % 28:02d}"}


@pytest.mark.parametrize("workers", [2])
def test_50_parallel_posts_store_each_article_once(live_server, tmp_path, workers):
    server = live_server(workers=workers)
    distinct = [article(i) for i in range(30)]
    # 20 duplicates: 10 exact re-posts with the id, 10 posts of the same text without an id
    duplicates = [article(i) for i in range(10)] + [{"text": article(i)["text"]} for i in range(10, 20)]
    bodies = distinct + duplicates
    bodies = bodies[::2] + bodies[1::2]  # interleave originals and duplicates
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda b: server.request("POST", "/v1/articles", b), bodies))
    statuses = [s for s, _ in results]
    assert all(s in (200, 201) for s in statuses), results
    stored = [r["articles"][0] for _, r in results]
    assert sum(1 for a in stored if a["status"] == "created") == 30
    assert sum(1 for a in stored if a["status"] == "unchanged") == 20
    assert all(a["revision"] == 1 for a in stored)
    ids = {a["id"] for a in stored}
    assert len(ids) == 30  # a text sent without id first keeps its derived id; the later copy joins it
    status, page = server.request("GET", "/v1/articles?limit=500")
    assert status == 200 and page["total"] == 30
    assert sorted(a["id"] for a in page["items"]) == sorted(ids)
    hashes = {a["content_hash"] for a in page["items"]}
    assert len(hashes) == 30
    server.stop()
    with sqlite3.connect(server.db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 30


def test_restart_keeps_everything(live_server, tmp_path):
    server = live_server()
    for i in range(5):
        assert server.request("POST", "/v1/articles", article(i))[0] == 201
    server.request("POST", "/v1/articles", {**article(0), "text": "Officials said 150 people were rescued."})
    before = {p: server.request("GET", p)[1] for p in
              ("/v1/articles", "/v1/claims?history=true", "/v1/discrepancies", "/v1/articles/story-0")}
    server.stop()
    again = live_server(db=server.db)
    after = {p: again.request("GET", p)[1] for p in before}
    assert after == before
    assert after["/v1/articles"]["total"] == 5
    assert [r["revision"] for r in after["/v1/articles/story-0"]["revisions"]] == [1, 2]


def test_serve_refuses_bad_arguments_clearly(tmp_path):
    import subprocess
    import sys

    from apihelpers import ROOT

    def serve(*args):
        return subprocess.run([sys.executable, "-m", "reconcile.cli", "serve", *args], check=False, cwd=ROOT,
                              capture_output=True, text=True, timeout=120)

    bad_port = serve("--port", "70000")
    assert bad_port.returncode == 2 and "--port" in bad_port.stderr
    bad_workers = serve("--workers", "0")
    assert bad_workers.returncode == 2 and "--workers" in bad_workers.stderr
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    bad_db = serve("--port", "8001", "--db", str(blocker / "x.sqlite3"))
    assert bad_db.returncode == 1 and "store" in bad_db.stderr and "Traceback" not in bad_db.stderr


def test_serve_on_postgresql_two_workers_store_parallel_posts_once(live_server, pg_cluster):
    """``reconcile serve --db postgresql://...`` with two workers: 30 posts (20 distinct, 10 repeats)
    from 10 threads; every article stored once, the troop figures of two outlets in one conflict."""
    server = live_server(db=pg_cluster.new_database(), workers=2)
    status, health = server.request("GET", "/health")
    assert status == 200 and health["store"]["backend"] == "postgresql"
    bodies = [article(i) for i in range(20)] + [article(i) for i in range(10)]
    bodies += [{"id": "nk-1", "text": "Budanov said nearly 11,000 North Korean troops are in eastern Russia.",
                "source": "ABC News", "published": "2024-10-21"},
               {"id": "nk-2", "text": "South Korea said 1,500 North Korean troops were already inside Russia.",
                "source": "Example Wire", "published": "2024-10-21"}]
    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(lambda b: server.request("POST", "/v1/articles", b), bodies))
    assert all(s in (200, 201) for s, _ in results), results
    statuses = sorted(r["articles"][0]["status"] for _, r in results)
    assert statuses.count("created") == 22 and statuses.count("unchanged") == 10
    status, page = server.request("GET", "/v1/articles?limit=500")
    assert page["total"] == 22 and all(a["revision"] == 1 for a in page["items"])
    status, found = server.request("GET", "/v1/discrepancies?q=korean")
    [group] = found["items"]
    assert group["verdict"] == "conflict" and set(group["sources"]) == {"ABC News", "Example Wire"}
