"""Spread keep-alive clients over several workers request by request, not connection by connection.

With ``reconcile serve --workers N`` the workers share one listening socket, and a new connection goes
to whichever worker's event loop is free to accept it: a worker busy extracting does not accept.
That is load-aware, but only once per connection.  A keep-alive connection then carries all of its
client's requests to the same worker, however busy it has become: 8 clients that fell 6/2 on two
workers queue six on one core while the other core idles a third of the time (p99 68 ms where a
balanced 4/4 gives half that).

So a worker that still has other requests to serve when it answers one (its event loop is the
bottleneck: they wait behind it) ends that answer with ``Connection: close``.  Every HTTP/1.1 client
then opens a new connection for its next request, and that connection is accepted by the worker that
is free first, most often the idle one.  Clients move off a crowded worker one by one until no worker
queues behind another; a loopback connection costs ~0.1 ms.

Only a server of several workers sheds (``RECONCILE_REBALANCE``; ``reconcile serve`` turns it on when it
starts more than one worker): with one worker there is nowhere else to go.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CLOSE = (b"connection", b"close")


class RebalanceMiddleware:
    """Count this worker's requests in progress; answer with ``Connection: close`` while others wait.

    >>> import asyncio
    >>> async def app(scope, receive, send):
    ...     await send({"type": "http.response.start", "status": 200, "headers": []})
    >>> async def answer(mw):
    ...     sent = []
    ...     async def send(message): sent.append(message)
    ...     await mw({"type": "http"}, None, send)
    ...     return sent[0]["headers"]
    >>> mw = RebalanceMiddleware(app)
    >>> asyncio.run(answer(mw))        # alone: the connection is kept
    []
    >>> mw.in_flight = 1               # another request is waiting
    >>> asyncio.run(answer(mw)), mw.in_flight
    ([(b'connection', b'close')], 1)
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_shedding(message: Message) -> None:
            if message["type"] == "http.response.start" and self.in_flight > 1:
                headers = list(message.get("headers", []))
                if not any(name.lower() == b"connection" for name, _ in headers):
                    message = {**message, "headers": [*headers, CLOSE]}
            await send(message)

        self.in_flight += 1
        try:
            await asyncio.sleep(0)  # let the requests read with this one count themselves before it runs
            await self.app(scope, receive, send_shedding)
        finally:
            self.in_flight -= 1
