"""A worker with other requests waiting answers with ``Connection: close`` (api/rebalance.py), so a
keep-alive client moves to a free worker; a worker serving one request at a time keeps connections."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import httpx
import pytest
from apihelpers import live_server_fixture  # noqa: F401  (fixture)

from api.app import create_app
from api.schemas import SEED_FIRST_HALF, SEED_SECOND_HALF
from api.settings import Settings

BODY = {"text": SEED_FIRST_HALF + " " + SEED_SECOND_HALF, "source": "Wire", "published": "2024-10-31"}


async def _post_together(app: object, n: int) -> list[httpx.Response]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        alone = await client.post("/v1/extract", json=BODY)
        together = await asyncio.gather(*(client.post("/v1/extract", json={**BODY, "title": f"t{i}"})
                                          for i in range(n)))
        return [alone, *together]


@pytest.mark.parametrize("rebalance", [True, False])
def test_a_worker_closes_connections_only_while_other_requests_wait(tmp_path: Path, rebalance: bool) -> None:
    app = create_app(Settings(db=tmp_path / "s.sqlite3", rebalance=rebalance))
    try:
        alone, *together = asyncio.run(_post_together(app, 4))
    finally:
        app.state.store.close()
    assert all(r.status_code == 200 and r.json()["claims"] for r in [alone, *together])
    assert "connection" not in alone.headers  # nothing else waited: the client keeps its connection
    closed = [r.headers.get("connection") == "close" for r in together]
    if rebalance:  # every answer but the last one given while others were waiting
        assert sum(closed) == 3 and not closed[-1], closed
    else:
        assert not any(closed)


def _round(port: int, conns: list[socket.socket], request: bytes) -> list[bytes]:
    """Send the request on every connection at once, then read each answer's head; a closed
    connection is replaced by a new one, as an HTTP/1.1 client does."""
    for conn in conns:
        conn.sendall(request)
    heads = []
    for i, conn in enumerate(conns):
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            assert chunk, "the server dropped a connection without an answer"
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        length = int(next(line[15:] for line in head.lower().split(b"\r\n") if line.startswith(b"content-length:")))
        while len(rest) < length:
            rest += conn.recv(65536)
        heads.append(head.lower())
        if b"\r\nconnection: close" in head.lower():
            conn.close()
            conns[i] = socket.create_connection(("127.0.0.1", port), timeout=60)
    return heads


@pytest.mark.slow
@pytest.mark.parametrize("env, sheds", [({}, True), ({"RECONCILE_REBALANCE": "false"}, False)])
def test_a_live_two_worker_server_moves_clients_off_a_busy_worker(live_server, env, sheds):
    """Six keep-alive clients on a 2-worker ``reconcile serve``: at least one worker holds three of them,
    so its answers while others wait close their connections (the serve command turns this on for
    several workers); with RECONCILE_REBALANCE=false no connection is ever closed."""
    server = live_server(workers=2, env=env)
    body = httpx.Request("POST", "/", json=BODY).content
    request = (f"POST /v1/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               f"Content-Length: {len(body)}\r\n\r\n").encode() + body
    conns = [socket.create_connection(("127.0.0.1", server.port), timeout=60) for _ in range(6)]
    try:
        heads = [h for _ in range(5) for h in _round(server.port, conns, request)]
    finally:
        for conn in conns:
            conn.close()
    assert all(h.startswith(b"http/1.1 200") for h in heads)
    closed = sum(b"\r\nconnection: close" in h for h in heads)
    assert (closed > 0) == sheds, closed
