"""Several uvicorn workers on one port, each with a listening socket of its own (``SO_REUSEPORT``):
``reconcile serve --workers N`` with ``RECONCILE_REUSE_PORT=true`` (off by default).

With uvicorn's own ``--workers N`` the parent binds one socket and every worker accepts from it.
A worker busy extracting (CPU work on its event loop) does not accept, so a connection made while
one worker is busy goes to the other: the shared socket is load-aware.  But a burst of connections
opened one after another by one client (a connection pool) while both workers are idle is taken
whole by the worker woken first, as uvloop accepts every pending connection in one go: 8 such
keep-alive connections landed 8/0 or 7/1 on two workers in 18 of 20 trials on this machine, and
then seven clients queue on one core while the other serves one (8/0 halves the throughput).
Clients that connect from separate processes at the same moment (bench/api_load.py's) were spread
5/3 or 4/4 in 18 of 20 trials.

With a socket per worker, the kernel hashes each new connection (its address and port pair) to one
of the sockets: an even spread on average, random for a few connections (8 connections: 5/3, 4/4,
6/2, sometimes 7/1, whoever connects), but blind to which worker is busy.  So: keep the default for
clients that open a connection per request or connect from many processes; turn it on for clients
that hold a pool of keep-alive connections opened at once.

uvicorn's supervisor (``uvicorn.supervisors.Multiprocess``: health checks, restarts, signals) is kept
as it is.  It hands every worker the same list of sockets, pickled; the list holds one
``PerWorkerSocket``, which pickles as "bind a new ``SO_REUSEPORT`` socket on this address", so each
worker (and each replacement worker) binds its own when it unpickles it.
"""

from __future__ import annotations

import socket
import sys
from typing import Any


def reuse_port_supported() -> bool:
    """``SO_REUSEPORT`` spreads connections across sockets on Linux only (elsewhere one socket gets them all)."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def _family(host: str) -> socket.AddressFamily:
    """
    >>> _family("127.0.0.1").name, _family("::1").name
    ('AF_INET', 'AF_INET6')
    """
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def bind_reuse_port(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``(host, port)`` with ``SO_REUSEPORT``, not yet listening (uvicorn listens
    with its backlog)."""
    sock = socket.socket(_family(host), socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except BaseException:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def check_port_free(host: str, port: int) -> None:
    """Raise ``OSError`` when something listens on ``(host, port)`` already: a plain bind (without
    ``SO_REUSEPORT``) fails then, so a second server is refused rather than joining the first one's
    group and taking half its connections."""
    with socket.socket(_family(host), socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))


class PerWorkerSocket(socket.socket):
    """A placeholder for the parent's list of sockets: it is never bound in the parent, and pickles
    as a call of ``bind_reuse_port(host, port)``, so each worker process gets a socket of its own."""

    def __init__(self, host: str, port: int) -> None:
        super().__init__(_family(host), socket.SOCK_STREAM)
        self.host, self.port = host, port

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:  # type: ignore[override]
        return bind_reuse_port, (self.host, self.port)


def run_workers(config: Any) -> None:
    """Run ``config.workers`` uvicorn workers on ``config.host``/``config.port``, each with its own socket
    (the way ``uvicorn.run`` runs its workers, but with per-worker sockets)."""
    from uvicorn.supervisors import Multiprocess

    placeholder = PerWorkerSocket(config.host, config.port)
    try:
        Multiprocess(config, sockets=[placeholder]).run()
    finally:
        placeholder.close()
