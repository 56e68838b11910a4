"""POST /v1/extract: the claims of one article; nothing is stored."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends

from api import service
from api.deps import require_json, require_read_key
from api.errors import WRITE_ERRORS
from api.routes._cpu import run_cpu_bound
from api.schemas import SEED_EXAMPLE, ArticleIn, ExtractResponse
from reconcile import extract_claims

router = APIRouter(prefix="/v1", tags=["stateless"], responses=WRITE_ERRORS)


@router.post("/extract", response_model=ExtractResponse, summary="Numeric claims of one article",
             dependencies=[Depends(require_read_key), Depends(require_json)])
async def extract(article: Annotated[ArticleIn, Body(openapi_examples={"seed": {"summary": "Part of the seed article",
                                                                                 "value": SEED_EXAMPLE}})],
                  ) -> ExtractResponse:
    """Every numeric claim of the article: value, interval, unit or counted thing, speaker, as-of date
    and exact offsets into `text`.  Stateless: nothing is stored."""
    art, _ = service.to_article(article)
    return ExtractResponse(claims=await run_cpu_bound(len(art.text), extract_claims, art))
