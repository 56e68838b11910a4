"""POST /v1/reconcile: claims and groups across the given articles only; nothing is stored."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends

import reconcile as pipeline
from api import service
from api.deps import SettingsDep, require_json, require_read_key
from api.errors import WRITE_ERRORS, PayloadTooLarge
from api.routes._cpu import run_cpu_bound
from api.schemas import SECOND_EXAMPLE, SEED_EXAMPLE, ReconcileRequest, ReconcileResponse

router = APIRouter(prefix="/v1", tags=["stateless"], responses=WRITE_ERRORS)

EXAMPLES = {"two_outlets": {"summary": "The seed's troop counts, split across two outlets",
                            "value": {"articles": [SEED_EXAMPLE, SECOND_EXAMPLE]}}}


@router.post("/reconcile", response_model=ReconcileResponse, summary="Reconcile these articles only",
             dependencies=[Depends(require_read_key), Depends(require_json)])
async def reconcile_articles(body: Annotated[ReconcileRequest, Body(openapi_examples=EXAMPLES)],
                             settings: SettingsDep) -> ReconcileResponse:
    """Extract the claims of every article, group the comparable ones and judge each group
    (conflict, evolving, scope, consistent), most severe first.  Nothing is stored."""
    if len(body.articles) > settings.max_batch:
        raise PayloadTooLarge(f"at most {settings.max_batch} articles per request",
                              limit=settings.max_batch, got=len(body.articles))
    window = settings.window_days if body.window_days is None else body.window_days
    chars = sum(len(a.text) for a in body.articles)
    return await run_cpu_bound(chars, _reconcile, body, window)


def _reconcile(body: ReconcileRequest, window_days: float) -> ReconcileResponse:
    extracted = service.extract(body.articles)
    claims = [c for _, _, cs in extracted for c in cs]
    return ReconcileResponse(claims=claims, groups=pipeline.reconcile(claims, window_days=window_days))
