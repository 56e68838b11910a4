"""Table tests for misreads found on a cholera-outbreak story written for the probe in session 6 (three
outlets, one of them a fact box): new suspected cases, infections counted by a verb, a fact box's labels,
"the week before", and an acronym naming its organisation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from _context_claims import extracted

from reconcile.context.topic import names_agree

PUBLISHED = date(2025, 8, 11)


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("The ministry recorded 1,250 new suspected cases in the past week alone.", "1,250", "suspected case"),
        ("Officials confirmed 300 newly reported infections.", "300", "case"),
        ("A cholera outbreak has killed 112 people and sickened more than 4,300 since late June.",
         "more than 4,300", "case"),
        ("The virus has infected 2,000 in the city.", "2,000", "case"),
        ("- Deaths: 97, according to local hospitals", "97", "death"),
        ("Cases: about 4,000 suspected", "about 4,000", "case"),
        ("Vaccine doses sent: 600,000 (WHO)", "600,000", "vaccine dose"),
        ("Police detained 40 more protesters.", "40", "protester"),
        # a running total with a time phrase is the total of what the sentence counts
        ("A record 1,195 migrants crossed the Channel on Saturday, bringing the total so far this year to more "
         "than 14,800.", "more than 14,800", "migrant"),
        ("Twelve new cases were found, bringing the total since Monday to 120.", "120", "case"),
    ],
)
def test_outbreak_counts(text, figure, counted):
    assert extracted(text, figure, PUBLISHED).counted == counted


def test_a_quotation_after_said_is_no_fact_box_label():
    assert extracted("Officials said: 97 people have died.", "97", PUBLISHED).counted == "death"


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Cases rose to 1,250 in the past week, up from 870 the week before.", 7),
        ("Sales rose to 1,250, up from 870 the month before.", 30),
        ("Sales were 900 the year before.", 365),
    ],
)
def test_the_week_before_is_a_week_earlier(text, days):
    figure = "870" if "870" in text else "900"
    assert extracted(text, figure, PUBLISHED).as_of == PUBLISHED - timedelta(days=days)


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("who", "world health organization", True),
        ("un", "united nations", True),
        ("imf", "international monetary fund", True),
        ("who", "world bank", False),
        ("north korea", "south korea", False),
        ("us", "ukraine", False),
    ],
)
def test_an_acronym_names_its_organisation(a, b, agree):
    assert names_agree(a, b) == agree
    assert names_agree(b, a) == agree


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # where a thing is, written after it, is no part of what is measured (a wildfire story)
        ("The Canyon Fire north of Los Angeles grew to 48,000 acres on Tuesday.", "48,000 acres", "fire"),
        ("The fire north of Los Angeles grew to 48,000 acres.", "48,000 acres", "fire"),
        ("A blaze near Athens has burned 10,000 hectares.", "10,000 hectares", "fire"),
    ],
)
def test_a_place_after_the_subject_is_no_part_of_it(text, figure, counted):
    assert extracted(text, figure, PUBLISHED).counted == counted
