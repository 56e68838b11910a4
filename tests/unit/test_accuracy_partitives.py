"""Table tests for a part of a counted whole ("12 of the 300 miners died") and a fraction of a scale word
("a quarter of a million"), found probing wire-style sentences in session 6.

Each row failed before its fix; the negative rows pin what must not change.
"""

from __future__ import annotations

from datetime import date

import pytest
from _context_claims import extracted

from reconcile import Article, extract_claims

PUBLISHED = date(2025, 3, 13)


def claims(text: str) -> dict[str, tuple[float, str | None]]:
    return {c.text: (c.value, c.counted) for c in extract_claims(Article(id="t", text=text, published=PUBLISHED))}


@pytest.mark.parametrize(
    ("text", "figure", "value", "counted"),
    [
        ("About a quarter of a million people were displaced.", "About a quarter of a million", 250_000,
         "displaced person"),
        ("Three-quarters of a million homes lost power.", "Three-quarters of a million", 750_000, "home"),
        ("Half of a million voters stayed home.", "Half of a million", 500_000, "voter"),
        # a share of something named is still a share
        ("A quarter of the staff left.", "A quarter", 25, None),
    ],
)
def test_a_fraction_of_a_scale_word_is_one_figure(text, figure, value, counted):
    got = claims(text)
    assert got[figure][0] == pytest.approx(value)
    if counted is not None:
        assert got[figure][1] == counted
    assert not any(v == 1_000_000 for v, _ in got.values())  # no stray 'a million'


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # the whole of a partitive is not harmed by the part's predicate: the 300 did not all die
        ("Twelve of the 300 miners died in the blast.", "300", "miner"),
        ("At least 12 of the 300 miners were killed.", "300", "miner"),
        ("Two of the 300 miners died.", "300", "miner"),
        ("None of the 40 passengers were hurt.", "40", "passenger"),
        ("All of the 300 miners died.", "300", "miner death"),  # all of them did
        # the part takes the predicate, read past the whole
        ("At least 12 of the 300 miners were killed.", "At least 12", "miner death"),
        ("Twelve of the 300 miners died in the blast.", "Twelve", "miner death"),
        ("Two of the 300 miners died.", "Two", "miner death"),
    ],
)
def test_the_predicate_of_a_partitive_is_the_parts(text, figure, counted):
    assert extracted(text, figure, PUBLISHED).counted == counted


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Two of the 300 miners died.", True),
        ("Three of them were children, the ministry said.", True),
        ("The two of them met.", False),      # a reference, not a count
        ("The two met in Geneva.", False),
        ("One of the largest firms cut 300 jobs.", False),
    ],
)
def test_a_small_number_word_is_a_claim_when_it_is_a_part_of_a_whole(text, kept):
    small = [c for c in extract_claims(Article(id="t", text=text, published=PUBLISHED)) if c.value < 10]
    assert bool(small) == kept


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # a small number word a toll moved to or stands at is a claim, its noun left out
        ("The death toll from Hurricane Delia rose to five on Monday, state officials said.", "five", "death"),
        ("The toll stands at three, the ministry said.", "three", "death"),
        # people in shelters are a quantity of their own
        ("Governor Ron Bates said about 40,000 people had spent the night in shelters.", "about 40,000",
         "sheltered person"),
        ("Officials said 35,000 people remained in shelters on Monday.", "35,000", "sheltered person"),
    ],
)
def test_hurricane_story_misreads(text, figure, counted):
    assert extracted(text, figure, PUBLISHED).counted == counted


@pytest.mark.parametrize("text", ["The two met in Geneva on Monday.", "Prices rose to five-year highs."])
def test_a_small_number_word_after_a_verb_is_still_no_count_of_its_own(text):
    assert not [c for c in extract_claims(Article(id="t", text=text, published=PUBLISHED))
                if c.kind in {"count", "number"} and c.value < 10]
