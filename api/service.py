"""The glue between HTTP and the pipeline: ids, extraction, block keys, regrouping.

Extraction and grouping are ``reconcile.extract_claims`` and ``reconcile.reconcile`` exactly;
the incremental regrouping uses ``reconcile.group.block_key`` to know which stored claims can
share a group with new ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import reconcile
import reconcile.group
from api.errors import Conflict
from api.schemas import ArticleIn, StoredArticle, StoreResponse
from api.store.base import Incoming, Regroup, StaleIncoming, Store
from reconcile.models import Article, Claim, Group


def derived_id(article: ArticleIn) -> tuple[str, bool]:
    """The article's id and whether the caller gave it; else one derived from the URL or the text.

    >>> derived_id(ArticleIn(id="x", text="t"))
    ('x', True)
    >>> derived_id(ArticleIn(text="t", url="https://a.example/1"))[0].startswith("url-")
    True
    >>> derived_id(ArticleIn(text="t"))[0]
    'sha-e3b98a4da31a127d'
    """
    if article.id:
        return article.id, True
    if article.url:
        return "url-" + hashlib.sha256(article.url.encode("utf-8", "surrogatepass")).hexdigest()[:16], False
    return "sha-" + hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()[:16], False


def to_article(article: ArticleIn) -> tuple[Article, bool]:
    article_id, given = derived_id(article)
    return Article(**{**article.model_dump(), "id": article_id}), given


def block_keys(claims: Sequence[Claim]) -> list[str | None]:
    """The block key of each claim (``reconcile.group.block_key``): claims in different blocks never
    share a group, so a write regroups only the blocks it touches; None = comparable with nothing."""
    return [reconcile.group.block_key(claim) for claim in claims]


def regroup_with(window_days: float) -> Regroup:
    def regroup(claims: list[Claim]) -> list[Group]:
        return reconcile.reconcile(claims, window_days=window_days)

    return regroup


def prepare(articles: Sequence[ArticleIn]) -> list[tuple[Article, bool]]:
    """Each article with its id and whether the id was given; duplicates inside the request dropped,
    409 when one id arrives twice with different texts."""
    seen: dict[str, str] = {}
    out = []
    for item in articles:
        article, given = to_article(item)
        previous = seen.get(article.id)
        if previous is not None and previous != article.content_hash:
            raise Conflict(f"article {article.id!r} appears twice in this request with different texts",
                           id=article.id)
        if previous is None:
            seen[article.id] = article.content_hash
            out.append((article, given))
    return out


def extract(articles: Sequence[ArticleIn]) -> list[tuple[Article, bool, list[Claim]]]:
    """Each article with its id, whether the id was given, and its claims (``prepare``'s checks)."""
    return [(a, given, reconcile.extract_claims(a)) for a, given in prepare(articles)]


def _incoming(article: Article, given: bool, store: Store | None) -> Incoming:
    """The article ready to write; extraction is skipped when the store already holds this exact text
    under the id it resolves to (an idempotent re-post costs a lookup, not an extraction)."""
    if store is not None:
        found = store.stored_as(article, id_given=given)
        if found is not None and found[1] == article.content_hash:
            return Incoming(article=article, claims=[], block_keys=[], id_given=given, expect_unchanged=True)
    claims = reconcile.extract_claims(article)
    return Incoming(article=article, claims=claims, block_keys=block_keys(claims), id_given=given)


def store_articles(store: Store, articles: Sequence[ArticleIn], *, window_days: float) -> StoreResponse:
    """Extract (outside any lock), then store and regroup in one write transaction."""
    prepared = prepare(articles)
    incoming = [_incoming(a, given, store) for a, given in prepared]
    try:
        results = store.put_articles(incoming, regroup=regroup_with(window_days))
    except StaleIncoming:  # changed between the check and the write: extract everything and write again
        incoming = [_incoming(a, given, None) for a, given in prepared]
        results = store.put_articles(incoming, regroup=regroup_with(window_days))
    group_ids = [gid for r in results for gid in r.group_ids]
    return StoreResponse(
        articles=[StoredArticle(id=r.id, revision=r.revision, status=r.status, content_hash=r.content_hash,
                                n_claims=len(r.claim_ids), claim_ids=r.claim_ids, group_ids=r.group_ids)
                  for r in results],
        discrepancies=store.get_groups(group_ids),
    )


def delete_article(store: Store, article_id: str, *, window_days: float) -> int:
    return store.delete_article(article_id, regroup=regroup_with(window_days))
