"""A bounded cache of POST /v1/extract answers, one per worker process.

Extraction is a pure function of the posted article (its text, id, url, source, published date and
title), so the same article posted again gets the same claims: a fact-check tool re-checking a story,
or several people sending the same wire story, are answered from here without extracting again.

The key is a SHA-256 of the article as validated (every field, as JSON); the value is the JSON bytes
of the answer, so a hit skips extraction and serialisation alike.  The cache is bounded in entries
and in bytes, least recently used out first (``RECONCILE_EXTRACT_CACHE_ENTRIES``,
``RECONCILE_EXTRACT_CACHE_BYTES``; 0 entries turns it off).  It is used from the event loop only.

A hit is not the extraction speed: the benchmark (bench/api_load.py) reports the same article posted
again (hits) apart from a different article every time (no hit possible).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from pydantic import BaseModel


def cache_key(article: BaseModel) -> bytes:
    """The key of a posted article: a digest of every field it was validated with.

    >>> from api.schemas import ArticleIn
    >>> cache_key(ArticleIn(text="a")) == cache_key(ArticleIn(text="a"))
    True
    >>> cache_key(ArticleIn(text="a")) == cache_key(ArticleIn(text="a", source="Wire"))
    False
    """
    return hashlib.sha256(article.model_dump_json().encode("utf-8", "surrogatepass")).digest()


class ResponseCache:
    """Least-recently-used answers, at most ``max_entries`` of them and ``max_bytes`` in all.

    >>> c = ResponseCache(max_entries=2, max_bytes=10)
    >>> c.put(b"a", b"1234"); c.put(b"b", b"5678"); c.get(b"a")
    b'1234'
    >>> c.put(b"c", b"90"); c.get(b"b") is None, len(c), c.nbytes   # b was the least recently used
    (True, 2, 6)
    >>> c.put(b"d", b"x" * 11); c.get(b"d") is None               # bigger than the whole cache
    True
    >>> c.put(b"e", b"y" * 9); c.get(b"a"), c.get(b"c"), len(c)   # the bytes bound evicts too
    (None, None, 1)
    """

    def __init__(self, *, max_entries: int, max_bytes: int) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.nbytes = 0
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[bytes, bytes] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    @property
    def enabled(self) -> bool:
        return self.max_entries > 0 and self.max_bytes > 0

    def get(self, key: bytes) -> bytes | None:
        body = self._items.get(key)
        if body is None:
            self.misses += 1
            return None
        self._items.move_to_end(key)
        self.hits += 1
        return body

    def put(self, key: bytes, body: bytes) -> None:
        if not self.enabled or len(body) > self.max_bytes:
            return
        old = self._items.pop(key, None)
        if old is not None:
            self.nbytes -= len(old)
        self._items[key] = body
        self.nbytes += len(body)
        while len(self._items) > self.max_entries or self.nbytes > self.max_bytes:
            _, evicted = self._items.popitem(last=False)
            self.nbytes -= len(evicted)
