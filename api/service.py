"""The glue between HTTP and the store: request articles to ``Article``s, and the response.

Ids, block keys, extraction and regrouping are ``reconcile.store.service``'s, shared with the
batch job's ``--db`` writes, so both writers agree on identities and groups.
"""

from __future__ import annotations

from collections.abc import Sequence

import reconcile
from api.errors import Conflict
from api.schemas import ArticleIn, StoredArticle, StoreResponse
from reconcile.models import Article, Claim
from reconcile.store import service as store_service
from reconcile.store.base import Store


def to_article(article: ArticleIn) -> tuple[Article, bool]:
    """The article with its id (given, else derived from the URL, else the text and outlet) and whether
    it was given.

    >>> [(a.id, given) for a, given in (to_article(ArticleIn(id="x", text="t")), to_article(ArticleIn(text="t")))]
    [('x', True), ('sha-e3b98a4da31a127d', False)]
    """
    article_id, given = store_service.derived_id(article.id, article.url, article.text, article.source)
    return Article(**{**article.model_dump(), "id": article_id}), given


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


def store_articles(store: Store, articles: Sequence[ArticleIn], *, window_days: float) -> StoreResponse:
    """Extract (outside any lock), then store and regroup in one write transaction."""
    results = store_service.extract_and_put(store, prepare(articles), window_days=window_days,
                                            extract=reconcile.extract_claims)
    group_ids = [gid for r in results for gid in r.group_ids]
    return StoreResponse(
        articles=[StoredArticle(id=r.id, revision=r.revision, status=r.status, content_hash=r.content_hash,
                                n_claims=len(r.claim_ids), claim_ids=r.claim_ids, group_ids=r.group_ids)
                  for r in results],
        discrepancies=store.get_groups(group_ids),
    )


def delete_article(store: Store, article_id: str, *, window_days: float) -> int:
    return store_service.delete_article(store, article_id, window_days=window_days)
