"""Golden test: every quantity of the seed article, and the non-claims absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconcile.extract import extract_quantities
from reconcile.models import Article

CASE = json.loads((Path(__file__).parent / "seed_quantities.json").read_text(encoding="utf-8"))
FIELDS = [
    "text",
    "start",
    "end",
    "kind",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "counted_text",
    "change_role",
]


def _row(claim) -> dict:
    row = claim.model_dump(mode="json", include=set(FIELDS))
    return {k: row[k] for k in FIELDS}


@pytest.fixture(scope="module")
def claims(seed: Article):
    return extract_quantities(seed)


def test_seed_quantities_match_golden(claims) -> None:
    assert [_row(c) for c in claims] == CASE["claims"]


@pytest.mark.parametrize("expected", CASE["claims"], ids=lambda e: f"{e['text']}@{e['start']}")
def test_each_golden_quantity_is_found(claims, expected: dict) -> None:
    rows = [_row(c) for c in claims]
    assert expected in rows


@pytest.mark.parametrize("phrase", CASE["absent"])
def test_non_claims_are_absent(seed: Article, claims, phrase: str) -> None:
    start = seed.text.find(phrase)
    assert start >= 0, phrase
    end = start + len(phrase)
    assert not [c for c in claims if c.start < end and start < c.end], phrase


def test_changes_link_both_ends(claims) -> None:
    changes = {}
    for c in claims:
        if c.change_id:
            changes.setdefault(c.change_id, []).append(c.change_role)
    assert sorted(changes.values()) == [["from", "to"], ["from", "to"]]


def test_offsets_slice_the_text_and_provenance_is_copied(seed: Article, claims) -> None:
    for c in claims:
        assert seed.text[c.start : c.end] == c.text
        assert seed.text[c.sentence_start : c.sentence_start + len(c.sentence)] == c.sentence
        assert c.source == "ABC News" and c.published == seed.published and c.title == seed.title
        assert c.article_id == seed.id
