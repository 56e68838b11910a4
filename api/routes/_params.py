"""Query parameters shared by the list endpoints."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Query
from fastapi.responses import Response

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page (1-500).")]
Cursor = Annotated[str | None, Query(max_length=512, description="The `next` value of the previous page.")]
Since = Annotated[date | None, Query(description="Only items dated on or after this day (YYYY-MM-DD).")]
Until = Annotated[date | None, Query(description="Only items dated on or before this day (YYYY-MM-DD).")]
Format = Annotated[Literal["json", "csv"], Query(description="json (default) or csv (the batch job's columns).")]
SearchText = Annotated[str | None, Query(min_length=1, max_length=200)]

CSV_RESPONSE = {200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                      "description": "JSON, or CSV with ?format=csv"}}


def csv_response(text: str, filename: str) -> Response:
    return Response(text, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


__all__ = ["CSV_RESPONSE", "Cursor", "Format", "Limit", "SearchText", "Since", "Until", "csv_response"]
