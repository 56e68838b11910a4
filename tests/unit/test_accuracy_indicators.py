"""Economic indicators: a place written before a figure measured over it is its scope, not a kind of
it ("German inflation" is inflation in Germany), and the words for inflation fold to one key, so two
outlets' figures for one country and month meet.

Named after what broke; each row failed before its fix.
"""

from __future__ import annotations

from datetime import date

import pytest
from _context_claims import extracted

from reconcile import Article, extract_claims, reconcile

PUBLISHED = date(2025, 10, 31)


@pytest.mark.parametrize(
    ("text", "figure", "counted", "scope"),
    [
        ("German inflation fell to 2.0% in October.", "2.0%", "inflation", "German"),
        ("U.S. inflation rose to 3.2% in October.", "3.2%", "inflation", "U.S."),
        ("Euro zone inflation eased to 2.2% in October.", "2.2%", "inflation", "Euro zone"),
        ("Britain's annual consumer price inflation rate rose to 3.8%.", "3.8%", "inflation", "Britain's"),
        ("The U.S. unemployment rate edged up to 4.1% in June.", "4.1%", "unemployment rate", "U.S."),
        ("Consumer prices rose 2.1% from a year earlier in October.", "2.1%", "inflation", None),
        # an abbreviation closing the phrase before the verb ("in the U.S. rose") still ends a noun phrase
        ("Inflation in the U.S. rose to 3.2% in October.", "3.2%", "inflation", "in the U.S."),
        ("Prices in the U.S. rose 3% in the quarter.", "3%", "price", "in the U.S."),
        # a people's kind stays a kind: whose troops, not where they are counted
        ("Russian troops lost 1,600 soldiers near Kupiansk.", "1,600", "troop", "near Kupiansk"),
        ("About 3,000 North Korean troops have arrived, officials said.", "About 3,000", "north korean troop", None),
    ],
)
def test_a_place_before_an_indicator_is_its_scope(text, figure, counted, scope):
    claim = extracted(text, figure, PUBLISHED)
    assert (claim.counted, claim.scope) == (counted, scope)


def test_two_outlets_october_inflation_for_one_place_is_one_group():
    a = Article(id="a", source="Reuters", published=PUBLISHED, title="Valdorian inflation eases in October",
                text="BRENA, Oct 31 (Reuters) - German inflation eased to 2.2% in October, the Federal Statistics "
                     "Office said on Friday, as energy costs in Germany and across Europe fell.")
    b = Article(id="b", source="Bloomberg", published=PUBLISHED, title="Inflation in Germany slows",
                text="Consumer prices in Germany rose 2.4% from a year earlier in October, the Federal Statistics "
                     "Office said on Friday, as energy costs across Europe fell.")
    claims = [c for art in (a, b) for c in extract_claims(art)]
    groups = [g for g in reconcile(claims) if any(c.text == "2.2%" for c in g.claims)]
    assert len(groups) == 1 and {c.text for c in groups[0].claims} == {"2.2%", "2.4%"}
    assert groups[0].verdict != "consistent"  # one office's figure for one month, written two ways
