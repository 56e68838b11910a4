"""Load benchmark of the REST API on 127.0.0.1 (loopback only, bounded in count and time).

1. Seeds a fresh SQLite store with 10,000 synthetic articles directly through the store interface
   (hand-built claims with real block keys, grouped by the real ``reconcile.reconcile``).
2. For 1 and 2 uvicorn workers, starts ``reconcile serve`` on a free port and drives it with
   * POST /v1/extract of a 5 KB wire story (bench/api_article.txt), and
   * GET /v1/discrepancies (plain, by verdict, text search, min spread: in rotation),
   first one request at a time (latency), then from several client threads (throughput).
3. Prints p50/p99 latency (ms) and requests/s for each, and, as the floor of the extract figures,
   the time ``reconcile.extract_claims`` takes on the same article in-process.

    .venv/bin/python bench/api_load.py [--articles 10000] [--requests 400] [--seconds 20] [--clients 8]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reconcile import extract_claims
from reconcile.ingest import parse_txt
from reconcile.models import Article, Claim, Kind, Qualifier, make_claim_id
from reconcile.store.base import Incoming
from reconcile.store.service import block_keys, regroup_with
from reconcile.store.sqlite import SQLiteStore

NATIONS = ["North Korean", "Russian", "Ukrainian", "Polish", "German", "French", "Israeli", "Iranian",
           "Chinese", "Indian", "Turkish", "Syrian", "Sudanese", "Afghan", "Kenyan"]
NOUNS = [("troops", "troop"), ("soldiers", "soldier"), ("refugees", "refugee"), ("workers", "worker"),
         ("prisoners", "prisoner"), ("tanks", "tank"), ("drones", "drone"), ("civilians", "civilian"),
         ("migrants", "migrant"), ("students", "student"), ("doctors", "doctor"), ("fighters", "fighter"),
         ("police officers", "police officer"), ("journalists", "journalist"), ("aid workers", "aid worker"),
         ("farmers", "farmer"), ("pilots", "pilot"), ("sailors", "sailor"), ("engineers", "engineer"),
         ("volunteers", "volunteer")]
SPEAKERS = ["the defence ministry", "a senior official", "the United Nations", "local authorities",
            "the army spokesperson", "an intelligence agency", "the foreign minister", "a regional governor"]
OUTLETS = [f"Outlet {i}" for i in range(40)]
HEDGES = [("", Qualifier.exact, 0.0), ("about ", Qualifier.approximate, 0.05), ("nearly ", Qualifier.approximate, 0.05),
          ("more than ", Qualifier.more_than, None)]


def synthetic_article(i: int, rng: random.Random) -> Incoming:
    """One article of 3-4 sentences, each with one count claim, and its claims at their exact offsets."""
    source = rng.choice(OUTLETS)
    published = date(2024, 9, 1) + timedelta(days=rng.randrange(90))
    article_id = f"synthetic-{i:05d}"
    parts: list[str] = []
    claims: list[Claim] = []
    offset = 0
    for _ in range(rng.randint(3, 4)):
        nation = rng.choice(NATIONS)
        plural, singular = rng.choice(NOUNS)
        speaker = rng.choice(SPEAKERS)
        base = rng.choice([150, 400, 1500, 2600, 11000, 25000])
        value = float(round(base * rng.uniform(0.8, 1.25), -1))
        hedge, qualifier, slack = rng.choice(HEDGES)
        figure = f"{value:,.0f}"
        prefix = f"{speaker[0].upper()}{speaker[1:]} said {hedge}"
        sentence = f"{prefix}{figure} {nation} {plural} were in the region last week."
        start = offset + len(prefix)
        low = value if slack is None else value * (1 - slack)
        high = None if slack is None else value * (1 + slack)
        if qualifier is Qualifier.exact:
            low = high = value
        claims.append(Claim(
            claim_id=make_claim_id(article_id, start, start + len(figure)), article_id=article_id, text=figure,
            start=start, end=start + len(figure), sentence=sentence, sentence_start=offset, kind=Kind.count,
            value=value, low=low, high=high, qualifier=qualifier, hedge=hedge.strip() or None, unit="count",
            counted=f"{nation.lower()} {singular}", counted_text=f"{nation} {plural}", speaker=speaker,
            as_of=published - timedelta(days=7), as_of_end=published - timedelta(days=1), as_of_text="last week",
            source=source, url=f"https://{source.lower().replace(' ', '')}.example/{article_id}",
            published=published, title=f"Report {i}",
        ))
        parts.append(sentence)
        offset += len(sentence) + 1
    article = Article(id=article_id, text=" ".join(parts), title=f"Report {i}", source=source,
                      url=claims[0].url, published=published)
    return Incoming(article=article, claims=claims, block_keys=block_keys(claims))


def seed(db: Path, n: int) -> dict:
    rng = random.Random(20241021)
    store = SQLiteStore(db)
    started = time.perf_counter()
    items = [synthetic_article(i, rng) for i in range(n)]
    built = time.perf_counter()
    regroup = regroup_with(3.0)
    for k in range(0, n, 2500):
        store.put_articles(items[k:k + 2500], regroup=regroup)
    done = time.perf_counter()
    with store._read() as conn:  # figures for the report only
        groups = conn.execute("SELECT count(*) FROM groups").fetchone()[0]
        claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    store.close()
    return {"articles": n, "claims": claims, "groups": groups, "build_s": built - started,
            "store_s": done - built}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, workers: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "RECONCILE_API_KEYS"}}
    proc = subprocess.Popen([sys.executable, "-m", "reconcile.cli", "serve", "--host", "127.0.0.1",
                             "--port", str(port), "--db", str(db), "--workers", str(workers)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/health")
                first = conn.getresponse()
                first.read()
                if first.status == 200:
                    # every worker imports the app on its own: warm them all up
                    for _ in range(workers * 4):
                        conn.request("GET", "/health")
                        conn.getresponse().read()
                    conn.close()
                    return proc, port
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("server did not start")
    except BaseException:
        stop_server(proc)  # never leave a server behind
        raise


def stop_server(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


def drive(port: int, requests: list[tuple[str, str, bytes | None]], clients: int, seconds: float) -> dict:
    """Send the requests (round-robin over clients, each on its own keep-alive connection) until all
    are sent or ``seconds`` pass; returns latency percentiles and throughput."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    cursor = iter(range(len(requests)))
    deadline = time.monotonic() + seconds

    def client() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: list[float] = []
        bad = 0
        while time.monotonic() < deadline:
            with lock:
                k = next(cursor, None)
            if k is None:
                break
            method, path, body = requests[k]
            headers = {"Content-Type": "application/json"} if body is not None else {}
            t0 = time.perf_counter()
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            resp.read()
            mine.append(time.perf_counter() - t0)
            bad += resp.status >= 400
        conn.close()
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=client) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    ms = sorted(x * 1000 for x in latencies)
    return {"n": len(ms), "errors": errors, "p50_ms": statistics.median(ms),
            "p99_ms": ms[min(len(ms) - 1, int(len(ms) * 0.99))], "rps": len(ms) / elapsed}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the store (default 10000)")
    parser.add_argument("--requests", type=int, default=400, help="requests per measurement (default 400)")
    parser.add_argument("--seconds", type=float, default=20.0, help="time cap per measurement (default 20)")
    parser.add_argument("--clients", type=int, default=8, help="client threads for throughput (default 8)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    args = parser.parse_args()

    story = parse_txt((ROOT / "bench" / "api_article.txt").read_text(encoding="utf-8"), "bench-article")
    body = json.dumps({"text": story.text, "source": story.source, "published": story.published.isoformat(),
                       "title": story.title}).encode()
    extract_reqs = [("POST", "/v1/extract", body)] * args.requests
    queries = ["/v1/discrepancies", "/v1/discrepancies?verdict=conflict", "/v1/discrepancies?q=korean",
               "/v1/discrepancies?min_spread=1.5&limit=100"]
    disc_reqs = [("GET", queries[k % len(queries)], None) for k in range(args.requests)]

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        s = seed(db, args.articles)
        print(f"store: {s['articles']} articles, {s['claims']} claims, {s['groups']} groups "
              f"(built in {s['build_s']:.1f} s, stored and grouped in {s['store_s']:.1f} s); "
              f"article {len(story.text.encode())} bytes")
        floor = []
        for _ in range(15):
            t0 = time.perf_counter()
            extract_claims(story)
            floor.append((time.perf_counter() - t0) * 1000)
        print(f"in-process reconcile.extract_claims of the article, no HTTP: p50 {statistics.median(floor):.1f} ms")
        print(f"{'endpoint':<24} {'workers':>7} {'clients':>7} {'n':>6} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8}")
        for workers in args.workers:
            proc, port = start_server(db, workers)
            try:
                for name, reqs in (("POST /v1/extract", extract_reqs), ("GET /v1/discrepancies", disc_reqs)):
                    for clients in (1, args.clients):
                        r = drive(port, reqs, clients, args.seconds)
                        flag = f"  ({r['errors']} errors)" if r["errors"] else ""
                        print(f"{name:<24} {workers:>7} {clients:>7} {r['n']:>6} {r['p50_ms']:>8.1f} "
                              f"{r['p99_ms']:>8.1f} {r['rps']:>8.1f}{flag}", flush=True)
            finally:
                stop_server(proc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
