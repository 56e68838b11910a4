"""Session 4 shortcuts in judging and wording give exactly what their plain forms give."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from unit.claim_factory import claim

from reconcile.explain import by_best
from reconcile.judge import (
    _POINT,
    CONVERTED_RTOL,
    RTOL,
    Item,
    _disjoint,
    _display,
    _factor,
    _item,
    _last_digit_apart,
    classify,
)
from reconcile.models import Qualifier
from reconcile.wording import _most_common

_FIGURES = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([0.0, 1.0, 1.0, 2.5])


class _It:
    def __init__(self, best: float) -> None:
        self.best = best


@settings(max_examples=500, deadline=None)
@given(_FIGURES, _FIGURES)
def test_by_best_is_a_sort_of_the_pair(x, y):
    pair = (_It(x), _It(y))
    assert list(by_best(pair)) == sorted(pair, key=lambda i: i.best)


def _plain_display(units):
    first = units[0]
    if all(u == first for u in units):
        return first, _factor(first)
    counts = Counter(units)
    unit = min(counts, key=lambda u: (-counts[u], u))
    return unit, _factor(unit)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["kilometer", "mile", "meter", "count", "USD"]), min_size=1, max_size=8))
def test_display_unit_is_the_plain_choice(units):
    assert _display(units) == _plain_display(units)


def _plain_most_common(values):
    if values and all(v == values[0] for v in values):
        return values[0] or None
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], len(v), v))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["", "troops", "North Korean troops", "deaths", "troops "]), max_size=8))
def test_most_common_is_the_plain_choice(values):
    assert _most_common(values) == _plain_most_common(values)


def test_point_qualifiers_are_the_named_values():
    named = {"exact", "approximate", "range", "vague"}
    assert {q for q in Qualifier if q in _POINT} == {q for q in Qualifier if q.value in named}


BASE = date(2024, 10, 1)
SENTENCES = [
    "The toll rose to {v}, officials said.",
    "Preliminary results put it at {v}.",
    "With 92% of ballots counted, {v} votes.",
]


@st.composite
def clusters(draw):
    out = []
    for i in range(draw(st.integers(2, 6))):
        value = float(draw(st.sampled_from([12, 95, 158, 205, 12000, 13000, 66.3, 66.4])))
        text = draw(st.sampled_from([f"{value:,.0f}", f"{value:g}", f"{value:,.1f}"]))
        hedged = draw(st.booleans())
        out.append(
            [
                claim(
                    value,
                    low=value * 0.9 if hedged else None,
                    high=value * 1.1 if hedged else None,
                    qualifier=Qualifier.approximate if hedged else draw(st.sampled_from(list(Qualifier))),
                    text=text,
                    counted=draw(st.sampled_from(["deaths", "troops"])),
                    article=f"art{i}",
                    source=draw(st.sampled_from(["AP", "Reuters"])),
                    as_of=BASE + timedelta(days=draw(st.integers(0, 8))),
                    sentence=draw(st.sampled_from(SENTENCES)).format(v=text),
                    start=i * 10,
                )
            ]
        )
    return out


@settings(max_examples=200, deadline=None)
@given(clusters())
def test_items_that_remember_their_rounding_and_partial_count_classify_as_fresh_ones(units):
    """An item meets every other item of its group: what it works out once (its rounding step, whether
    its sentence is a partial count) gives the verdict of each pair that fresh items give."""
    kept = [_item(u) for u in units]
    for a in range(len(units)):
        for b in range(len(units)):
            if a != b:
                assert classify(kept[a], kept[b], 3.0) == classify(_item(units[a]), _item(units[b]), 3.0)


def _plain_disjoint(a, b):
    """``_disjoint`` as first written: no early answer for intervals that meet."""
    lo, hi = (a, b) if a.high <= b.high else (b, a)
    scale = max(
        abs(lo.high) if math.isfinite(lo.high) else 0.0, abs(hi.low) if math.isfinite(hi.low) else 0.0
    )
    rtol = CONVERTED_RTOL if a.claim.unit != b.claim.unit else RTOL
    if not lo.high < hi.low - rtol * max(scale, 1.0):
        return False
    return not _last_digit_apart(a, b, hi.low - lo.high)


_BOUNDS = st.sampled_from([-math.inf, math.inf, math.nan, 0.0, 95.0, 99.9, 100.0, 100.0000001, 205.0, 1e300])


@settings(max_examples=500, deadline=None)
@given(_BOUNDS, _BOUNDS, _BOUNDS, _BOUNDS, st.sampled_from(["count", "mile"]), st.sampled_from(["66.3", "12,000", "95"]))
def test_disjoint_is_the_plain_test(lo_a, hi_a, lo_b, hi_b, unit_b, text):
    a = Item(claim(100.0, text=text), lo_a, hi_a, 100.0, "s", None, None)
    b = Item(claim(100.0, unit=unit_b, text=text), lo_b, hi_b, 100.0, "s", None, None)
    assert _disjoint(a, b) == _plain_disjoint(a, b)
    assert _disjoint(b, a) == _plain_disjoint(b, a)
