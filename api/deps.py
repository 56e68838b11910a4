"""FastAPI dependencies: the store, the API key, the JSON media type.

They read the settings and the store the app was built with (``app.state``) and do no I/O, so
they are ``async def``: FastAPI runs a plain ``def`` dependency in the threadpool, a thread hop
per dependency per request.  (A ``dependency_overrides`` entry would also make FastAPI rebuild
every dependency tree on every request.)
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader

from api.errors import Unauthorized, UnsupportedMediaType
from api.settings import Settings
from reconcile.store.base import Store

api_key_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, scheme_name="ApiKey",
    description="Needed for writes and deletes when the server sets RECONCILE_API_KEYS "
    "(and for reads too with RECONCILE_PROTECT_READS=true).",
)


async def get_store(request: Request) -> Store:
    return request.app.state.store


async def get_app_settings(request: Request) -> Settings:
    """The settings the app was built with (``create_app(settings)``; by default ``get_settings()``)."""
    return request.app.state.settings


def key_is_valid(given: str | None, keys: list[str]) -> bool:
    """Constant-time check of ``given`` against every configured key.

    >>> key_is_valid("b", ["a", "b"]), key_is_valid(None, ["a"]), key_is_valid("x", ["a"])
    (True, False, False)
    """
    if given is None:
        return False
    raw = given.encode("utf-8", "surrogateescape")
    ok = False
    for key in keys:  # no early exit: the time does not tell which key matched
        ok |= hmac.compare_digest(raw, key.encode("utf-8", "surrogateescape"))
    return ok


def _check(settings: Settings, key: str | None) -> None:
    if settings.api_keys and not key_is_valid(key, settings.api_keys):
        message = "missing X-API-Key header" if key is None else "invalid API key"
        raise Unauthorized(message)


async def require_write_key(settings: Annotated[Settings, Depends(get_app_settings)],
                            key: Annotated[str | None, Security(api_key_header)]) -> None:
    """Writes and deletes need a key when RECONCILE_API_KEYS is set."""
    _check(settings, key)


async def require_read_key(settings: Annotated[Settings, Depends(get_app_settings)],
                           key: Annotated[str | None, Security(api_key_header)]) -> None:
    """Reads need a key only with RECONCILE_PROTECT_READS=true."""
    if settings.protect_reads:
        _check(settings, key)


async def require_json(request: Request) -> None:
    """Bodies must be JSON (application/json or any +json type)."""
    ctype = request.headers.get("content-type", "")
    media = ctype.split(";", 1)[0].strip().lower()
    if media != "application/json" and not (media.startswith("application/") and media.endswith("+json")):
        raise UnsupportedMediaType(f"send the body as JSON with Content-Type: application/json (got {media or 'none'})",
                                   content_type=media)


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
