"""Where the API keeps what it has read: a ``Store`` chosen by URL.

``open_store(settings)`` returns the embedded SQLite store for ``sqlite:///`` URLs (the
default: ``data/reconcile.sqlite3``).  A PostgreSQL backend for multi-machine deployments
plugs in here: implement ``api.store.base.Store`` in ``api/store/postgres.py`` (psycopg,
``SELECT ... FOR UPDATE``/advisory lock per block key instead of ``BEGIN IMMEDIATE``, the
same UNIQUE constraints, ``jsonb`` bodies) and dispatch ``postgresql://`` URLs to it below.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from api.settings import Settings
from api.store.base import Store
from reconcile.errors import ConfigError

__all__ = ["Store", "open_store"]


def open_store(settings: Settings) -> Store:
    """The store named by the settings (``DATABASE_URL``, else ``RECONCILE_DB``)."""
    scheme = urlsplit(settings.store_url()).scheme
    if scheme == "sqlite":
        from api.store.sqlite import SQLiteStore

        return SQLiteStore(settings.sqlite_path(), busy_timeout_ms=settings.busy_timeout_ms)
    if scheme in {"postgres", "postgresql"}:
        raise ConfigError("no PostgreSQL backend is installed in this build; use a sqlite:/// URL "
                          "(see the README, REST API section, for how one plugs in)", url_scheme=scheme)
    raise ConfigError(f"unsupported DATABASE_URL scheme {scheme!r}; use sqlite:///PATH", url_scheme=scheme)
