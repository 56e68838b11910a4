"""Load benchmark of the REST API on 127.0.0.1 (loopback only, bounded in count and time).

1. Seeds a SQLite store with 10,000 synthetic articles directly through the store interface
   (hand-built claims with real block keys, grouped by the real ``reconcile.reconcile``); with
   ``--db PATH`` the store is kept there and reused by later runs.
2. For 1 and 2 uvicorn workers, starts ``reconcile serve`` on a free port (access log off:
   RECONCILE_ACCESS_LOG=false) and drives it with
   * GET /health and POST /v1/extract of one sentence: the cost of a request apart from extraction;
   * POST /v1/extract of the same 5 KB wire story (bench/api_article.txt) every time: after the
     first, these are answered from the server's answer cache (api/extract_cache.py), unless the run
     has ``--cache-off`` (RECONCILE_EXTRACT_CACHE_ENTRIES=0);
   * POST /v1/extract of a different 5 KB story every time (the story with its figures changed and its
     paragraphs shuffled; no two requests of a run alike), so nothing can be served from a cache:
     THIS is the extraction speed of the API on a claim-dense story (60 claims in 5 KB);
   * POST /v1/extract of a different 5 KB article of real news every time (whole stories of
     ../shared/corpus/lee_background.cor drawn at random and joined; ~17 claims per 5 KB, as news has):
     the extraction speed of the API on what fact-check tools typically send;
   * GET /v1/discrepancies (plain, by verdict, text search, min spread: in rotation);
   first from one client (latency), then from several at once (throughput).
3. Prints p50/p99 latency (ms), requests/s, and the server's own CPU time per request (all its
   processes, from /proc; the figure that a busy machine disturbs least), with several workers how the
   clients' keep-alive connections fell on them at the start (from /proc) and the share of requests
   that moved to another worker (api/rebalance.py), and, as the floor of the
   extract figures, the CPU time ``reconcile.extract_claims`` takes on the same stories in-process.

The load generator is cheap on purpose (it shares the 2 cores with the server): one forked process
per client, each with one keep-alive connection (a new one when the server closes it), sending prebuilt
request bytes over a raw socket.
Every server is warmed up (a few requests of each kind per worker) before it is measured.

    .venv/bin/python bench/api_load.py [--articles 10000] [--requests 2000] [--seconds 15] [--clients 8]
                                       [--workers 1 2] [--db PATH] [--cache-off]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from array import array
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

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
    store.close()
    return {"build_s": built - started, "store_s": done - built}


def store_counts(db: Path) -> dict[str, int]:
    store = SQLiteStore(db)
    try:
        with store._read() as conn:  # figures for the report only
            return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                    for table in ("articles", "claims", "groups")}
    finally:
        store.close()


# --- the stories posted to /v1/extract -------------------------------------------------------------

#: A figure as written: digits with thousands commas and an optional decimal part.
FIGURE = re.compile(r"""
    (?<![\w.,])          # not inside a longer token
    \d{1,3}(?:,\d{3})+   # 4,300 / 60,000
    (?:\.\d+)?           # optional decimals
    | (?<![\w.,])\d+(?:\.\d+)?   # or plain digits: 18 / 2.5
    """, re.VERBOSE)
#: Years stay as they are (they date the story, and a changed year is a different story's date).
NEWS = ROOT.parent / "shared" / "corpus" / "lee_background.cor"
YEAR = re.compile(r"(?:19|20)\d\d")


def _new_figure(old: str, rng: random.Random) -> str:
    """The figure scaled by a random factor, written the same way (commas, decimals).

    >>> _new_figure("2021", random.Random(1)), len(_new_figure("4,300", random.Random(1)).split(","))
    ('2021', 2)
    """
    if YEAR.fullmatch(old):
        return old
    decimals = len(old.split(".")[1]) if "." in old else 0
    value = float(old.replace(",", "")) * rng.uniform(0.6, 1.6)
    if decimals:
        return f"{value:.{decimals}f}"
    value = max(2, round(value))
    return f"{value:,}" if "," in old else str(value)


def story_variants(story: Article, n: int, seed_: int) -> list[Article]:
    """``n`` different stories of the same size and shape: the first paragraph kept first, the others
    shuffled, every figure but years changed; no two texts alike (so no two content hashes alike)."""
    first, *rest = story.text.split("\n")
    rng = random.Random(seed_)
    seen = {story.text}
    out: list[Article] = []
    while len(out) < n:
        paragraphs = rest[:]
        rng.shuffle(paragraphs)
        text = FIGURE.sub(lambda m: _new_figure(m.group(), rng), "\n".join([first, *paragraphs]))
        if text not in seen:
            seen.add(text)
            out.append(story.model_copy(update={"text": text}))
    return out


def news_articles(corpus: Path, n: int, seed_: int, size: int = 5000) -> list[Article]:
    """``n`` different articles of about ``size`` bytes of real news: whole stories of ``corpus`` (one a
    line, e.g. lee_background.cor) drawn at random and joined as paragraphs up to ``size`` bytes (the
    last one cut at a full stop); no two texts alike.  Real news carries about a quarter of bench/api_article.txt's
    figures per kilobyte, so this is what a fact-check tool typically sends."""
    stories = [ln.strip() for ln in corpus.read_text(encoding="utf-8", errors="replace").splitlines() if ln.strip()]
    rng = random.Random(seed_)
    seen: set[str] = set()
    out: list[Article] = []
    while len(out) < n:
        parts: list[str] = []
        room = size
        while room > 200:
            story = rng.choice(stories)
            if len(story.encode()) + 1 > room:  # the last story is cut at a full stop to keep to the size
                cut = story.rfind(". ", 0, room)
                if cut < 0:
                    continue
                story = story[: cut + 1]
            parts.append(story)
            room -= len(story.encode()) + 1
        text = "\n".join(parts)
        if text not in seen:
            seen.add(text)
            out.append(Article(id=f"news-{len(out)}", text=text, source="ABC", published=date(2002, 1, 2),
                               title=parts[0][:60]))
    return out


def extract_body(story: Article) -> bytes:
    return json.dumps({"text": story.text, "source": story.source, "published": story.published.isoformat(),
                       "title": story.title}).encode()


# --- the load generator ----------------------------------------------------------------------------

def build_request(method: str, path: str, body: bytes | None = None) -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    if body is not None:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + (body or b"")


def read_response(sock: socket.socket, buf: bytes) -> tuple[int, bool, bytes]:
    """Read one response off a keep-alive connection: its status, whether the server closes the
    connection after it (``Connection: close``), and what came after it."""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("the server closed the connection")
        buf += chunk
    head, _, rest = buf.partition(b"\r\n\r\n")
    lines = head.lower().split(b"\r\n")[1:]
    length = next((int(line[15:]) for line in lines if line[:15] == b"content-length:"), None)
    if length is None:
        raise ConnectionError("a response without Content-Length")
    closing = any(line.startswith(b"connection:") and b"close" in line for line in lines)
    while len(rest) < length:
        chunk = sock.recv(max(65536, length - len(rest)))
        if not chunk:
            raise ConnectionError("the server closed the connection")
        rest += chunk
    return int(head[9:12]), closing, rest[length:]


def _connect(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=120)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def _client(port: int, requests: Sequence[bytes], counter: Any, go: Any, seconds: float, out: Any) -> None:
    """One client process: takes the next request number from the shared counter, sends it, waits for
    the whole response, and so on until all are sent or the time is up.  Like any HTTP/1.1 client it
    opens a new connection when the server ends one with ``Connection: close`` (a busy worker does, so
    that the client moves to a free one: api/rebalance.py); the reconnection counts in the next
    request's latency."""
    latencies = array("d")
    errors = reconnects = 0
    try:
        sock = _connect(port)
        go.wait()
        deadline = time.monotonic() + seconds
        buf = b""
        while time.monotonic() < deadline:
            with counter.get_lock():
                k = counter.value
                counter.value = k + 1
            if k >= len(requests):
                break
            t0 = time.perf_counter()
            if sock is None:
                sock, buf = _connect(port), b""
                reconnects += 1
            sock.sendall(requests[k])
            status, closing, buf = read_response(sock, buf)
            latencies.append(time.perf_counter() - t0)
            errors += status != 200
            if closing:
                sock.close()
                sock = None
        if sock is not None:
            sock.close()
    except OSError:
        errors += 1
    out.send((latencies.tobytes(), errors, reconnects))


def child_pids(pid: int) -> set[int]:
    """The processes a process started (uvicorn's workers), from /proc."""
    pids: set[int] = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                pids.update(int(c) for c in f.read().split())
        except OSError:  # a thread that just ended, or a kernel without the children file
            continue
    return pids


def server_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) of a process and its children so far, from /proc."""
    pids = {pid} | child_pids(pid)
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def connections_per_worker(server_pid: int, port: int) -> list[int]:
    """How many established connections on ``port`` each worker of the server holds, most first (from
    /proc): with extraction on each worker's event loop, a 7/1 split of 8 clients queues seven of them on
    one core, so this explains much of a p99."""
    established = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            for line in f.readlines()[1:]:
                fields = line.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01":
                    established.add(f"socket:[{fields[9]}]")
    counts = []
    for pid in child_pids(server_pid) or {server_pid}:
        held = 0
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                try:
                    held += os.readlink(f"/proc/{pid}/fd/{fd}") in established
                except OSError:
                    continue
        except OSError:
            continue
        if held:
            counts.append(held)
    return sorted(counts, reverse=True)


def drive(port: int, server_pid: int, requests: Sequence[bytes], clients: int, seconds: float) -> dict:
    """Send the requests from ``clients`` processes at once until all are sent or ``seconds`` pass;
    latency percentiles, throughput and the server's CPU time per request."""
    ctx = multiprocessing.get_context("fork")
    counter = ctx.Value("q", 0)
    go = ctx.Event()
    receivers, procs = [], []
    for _ in range(clients):
        receiver, sender = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_client, args=(port, requests, counter, go, seconds, sender), daemon=True)
        proc.start()
        receivers.append(receiver)
        procs.append(proc)
    time.sleep(0.2)  # let every client connect
    spread = connections_per_worker(server_pid, port)
    cpu0 = server_cpu_s(server_pid)
    t0 = time.perf_counter()
    go.set()
    latencies = array("d")
    errors = reconnects = 0
    for receiver in receivers:
        raw, bad, moved = receiver.recv()
        latencies.frombytes(raw)
        errors += bad
        reconnects += moved
    elapsed = time.perf_counter() - t0
    cpu = server_cpu_s(server_pid) - cpu0
    for proc in procs:
        proc.join()
    ms = sorted(x * 1000 for x in latencies)
    n = len(ms)
    return {"n": n, "errors": errors, "p50_ms": statistics.median(ms) if ms else float("nan"),
            "p99_ms": ms[min(n - 1, int(n * 0.99))] if ms else float("nan"), "rps": n / elapsed,
            "cpu_ms": cpu * 1000 / n if n else float("nan"), "spread": spread,
            "reconnects": reconnects}


# --- the server ------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, workers: int, log: Path, *, cache: bool) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {k: v for k, v in os.environ.items()
           if k not in {"DATABASE_URL", "RECONCILE_API_KEYS"} and not k.startswith("RECONCILE_EXTRACT_CACHE")}
    env["RECONCILE_ACCESS_LOG"] = "false"
    if not cache:
        env["RECONCILE_EXTRACT_CACHE_ENTRIES"] = "0"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "reconcile.cli", "serve", "--host", "127.0.0.1",
                                 "--port", str(port), "--db", str(db), "--workers", str(workers)],
                                cwd=ROOT, env=env, stdout=out, stderr=out)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=10) as resp:
                    # the first worker answers before the others listen: wait for every one's start-up line
                    if resp.status == 200 and log.read_bytes().count(b"Application startup complete") >= workers:
                        return proc, port
            except OSError:
                pass
            time.sleep(0.3)
        tail = log.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"the server did not start (exit code {proc.poll()}); its log ends:\n{tail}")
    except BaseException:
        stop_server(proc)  # never leave a server behind
        raise


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


# --- the run ---------------------------------------------------------------------------------------

def cpu_ms(func: Any, *args: Any) -> float:
    t0 = time.process_time()
    func(*args)
    return (time.process_time() - t0) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the store (default 10000)")
    parser.add_argument("--requests", type=int, default=2000, help="requests per measurement (default 2000)")
    parser.add_argument("--seconds", type=float, default=15.0, help="time cap per measurement (default 15)")
    parser.add_argument("--clients", type=int, default=8, help="client processes for throughput (default 8)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    parser.add_argument("--db", type=Path, help="keep the seeded store in this file and reuse it next time")
    parser.add_argument("--news", type=Path, default=NEWS,
                        help="real news, one story a line, for the 'distinct 5KB news' line (default: "
                             "../shared/corpus/lee_background.cor; the line is left out when the file is missing)")
    parser.add_argument("--cache-off", action="store_true",
                        help="serve with the extract answer cache off (RECONCILE_EXTRACT_CACHE_ENTRIES=0)")
    args = parser.parse_args()

    story = parse_txt((ROOT / "bench" / "api_article.txt").read_text(encoding="utf-8"), "bench-article")
    sentence = json.dumps({"text": "Officials said 1,200 people were evacuated on Sunday.",
                           "source": "Example Wire", "published": "2024-09-16"}).encode()
    repeat = "cache off" if args.cache_off else "cache hits"  # the same request again
    plans: list[tuple[str, list[bytes]]] = [
        ("GET /health", [build_request("GET", "/health")]),
        (f"POST /v1/extract 1 sentence ({repeat})", [build_request("POST", "/v1/extract", sentence)]),
        (f"POST /v1/extract same 5KB ({repeat})",
         [build_request("POST", "/v1/extract", extract_body(story))]),
        ("POST /v1/extract distinct 5KB dense (uncached)", []),  # filled per measurement: fresh stories every time
        ("POST /v1/extract distinct 5KB news (uncached)", []),  # the same, from real news
        ("GET /v1/discrepancies", [build_request("GET", q) for q in (
            "/v1/discrepancies", "/v1/discrepancies?verdict=conflict", "/v1/discrepancies?q=korean",
            "/v1/discrepancies?min_spread=1.5&limit=100")]),
    ]
    warm_n = 6  # warm-up requests of each kind per worker, not measured
    needed = sum(2 * (args.requests + warm_n * w) for w in args.workers)
    variants = story_variants(story, needed, seed_=20240916)
    news = news_articles(args.news, needed, seed_=20020102) if args.news.exists() else []
    fresh = {"dense": iter([build_request("POST", "/v1/extract", extract_body(v)) for v in variants]),
             "news": iter([build_request("POST", "/v1/extract", extract_body(v)) for v in news])}
    if not news:
        plans = [(name, reqs) for name, reqs in plans if " news " not in name]
        print(f"{args.news} is missing: the 'distinct 5KB news' line is left out")

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.sqlite3"
        counts = store_counts(db) if db.exists() else {"articles": 0}
        if counts["articles"] != args.articles:
            if db.exists():
                raise SystemExit(f"{db} holds {counts['articles']} articles, not {args.articles}: "
                                 "remove it or pass another --db")
            s = seed(db, args.articles)
            how = f"built in {s['build_s']:.1f} s, stored and grouped in {s['store_s']:.1f} s"
        else:
            how = f"reused {db}"
        counts = store_counts(db)
        print(f"store: {counts['articles']} articles, {counts['claims']} claims, {counts['groups']} groups ({how}); "
              f"article {len(story.text.encode())} bytes; load average {os.getloadavg()[0]:.1f}")
        print(f"extract answer cache: {'off' if args.cache_off else 'on (the server default)'}")

        same = [cpu_ms(extract_claims, story) for _ in range(15)]
        distinct = [cpu_ms(extract_claims, v) for v in variants[:15]]
        sizes = [len(v.text.encode()) for v in variants[:15]]
        n_claims = [len(extract_claims(v)) for v in [story, *variants[:15]]]
        print(f"in-process reconcile.extract_claims, no HTTP (CPU ms, median of 15): same story "
              f"{statistics.median(same):.1f}, distinct dense stories {statistics.median(distinct):.1f} "
              f"({min(sizes)}-{max(sizes)} bytes, {min(n_claims)}-{max(n_claims)} claims)")
        if news:
            news_ms = [cpu_ms(extract_claims, v) for v in news[:15]]
            news_sizes = [len(v.text.encode()) for v in news[:15]]
            news_claims = [len(extract_claims(v)) for v in news[:15]]
            print(f"  distinct real-news articles {statistics.median(news_ms):.1f} ({min(news_sizes)}-{max(news_sizes)} "
                  f"bytes, {min(news_claims)}-{max(news_claims)} claims, median {statistics.median(news_claims):.0f})")
        print(f"{'endpoint':<48} {'workers':>7} {'clients':>7} {'n':>6} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'req/s':>8} {'srv CPU ms/req':>14}")
        for workers in args.workers:
            proc, port = start_server(db, workers, Path(tmp) / f"serve-{workers}.log", cache=not args.cache_off)
            try:
                for name, reqs in plans:
                    for clients in (1, args.clients):
                        def batch(k: int, reqs: list[bytes] = reqs, name: str = name) -> list[bytes]:
                            if not reqs:  # distinct stories: never one sent before
                                bodies = fresh["news" if " news " in name else "dense"]
                                return [next(bodies) for _ in range(k)]
                            return [reqs[i % len(reqs)] for i in range(k)]
                        drive(port, proc.pid, batch(warm_n * workers), min(clients, 2), 60)
                        r = drive(port, proc.pid, batch(args.requests), clients, args.seconds)
                        flag = f"  ({r['errors']} errors)" if r["errors"] else ""
                        if workers > 1 and clients > 1:  # how the clients' connections fell on the workers
                            flag += "  connections per worker at the start " + "/".join(map(str, r["spread"]))
                            if r["reconnects"]:
                                flag += f", {100 * r['reconnects'] / max(r['n'], 1):.0f}% of requests moved"
                        print(f"{name:<48} {workers:>7} {clients:>7} {r['n']:>6} {r['p50_ms']:>8.1f} "
                              f"{r['p99_ms']:>8.1f} {r['rps']:>8.1f} {r['cpu_ms']:>14.2f}{flag}", flush=True)
            finally:
                stop_server(proc)
        print(f"load average at the end {os.getloadavg()[0]:.1f} (2 cores; other work on the machine slows every figure)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
