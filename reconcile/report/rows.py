"""Result objects -> CSV row models.  Shared by the batch job and the API's ``?format=csv``.

Each CSV's columns are its row model's fields, in order (``reconcile.models``); the functions
here only turn claims and groups into those rows, lazily and in the order given.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import attrgetter
from typing import Any

from reconcile.models import (
    DISCREPANCY_CLAIM_COLUMNS,
    Claim,
    ClaimRow,
    DiscrepancyClaimRow,
    DiscrepancyRow,
    ErrorRow,
    Group,
)

#: claims.csv columns
CLAIM_COLUMNS: list[str] = list(ClaimRow.model_fields)
#: discrepancies.csv columns
DISCREPANCY_COLUMNS: list[str] = list(DiscrepancyRow.model_fields)
#: errors.csv columns
ERROR_COLUMNS: list[str] = list(ErrorRow.model_fields)

__all__ = [
    "CLAIM_COLUMNS", "DISCREPANCY_CLAIM_COLUMNS", "DISCREPANCY_COLUMNS", "ERROR_COLUMNS",
    "claim_rows", "claim_values", "discrepancy_claim_rows", "discrepancy_claim_values", "discrepancy_rows",
    "error_rows",
]

#: The ``Claim`` field each claims.csv column is read from, where the names differ (``ClaimRow.from_claim``).
CLAIM_ROW_FIELDS = {"article": "article_id", "outlet": "source"}
#: A validated claim's values in claims.csv column order: the fields ``ClaimRow.from_claim`` copies
#: (already of the row's types, so validating them again changes nothing).
_claim_values = attrgetter(*(CLAIM_ROW_FIELDS.get(c, c) for c in CLAIM_COLUMNS))


def claim_rows(claims: Iterable[Claim]) -> Iterator[ClaimRow]:
    """One claims.csv row per claim; ``article`` is the claim's ``article_id``."""
    for claim in claims:
        yield ClaimRow.from_claim(claim)


def claim_values(claim: Claim) -> tuple[Any, ...]:
    """The values of the claim's claims.csv row, in column order, without building a ``ClaimRow``
    (the batch renders hundreds of thousands of rows; ``csvfmt.csv_lines`` formats them).

    >>> from reconcile.models import Claim
    >>> c = Claim(claim_id="x", article_id="a.txt", text="5", start=3, end=4, kind="count", value=5, source="Wire")
    >>> claim_values(c)[:4], claim_values(c)[-2:]
    (('x', 'a.txt', 'Wire', None), (3, 4))
    """
    return _claim_values(claim)


def discrepancy_claim_values(group: Group, claim: Claim) -> tuple[Any, ...]:
    """The values of one discrepancy_claims.csv row, in column order (``DiscrepancyClaimRow.from_group_claim``)."""
    return (group.group_id, group.verdict, *_claim_values(claim))


def discrepancy_rows(groups: Iterable[Group]) -> Iterator[DiscrepancyRow]:
    """One discrepancies.csv row per group, in the order given (most severe first)."""
    for group in groups:
        yield DiscrepancyRow.from_group(group)


def discrepancy_claim_rows(groups: Iterable[Group]) -> Iterator[DiscrepancyClaimRow]:
    """One discrepancy_claims.csv row per (group, claim): every side of every discrepancy."""
    for group in groups:
        for claim in group.claims:
            yield DiscrepancyClaimRow.from_group_claim(group, claim)


def error_rows(problems: Iterable[tuple[str, str]]) -> Iterator[ErrorRow]:
    """One errors.csv row per ``(path, error)``."""
    for path, error in problems:
        yield ErrorRow(path=path, error=error)
