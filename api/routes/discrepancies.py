"""/v1/discrepancies: the stored groups, most severe first; one group with every side; a ClaimReview draft."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from api.claimreview import ClaimReviewDraft, claim_review
from api.deps import StoreDep, require_read_key
from api.errors import READ_ERRORS
from api.routes._params import CSV_RESPONSE, Cursor, Format, Limit, SearchText, Since, Until, csv_response
from reconcile.models import DISCREPANCY_CLAIM_COLUMNS, DiscrepancyClaimRow, DiscrepancyRow, Group, Verdict
from reconcile.report.csvfmt import to_csv_text
from reconcile.store.base import GroupFilter, GroupSummary, Page

router = APIRouter(prefix="/v1", tags=["discrepancies"], responses=READ_ERRORS,
                   dependencies=[Depends(require_read_key)])



GroupId = Annotated[str, Path(min_length=1, max_length=200, description="The group_id of a discrepancy.")]


@router.get("/discrepancies", response_model=Page[GroupSummary], summary="Discrepancies, most severe first",
            responses=CSV_RESPONSE)
def list_discrepancies(
    store: StoreDep,
    verdict: Annotated[list[Verdict] | None, Query(description="Only these verdicts (repeat for several).",
                                                        examples=[["conflict"]])] = None,
    q: Annotated[SearchText, Query(description="Quantity label or counted thing contains this text.",
                                                      examples=["korean"])] = None,
    quantity: Annotated[SearchText, Query(description="Quantity label contains this text.")] = None,
    counted: Annotated[SearchText, Query(description="A counted thing of the group contains this text.")] = None,
    min_spread: Annotated[float | None, Query(ge=0, le=1e300, description="Only groups whose max/min is at least this.")] = None,
    since: Since = None, until: Until = None, limit: Limit = 50, cursor: Cursor = None, format: Format = "json",
) -> Page[GroupSummary] | Response:
    """Every stored group of two or more comparable claims, sorted by severity (relative spread,
    independent sources, non-overlapping intervals).  `since`/`until` keep the groups whose claims'
    dates overlap the range.  `?format=csv` gives every match (no paging) with the columns of the
    batch job's discrepancies.csv."""
    flt = GroupFilter(verdicts=tuple(verdict or ()), q=q, quantity=quantity, counted=counted,
                      min_spread=min_spread, since=since, until=until)
    if format == "csv":
        page = store.list_groups(flt, limit=None, cursor=None)
        rows = [DiscrepancyRow(**g.model_dump(include=set(DiscrepancyRow.model_fields))) for g in page.items]
        return csv_response(to_csv_text(list(DiscrepancyRow.model_fields), rows), "discrepancies.csv")
    return store.list_groups(flt, limit=limit, cursor=cursor)


@router.get("/discrepancies/{group_id}", response_model=Group, summary="One discrepancy with every side",
            responses=CSV_RESPONSE)
def get_discrepancy(group_id: GroupId, store: StoreDep, format: Format = "json") -> Group | Response:
    """The group with every claim and its provenance: article, outlet, URL, speaker, sentence,
    offsets, published and as-of dates.  `?format=csv` gives the batch job's
    discrepancy_claims.csv rows of this group."""
    group = store.get_group(group_id)
    if format == "csv":
        rows = [DiscrepancyClaimRow.from_group_claim(group, c) for c in group.claims]
        return csv_response(to_csv_text(DISCREPANCY_CLAIM_COLUMNS, rows), f"discrepancy-{group_id}.csv")
    return group


@router.get("/discrepancies/{group_id}/claimreview", response_model=ClaimReviewDraft,
            summary="A schema.org ClaimReview draft")
def get_claimreview(
    group_id: GroupId, store: StoreDep,
    claim_id: Annotated[str | None, Query(max_length=200, description="The claim to review (default: the first).")] = None,
) -> ClaimReviewDraft:
    """A ClaimReview JSON-LD draft for a fact-checker to complete: the claim, its author (the
    speaker), where and when it appeared, and the figures of every side in `reviewBody`.  The rating
    and the reviewing organisation are left empty.  Served as application/json (it is JSON-LD:
    embed it in a `<script type="application/ld+json">` element)."""
    return claim_review(store.get_group(group_id), claim_id)
