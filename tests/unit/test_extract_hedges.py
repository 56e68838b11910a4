"""Hedges as intervals: value, low, high and qualifier always agree (widths in hedges.json)."""

from __future__ import annotations

import pytest

from reconcile.extract import extract_quantities
from reconcile.extract.lexicon import ExtractLexicon
from reconcile.models import Article, Claim

N = None


def only(text: str) -> Claim:
    found = extract_quantities(Article(id="t", text=text))
    assert len(found) == 1, [(c.text, c.value) for c in found]
    return found[0]


def agrees(c: Claim) -> bool:
    q = c.qualifier.value
    if q == "exact":
        return c.low == c.value == c.high
    if q in ("approximate", "vague"):
        return c.low is not None and c.high is not None and c.low <= c.value <= c.high
    if q in ("more_than", "at_least"):
        return c.low == c.value and (c.high is None or c.high > c.value)
    if q in ("at_most", "less_than"):
        return c.high == c.value and c.low is None
    if q == "range":
        return c.low is not None and c.high is not None and c.low < c.value < c.high
    return False


@pytest.mark.parametrize(
    "text, span, low, high, qualifier",
    [
        ("Nearly 500 homes burned.", "Nearly 500", 450, 500, "approximate"),
        ("Almost 20 people died.", "Almost 20", 18, 20, "approximate"),
        ("It took just under 30 days.", "just under 30 days", 28.5, 30, "approximate"),
        ("About 40 families fled.", "About 40", 36, 44, "approximate"),
        ("Around 50 soldiers left.", "Around 50", 45, 55, "approximate"),
        ("Roughly 60 trucks arrived.", "Roughly 60", 54, 66, "approximate"),
        ("Some 70 villages flooded.", "Some 70", 63, 77, "approximate"),
        ("Approximately 80 flights were cut.", "Approximately 80", 72, 88, "approximate"),
        ("It cost ~90 dollars.", "~90 dollars", 81, 99, "approximate"),
        ("An estimated 100 people drowned.", "An estimated 100", 90, 110, "approximate"),
        ("More than 200 houses collapsed.", "More than 200", 200, N, "more_than"),
        ("Over 300 cars were seized.", "Over 300", 300, N, "more_than"),
        ("Prices rose above 400 dollars.", "above 400 dollars", 400, N, "more_than"),
        ("Upwards of 500 people marched.", "Upwards of 500", 500, N, "more_than"),
        ("The tally passed 600 cases.", "passed 600", 600, N, "more_than"),
        ("Just over 700 homes lost power.", "Just over 700", 700, 735, "more_than"),
        ("At least 700 people died.", "At least 700", 700, N, "at_least"),
        ("No fewer than 800 soldiers deserted.", "No fewer than 800", 800, N, "at_least"),
        ("Up to 900 migrants were held.", "Up to 900", N, 900, "at_most"),
        ("At most 1,000 seats remain.", "At most 1,000", N, 1000, "at_most"),
        ("As many as 2,000 troops moved.", "As many as 2,000", N, 2000, "at_most"),
        ("Fewer than 10 people came.", "Fewer than 10", N, 10, "less_than"),
        ("Less than 20% voted.", "Less than 20%", N, 20, "less_than"),
        ("Under 30 children attended.", "Under 30", N, 30, "less_than"),
        ("Between 10 and 20 people were hurt.", "Between 10 and 20", 10, 20, "range"),
        ("10-20 people were hurt.", "10-20", 10, 20, "range"),
        ("The queue stretched 10 to 20 km.", "10 to 20 km", 10, 20, "range"),
        ("Between 2 and 3 million people fled.", "Between 2 and 3 million", 2e6, 3e6, "range"),
        ("It will cost $5-10bn.", "$5-10bn", 5e9, 1e10, "range"),
        ("Support was 40-45% in the poll.", "40-45%", 40, 45, "range"),
        ("Two or three witnesses spoke.", "Two or three", 2, 3, "range"),
        ("100 people or more gathered.", "100", 100, 100, "exact"),
        ("100 or more people gathered.", "100 or more", 100, N, "at_least"),
        ("Some 20-odd people came.", "Some 20", 18, 22, "approximate"),
        ("He has 30-plus years of service.", "30-plus years", 30, N, "at_least"),
        ("Dozens of people were hurt.", "Dozens of", 24, 144, "vague"),
        ("Hundreds of homes were lost.", "Hundreds of", 200, 999, "vague"),
        ("Thousands of troops massed.", "Thousands of", 2000, 9999, "vague"),
        ("Tens of thousands of people fled.", "Tens of thousands of", 20000, 99999, "vague"),
        ("Several hundred protesters gathered.", "Several hundred", 300, 900, "vague"),
        ("Several protesters were arrested.", "Several", 3, 9, "vague"),
        ("A few soldiers remained.", "A few", 2, 5, "vague"),
        ("Scores of bodies were found.", "Scores of", 40, 199, "vague"),
        ("A handful of stores opened.", "A handful of", 2, 6, "vague"),
    ],
)
def test_hedge_intervals(text: str, span: str, low, high, qualifier: str) -> None:
    c = only(text)
    assert c.text == span
    assert c.qualifier.value == qualifier
    assert (c.low, c.high) == (pytest.approx(low) if low is not None else None,
                               pytest.approx(high) if high is not None else None)
    assert agrees(c), c


def test_hedge_word_is_kept_as_written() -> None:
    c = only("Officials said nearly 11,000 troops were deployed.")
    assert c.hedge == "nearly"


def test_negative_interval_stays_ordered() -> None:
    c = only("Temperatures fell to about -10C.")
    assert c.low == pytest.approx(-11) and c.high == pytest.approx(-9)


def test_hedge_table_is_editable() -> None:
    from reconcile import lexicons

    hedges = dict(lexicons.load("hedges"))
    hedges["prefix"] = [*hedges["prefix"], {"phrase": "a whopping", "qualifier": "at_least", "low": 1.0, "high": None}]
    lex = ExtractLexicon.from_data(lexicons.load("numbers"), hedges, lexicons.load("units"),
                                   lexicons.load("currencies"), lexicons.load("nonclaims"))
    [c] = extract_quantities(Article(id="t", text="A whopping 500 people came."), lexicon=lex)
    assert (c.text, c.qualifier.value, c.low, c.high) == ("A whopping 500", "at_least", 500, None)


@pytest.mark.parametrize(
    "text, span, low, high",
    [
        ("More than 10 and fewer than 20 people came.", "More than 10 and fewer than 20", 10, 20),
        ("At most 100 and at least 20 people came.", "At most 100 and at least 20", 20, 100),
        ("The toll is above 1000 but below 1500.", "above 1000 but below 1500", 1000, 1500),
    ],
)
def test_two_bounds_make_one_range(text: str, span: str, low: float, high: float) -> None:
    c = only(text)
    assert (c.text, c.qualifier.value, c.low, c.high) == (span, "range", low, high)
    assert agrees(c)


def test_bounding_suffix_beats_an_approximate_prefix() -> None:
    c = only("About 500 or more people came.")
    assert (c.text, c.qualifier.value, c.low, c.high) == ("500 or more", "at_least", 500, None)


def test_vote_tally_is_not_a_range() -> None:
    assert extract_quantities(Article(id="t", text="The bill passed 218-214 in the House.")) == []


def test_negative_bound_keeps_its_side() -> None:
    c = only("Temperatures stayed below -30C all week.")
    assert (c.low, c.high, c.qualifier.value) == (None, -30, "less_than")


def test_percent_change_then_level_is_not_a_range() -> None:
    found = extract_quantities(Article(id="t", text="The index fell 1.2 per cent to 7,045.3 points."))
    assert [(c.text, c.unit) for c in found] == [("1.2 per cent", "percent"), ("7,045.3", "count")]


@pytest.mark.parametrize(
    "text, span, low, high",
    [
        ("Tens of millions watched the final.", "Tens of millions", 2e7, 99999999),
        ("Thousands took to the streets.", "Thousands", 2000, 9999),
    ],
)
def test_vague_scale_words_stand_alone(text: str, span: str, low: float, high: float) -> None:
    c = only(text)
    assert (c.text, c.qualifier.value, c.low, c.high) == (span, "vague", low, high)


def test_several_with_nothing_counted_is_no_claim() -> None:
    assert extract_quantities(Article(id="t", text="Several came.")) == []


@pytest.mark.parametrize(
    "text, spans, bounds",
    [
        # 'than' belongs to what follows it: the suffix does not swallow it
        ("His score was 200 or greater than 190.", ["200", "greater than 190"], [(200, 200), (190, N)]),
        ("Sales rose 5 percent or more than analysts expected.", ["5 percent"], [(5, 5)]),
        ("Costs rose 10% or more than that.", ["10%"], [(10, 10)]),
        # a clause that ends on 'than', or a suffix with no 'than', still bounds the figure
        ("They expect to sell 5000 or more than.", ["5000 or more than"], [(5000, N)]),
        ("Some 5,000 or more people came.", ["5,000 or more"], [(5000, N)]),
        ("Turnout was 40% or greater, officials said.", ["40% or greater"], [(40, N)]),
    ],
)
def test_suffix_hedge_leaves_than_to_the_next_figure(text: str, spans: list[str], bounds: list) -> None:
    found = extract_quantities(Article(id="t", text=text))
    assert [c.text for c in found] == spans
    assert [(c.low, c.high) for c in found] == bounds
    assert all(agrees(c) for c in found)
