"""Table tests for the quantity layer, found probing wire-style sentences in session 6: an age in apposition
to a person noun ("The driver, 34, was arrested"), the later ages of a list ("aged 17 and 19"), a level after
"number" as a verb ("The fatalities now number 40") and pence ("Shares fell 12p to 245p").

Each positive row failed before its fix; the negative rows pin what must not change.
"""

from __future__ import annotations

from datetime import date

import pytest

from reconcile import Article, extract_claims, reconcile
from reconcile.group import block_key

PUBLISHED = date(2025, 3, 13)


def _claims(text: str):
    return extract_claims(Article(id="t", text=text, source="Wire", published=PUBLISHED))


def _by_text(text: str) -> dict[str, object]:
    return {c.text: c for c in _claims(text)}


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The driver, 34, was arrested at the scene.", "34"),
        ("A woman, 52, from Leeds died in hospital.", "52"),
        ("A boy, 15, and a girl, 14, were hurt.", "15"),
        ("The victim, 19, was named by police on Sunday.", "19"),
        ("Police said the suspect, 27, had fled.", "27"),
        ("Two teenagers, aged 17 and 19, were charged.", "19"),
        ("Three men aged 18, 19 and 21 were held.", "19"),
        ("Three men aged 18, 19 and 21 were held.", "21"),
        ("The boys, aged 12 or 13, were sent home.", "13"),
        ("The men, 34 and 35, were charged.", "34"),
        ("The men, 34 and 35, were charged.", "35"),
        ("The suspects, 19 and 20, were held.", "19"),
        ("The three men, 19, 20 and 22, were arrested.", "20"),
        ("The children, 3 and 5, were unharmed.", "5"),
    ],
)
def test_age_in_apposition_or_a_list_is_an_age(text: str, figure: str) -> None:
    c = _by_text(text)[figure]
    assert (c.kind.value, c.unit) == ("age", "year")


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # negative rows: no person noun before the comma, a list of counts, a figure too large for an age
        ("The company, 34, employs staff.", "34"),
        ("Police arrested a man, 2 women and a boy.", "2"),
        ("People aged 65 and 300 other residents were moved.", "300"),
        ("The toll rose to 40, officials said.", "40"),
        ("The driver, 134, was arrested.", "134"),
        ("The victims, 12, were all students.", "12"),
        ("Police arrested two men, 3 women and a boy.", "3"),
        ("Officials said the passengers, 40 and 12 crew, were rescued.", "40"),
    ],
)
def test_not_an_age(text: str, figure: str) -> None:
    assert _by_text(text)[figure].kind.value != "age"


@pytest.mark.parametrize("text", ["The driver, 34, was arrested.", "Two teenagers, aged 17 and 19, were charged."])
def test_an_age_never_groups_with_a_count(text: str) -> None:
    ages = [c for c in _claims(text) if c.kind.value == "age"]
    assert ages and all(block_key(c) is None or not block_key(c).startswith(("count", "number")) for c in ages)
    assert all(g.verdict != "conflict" for g in reconcile(ages + _claims("Police arrested 34 people and 19 were hurt.")))


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("The fatalities now number 40.", "40", 40),
        ("Casualties now number 1,200, officials said.", "1,200", 1200),
        ("The refugees number 40,000.", "40,000", 40000),
        ("The protesters could number 5,000, police said.", "5,000", 5000),
        ("They now number 300.", "300", 300),
        ("The dead number 17, according to the ministry.", "17", 17),
    ],
)
def test_level_after_number_as_a_verb(text: str, figure: str, value: float) -> None:
    c = _by_text(text)[figure]
    assert (c.value, c.kind.value in ("number", "count")) == (value, True)


@pytest.mark.parametrize(
    "text",
    [
        # negative rows: 'number' names a rank, a shirt or an address
        "The song is now number 1 in the charts.",
        "He wore number 10 for the club.",
        "She moved to number 10 Downing Street.",
        "His number 9 shirt was retired.",
    ],
)
def test_number_as_a_designator_stays_out(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("A pint costs 245p.", "245p", 2.45),
        ("Stamps rose by 3p.", "3p", 0.03),
        ("The government cut fuel duty by 5p a litre.", "5p", 0.05),
        ("The stock rose 3.5p on Tuesday.", "3.5p", 0.035),
        ("A loaf now costs 140 pence.", "140 pence", 1.4),
    ],
)
def test_pence_are_money_in_pounds(text: str, figure: str, value: float) -> None:
    c = _by_text(text)[figure]
    assert (c.kind.value, c.unit, c.value) == ("money", "GBP", pytest.approx(value))


@pytest.mark.parametrize(
    "text",
    [
        # negative rows: a video resolution, a clock time, glued letters
        "The video streams in 1080p.",
        "The stream is available in 720p.",
        "The meeting starts at 5pm.",
        "The 5ppm limit was kept.",
    ],
)
def test_not_pence(text: str) -> None:
    assert all(c.kind.value != "money" for c in _claims(text))


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("The Fed cut rates by a quarter point.", "a quarter point", 0.25),
        ("The Fed delivered a quarter-point cut.", "a quarter-point", 0.25),
        ("The bank raised rates by half a percentage point.", "half a percentage point", 0.5),
        ("Rates rose three quarters of a percentage point.", "three quarters of a percentage point", 0.75),
        ("The bank cut its key rate by a quarter of a percentage point.", "a quarter of a percentage point", 0.25),
    ],
)
def test_a_fraction_of_a_point_is_percentage_points(text: str, figure: str, value: float) -> None:
    c = _by_text(text)[figure]
    assert (c.kind.value, c.unit, c.value) == ("percentage_point", "percentage_point", value)


def test_a_fraction_of_the_points_stays_a_share() -> None:
    c = _by_text("He scored a quarter of the points.")["a quarter"]
    assert (c.kind.value, c.value) == ("ratio", 25.0)


@pytest.mark.parametrize(
    ("text", "change", "level"),
    [
        ("The price cap rises by £149 to £1,849.", "£149", "£1,849"),
        ("The fee will go up by $15 to $185 next year.", "$15", "$185"),
    ],
)
def test_a_change_by_money_then_the_level_is_no_range(text: str, change: str, level: str) -> None:
    by = _by_text(text)
    assert (by[change].qualifier.value, by[level].qualifier.value) == ("exact", "exact")
    assert all(g.verdict != "conflict" for g in reconcile(_claims(text) + _claims(text)))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # negative rows: a range of the change, a price range, a percent change (left as it was)
        ("Prices could rise by $5 to $10 a barrel.", "$5 to $10"),
        ("Tickets cost £40 to £60.", "£40 to £60"),
        ("Inflation rose by 0.5% to 3.2% in May.", "0.5% to 3.2%"),
    ],
)
def test_ranges_after_by_stay_ranges(text: str, span: str) -> None:
    assert _by_text(text)[span].qualifier.value == "range"
