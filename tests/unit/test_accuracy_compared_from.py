"""An earlier value written after a figure ("159 cases, up from 146 last week") counts the same thing,
in the same place, when it is the same running count; a value from another edition of the event ("58.2%,
down from 61% in 2021") is left uncounted, so it never joins this edition's group.

Named after what broke; each row failed before its fix (the earlier value had no counted thing).
"""

from __future__ import annotations

from datetime import date

import pytest
from _context_claims import extracted

from reconcile import Article, extract_claims, reconcile

PUBLISHED = date(2025, 3, 13)


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        (("A measles outbreak in West Texas has grown to 159 cases, the health department said on Tuesday, "
          "up from 146 last week."), "146", "case"),
        ("Dengue deaths rose to 41 on Wednesday, up from 37 a day earlier.", "37", "death"),
        # a value of another period (a month, a year) is another quantity, as the last edition's is
        ("The jobless rate fell to 3.9% in February, down from 4.2% in January.", "4.2%", None),
        ("The fire had burned 19,800 acres by Monday, compared with 12,000 acres on Friday.", "12,000 acres", "fire"),
        # another edition of the event: the last election, last year's quarter
        ("Turnout was 61.4 percent, the election commission said, down from 67% in 2019.", "67%", None),
        # the earlier value belongs to the figure right before it
        ("It sold 300 cars and 12 trucks, up from 9 last week.", "9", "truck"),
        # a figure of another kind before it: nothing to take
        ("The storm killed 12 people on Tuesday, and 40% of homes lost power, up from 31 on Monday.", "31", None),
    ],
)
def test_an_earlier_value_counts_what_the_figure_before_it_counts(text, figure, counted):
    assert extracted(text, figure, PUBLISHED).counted == counted


def test_an_earlier_value_takes_the_place_of_the_figure_it_is_compared_with():
    claim = extracted("A measles outbreak in West Texas has grown to 159 cases, the health department said, "
                      "up from 146 last week.", "146", PUBLISHED)
    assert claim.scope == "in West Texas"


def test_a_history_value_does_not_hide_a_conflict_between_two_outlets():
    a = Article(id="a", source="AP", published=date(2025, 3, 11), title="Measles cases climb in West Texas",
                text="LUBBOCK, Texas (AP) - A measles outbreak in West Texas has grown to 159 cases, the Texas "
                     "health department said on Tuesday, up from 146 last week. Gaines County urged vaccination.")
    b = Article(id="b", source="Reuters", published=date(2025, 3, 11), title="West Texas measles outbreak spreads",
                text="LUBBOCK, Texas (Reuters) - The measles outbreak in West Texas has reached 171 cases, Gaines "
                     "County officials said on Tuesday, as the Texas health department warned of further spread.")
    claims = [c for art in (a, b) for c in extract_claims(art)]
    groups = [g for g in reconcile(claims) if any(c.text == "171" for c in g.claims)]
    assert len(groups) == 1
    assert {c.text for c in groups[0].claims} == {"146", "159", "171"}
    assert groups[0].verdict == "conflict"


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("Homicides fell 12% last year to 19,252, the FBI said.", "19,252", "homicide"),
        ("Sales rose 5% to $4.1 billion in the quarter.", "$4.1 billion", "sale"),
        # "to" that opens a period, not a level: the figure after keeps its own noun
        ("Prices rose 4% in the year to March, with 300 shops affected.", "300", "shop"),
    ],
)
def test_the_level_a_share_moved_a_thing_to_counts_that_thing(text, figure, counted):
    assert extracted(text, figure, PUBLISHED).counted == counted
