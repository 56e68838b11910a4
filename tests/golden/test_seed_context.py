"""Golden test of the context fields on the seed article (ABC News, 2024-10-21), through the full pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from reconcile import extract_claims
from reconcile.models import Claim, Kind, Qualifier


@pytest.fixture(scope="module")
def claims(seed) -> list[Claim]:
    return extract_claims(seed)


def one(claims: list[Claim], predicate) -> Claim:
    found = [c for c in claims if predicate(c)]
    assert len(found) == 1, [c.text for c in found]
    return found[0]


def test_nearly_11000_north_korean_troops(claims):
    c = one(claims, lambda c: "11,000" in c.text)
    assert c.counted == "north korean troop"
    assert c.counted_text == "North Korean infantry troops"
    assert c.scope == "in eastern Russia"
    assert c.scope_info.places == ["russia"]
    assert c.speaker == "Kyrylo Budanov"
    assert c.speaker_role == "head of the Ukrainian Defense Ministry's Main Directorate of Intelligence"
    assert c.qualifier == Qualifier.approximate and c.high == 11000
    assert c.as_of == date(2024, 10, 21) and not c.projection
    assert c.source == "ABC News"


def test_1500_from_south_koreas_spy_agency_last_week(claims):
    c = one(claims, lambda c: "1,500" in c.text)
    assert c.counted == "north korean troop"
    assert c.speaker == "South Korea's spy agency"
    assert c.as_of == date(2024, 10, 14) and c.as_of_end == date(2024, 10, 20)
    assert c.as_of_text == "last week"
    assert c.scope == "inside Russia"
    assert c.scope_info.places == ["russia"]


def test_2600_first_group_earmarked_for_kursk(claims):
    c = one(claims, lambda c: "2,600" in c.text)
    assert "Kursk" in c.scope and "first group" in c.scope
    assert c.scope_info.places == ["kursk"]
    assert c.scope_info.subset == ["first group"]
    assert c.speaker == "Kyrylo Budanov"
    assert c.counted == "north korean troop"  # "the troops" of the sentence before


def test_fourth_visit_as_defense_secretary(claims):
    c = one(claims, lambda c: c.kind == Kind.ordinal and c.value == 4)
    assert c.counted == "visit"
    assert c.speaker == "the Pentagon"
    assert c.scope == "as defense secretary"
    assert c.scope_info.period == "as defense secretary"
    assert c.scope_info.places == ["ukraine"]
    assert c.owner == "Lloyd Austin"


def test_third_visit_since_the_invasion(claims):
    c = one(claims, lambda c: c.kind == Kind.ordinal and c.value == 3)
    assert c.counted == "visit"
    assert c.scope == "since Russia's full-scale invasion began in 2022"
    assert c.scope_info.period == "since 2022"
    assert c.scope_info.places == ["ukraine"]  # "to the country", resolved
    assert c.owner == "Lloyd Austin"  # "his", resolved
    assert c.speaker is None  # ABC states it
    assert c.as_of == date(2024, 10, 21)


def test_ages_carry_no_speaker_and_the_publication_date(claims):
    ages = [c for c in claims if c.kind == Kind.age]
    assert ages and all(c.as_of == date(2024, 10, 21) for c in ages)
    assert all(c.speaker is None for c in ages)


def test_undated_copy_gives_no_date(seed):
    undated = seed.model_copy(update={"published": None})
    for c in extract_claims(undated):
        assert c.as_of is None
