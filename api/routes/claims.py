"""GET /v1/claims: stored claims with filters; JSON pages or CSV (the claims.csv columns)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from api.deps import StoreDep, require_read_key
from api.errors import READ_ERRORS
from api.routes._params import CSV_RESPONSE, Cursor, Format, Limit, SearchText, Since, Until, csv_response
from reconcile.models import ClaimRow, Kind
from reconcile.report.csvfmt import to_csv_text
from reconcile.store.base import ClaimFilter, Page, StoredClaim

router = APIRouter(prefix="/v1", tags=["claims"], responses=READ_ERRORS)

CSV_LIMIT = 100_000


@router.get("/claims", response_model=Page[StoredClaim], summary="Stored claims",
            responses=CSV_RESPONSE, dependencies=[Depends(require_read_key)])
def list_claims(
    store: StoreDep,
    article: Annotated[str | None, Query(max_length=1000, description="Only the claims of this article id.")] = None,
    counted: Annotated[SearchText, Query(description="Counted thing contains this text: 'troop'.", examples=["north korean troop"])] = None,
    speaker: Annotated[SearchText, Query(description="Speaker contains this text: 'Budanov'.", examples=["Budanov"])] = None,
    kind: Annotated[Kind | None, Query(description="Only this kind of figure.")] = None,
    since: Since = None, until: Until = None,
    history: Annotated[bool, Query(description="Include the claims of earlier revisions.")] = False,
    limit: Limit = 50, cursor: Cursor = None, format: Format = "json",
) -> Page[StoredClaim] | Response:
    """Claims of the stored articles (current revisions), in storage order; dates are the as-of date,
    or the publication date when the claim has none.  `?format=csv` gives every match (no paging)
    with the columns of the batch job's claims.csv."""
    flt = ClaimFilter(article=article, counted=counted, speaker=speaker, kind=kind, since=since, until=until,
                      history=history)
    if format == "csv":
        page = store.list_claims(flt, limit=CSV_LIMIT, cursor=None)
        return csv_response(to_csv_text(list(ClaimRow.model_fields), [ClaimRow.from_claim(c) for c in page.items]),
                            "claims.csv")
    return store.list_claims(flt, limit=limit, cursor=cursor)
