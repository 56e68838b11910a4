"""The FastAPI app: ``create_app(settings=None)`` builds it (uvicorn calls it as a factory).

    uvicorn --factory api.app:create_app        # or: reconcile serve (factory ``api.app:serve_app``)
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from api.errors import install_error_handlers
from api.extract_cache import ResponseCache
from api.limits import BodyLimitMiddleware
from api.rebalance import RebalanceMiddleware
from api.routes import articles, claims, discrepancies, extract, health, pages
from api.routes import reconcile as reconcile_routes
from api.schemas import SEED_FIRST_HALF
from api.settings import Settings, get_settings
from reconcile import __version__, extract_claims
from reconcile.models import Article
from reconcile.store import open_store

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"

DESCRIPTION = """\
Find every numeric claim in news articles, group the claims that measure the same quantity across
sources, and judge each group: **conflict**, **evolving**, **scope** or **consistent**, with a reason
and per-source provenance.  The service remembers what it has read (an embedded SQLite store), so a
new article is reconciled against everything stored.

* Lists come as `{"items": [...], "total": N, "next": cursor-or-null}`; pass `next` as `?cursor=`.
* Errors always come as `{"error": {"code", "message", "details"}}`.
* Writes need an `X-API-Key` header when the server sets `RECONCILE_API_KEYS`.
"""


def _document_limits(app: FastAPI, settings: Settings) -> None:
    """Put the configured batch limit into the OpenAPI schema (maxItems), so the schema tells
    clients exactly what the server accepts; going over it is a 413."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            for name in ("ArticleBatch", "ReconcileRequest"):
                articles = schema.get("components", {}).get("schemas", {}).get(name, {}).get("properties", {})
                if "articles" in articles:
                    articles["articles"]["maxItems"] = settings.max_batch
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _quiet_access_log() -> None:
    """What ``uvicorn --no-access-log`` does: the access logger loses its handlers, and uvicorn
    (which checks ``hasHandlers()`` per connection) then skips formatting a line per request."""
    access = logging.getLogger("uvicorn.access")
    access.handlers = []
    access.propagate = False


def _warm_up() -> None:
    """One extraction before the first request: the lexicons, the compiled patterns and the unit
    registry are loaded once per process, and would otherwise add ~100 ms to a worker's first answer."""
    extract_claims(Article(id="warm-up", text=SEED_FIRST_HALF))


def _freeze_start_up_objects() -> None:
    """Take what a worker holds after start-up out of the garbage collector's sight (``gc.freeze``).

    Modules, lexicons, compiled patterns, the unit registry, the app's routes and schemas (~65,000
    objects) live as long as the worker; left in the collector's oldest generation, every full
    collection walks them all again: ~65 ms once in every ~200 extract requests (~0.3 ms a request,
    and a pause that lands in the latency tail).  Start-up garbage is collected first, so only live
    objects are frozen.  Only for a server process (``serve_app``): a test process builds many
    apps, and freezing each one's objects would keep them for good."""
    gc.collect()
    gc.freeze()


def create_app(settings: Settings | None = None, *, freeze_gc: bool = False) -> FastAPI:
    """The app on the given settings (default: from the environment), with its store opened.
    ``freeze_gc``: after the warm-up, freeze the start-up objects (see ``_freeze_start_up_objects``)."""
    settings = settings or get_settings()
    store = open_store(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        _warm_up()
        if freeze_gc:
            _freeze_start_up_objects()
        yield
        store.close()

    app = FastAPI(title="reconcile: conflicting numbers in the news", version=__version__,
                  description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.state.store = store
    app.state.extract_cache = ResponseCache(max_entries=settings.extract_cache_entries,
                                            max_bytes=settings.extract_cache_bytes)
    if not settings.access_log:
        _quiet_access_log()
    install_error_handlers(app)
    for module in (extract, reconcile_routes, articles, claims, discrepancies, health):
        app.include_router(module.router)
    app.include_router(pages.router)
    if STATIC_DIR.is_dir() and any(p.is_file() for p in STATIC_DIR.iterdir()):
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _document_limits(app, settings)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    if settings.rebalance:
        app.add_middleware(RebalanceMiddleware)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST", "DELETE"], allow_headers=["Content-Type", "X-API-Key"])
    return app


def serve_app() -> FastAPI:
    """The app as ``reconcile serve`` runs it in each uvicorn worker: settings from the environment,
    start-up objects frozen after the warm-up."""
    return create_app(freeze_gc=True)
