"""Helpers and fixtures of the API tests: the real app on a real SQLite file in tmp_path, a live
``reconcile serve`` subprocess on 127.0.0.1, hand-made claims and a stand-in grouper for tests of the
store's bookkeeping.  Test modules import the fixtures they use (``from apihelpers import
client_fixture``); a conftest.py here would clash with tests/conftest.py under --doctest-modules."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():  # starlette suggests httpx2; httpx is what the project pins
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from storehelpers import make_claim, stand_in_regroup  # noqa: F401  (re-exported to the API tests)

from api.app import create_app
from api.settings import Settings
from reconcile.models import Kind

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(Path(sys.executable))
READY_TIMEOUT = 90.0  # other test runs may share the 2 cores


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveServer:
    """``reconcile serve`` in a subprocess on 127.0.0.1."""

    db: Path
    workers: int = 1
    env: dict[str, str] | None = None
    proc: subprocess.Popen[bytes] | None = None
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LiveServer:
        self.port = free_port()
        env = {**os.environ, **(self.env or {})}
        env.pop("DATABASE_URL", None)
        self.proc = subprocess.Popen(
            [PYTHON, "-m", "reconcile.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port),
             "--db", str(self.db), "--workers", str(self.workers)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}")
            try:
                status, _ = self.request("GET", "/health")
                if status == 200:
                    return self
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("server did not become ready")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None

    def request(self, method: str, path: str, body: Any = None,
                headers: dict[str, str] | None = None) -> tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return resp.status, json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as err:
            return err.code, json.loads(err.read() or b"null")


@dataclass(frozen=True)
class SeedDoc:
    id: str
    source: str
    published: date
    text: str
    figures: list[tuple[str, float, str, str | None, Kind]]  # (surface, value, counted, speaker, kind)


SEED_DOCS = [
    SeedDoc("abc-1", "ABC News", date(2024, 10, 21),
            "Budanov said nearly 11,000 North Korean troops are training in eastern Russia.",
            [("11,000", 11000, "north korean troop", "Kyrylo Budanov", Kind.count)]),
    SeedDoc("wire-2", "Example Wire", date(2024, 10, 18),
            "South Korea's spy agency said 1,500 North Korean troops were already inside Russia.",
            [("1,500", 1500, "north korean troop", "South Korea's spy agency", Kind.count)]),
    SeedDoc("daily-3", "Daily Example", date(2024, 11, 2),
            "Officials said 200 people died in the floods, and the tank held 491 litres.",
            [("200", 200, "death", "officials", Kind.count), ("491", 491, "litre", None, Kind.measure)]),
    SeedDoc("post-4", "Other Post", date(2024, 11, 2),
            "The ministry put the flood toll at 215 deaths; the tank held 491 litres; turnout was 40%.",
            [("215", 215, "death", "the ministry", Kind.count), ("491", 491, "litre", None, Kind.measure),
             ("40", 40, "turnout", None, Kind.percent)]),
]


def seed_incoming(docs: list[SeedDoc] = SEED_DOCS) -> list[Any]:
    """The seed docs as store input: hand-made claims at their true offsets, block key = counted."""
    from reconcile.models import Article
    from reconcile.store.base import Incoming

    items = []
    for doc in docs:
        article = Article(id=doc.id, text=doc.text, source=doc.source, published=doc.published,
                          url=f"https://{doc.source.lower().replace(' ', '')}.example/{doc.id}")
        claims = []
        for surface, value, counted, speaker, kind in doc.figures:
            start = doc.text.index(surface)
            c = make_claim(doc.id, start, value, counted=counted, source=doc.source, speaker=speaker,
                           published=doc.published, kind=kind, text=surface)
            claims.append(c.model_copy(update={"url": article.url}))
        items.append(Incoming(article=article, claims=claims, block_keys=[c.counted or "" for c in claims]))
    return items


# -- fixtures ---------------------------------------------------------------------------------

@contextmanager
def client_factory(**base: Any) -> Iterator[Callable[..., TestClient]]:
    """Build TestClients over fresh apps on one store; keyword arguments become Settings."""
    clients: list[TestClient] = []

    def make(**overrides: Any) -> TestClient:
        settings = Settings(**{**base, **overrides})
        client = TestClient(create_app(settings), raise_server_exceptions=False)
        clients.append(client)
        return client

    yield make
    for c in clients:
        c.app.state.store.close()


@pytest.fixture(name="make_client")
def make_client_fixture(tmp_path: Path) -> Iterator[Callable[..., TestClient]]:
    """Build a TestClient over a fresh app on a SQLite file; keyword arguments become Settings."""
    with client_factory(db=tmp_path / "store.sqlite3") as make:
        yield make


@pytest.fixture(name="make_client_any_store")
def make_client_any_store_fixture(store_url: str) -> Iterator[Callable[..., TestClient]]:
    """``make_client`` on each backend in turn (``store_url``: SQLite, then PostgreSQL)."""
    with client_factory(database_url=store_url) as make:
        yield make


@pytest.fixture(name="client")
def client_fixture(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


@pytest.fixture(name="live_server")
def live_server_fixture(tmp_path: Path) -> Iterator[Callable[..., LiveServer]]:
    servers: list[LiveServer] = []

    def start(db: Path | None = None, workers: int = 1, env: dict[str, str] | None = None) -> LiveServer:
        server = LiveServer(db=db or tmp_path / "live.sqlite3", workers=workers, env=env)
        servers.append(server)
        return server.start()

    yield start
    for s in servers:
        s.stop()
