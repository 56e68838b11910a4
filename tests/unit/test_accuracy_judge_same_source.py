"""One source, one date, one figure written at two precisions is no revision.

A company that reports "sales grew 6.1%" and is quoted elsewhere the same day as "6%" has not
revised anything: the less precise figure is the other one rounded.  Such a pair is consistent
(and the reason says so) when the more precise figure is written with more decimals and lies
within the rounding of the less precise one; a larger gap, another date or another source is
judged as before.
"""

from __future__ import annotations

from datetime import date

import pytest
from unit.claim_factory import claim

from reconcile import Article, reconcile
from reconcile.judge import judge_group
from reconcile.models import Kind, Verdict

DAY = date(2025, 2, 18)


def _share(value, text, *, speaker="Veltro", source="Northern Wire", article="a", as_of=DAY):
    return claim(value, kind=Kind.percent, unit="percent", counted="sale", text=text, speaker=speaker,
                 source=source, article=article, as_of=as_of)


@pytest.mark.parametrize(
    ("first", "second", "verdict"),
    [
        # the same source and date: a rounding of one figure
        (("6%", 6.0), ("6.1%", 6.1), Verdict.consistent),
        (("6%", 6.0), ("6.4%", 6.4), Verdict.consistent),
        (("4.2%", 4.2), ("4.25%", 4.25), Verdict.consistent),
        (("10%", 10.0), ("10.3%", 10.3), Verdict.consistent),
        # negative cases: outside the rounding, or no extra decimals: a revision as before
        (("6%", 6.0), ("6.6%", 6.6), Verdict.evolving),
        (("6%", 6.0), ("6.5%", 6.5), Verdict.evolving),  # half a step: not covered
        (("6.1%", 6.1), ("6.3%", 6.3), Verdict.evolving),
        (("6%", 6.0), ("7%", 7.0), Verdict.evolving),
    ],
)
def test_same_source_same_date_rounding(first, second, verdict):
    a = _share(first[1], first[0], article="a", source="Northern Wire")
    b = _share(second[1], second[0], article="b", source="Valley Herald")
    assert judge_group([a, b]).verdict == verdict
    assert judge_group([b, a]).verdict == verdict


def test_same_source_rounding_reason_says_why():
    g = judge_group([_share(6.0, "6%", article="a"), _share(6.1, "6.1%", article="b", source="Valley Herald")])
    assert g.verdict == Verdict.consistent
    assert "same source" in g.reason and "rounded" in g.reason, g.reason
    assert "6%" in g.reason and "6.1%" in g.reason, g.reason


def test_same_source_on_different_dates_is_still_a_revision():
    a = _share(6.0, "6%", article="a", as_of=DAY)
    b = _share(6.1, "6.1%", article="b", source="Valley Herald", as_of=date(2025, 2, 19))
    assert judge_group([a, b]).verdict == Verdict.evolving


def test_different_sources_are_judged_as_before():
    a = _share(6.0, "6%", article="a", speaker="Veltro")
    b = _share(6.1, "6.1%", article="b", source="Valley Herald", speaker="Brenner Analytics")
    assert judge_group([a, b]).verdict == Verdict.conflict


def test_rounded_pair_beside_a_real_revision_is_still_evolving():
    a = _share(6.0, "6%", article="a")
    b = _share(6.1, "6.1%", article="b", source="Valley Herald")
    c = _share(6.8, "6.8%", article="c", source="Harbour Times")
    assert judge_group([a, b, c]).verdict == Verdict.evolving


@pytest.mark.parametrize(
    ("first", "second", "verdict"),
    [("6%", "6.1%", "consistent"), ("6%", "6.6%", "evolving")],
)
def test_company_growth_end_to_end(first, second, verdict):
    arts = [
        Article(id="a", source="Northern Wire", published=DAY,
                text=f"Veltro said on Tuesday its sales grew {first} in 2024, led by demand in Asia."),
        Article(id="b", source="Valley Herald", published=DAY,
                text=f"Veltro said on Tuesday that sales rose {second} in 2024 on demand in Asia."),
    ]
    groups = [g for g in reconcile(arts) if g.n_claims == 2]
    assert [g.verdict.value for g in groups] == [verdict], [g.reason for g in groups]
