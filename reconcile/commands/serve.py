"""``reconcile serve``: the REST API and the web page, with uvicorn and the embedded store.

An edge: it reads the environment and starts a server.  The app is built by the factory
``api.app:serve_app`` in each worker; ``--db`` reaches the workers through ``DATABASE_URL``.
With ``--workers N`` (default: one per CPU) the workers share one listening socket (uvicorn's way), or, with
``RECONCILE_REUSE_PORT=true`` (Linux), each listens on a socket of its own on the same port
(``SO_REUSEPORT``, api/workers.py: when to choose which).  With several workers a busy worker sends
keep-alive clients to a free one (``RECONCILE_REBALANCE``, api/rebalance.py), unless the environment says
otherwise.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from reconcile.batch.engines import default_workers

log = logging.getLogger(__name__)

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def run_serve(args: argparse.Namespace, *, parser: argparse.ArgumentParser) -> int:
    if not 0 < args.port < 65536:
        parser.error(f"--port: {args.port} is not a TCP port (1-65535)")
    if args.workers is None:
        args.workers = default_workers()
    if args.workers < 1:
        parser.error(f"--workers: {args.workers} must be 1 or more")
    import uvicorn

    from api import workers
    from api.settings import get_settings
    from reconcile.errors import ReconcileError
    from reconcile.store import open_store
    from reconcile.store.settings import redacted, url_for

    if args.workers > 1:  # keep-alive clients move to a free worker (api/rebalance.py) unless told otherwise
        os.environ.setdefault("RECONCILE_REBALANCE", "true")
    if args.db:  # a SQLite file, or a store URL (postgresql://...)
        os.environ["DATABASE_URL"] = url_for(args.db)
    get_settings.cache_clear()
    try:  # create or migrate the store once, here, so a bad path or window fails clearly
        settings = get_settings()
        store = open_store(settings)
        try:
            store.check_window(settings.window_days)  # groups judged with one window only
        finally:
            store.close()
    except ReconcileError as exc:
        print(f"reconcile: {exc.message}", file=sys.stderr)
        return 1
    if args.host not in LOOPBACK:
        keys = "with" if settings.api_keys else "WITHOUT"
        print(f"reconcile: serving on {args.host}, reachable from other machines, {keys} API keys",
              file=sys.stderr)
    print(f"reconcile: store {redacted(settings.store_url())}; API docs at http://{args.host}:{args.port}/docs",
          file=sys.stderr)
    options = {"factory": True, "host": args.host, "port": args.port, "workers": args.workers, "log_level": "info"}
    if args.workers > 1 and settings.reuse_port and workers.reuse_port_supported():  # see api/workers.py
        try:
            workers.check_port_free(args.host, args.port)
        except OSError as exc:
            print(f"reconcile: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        config = uvicorn.Config("api.app:serve_app", **options)
        logging.getLogger("uvicorn.error").info("Uvicorn running on http://%s:%d with %d workers, a socket each "
                                                "(Press CTRL+C to quit)", args.host, args.port, args.workers)
        workers.run_workers(config)
    else:
        uvicorn.run("api.app:serve_app", **options)
    return 0
