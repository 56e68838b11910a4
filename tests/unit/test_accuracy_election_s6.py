"""Table tests for misreads found on an election story written for the probe in session 6 (three outlets,
preliminary and final results): a party named by its common noun, the whole of a partitive written with a
possessive or a two-word noun, and "estimated at" as a hedge."""

from __future__ import annotations

from datetime import date

import pytest

from reconcile import Article, extract_claims
from reconcile.group import block_key

PUBLISHED = date(2025, 6, 2)


def claim(text: str, figure: str):
    found = [c for c in extract_claims(Article(id="t", text=text, published=PUBLISHED)) if c.text == figure]
    assert found, [c.text for c in extract_claims(Article(id="t", text=text, published=PUBLISHED))]
    return found[0]


LEAD = "Valdoria's ruling Unity Party won 182 of the 350 seats in Sunday's election, the commission said. "


@pytest.mark.parametrize(
    ("text", "figure", "owner"),
    [
        (LEAD + "The party took 41.3% of the vote, the commission said.", "41.3%", "Unity Party"),
        (LEAD + "The Civic Alliance came second. The alliance took 28.7% of the vote.", "28.7%", "Civic Alliance"),
        # no party named before: no owner, and the share is not grouped with any party's
        ("The party took 41.3% of the vote, the commission said.", "41.3%", None),
    ],
)
def test_a_party_named_by_its_common_noun_owns_its_share(text, figure, owner):
    c = claim(text, figure)
    assert c.owner == owner
    assert (block_key(c) is not None) == (owner is not None)


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("Observers monitored 900 of the country's 6,500 polling stations.", "900", "polling station"),
        ("Observers monitored 900 of the 6,500 polling stations.", "900", "polling station"),
        ("Nine of the 11 victims were children.", "Nine", "victim"),
        ("The party won 52 of 150 seats in the vote.", "52", "seat"),
    ],
)
def test_the_part_counts_what_the_whole_counts(text, figure, counted):
    assert claim(text, figure).counted == counted


@pytest.mark.parametrize(
    ("text", "figure", "low", "high"),
    [
        ("Turnout was estimated at 64%.", "estimated at 64%", 57.6, 70.4),
        ("The damage was estimated at $2bn.", "estimated at $2bn", 1.8e9, 2.2e9),
    ],
)
def test_estimated_at_is_a_hedge(text, figure, low, high):
    c = claim(text, figure)
    assert (c.low, c.high) == pytest.approx((low, high))


# -- company results (an earnings story written for the probe: three outlets, one quarter) --------------

EARNINGS = [
    ("Market Wire", "2025-10-29", "Orion Motors said on Wednesday that its third-quarter net profit fell 18% to "
     "$2.1 billion. Revenue rose 4% to $44.6 billion in the three months to September, the company said."),
    ("Financial Ledger", "2025-10-29", "Orion Motors reported quarterly net income of $2.08 billion on Wednesday."),
    ("Auto Daily", "2025-10-30", "Orion Motors posted revenue of $45 billion in the quarter, the company said."),
]


def _groups(specs):
    from reconcile import reconcile
    arts = [Article(id=f"a{i}", source=src, published=date.fromisoformat(pub), text=text)
            for i, (src, pub, text) in enumerate(specs)]
    return reconcile([c for a in arts for c in extract_claims(a)])


def test_a_quarters_net_profit_meets_another_reports_quarterly_net_income():
    groups = {g.claims[0].counted: g for g in _groups(EARNINGS)}
    profit = groups["net profit"]
    assert sorted(c.text for c in profit.claims) == ["$2.08 billion", "$2.1 billion"]
    assert profit.verdict.value == "consistent"


def test_a_figure_with_a_scale_word_may_be_rounded_to_its_last_digit():
    revenue = {g.claims[0].counted: g for g in _groups(EARNINGS)}["revenue"]
    assert sorted(c.text for c in revenue.claims) == ["$44.6 billion", "$45 billion"]
    assert revenue.verdict.value == "consistent"  # $44.6 billion rounded to the billion
    wider = _groups([EARNINGS[0], ("Auto Daily", "2025-10-30", "Orion Motors posted revenue of $46 billion in the "
                                   "quarter.")])
    assert {g.claims[0].counted: g for g in wider}["revenue"].verdict.value == "conflict"


@pytest.mark.parametrize("text", ["Its third-quarter net profit fell 18% to $2.1 billion.",
                                  "In the first half of the year, sales rose 3%."])
def test_a_quarter_or_a_half_is_no_ordinal_claim(text):
    assert not [c for c in extract_claims(Article(id="t", text=text, published=PUBLISHED)) if c.kind == "ordinal"]


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # 'added' with a figure as its object says nothing: the cue after the figure does
        ("WASHINGTON (Econ Wire) — U.S. employers added 175,000 jobs in April, the Labor Department said on "
         "Friday, below economists' forecasts of 240,000.", "175,000", "the Labor Department"),
        ("The company added 300 jobs last year.", "300", None),
        # 'added' as speech still speaks
        ("He added that 300 jobs would go.", "300", "He"),
        ('"We lost 300 jobs," he added.', "300", "he"),
    ],
)
def test_added_with_a_figure_as_its_object_is_no_speech(text, figure, speaker):
    assert claim(text, figure).speaker == speaker
