"""The batch's fast CSV rendering equals the row models' rendering, cell for cell and byte for byte.

The workers render claims.csv and discrepancy_claims.csv lines from a claim's own values
(``claim_values``, ``csvfmt.csv_lines``) instead of building a ``ClaimRow`` per claim; these tests pin
that shortcut to the plain path (``ClaimRow.from_claim`` / ``DiscrepancyClaimRow`` through ``write_rows``).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from reconcile.batch.work import claim_csv_lines, discrepancy_claim_lines
from reconcile.models import Article, Claim, ClaimRow, DiscrepancyClaimRow, ScopeInfo
from reconcile.pipeline import extract_claims, reconcile
from reconcile.report.csvfmt import csv_lines, to_csv_text
from reconcile.report.rows import (
    CLAIM_COLUMNS,
    DISCREPANCY_CLAIM_COLUMNS,
    claim_values,
    discrepancy_claim_rows,
    discrepancy_claim_values,
)

ROOT = Path(__file__).resolve().parents[2]


def _body(text: str) -> str:
    return text[text.index("\n") + 1:]


def _story_claims() -> list[Claim]:
    claims: list[Claim] = []
    for path in sorted((ROOT / "tests" / "golden" / "stories").glob("*.json")):
        for a in json.loads(path.read_text())["articles"]:
            claims.extend(extract_claims(Article(**a)))
    return claims


def _odd_claims() -> list[Claim]:
    """Claims whose cells need quoting, are empty, or are floats that print in several ways."""
    base = {"claim_id": "c0", "article_id": "feeds/a.jsonl#3", "text": "1,500", "start": 10, "end": 15,
            "kind": "count", "value": 1500.0}
    return [
        Claim(**base),
        Claim(**{**base, "value": 2.5, "low": None, "high": 1e17, "qualifier": "at_most", "hedge": "up to"}),
        Claim(**{**base, "value": -0.1, "low": -0.2, "high": 1e-7, "kind": "percent", "unit": "percent"}),
        Claim(**{**base, "value": 12345678901234567.0, "low": 12345678901234567.0, "high": 12345678901234567.0}),
        Claim(**{**base, "text": 'the "official" 1,500', "end": 31, "sentence": 'He said, "1,500, maybe more"\nthen\r\nleft.',
                 "source": "Wire, Inc.", "url": "https://x.example/a?b=1,2", "title": "Flood; \"update\"",
                 "published": date(2024, 2, 29), "as_of": date(2024, 3, 1), "speaker": "O'Brien, the mayor",
                 "scope": "in the north, east", "counted": "people", "scope_info": ScopeInfo(places=["north"])}),
        Claim(**{**base, "kind": "measure", "unit": "kilometer", "value": 40.0, "text": "40 km", "sentence": "é ü ß 中文 😀"}),
    ]


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    return _story_claims() + _odd_claims()


def test_claim_values_are_the_row_models_values(claims: list[Claim]) -> None:
    assert len(claims) > 100
    for claim in claims:
        row = ClaimRow.from_claim(claim).model_dump(mode="python")
        assert claim_values(claim) == tuple(row[c] for c in CLAIM_COLUMNS)


def test_claim_lines_equal_write_rows(claims: list[Claim]) -> None:
    fast = claim_csv_lines(claims)
    assert len(fast) == len(claims)
    assert "".join(fast) == _body(to_csv_text(CLAIM_COLUMNS, [ClaimRow.from_claim(c) for c in claims]))
    for claim, line in zip(claims, fast, strict=True):  # each line is its own claim's
        assert line == _body(to_csv_text(CLAIM_COLUMNS, [ClaimRow.from_claim(claim)]))


def test_discrepancy_claim_lines_equal_write_rows(claims: list[Claim]) -> None:
    groups = [g for g in reconcile(claims) if g.n_claims >= 2]
    assert groups
    for group in groups:
        assert ([discrepancy_claim_values(group, c) for c in group.claims]
                == [tuple(r.model_dump(mode="python")[c] for c in DISCREPANCY_CLAIM_COLUMNS)
                    for r in discrepancy_claim_rows([group])])
        plain = [DiscrepancyClaimRow.from_group_claim(group, c) for c in group.claims]
        fast = csv_lines(discrepancy_claim_values(group, c) for c in group.claims)
        assert "".join(fast) == _body(to_csv_text(DISCREPANCY_CLAIM_COLUMNS, plain))


def test_no_rows_no_lines() -> None:
    assert csv_lines([]) == [] and claim_csv_lines([]) == []


def test_discrepancy_claim_lines_reuse_the_claims_csv_lines(claims: list[Claim]) -> None:
    """A claim's discrepancy_claims.csv line is the group's two cells before its claims.csv line; a claim
    whose line is not known (a copy made by the reconciler) is rendered afresh, to the same bytes."""
    lines = {id(c): line for c, line in zip(claims, claim_csv_lines(claims), strict=True)}
    groups = [g for g in reconcile(claims) if g.n_claims >= 2]
    for group in groups:
        plain = _body(to_csv_text(DISCREPANCY_CLAIM_COLUMNS, discrepancy_claim_rows([group])))
        assert discrepancy_claim_lines(group, lines) == plain
        assert discrepancy_claim_lines(group, {}) == plain
    odd = _odd_claims()  # quoted cells, empty cells, floats printed several ways
    group = groups[0].model_copy(update={"group_id": 'g,"1"', "claims": odd})
    plain = _body(to_csv_text(DISCREPANCY_CLAIM_COLUMNS, discrepancy_claim_rows([group])))
    assert discrepancy_claim_lines(group, {id(c): line for c, line in zip(odd, claim_csv_lines(odd), strict=True)}) == plain
