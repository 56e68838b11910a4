"""Where a route runs pure-CPU pipeline work: on the event loop when it is small, else in the threadpool.

For a news article the pipeline takes a few milliseconds; a trip to the threadpool and back costs a
good part of that again (and a plain ``def`` route pays it twice: once for the route, once more for
validating its return value).  So small inputs run right on the event loop, and only big ones, which
would hold the loop long enough to delay other requests (health checks, reads), go to the threadpool.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

from starlette.concurrency import run_in_threadpool

P = ParamSpec("P")
T = TypeVar("T")

#: Inputs up to this many characters of text run on the event loop (a 5 KB article is ~5,000).
INLINE_CHARS = 20_000


async def run_cpu_bound(chars: int, func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``func(*args, **kwargs)``, inline when ``chars`` is at most ``INLINE_CHARS``, else in the threadpool."""
    if chars <= INLINE_CHARS:
        return func(*args, **kwargs)
    return await run_in_threadpool(func, *args, **kwargs)
