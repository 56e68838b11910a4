"""As of when: date phrases resolved against the publication date, never the clock."""

from __future__ import annotations

from datetime import date

import pytest
from _context_claims import context_of

MONDAY = date(2024, 10, 21)  # the seed's publication date, a Monday
THURSDAY = date(2024, 10, 3)

CASES = [
    # (text, figure, published, as_of, as_of_end, projection, as_of_text)
    ("The agency warned last week that 1,500 soldiers had arrived.", "1,500", MONDAY,
     date(2024, 10, 14), date(2024, 10, 20), False, "last week"),
    ("The agency warned last week that 1,500 soldiers had arrived.", "1,500", THURSDAY,
     date(2024, 9, 23), date(2024, 9, 29), False, "last week"),
    ("Officials said on October 18 that 300 homes were lost.", "300", MONDAY, date(2024, 10, 18), None, False,
     "on October 18"),
    ("By Oct. 3, 95 people had died.", "95", MONDAY, date(2024, 10, 3), None, False, "By Oct. 3"),
    ("The ministry said 40 people died on Sunday.", "40", MONDAY, date(2024, 10, 20), None, False, "on Sunday"),
    ("Austin arrived on Monday morning with 12 aides.", "12", MONDAY, MONDAY, None, False, "on Monday morning"),
    ("Police said on Friday that 8 people were arrested.", "8", THURSDAY, date(2024, 9, 27), None, False,
     "on Friday"),
    ("Earlier this month, officials reopened 12 schools.", "12", MONDAY, date(2024, 10, 1), MONDAY, False,
     "Earlier this month"),
    ("In April, a flood displaced 400 residents.", "400", MONDAY, date(2024, 4, 1), date(2024, 4, 30), False,
     "In April"),
    ("In November, a flood displaced 400 residents.", "400", MONDAY, date(2023, 11, 1), date(2023, 11, 30),
     False, "In November"),
    ("Yesterday the toll stood at 205.", "205", MONDAY, date(2024, 10, 20), None, False, "Yesterday"),
    ("Three days ago the toll stood at 158.", "158", MONDAY, date(2024, 10, 18), None, False, "Three days ago"),
    ("The troops will be ready by Nov. 1, when 2,600 soldiers move.", "2,600", MONDAY, date(2024, 11, 1), None,
     True, "by Nov. 1"),
    ("A second wave of 1,500 troops is expected by December.", "1,500", MONDAY, date(2024, 12, 1), None, True,
     "by December"),
    ("The toll is expected to rise to 200 by the end of the week.", "200", MONDAY, date(2024, 10, 27), None,
     True, "by the end of the week"),
    ("In 2023, the region recorded 51 deaths.", "51", MONDAY, date(2023, 1, 1), date(2023, 12, 31), False,
     "In 2023"),
    ("There are now 11,000 troops in Russia.", "11,000", MONDAY, MONDAY, None, False, "now"),
    ("There are 11,000 troops in Russia.", "11,000", MONDAY, MONDAY, None, False, None),
    ("Officials said 60 people died on 12 October 2023.", "60", MONDAY, date(2023, 10, 12), None, False,
     "on 12 October 2023"),
]


@pytest.mark.parametrize("text, figure, published, as_of, as_of_end, projection, as_of_text", CASES)
def test_as_of(text, figure, published, as_of, as_of_end, projection, as_of_text):
    c = context_of(text, figure, published=published)
    assert (c.as_of, c.as_of_end, c.projection, c.as_of_text) == (as_of, as_of_end, projection, as_of_text)


def test_a_projection_cue_without_a_date():
    c = context_of("The death toll is expected to reach 300.", "300", kind="number")
    assert c.projection and c.as_of == MONDAY


def test_a_date_inside_a_since_phrase_is_a_period_not_the_as_of_date():
    c = context_of("It was his third visit since the invasion began in 2022.", "third", kind="ordinal",
                   counted_text="visit", value=3)
    assert c.as_of == MONDAY
    assert c.scope_info.period == "since 2022"


def test_the_earlier_date_belongs_to_the_older_figure():
    text = "Officials said the toll stood at 57, up from 40 a day earlier."
    assert context_of(text, "57", kind="number").as_of == MONDAY
    assert context_of(text, "40", kind="number").as_of == date(2024, 10, 20)


@pytest.mark.parametrize("text, figure, expected", [
    ("The ministry said last week that 1,500 soldiers had arrived.", "1,500", None),
    ("The ministry said 1,500 soldiers had arrived.", "1,500", None),
    ("On October 18, 2024, the ministry said 1,500 soldiers had arrived.", "1,500", date(2024, 10, 18)),
])
def test_undated_articles_never_use_today(text, figure, expected):
    assert context_of(text, figure, published=None).as_of == expected
