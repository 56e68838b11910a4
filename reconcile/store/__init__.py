"""Where the service keeps what it has read: a ``Store`` chosen by URL, shared by the API and the batch job.

``open_store(settings)`` returns the embedded SQLite store for ``sqlite:///`` URLs (the default:
``data/reconcile.sqlite3``) and the PostgreSQL store for ``postgresql://`` URLs (psycopg 3, the
``postgres`` extra).  The modules: ``base`` (the ``Store`` Protocol and its records), ``sql`` (every
query, shared by the backends), ``sqlite`` (the embedded backend) and its ``migrations``, ``postgres``
(the multi-machine backend), ``cursor`` (page cursors), ``settings``
(where the store is, from the environment) and ``service`` (ids, block keys and regrouping for
every writer).  A store is an edge: it does file or network I/O; the pipeline never imports it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from reconcile.errors import ConfigError
from reconcile.store.base import Store
from reconcile.store.settings import StoreSettings, sqlite_path

__all__ = ["Store", "StoreSettings", "open_store"]


def open_store(settings: StoreSettings) -> Store:
    """The store named by the settings (``DATABASE_URL``, else ``RECONCILE_DB``)."""
    url = settings.store_url()
    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        from reconcile.store.sqlite import SQLiteStore

        return SQLiteStore(sqlite_path(url), busy_timeout_ms=settings.busy_timeout_ms)
    if scheme in {"postgres", "postgresql"}:
        from reconcile.store.postgres import PostgresStore

        return PostgresStore(url, busy_timeout_ms=settings.busy_timeout_ms)
    raise ConfigError(f"unsupported DATABASE_URL scheme {scheme!r}; use sqlite:///PATH or postgresql://...",
                      url_scheme=scheme)
