"""/v1/articles: store articles (idempotent, with revisions), read and delete them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Path, Query, Response, status

from api import service
from api.deps import SettingsDep, StoreDep, require_json, require_read_key, require_write_key
from api.errors import READ_ERRORS, WRITE_ERRORS, PayloadTooLarge
from api.routes._params import Cursor, Limit, Since, Until
from api.schemas import SECOND_EXAMPLE, SEED_EXAMPLE, ArticleBatch, ArticleIn, DeleteResponse, StoreResponse
from reconcile.store.base import ArticleFilter, ArticleRecord, ArticleSummary, Page

router = APIRouter(prefix="/v1", tags=["articles"])

POST_EXAMPLES = {
    "one": {"summary": "One article", "value": SEED_EXAMPLE},
    "batch": {"summary": "A batch from two outlets", "value": {"articles": [SEED_EXAMPLE, SECOND_EXAMPLE]}},
}
ArticleId = Annotated[str, Path(min_length=1, max_length=1000, description="The id the article is stored under.")]


@router.post(
    "/articles", response_model=StoreResponse, status_code=status.HTTP_201_CREATED,
    summary="Store one article or a batch", responses={**WRITE_ERRORS, 200: {
        "model": StoreResponse, "description": "Everything was already stored (unchanged)"}},
    dependencies=[Depends(require_write_key), Depends(require_json)],
)
def post_articles(body: Annotated[ArticleIn | ArticleBatch, Body(openapi_examples=POST_EXAMPLES)],
                  store: StoreDep, settings: SettingsDep, response: Response) -> StoreResponse:
    """Store articles and their claims and return the discrepancies they create or join against
    everything stored.  Idempotent: the same text under the same id (or URL, or no id at all) is
    stored once (`unchanged`, status 200); a changed text under the same id/URL is a new revision
    (`revised`), and the old revision and its claims are kept as history."""
    articles = body.articles if isinstance(body, ArticleBatch) else [body]
    if len(articles) > settings.max_batch:
        raise PayloadTooLarge(f"at most {settings.max_batch} articles per request",
                              limit=settings.max_batch, got=len(articles))
    result = service.store_articles(store, articles, window_days=settings.window_days)
    if all(a.status == "unchanged" for a in result.articles):
        response.status_code = status.HTTP_200_OK
    return result


@router.get("/articles", response_model=Page[ArticleSummary], summary="Stored articles",
            responses=READ_ERRORS, dependencies=[Depends(require_read_key)])
def list_articles(store: StoreDep, source: Annotated[str | None, Query(max_length=200,
                  description="Only this outlet (case-insensitive).")] = None,
                  since: Since = None, until: Until = None, limit: Limit = 50,
                  cursor: Cursor = None) -> Page[ArticleSummary]:
    """The current revision of every stored article (without its text), oldest first;
    filters on the outlet and the publication date."""
    return store.list_articles(ArticleFilter(source=source, since=since, until=until), limit=limit, cursor=cursor)


@router.get("/articles/{article_id:path}", response_model=ArticleRecord, summary="One stored article",
            responses=READ_ERRORS, dependencies=[Depends(require_read_key)])
def get_article(article_id: ArticleId, store: StoreDep,
                revision: Annotated[int | None, Query(ge=1, le=2**31, description="An earlier revision.")] = None,
                ) -> ArticleRecord:
    """The article with its text, its claims (each with the discrepancy it takes part in, if any)
    and the list of its revisions; `?revision=N` shows an earlier one."""
    return store.get_article(article_id, revision)


@router.delete("/articles/{article_id:path}", response_model=DeleteResponse, summary="Delete an article",
               responses=WRITE_ERRORS, dependencies=[Depends(require_write_key)])
def delete_article(article_id: ArticleId, store: StoreDep, settings: SettingsDep) -> DeleteResponse:
    """Delete the article and all its revisions; its claims leave every group, and the groups they
    were in are recomputed."""
    n = service.delete_article(store, article_id, window_days=settings.window_days)
    return DeleteResponse(id=article_id, n_claims=n)
