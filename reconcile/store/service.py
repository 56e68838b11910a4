"""Writing articles into a store: ids, block keys, incremental regrouping, the stale-check retry.

Shared by every writer of a store (the API's ``POST /v1/articles`` and ``reconcile batch --db``), so
that they agree on identities and on groups.  Extraction and grouping are
``reconcile.pipeline.extract_claims`` and ``reconcile.pipeline.reconcile`` exactly; the incremental
regrouping uses ``reconcile.group.block_key`` to know which stored claims can share a group with new ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reconcile.group import block_key
from reconcile.models import Article, Claim, Group, make_claim_id
from reconcile.pipeline import extract_claims, reconcile
from reconcile.store.base import Incoming, PutResult, Regroup, StaleIncoming, Store

#: Block keys regrouped per write transaction when a deferred regroup catches up.
REGROUP_KEYS_PER_TRANSACTION = 200


def derived_id(article_id: str | None, url: str | None, text: str, source: str | None = None) -> tuple[str, bool]:
    """The article's id and whether the caller gave it; else one derived from the URL, else from the
    text and the outlet (the same text from two outlets is two articles: a syndicated copy is the
    reconciler's business).

    >>> derived_id("x", None, "t")
    ('x', True)
    >>> derived_id(None, "https://a.example/1", "t")[0].startswith("url-")
    True
    >>> derived_id(None, None, "t")
    ('sha-e3b98a4da31a127d', False)
    >>> derived_id(None, None, "t", "Wire") == derived_id(None, None, "t", "WIRE") != derived_id(None, None, "t", "Post")
    True
    """
    if article_id:
        return article_id, True
    if url:
        return "url-" + hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:16], False
    keyed = text if source is None else f"{source.lower()}\x00{text}"
    return "sha-" + hashlib.sha256(keyed.encode("utf-8", "surrogatepass")).hexdigest()[:16], False


def block_keys(claims: Sequence[Claim]) -> list[str | None]:
    """The block key of each claim (``reconcile.group.block_key``): claims in different blocks never
    share a group, so a write regroups only the blocks it touches; None = comparable with nothing."""
    return [block_key(claim) for claim in claims]


def relabel(claims: Sequence[Claim], article_id: str) -> list[Claim]:
    """The claims as claims of the article ``article_id``: article id, claim ids and the ids of
    "from X to Y" pairs follow the new id (``make_claim_id`` of the id and the span, as extraction
    makes them), so two articles never share one.

    >>> from reconcile.models import Kind
    >>> a = Claim.model_construct(article_id="a.txt", claim_id="old", start=5, end=7, change_id="c")
    >>> b = Claim.model_construct(article_id="a.txt", claim_id="old2", start=12, end=14, change_id="c")
    >>> x, y = relabel([a, b], "sha-1")
    >>> x.article_id, x.claim_id == make_claim_id("sha-1", 5, 7), x.change_id == y.change_id == make_claim_id("sha-1", 5, 14)
    ('sha-1', True, True)
    """
    if all(c.article_id == article_id for c in claims):
        return list(claims)
    spans: dict[str, tuple[int, int]] = {}
    for c in claims:
        if c.change_id:
            lo, hi = spans.get(c.change_id, (c.start, c.end))
            spans[c.change_id] = (min(lo, c.start), max(hi, c.end))
    out = []
    for c in claims:
        update: dict[str, object] = {"article_id": article_id, "claim_id": make_claim_id(article_id, c.start, c.end)}
        if c.change_id:
            update["change_id"] = make_claim_id(article_id, *spans[c.change_id])
        out.append(c.model_copy(update=update))
    return out


@dataclass(frozen=True)
class Regrouper:
    """The regroup function a store calls on the current claims of the blocks a write touched; the
    store pins its ``window_days`` (groups judged with two windows would not agree)."""

    window_days: float

    def __call__(self, claims: list[Claim]) -> list[Group]:
        return reconcile(claims, window_days=self.window_days)


def regroup_with(window_days: float) -> Regroup:
    """``reconcile.reconcile`` with this window, as a store's regroup function."""
    return Regrouper(window_days)


def incoming(article: Article, given: bool, store: Store | None, *,
             extract: Callable[[Article], list[Claim]] = extract_claims) -> Incoming:
    """The article ready to write; extraction is skipped when the store already holds this exact text
    under the id it resolves to (an idempotent re-post costs a lookup, not an extraction)."""
    if store is not None:
        found = store.stored_as(article, id_given=given)
        if found is not None and found[1] == article.content_hash:
            return Incoming(article=article, claims=[], block_keys=[], id_given=given, expect_unchanged=True)
    claims = extract(article)
    return Incoming(article=article, claims=claims, block_keys=block_keys(claims), id_given=given)


def extract_and_put(store: Store, articles: Sequence[tuple[Article, bool]], *, window_days: float,
                    extract: Callable[[Article], list[Claim]] = extract_claims) -> list[PutResult]:
    """Extract (outside any lock), then store and regroup in one write transaction; an article found
    stored but changed by another writer in between is extracted and the write done again."""
    items = [incoming(a, given, store, extract=extract) for a, given in articles]
    try:
        return store.put_articles(items, regroup=regroup_with(window_days))
    except StaleIncoming:  # changed between the check and the write: extract everything and write again
        items = [incoming(a, given, None, extract=extract) for a, given in articles]
        return store.put_articles(items, regroup=regroup_with(window_days))


def extracted_incoming(article: Article, claims: Sequence[Claim]) -> Incoming:
    """An article read from a file, with the claims extracted under its file name, as a store write:
    known like an API post without an id (by URL, else by text), its claims relabelled to that id.

    >>> art = Article(id="news/a.txt", text="Some 40 troops.", url="https://x.example/a")
    >>> item = extracted_incoming(art, [])
    >>> item.article.id.startswith("url-"), item.id_given
    (True, False)
    """
    store_id, given = derived_id(None, article.url, article.text, article.source)
    stored = article.model_copy(update={"id": store_id})
    claims = relabel(claims, store_id)
    return Incoming(article=stored, claims=claims, block_keys=block_keys(claims), id_given=given)


def catch_up(store: Store, *, window_days: float) -> int:
    """Regroup every block key left stale by deferred writes, a few hundred keys per transaction so
    other writers wait little; returns how many keys were regrouped."""
    regroup = regroup_with(window_days)
    done = 0
    while True:
        n = store.regroup_stale(regroup, limit=REGROUP_KEYS_PER_TRANSACTION)
        if n == 0:
            return done
        done += n


def delete_article(store: Store, article_id: str, *, window_days: float) -> int:
    """Remove an article (its claims leave every group); returns how many current claims it had."""
    return store.delete_article(article_id, regroup=regroup_with(window_days))
