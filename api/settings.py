"""Settings of the API, from environment variables (pydantic-settings).

Nothing is read at import time: ``get_settings()`` builds the settings once, on first use,
and is the FastAPI dependency every route asks for (tests pass their own ``Settings`` to
``create_app``).

Environment variables (all optional)::

    RECONCILE_DB              SQLite file (default data/reconcile.sqlite3)
    DATABASE_URL              sqlite:///path/to/file.sqlite3 (wins over RECONCILE_DB)
    RECONCILE_API_KEYS        comma-separated keys; when set, writes need header X-API-Key
    RECONCILE_PROTECT_READS   true: reads need a key too (default false)
    RECONCILE_MAX_BODY_BYTES  request body limit (default 5 MB) -> 413
    RECONCILE_MAX_BATCH       articles per request (default 100) -> 413
    RECONCILE_CORS_ORIGINS    comma-separated origins allowed by CORS (default none)
    RECONCILE_WINDOW_DAYS     figures within this many days are simultaneous (default 3)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated
from urllib.parse import unquote, urlsplit

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from reconcile.errors import ConfigError

DEFAULT_DB = Path("data") / "reconcile.sqlite3"


def _split_csv(value: object) -> object:
    """``"a, b"`` -> ``["a", "b"]``; lists pass through.

    >>> _split_csv(" k1, k2 ,,")
    ['k1', 'k2']
    """
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    """Every knob of the service; each can be set by an environment variable."""

    model_config = SettingsConfigDict(env_prefix="RECONCILE_", populate_by_name=True, extra="ignore")

    db: Path = Field(default=DEFAULT_DB, description="SQLite file of the embedded store.")
    database_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("DATABASE_URL", "RECONCILE_DATABASE_URL", "database_url"),
        description="sqlite:///relative.sqlite3 or sqlite:////absolute.sqlite3; wins over db.",
    )
    api_keys: Annotated[list[str], NoDecode] = Field(default_factory=list, description="Write keys.")
    protect_reads: bool = Field(default=False, description="Require a key for reads as well.")
    max_body_bytes: int = Field(default=5 * 1024 * 1024, gt=0, description="Request body limit.")
    max_batch: int = Field(default=100, gt=0, description="Most articles accepted in one request.")
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    window_days: float = Field(default=3.0, ge=0, description="Simultaneity window of the judge.")
    busy_timeout_ms: int = Field(default=30_000, ge=0, description="How long a writer waits for the lock.")

    _split = field_validator("api_keys", "cors_origins", mode="before")(_split_csv)

    def store_url(self) -> str:
        """The store as a URL: ``database_url`` when given, else ``sqlite:///<db>``."""
        return self.database_url or f"sqlite:///{self.db}"

    def sqlite_path(self) -> Path:
        """The SQLite file named by the settings; ConfigError for another kind of URL.

        >>> Settings(database_url="sqlite:///data/x.sqlite3").sqlite_path()
        PosixPath('data/x.sqlite3')
        >>> Settings(database_url="sqlite:////tmp/y.sqlite3").sqlite_path()
        PosixPath('/tmp/y.sqlite3')
        """
        url = self.store_url()
        parts = urlsplit(url)
        if parts.scheme != "sqlite":
            raise ConfigError(f"unsupported store URL scheme {parts.scheme!r}", url_scheme=parts.scheme)
        path = unquote(url[len("sqlite:///"):]) if url.startswith("sqlite:///") else ""
        if not path:
            raise ConfigError("a sqlite URL needs a file path: sqlite:///data/reconcile.sqlite3")
        return Path(path)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings from the environment, built once on first use (a FastAPI dependency)."""
    return Settings()
