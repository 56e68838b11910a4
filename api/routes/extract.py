"""POST /v1/extract: the claims of one article; nothing is stored.

The answer is serialised once, to JSON bytes, by pydantic (the same bytes FastAPI's ``response_model``
path would give); those bytes are what the per-worker answer cache (api/extract_cache.py) keeps, so
the same article posted again is answered without extracting or serialising again.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Request
from fastapi.responses import Response
from pydantic import TypeAdapter

from api import service
from api.deps import require_json, require_read_key
from api.errors import WRITE_ERRORS
from api.extract_cache import ResponseCache, cache_key
from api.routes._cpu import run_cpu_bound
from api.schemas import SEED_EXAMPLE, ArticleIn, ExtractResponse
from reconcile import extract_claims

router = APIRouter(prefix="/v1", tags=["stateless"], responses=WRITE_ERRORS)

ANSWER = TypeAdapter(ExtractResponse)


@router.post("/extract", response_model=ExtractResponse, summary="Numeric claims of one article",
             dependencies=[Depends(require_read_key), Depends(require_json)])
async def extract(article: Annotated[ArticleIn, Body(openapi_examples={"seed": {"summary": "Part of the seed article",
                                                                                 "value": SEED_EXAMPLE}})],
                  request: Request) -> Response:
    """Every numeric claim of the article: value, interval, unit or counted thing, speaker, as-of date
    and exact offsets into `text`.  Stateless: nothing is stored."""
    cache: ResponseCache = request.app.state.extract_cache
    key = cache_key(article) if cache.enabled else b""
    body = cache.get(key) if cache.enabled else None
    if body is None:
        art, _ = service.to_article(article)
        claims = await run_cpu_bound(len(art.text), extract_claims, art)
        body = ANSWER.dump_json(ExtractResponse(claims=claims), by_alias=True)
        cache.put(key, body)
    return Response(body, media_type="application/json")
