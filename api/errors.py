"""Every error the API returns, in one place and one shape::

    {"error": {"code": "not_found", "message": "no article 'x'", "details": {...}}}

``ReconcileError`` subclasses (reconcile/errors.py) map to a status by class; FastAPI's
request validation and Starlette's HTTP errors (unknown route, wrong method) are rewritten
into the same shape; anything unexpected becomes a 500 with no traceback in the body.
The errors that only make sense over HTTP (401, 409, 413, 415) are defined here, as
``ReconcileError`` subclasses, so ``reconcile/`` never knows about HTTP.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from reconcile.errors import (
    ConfigError,
    InvalidInput,
    NotFound,
    ReconcileError,
    StoreError,
    UnitMismatch,
    UnreadableArticle,
)

log = logging.getLogger(__name__)


class Unauthorized(ReconcileError, PermissionError):
    """A write (or a protected read) without a valid X-API-Key."""

    code = "unauthorized"


class Conflict(ReconcileError, ValueError):
    """The request contradicts itself or the store (e.g. one id with two texts in a batch)."""

    code = "conflict"


class PayloadTooLarge(ReconcileError, ValueError):
    """A body over the size limit, or more articles than a batch may hold."""

    code = "payload_too_large"


class UnsupportedMediaType(ReconcileError, ValueError):
    """A body that is not JSON."""

    code = "unsupported_media_type"


#: HTTP status of each error class; the first class in the MRO that is listed wins.
STATUS_BY_ERROR: dict[type[ReconcileError], int] = {
    NotFound: 404,
    Unauthorized: 401,
    Conflict: 409,
    PayloadTooLarge: 413,
    UnsupportedMediaType: 415,
    InvalidInput: 422,
    UnreadableArticle: 422,
    UnitMismatch: 422,
    ConfigError: 500,
    StoreError: 503,
    ReconcileError: 422,
}

#: Codes for Starlette's own HTTP errors (unknown path, wrong method...).
CODE_BY_STATUS = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


class ErrorDetail(BaseModel):
    code: str = Field(examples=["not_found"])
    message: str = Field(examples=["no article 'abc-austin-kyiv'"])
    details: dict[str, Any] = Field(default_factory=dict)


class ErrorBody(BaseModel):
    """The one error shape of the API."""

    error: ErrorDetail


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {s: {"model": ErrorBody, "description": CODE_BY_STATUS.get(s, "error")} for s in statuses}


#: OpenAPI ``responses`` for routers: reads, and writes (which may also be refused or too big).
READ_ERRORS = error_responses(401, 404, 422, 503)
WRITE_ERRORS = error_responses(401, 404, 409, 413, 415, 422, 503)


def status_for(exc: ReconcileError) -> int:
    """The HTTP status of a ReconcileError.

    >>> status_for(NotFound("x")), status_for(PayloadTooLarge("x")), status_for(InvalidInput("x"))
    (404, 413, 422)
    """
    for cls in type(exc).__mro__:
        if cls in STATUS_BY_ERROR:
            return STATUS_BY_ERROR[cls]
    return 500


def error_response(status: int, code: str, message: str, details: dict[str, Any] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """The one error response; also used by the body-size middleware."""
    body = ErrorBody(error=ErrorDetail(code=code, message=message, details=details or {}))
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


def _jsonable(value: Any) -> Any:
    """Keep only JSON-safe scalars and containers (pydantic ctx may hold exceptions)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


async def _reconcile_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ReconcileError)
    status = status_for(exc)
    if status >= 500:
        log.error("%s on %s %s: %s", exc.code, request.method, request.url.path, exc.message)
    headers = {"WWW-Authenticate": "X-API-Key"} if status == 401 else None
    return error_response(status, exc.code, exc.message, _jsonable(exc.details), headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [
        {"loc": _jsonable(list(e.get("loc", ()))), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
        for e in exc.errors()
    ]
    first = problems[0] if problems else {"loc": [], "msg": "invalid request"}
    where = ".".join(str(p) for p in first["loc"])
    message = f"invalid request: {where}: {first['msg']}" if where else f"invalid request: {first['msg']}"
    return error_response(422, "validation_error", message, {"errors": problems})


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = CODE_BY_STATUS.get(exc.status_code, "http_error")
    if exc.status_code == 404 and exc.detail == "Not Found":
        message = f"no such endpoint: {request.method} {request.url.path}"
    elif exc.status_code == 405:
        message = f"method {request.method} not allowed on {request.url.path}"
    else:
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, "internal_error", "internal error; the server log has the details")


def install_error_handlers(app: FastAPI) -> None:
    """Map every error to the one JSON shape."""
    app.add_exception_handler(ReconcileError, _reconcile_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
