"""Verdicts, reasons, summaries and figures of one group (hand-built claims)."""

from __future__ import annotations

import random
from datetime import date

import pytest
from unit.claim_factory import claim, copy_of

from reconcile.errors import InvalidInput, UnitMismatch
from reconcile.judge import PAIRWISE_LIMIT, judge_group
from reconcile.models import Kind, Qualifier, Verdict

D = date(2024, 10, 21)


def approx(value, low, high, hedge, **kw):
    return claim(value, low=low, high=high, qualifier=Qualifier.approximate, hedge=hedge, **kw)


def seed_pair():
    spies = claim(
        1500,
        speaker="South Korea's spy agency",
        source="ABC News",
        as_of=date(2024, 10, 14),
        as_of_end=date(2024, 10, 20),
        places=("russia",),
        scope="inside Russia",
        article="abc",
    )
    budanov = approx(
        11000,
        9900,
        11000,
        "nearly",
        text="11,000",
        speaker="Kyrylo Budanov",
        source="ABC News",
        as_of=D,
        places=("eastern russia",),
        scope="in eastern Russia",
        article="abc",
    )
    return spies, budanov


def test_seed_troop_counts_conflict_with_both_speakers_in_the_summary():
    g = judge_group(list(seed_pair()))
    assert g.verdict == Verdict.conflict
    assert (
        g.summary
        == "1,500 (South Korea's spy agency, 2024-10-14..20) vs nearly 11,000 (Kyrylo Budanov, 2024-10-21)"
    )
    assert "South Korea's spy agency" in g.reason and "Kyrylo Budanov" in g.reason
    assert (g.min, g.max, g.n_claims, g.n_sources) == (1500, 11000, 2, 2)
    assert g.spread == pytest.approx(11000 / 1500)
    assert g.quantity.endswith("in Russia")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            claim(491, kind=Kind.measure, unit="liter", counted="rain"),
            approx(500, 450, 500, "nearly", kind=Kind.measure, unit="liter", counted="rain"),
        ),
        (approx(11000, 9900, 12100, "about"), approx(11000, 9900, 11000, "nearly")),
        (
            claim(40, kind=Kind.measure, unit="kilometer", counted="x"),
            claim(40000, kind=Kind.measure, unit="meter", counted="x"),
        ),
        (
            claim(1.2e9, kind=Kind.money, unit="USD", counted="aid"),
            claim(1200e6, kind=Kind.money, unit="USD", counted="aid"),
        ),
        (claim(200, low=200, high=None, qualifier=Qualifier.more_than), claim(250)),
        (claim(50, low=None, high=50, qualifier=Qualifier.at_most), claim(30)),
    ],
)
def test_overlapping_intervals_are_consistent(a, b):
    a = a.model_copy(update={"source": "One"})
    b = b.model_copy(update={"source": "Two", "article_id": "other"})
    g = judge_group([a, b])
    assert g.verdict == Verdict.consistent, g.reason
    assert "overlap" in g.reason


def test_km_and_miles_that_agree_are_consistent():
    km = claim(
        1931,
        low=1900,
        high=1950,
        qualifier=Qualifier.approximate,
        kind=Kind.measure,
        unit="kilometer",
        counted="pipeline",
    )
    mi = claim(1200, kind=Kind.measure, unit="mile", counted="pipeline", source="Other", article="b")
    g = judge_group([km, mi])
    assert g.verdict == Verdict.consistent
    assert g.min == pytest.approx(1200 if g.unit == "mile" else 1931, rel=0.01)


def test_two_agencies_on_the_same_day_conflict():
    ap = claim(200, counted="death", source="AP", article="ap")
    axios = claim(215, counted="death", source="Axios", article="axios")
    g = judge_group([axios, ap])
    assert g.verdict == Verdict.conflict
    assert g.summary == "200 (AP, 2024-10-21) vs 215 (Axios, 2024-10-21)"
    assert "same dates" in g.reason and "do not overlap" in g.reason


def test_rising_toll_over_days_is_evolving_and_names_the_dates():
    tolls = [
        claim(95, counted="death", source="AP", article="d1", as_of=date(2024, 10, 30)),
        claim(158, counted="death", source="Reuters", article="d2", as_of=date(2024, 11, 3)),
        claim(205, counted="death", source="AFP", article="d3", as_of=date(2024, 11, 7)),
    ]
    g = judge_group(tolls)
    assert g.verdict == Verdict.evolving
    for d in ("2024-10-30", "2024-11-03", "2024-11-07"):
        assert d in g.reason
    assert "rising" in g.reason
    assert g.summary == "95 (AP, 2024-10-30) → 158 (Reuters, 2024-11-03) → 205 (AFP, 2024-11-07)"


def test_falling_series_is_named_a_revision():
    g = judge_group(
        [
            claim(300, counted="death", source="AP", article="d1", as_of=date(2024, 10, 1)),
            claim(240, counted="death", source="Reuters", article="d2", as_of=date(2024, 10, 8)),
        ]
    )
    assert g.verdict == Verdict.evolving
    assert "revised down" in g.reason


def test_same_source_revision_is_evolving_not_conflict():
    g = judge_group(
        [
            claim(200, counted="death", source="AP", article="ap-1", as_of=D),
            claim(215, counted="death", source="AP", article="ap-2", as_of=D),
        ]
    )
    assert g.verdict == Verdict.evolving
    assert "revised by the same source (AP)" in g.reason


def test_same_speaker_quoted_by_two_outlets_is_one_source():
    g = judge_group(
        [
            claim(200, counted="death", source="AP", speaker="Gov. Roy Cooper", article="a", as_of=D),
            claim(215, counted="death", source="CNN", speaker="Gov.  Roy Cooper", article="b", as_of=D),
        ]
    )
    assert g.n_sources == 1 and g.verdict == Verdict.evolving


def test_a_stated_change_is_a_series_not_a_conflict():
    age = {
        "kind": Kind.age,
        "unit": "year",
        "counted": "minimum conscription age",
        "article": "abc",
        "source": "ABC News",
    }
    claims = [
        claim(25, change_id="c1", change_role="from", text="25", **age),
        claim(18, change_id="c1", change_role="to", text="18", **age),
        claim(27, change_id="c2", change_role="from", text="27", **age),
        claim(25, change_id="c2", change_role="to", text="25", **age),
    ]
    g = judge_group(claims)
    assert g.verdict == Verdict.evolving
    assert "27 → 25 → 18 (ABC News, 2024-10-21)" in g.reason and "not a conflict" in g.reason
    assert g.summary == "27 → 25 → 18 (ABC News, 2024-10-21)"


def test_a_change_reported_by_two_outlets_is_still_a_change():
    age = {"kind": Kind.age, "unit": "year", "counted": "minimum conscription age"}
    claims = [
        claim(27, change_id="c1", change_role="from", article="a", source="A", **age),
        claim(25, change_id="c1", change_role="to", article="a", source="A", **age),
        claim(27, change_id="c2", change_role="from", article="b", source="B", **age),
        claim(25, change_id="c2", change_role="to", article="b", source="B", **age),
    ]
    assert judge_group(claims).verdict == Verdict.evolving


def test_projection_does_not_conflict_with_a_current_count():
    now = claim(3000, source="Reuters", article="r")
    later = claim(11000, source="ABC", article="a", projection=True, as_of=date(2024, 11, 1))
    g = judge_group([now, later])
    assert g.verdict == Verdict.evolving
    assert "projection" in g.reason


def test_visits_with_different_scopes_get_scope_verdict_naming_both_phrases():
    third = claim(
        3,
        kind=Kind.ordinal,
        unit="ordinal",
        counted="visit",
        owner="Lloyd Austin",
        text="third",
        scope="since Russia's full-scale invasion began in 2022",
        period="since 2022",
    )
    fourth = claim(
        4,
        kind=Kind.ordinal,
        unit="ordinal",
        counted="visit",
        owner="Lloyd Austin",
        text="fourth",
        speaker="the Pentagon",
        scope="as defense secretary",
        period="as defense secretary",
    )
    g = judge_group([fourth, third])
    assert g.verdict == Verdict.scope
    assert "since Russia's full-scale invasion began in 2022" in g.reason
    assert "as defense secretary" in g.reason
    assert "period" in g.reason


def test_different_ordinals_with_the_same_scope_conflict():
    a = claim(
        3,
        kind=Kind.ordinal,
        unit="ordinal",
        counted="visit",
        owner="Lloyd Austin",
        source="ABC",
        period="as defense secretary",
    )
    b = claim(
        4,
        kind=Kind.ordinal,
        unit="ordinal",
        counted="visit",
        owner="Lloyd Austin",
        speaker="the Pentagon",
        period="as defense secretary",
        article="b",
    )
    assert judge_group([a, b]).verdict == Verdict.conflict


def test_the_window_decides_between_conflict_and_evolving():
    a = claim(100, source="A", article="a", as_of=date(2024, 1, 1))
    b = claim(150, source="B", article="b", as_of=date(2024, 1, 6))
    assert judge_group([a, b]).verdict == Verdict.evolving
    assert judge_group([a, b], window_days=7).verdict == Verdict.conflict


def test_as_of_ranges_count_from_their_nearest_ends():
    a = claim(100, source="A", article="a", as_of=date(2024, 1, 1), as_of_end=date(2024, 1, 7))
    b = claim(150, source="B", article="b", as_of=date(2024, 1, 9))
    assert judge_group([a, b]).verdict == Verdict.conflict


def test_undated_claims_can_conflict_and_say_so():
    g = judge_group(
        [claim(100, source="A", article="a", as_of=None), claim(150, source="B", article="b", as_of=None)]
    )
    assert g.verdict == Verdict.conflict and "undated" in g.reason


def test_syndicated_copies_count_as_one_source():
    s = "Health officials said 200 people had died in the storm by Monday night."
    orig = claim(200, counted="death", source="AP", article="ap", sentence=s)
    copies = [copy_of(orig, article=f"paper{i}", source=f"Paper {i}") for i in range(3)]
    g = judge_group([orig, *copies])
    assert (g.n_claims, g.n_sources, g.verdict) == (4, 1, Verdict.consistent)
    assert "syndicated" in g.reason


def test_copies_do_not_turn_a_revision_into_a_conflict():
    s = "Health officials said 200 people had died in the storm by Monday night."
    orig = claim(200, counted="death", source="AP", article="ap", sentence=s)
    copy = copy_of(orig, article="local", source="Local Paper")
    revised = claim(
        215, counted="death", source="AP", article="ap-2", sentence="The toll rose to 215, officials said."
    )
    assert (
        judge_group([orig, revised]).verdict == judge_group([orig, copy, revised]).verdict == Verdict.evolving
    )


def test_mixed_currencies_are_refused():
    with pytest.raises(UnitMismatch):
        judge_group(
            [
                claim(1, kind=Kind.money, unit="USD", counted="aid"),
                claim(1, kind=Kind.money, unit="EUR", counted="aid"),
            ]
        )


def test_percent_and_count_are_refused():
    with pytest.raises(UnitMismatch):
        judge_group([claim(40, kind=Kind.percent, unit="percent"), claim(40)])


def test_empty_group_is_refused():
    with pytest.raises(InvalidInput):
        judge_group([])


def test_group_id_is_stable_and_order_free_but_tracks_membership():
    a, b = seed_pair()
    c = claim(3000, source="Other", article="c")
    assert judge_group([a, b]).group_id == judge_group([b, a]).group_id
    assert judge_group([a, b]).group_id != judge_group([a, b, c]).group_id
    assert len(judge_group([a, b]).group_id) == 16


def test_severity_orders_conflict_above_evolving_above_consistent():
    conflict = judge_group(list(seed_pair()))
    evolving = judge_group(
        [
            claim(100, source="A", article="a", as_of=date(2024, 1, 1)),
            claim(150, source="B", article="b", as_of=date(2024, 2, 1)),
        ]
    )
    consistent = judge_group([claim(100, source="A", article="a"), claim(100, source="B", article="b")])
    assert conflict.severity > evolving.severity > consistent.severity


def test_wider_spread_is_more_severe():
    small = judge_group([claim(200, source="A", article="a"), claim(215, source="B", article="b")])
    wide = judge_group([claim(200, source="A", article="a"), claim(2000, source="B", article="b")])
    assert wide.severity > small.severity


def test_min_max_cover_members_in_the_display_unit():
    claims = [
        claim(40, kind=Kind.measure, unit="kilometer", counted="x", article="a"),
        claim(40, kind=Kind.measure, unit="kilometer", counted="x", article="b"),
        claim(30000, kind=Kind.measure, unit="meter", counted="x", article="c"),
    ]
    g = judge_group(claims)
    assert g.unit == "kilometer" and (g.min, g.max) == pytest.approx((30, 40))


def test_a_large_group_still_finds_its_conflict():
    rng = random.Random(3)
    claims = [
        claim(
            1000 + rng.randint(0, 5),
            low=900,
            high=1100,
            qualifier=Qualifier.approximate,
            source=f"S{i}",
            article=f"a{i}",
        )
        for i in range(PAIRWISE_LIMIT + 50)
    ]
    claims.append(claim(5000, source="Outlier", article="z"))
    g = judge_group(claims)
    assert g.verdict == Verdict.conflict and "5,000" in g.summary


def test_a_single_claim_is_consistent():
    g = judge_group([claim(7)])
    assert g.verdict == Verdict.consistent and g.n_sources == 1 and g.spread == 1.0


def test_a_toll_rising_day_by_day_is_evolving_inside_the_window():
    tolls = [
        claim(95, counted="death", source="AP", article="d1", as_of=date(2024, 9, 28)),
        claim(158, counted="death", source="Reuters", article="d2", as_of=date(2024, 9, 29)),
        claim(205, counted="death", source="AFP", article="d3", as_of=date(2024, 9, 30)),
    ]
    g = judge_group(tolls)
    assert g.verdict == Verdict.evolving, g.reason
    assert "2024-09-28" in g.reason and "rising" in g.reason


def test_a_toll_falling_day_by_day_from_other_sources_conflicts():
    tolls = [
        claim(205, counted="death", source="AP", article="d1", as_of=date(2024, 9, 28)),
        claim(158, counted="death", source="Reuters", article="d2", as_of=date(2024, 9, 29)),
    ]
    assert judge_group(tolls).verdict == Verdict.conflict


def test_a_stock_rising_inside_the_window_still_conflicts():
    a = claim(1500, counted="north korean troop", source="A", article="a", as_of=date(2024, 10, 18))
    b = claim(11000, counted="north korean troop", source="B", article="b", as_of=date(2024, 10, 21))
    assert judge_group([a, b]).verdict == Verdict.conflict


def test_judged_groups_are_valid_models():
    from reconcile.models import Group

    for g in (judge_group(list(seed_pair())), judge_group([claim(7)])):
        assert Group.model_validate(g.model_dump()) == g
