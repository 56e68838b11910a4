"""Where the store lives: the settings the API and the batch job share (pydantic-settings).

Defined here, read at the edges: ``reconcile serve`` and the API build ``api.settings.Settings``
(a subclass adding the HTTP knobs), ``reconcile batch --db`` builds ``StoreSettings`` itself; both
read the same environment variables, on first use, never at import time::

    RECONCILE_DB              SQLite file (default data/reconcile.sqlite3)
    DATABASE_URL              sqlite:///path/to/file.sqlite3 or postgresql://... (wins over RECONCILE_DB)
    RECONCILE_BUSY_TIMEOUT_MS how long a writer waits for the SQLite write lock (default 30000)
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from reconcile.errors import ConfigError

DEFAULT_DB = Path("data") / "reconcile.sqlite3"


class StoreSettings(BaseSettings):
    """The store's location and its write-lock patience; each can be set by an environment variable."""

    model_config = SettingsConfigDict(env_prefix="RECONCILE_", populate_by_name=True, extra="ignore")

    db: Path = Field(default=DEFAULT_DB, description="SQLite file of the embedded store.")
    database_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("DATABASE_URL", "RECONCILE_DATABASE_URL", "database_url"),
        description="sqlite:///relative.sqlite3, sqlite:////absolute.sqlite3 or postgresql://...; wins over db.",
    )
    busy_timeout_ms: int = Field(default=30_000, ge=0, description="How long a writer waits for the lock.")

    def store_url(self) -> str:
        """The store as a URL: ``database_url`` when given, else ``sqlite:///<db>``.

        >>> StoreSettings(db="x.sqlite3", database_url=None).store_url()
        'sqlite:///x.sqlite3'
        """
        return self.database_url or f"sqlite:///{self.db}"

    def sqlite_path(self) -> Path:
        """The SQLite file named by the settings; ConfigError for another kind of URL.

        >>> StoreSettings(database_url="sqlite:///data/x.sqlite3").sqlite_path()
        PosixPath('data/x.sqlite3')
        >>> StoreSettings(database_url="sqlite:////tmp/y.sqlite3").sqlite_path()
        PosixPath('/tmp/y.sqlite3')
        """
        return sqlite_path(self.store_url())


def sqlite_path(url: str) -> Path:
    """The file of a ``sqlite:///`` URL; ConfigError for another kind of URL or none.

    >>> sqlite_path("sqlite:///rel/a.db"), sqlite_path("sqlite:////abs/a.db")
    (PosixPath('rel/a.db'), PosixPath('/abs/a.db'))
    >>> sqlite_path("mysql://h/x")
    Traceback (most recent call last):
    reconcile.errors.ConfigError: unsupported store URL scheme 'mysql'
    """
    parts = urlsplit(url)
    if parts.scheme != "sqlite":
        raise ConfigError(f"unsupported store URL scheme {parts.scheme!r}", url_scheme=parts.scheme)
    path = unquote(url[len("sqlite:///"):]) if url.startswith("sqlite:///") else ""
    if not path:
        raise ConfigError("a sqlite URL needs a file path: sqlite:///data/reconcile.sqlite3")
    return Path(path)


def url_for(target: str | Path) -> str:
    """A ``--db`` argument as a store URL: URLs pass through, a path becomes ``sqlite:///ABSOLUTE``.

    >>> url_for("postgresql://db/x")
    'postgresql://db/x'
    >>> url_for("/tmp/a.sqlite3")
    'sqlite:////tmp/a.sqlite3'
    """
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def redacted(url: str) -> str:
    """The URL with any password hidden, for logs and run summaries.

    >>> redacted("postgresql://me:secret@db.example:5432/news")
    'postgresql://me:***@db.example:5432/news'
    >>> redacted("sqlite:////tmp/a.sqlite3")
    'sqlite:////tmp/a.sqlite3'
    """
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()
