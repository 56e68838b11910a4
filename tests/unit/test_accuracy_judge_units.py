"""A figure converted into another unit and rounded agrees with the figure it was converted from.

"A depth of 6 miles" in one report and "10 km (6.2 miles)" in another are one depth: 10 km is
6.21 miles, and "6 miles" is written to the nearest mile.  Two figures in different units agree
when the rounding implied by how one of them is written covers the other (one unit of its last
written decimal, or of its second significant digit for a whole figure ending in zeros: "100 km"
is to the nearest 10 km, "6 miles" to the nearest mile).  A physical measure written
in one unit is read alike ("6 miles" covers "6.2 miles"); counts, shares and money keep their own rule
(``test_rounding_verdicts.py``: "200" and "215" people still conflict).
"""

from __future__ import annotations

from datetime import date

import pytest
from unit.claim_factory import claim

from reconcile import Article, reconcile
from reconcile.judge import judge_group, written_precision
from reconcile.models import Kind, Verdict

DAY = date(2025, 3, 12)


def _measure(value, unit, text, source, article, counted="depth"):
    return claim(value, kind=Kind.measure, unit=unit, counted=counted, text=text, source=source,
                 speaker=None, article=article, as_of=DAY)


@pytest.mark.parametrize(
    ("first", "second", "verdict"),
    [
        # a conversion rounded to the nearest mile, foot, pound or gallon
        ((10, "kilometer", "10 km"), (6, "mile", "6 miles"), Verdict.consistent),
        # in one unit too: "6 miles" is 6.2 miles to the nearest mile (a physical measure only)
        ((6.2, "mile", "6.2 miles"), (6, "mile", "6 miles"), Verdict.consistent),
        ((6.4, "mile", "6.4 miles"), (6.2, "mile", "6.2 miles"), Verdict.conflict),
        ((7, "mile", "7 miles"), (6, "mile", "6 miles"), Verdict.conflict),
        ((6.5, "mile", "6.5 miles"), (6, "mile", "6 miles"), Verdict.conflict),  # half a step: not covered
        ((1_000, "meter", "1,000 metres"), (3_300, "foot", "3,300 feet"), Verdict.consistent),
        ((5, "kilogram", "5 kg"), (11, "pound", "11 pounds"), Verdict.consistent),
        ((200, "liter", "200 litres"), (53, "gallon", "53 gallons"), Verdict.consistent),
        # a whole figure ending in zeros is rounded at its second significant digit
        ((100, "kilometer", "100 km"), (60, "mile", "60 miles"), Verdict.consistent),
        ((1_200, "mile", "1,200 miles"), (2_000, "kilometer", "2,000 km"), Verdict.consistent),
        # negative cases: outside either figure's rounding, a conflict as before
        ((12, "kilometer", "12 km"), (6, "mile", "6 miles"), Verdict.conflict),
        ((10, "kilometer", "10 km"), (7, "mile", "7 miles"), Verdict.conflict),
        ((100, "kilometer", "100 km"), (70, "mile", "70 miles"), Verdict.conflict),
        ((10.2, "kilometer", "10.2 km"), (6, "mile", "6 miles"), Verdict.consistent),
        ((10.5, "kilometer", "10.5 km"), (6.2, "mile", "6.2 miles"), Verdict.conflict),
        ((5, "kilogram", "5 kg"), (13, "pound", "13 pounds"), Verdict.conflict),
    ],
)
def test_converted_figure_within_written_rounding(first, second, verdict):
    a = _measure(*first, source="Northern Wire", article="a")
    b = _measure(*second, source="Valley Herald", article="b")
    assert judge_group([a, b]).verdict == verdict
    assert judge_group([b, a]).verdict == verdict


@pytest.mark.parametrize(
    ("first", "second"),
    [((6, "count", "6"), (6.2, "count", "6.2")), ((200, "count", "200"), (215, "count", "215")),
     ((6, "percent", "6%"), (6.2, "percent", "6.2%"))],
)
def test_counts_and_shares_keep_their_own_rounding_rule(first, second):
    kinds = {"count": Kind.count, "percent": Kind.percent}
    a = claim(first[0], kind=kinds[first[1]], unit=first[1], text=first[2], source="Northern Wire", article="a", as_of=DAY)
    b = claim(second[0], kind=kinds[second[1]], unit=second[1], text=second[2], source="Valley Herald", article="b",
              as_of=DAY)
    assert judge_group([a, b]).verdict == Verdict.conflict


def test_converted_rounding_reason_names_the_rounding():
    a = _measure(10, "kilometer", "10 km", "Northern Wire", "a")
    b = _measure(6, "mile", "6 miles", "Valley Herald", "b")
    g = judge_group([a, b])
    assert "rounding" in g.reason


@pytest.mark.parametrize(
    ("text", "step"),
    [("6 miles", 1.0), ("6.2 miles", 0.1), ("10 km", 1.0), ("100 km", 10.0), ("1,200 miles", 100.0),
     ("52,000", 1000.0), ("215", 1.0), ("$1.25bn", 0.01), ("three", None)],
)
def test_written_precision(text, step):
    got = written_precision(text)
    assert (got and got[1]) == (step if step is None else pytest.approx(step))


DEPTH_A = ("TOKYO (Northern Wire) - A strong earthquake struck off the coast of Miyagi on Wednesday, the "
           "Japan Meteorological Agency said. The quake struck at a depth of {a} off the coast of Miyagi, "
           "the agency said.")
DEPTH_B = ("A strong earthquake hit off Miyagi on Wednesday. The quake struck at a depth of {b} off the "
           "coast of Miyagi, the U.S. Geological Survey said.")


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("10 km (6.2 miles)", "6 miles", "consistent"),
        ("10 km", "6 miles", "consistent"),
        ("12 km", "6 miles", "conflict"),  # 12 km is 7.5 miles: outside both roundings
        ("10 km", "8 miles", "conflict"),
    ],
)
def test_quake_depth_in_km_and_miles_end_to_end(a, b, verdict):
    arts = [Article(id="a", source="Northern Wire", published=DAY, text=DEPTH_A.format(a=a)),
            Article(id="b", source="Valley Herald", published=DAY, text=DEPTH_B.format(b=b))]
    depth = [g for g in reconcile(arts) if g.quantity == "depth"]
    assert [g.verdict.value for g in depth] == [verdict], [g.reason for g in depth]
