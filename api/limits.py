"""Request body limit, as plain ASGI middleware: a declared Content-Length over the limit is refused
at once; otherwise the body is counted as it streams in and refused as soon as it passes the limit
(chunked uploads have no Content-Length).  The refusal is the API's one error shape, status 413."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_response

BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self, seen: int | None):  # type: ignore[no-untyped-def]
        details = {"limit_bytes": self.max_bytes}
        if seen is not None:
            details["content_length"] = seen
        return error_response(413, "payload_too_large",
                              f"request body over the limit of {self.max_bytes} bytes", details)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        declared = None
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await error_response(400, "bad_request", "invalid Content-Length header")(scope, receive, send)
                    return
        if declared is not None and declared > self.max_bytes:
            await self._too_large(declared)(scope, receive, send)
            return
        chunks: list[bytes] = []
        total = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > self.max_bytes:
                await self._too_large(None)(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
