"""Session 4 shortcuts in judging and wording give exactly what their plain forms give."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from unit.claim_factory import claim

from reconcile.explain import by_best
from reconcile.judge import _POINT, _display, _factor, _item, classify
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
