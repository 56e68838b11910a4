"""A conversion in parentheses restates the figure before it; it is compared through that figure.

"The quake struck at a depth of 10 km (6.2 miles)" states one depth twice: 6.2 miles is 10 km
converted and rounded to a tenth of a mile.  Compared on its own, the conversion's rounding can
part it from another report that the figure it converts agrees with ("9.8 km" is within 10 km's
rounding, not within 6.2 miles'; "112F" is within 44C's, not 111F's).  A parenthesised figure in
another unit that agrees with a figure of its sentence is left out of the comparison (it is still
a member of the group); one that disagrees ("10 km (8 miles)") is compared as it is.
"""

from __future__ import annotations

from datetime import date

import pytest

from reconcile import Article, reconcile

DAY = date(2025, 3, 12)

DEPTH_A = ("TOKYO (Northern Wire) - A strong earthquake struck off the coast of Miyagi on Wednesday, the "
           "Japan Meteorological Agency said. The quake struck at a depth of {a} off the coast of Miyagi, "
           "the agency said.")
DEPTH_B = ("A strong earthquake hit off Miyagi on Wednesday. The quake struck at a depth of {b} off the "
           "coast of Miyagi, the U.S. Geological Survey said.")
HEAT_A = ("SEVILLE (Northern Wire) - Temperatures in Seville reached {a} on Saturday, the weather agency AEMET "
          "said.")
HEAT_B = "Temperatures in Seville hit {b} on Saturday as the heatwave gripped Seville, forecaster MeteoGroup said."


def _verdicts(template_a, template_b, a, b, quantity):
    arts = [Article(id="a", source="Northern Wire", published=DAY, text=template_a.format(a=a)),
            Article(id="b", source="Valley Herald", published=DAY, text=template_b.format(b=b))]
    return [(g.verdict.value, g.n_claims) for g in reconcile(arts) if quantity in g.quantity.lower()]


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("10 km (6.2 miles)", "9.8 km", "consistent"),
        ("10 km (6.2 miles)", "6 miles", "consistent"),
        # negative cases: the figure itself disagrees, or the parenthesis disagrees with it
        ("10 km (6.2 miles)", "8.5 km", "conflict"),
        ("10 km (8 miles)", "8 miles", "conflict"),
    ],
)
def test_depth_conversion_in_parentheses(a, b, verdict):
    assert _verdicts(DEPTH_A, DEPTH_B, a, b, "depth") == [(verdict, 3)]


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [("44C (111F)", "112F", "consistent"), ("44C (111F)", "118F", "conflict")],
)
def test_temperature_conversion_in_parentheses(a, b, verdict):
    assert _verdicts(HEAT_A, HEAT_B, a, b, "temperature") == [(verdict, 3)]
