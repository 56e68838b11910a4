"""Settings of the API, from environment variables (pydantic-settings).

Nothing is read at import time: ``get_settings()`` builds the settings once, on first use, when
``create_app()`` is called without settings; the app keeps them on ``app.state.settings``, where the
route dependencies read them (tests pass their own ``Settings`` to ``create_app``).

Environment variables (all optional)::

    RECONCILE_DB              SQLite file (default data/reconcile.sqlite3)
    DATABASE_URL              sqlite:///path/to/file.sqlite3 or postgresql://... (wins over RECONCILE_DB)
    RECONCILE_API_KEYS        comma-separated keys; when set, writes need header X-API-Key
    RECONCILE_PROTECT_READS   true: reads need a key too (default false)
    RECONCILE_MAX_BODY_BYTES  request body limit (default 5 MB) -> 413
    RECONCILE_MAX_BATCH       articles per request (default 100) -> 413
    RECONCILE_CORS_ORIGINS    comma-separated origins allowed by CORS (default none)
    RECONCILE_WINDOW_DAYS     figures within this many days are simultaneous (default 3)
    RECONCILE_ACCESS_LOG      false: no uvicorn access-log line per request (default true)
    RECONCILE_EXTRACT_CACHE_ENTRIES  POST /v1/extract answers cached per worker (default 256; 0: none)
    RECONCILE_EXTRACT_CACHE_BYTES    and their total size at most (default 32 MB)
    RECONCILE_REUSE_PORT      true: with reconcile serve --workers N, a listening socket per worker
                              (SO_REUSEPORT, Linux; api/workers.py); default false: one shared socket
    RECONCILE_REBALANCE       true: a worker with requests waiting answers with Connection: close, so
                              keep-alive clients move to a free worker (api/rebalance.py); reconcile serve
                              sets it to true when it starts several workers, unless it is set already

The store's own settings (``db``, ``database_url``, ``busy_timeout_ms``) are
``reconcile.store.settings.StoreSettings``, shared with ``reconcile batch --db``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import NoDecode

from reconcile.store.settings import DEFAULT_DB, StoreSettings

__all__ = ["DEFAULT_DB", "Settings", "get_settings"]


def _split_csv(value: object) -> object:
    """``"a, b"`` -> ``["a", "b"]``; lists pass through.

    >>> _split_csv(" k1, k2 ,,")
    ['k1', 'k2']
    """
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(StoreSettings):
    """Every knob of the service; each can be set by an environment variable (the store's location
    and lock patience come from ``StoreSettings``)."""

    api_keys: Annotated[list[str], NoDecode] = Field(default_factory=list, description="Write keys.")
    protect_reads: bool = Field(default=False, description="Require a key for reads as well.")
    max_body_bytes: int = Field(default=5 * 1024 * 1024, gt=0, description="Request body limit.")
    max_batch: int = Field(default=100, gt=0, description="Most articles accepted in one request.")
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    window_days: float = Field(default=3.0, ge=0, description="Simultaneity window of the judge.")
    access_log: bool = Field(default=True, description="uvicorn logs one line per request (as --no-access-log).")
    extract_cache_entries: int = Field(default=256, ge=0, description="POST /v1/extract answers cached per "
                                       "worker, least recently used out first (0: no cache).")
    extract_cache_bytes: int = Field(default=32 * 1024 * 1024, ge=0, description="Total size of those answers.")
    reuse_port: bool = Field(default=False, description="reconcile serve --workers N: a listening socket per worker "
                             "(SO_REUSEPORT) instead of one shared socket; see api/workers.py for the trade-off.")
    rebalance: bool = Field(default=False, description="A worker with other requests waiting ends its answer with "
                            "Connection: close, so the client reconnects to a free worker (api/rebalance.py).")

    _split = field_validator("api_keys", "cors_origins", mode="before")(_split_csv)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings from the environment, built once on first use (a FastAPI dependency)."""
    return Settings()
