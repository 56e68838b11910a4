"""Numerals in digits and words: value is always the full number."""

from __future__ import annotations

import pytest

from reconcile.extract import extract_quantities
from reconcile.models import Article


def claims(text: str):
    return extract_quantities(Article(id="t", text=text))


def only(text: str):
    found = claims(text)
    assert len(found) == 1, [(c.text, c.value) for c in found]
    return found[0]


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("Officials counted 1,500 soldiers.", "1,500", 1500, "count"),
        ("Officials counted 11 000 soldiers.", "11 000", 11000, "count"),
        ("Officials counted 11\u00a0000 soldiers.", "11\u00a0000", 11000, "count"),
        ("The index rose by 2.5 points to close.", "2.5", 2.5, "count"),
        ("The world has 3.8 billion internet users.", "3.8 billion", 3.8e9, "count"),
        ("The deal is worth $1.2bn, officials said.", "$1.2bn", 1.2e9, "USD"),
        ("The council will spend £300m on roads.", "£300m", 3e8, "GBP"),
        ("The app now has 10M users.", "10M", 1e7, "count"),
        ("Some 1.5 million voters turned out.", "Some 1.5 million", 1.5e6, "count"),
        ("Eleven thousand people fled.", "Eleven thousand", 11000, "count"),
        ("A hundred and two people were rescued.", "A hundred and two", 102, "count"),
        ("The fund holds two and a half million dollars.", "two and a half million dollars", 2.5e6, "USD"),
        ("Police arrested a dozen protesters.", "a dozen", 12, "count"),
        ("Half a million refugees crossed the border.", "Half a million", 5e5, "count"),
        ("The fire destroyed 1,200 homes.", "1,200", 1200, "count"),
        ("Rescuers found forty-two survivors.", "forty-two", 42, "count"),
        ("The toll rose to sixteen on Monday.", "sixteen", 16, "count"),
        ("The budget is €2.5 billion this year.", "€2.5 billion", 2.5e9, "EUR"),
        ("Exports reached 4 million tonnes.", "4 million tonnes", 4e6, "metric_ton"),
        ("The firm lost 500,000 euros.", "500,000 euros", 5e5, "EUR"),
        ("Sales hit US$3.5 million in March.", "US$3.5 million", 3.5e6, "USD"),
        ("About .5 of a point separated them.", "About .5", 0.5, "count"),
    ],
)
def test_numeral_values(text: str, span: str, value: float, unit: str) -> None:
    c = only(text)
    assert c.text == span
    assert c.value == pytest.approx(value)
    assert c.unit == unit
    assert text[c.start:c.end] == span


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("A third of the population voted.", "A third", 100 / 3),
        ("Two-thirds of voters backed it.", "Two-thirds", 200 / 3),
        ("Three quarters of the homes lost power.", "Three quarters", 75),
        ("Half of the staff left.", "Half", 50),
    ],
)
def test_fractions_are_shares_in_percent(text: str, span: str, value: float) -> None:
    c = only(text)
    assert (c.text, c.kind.value, c.unit) == (span, "ratio", "percent")
    assert c.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("1 in 5 adults smoke.", "1 in 5", 20),
        ("One in four children is poor.", "One in four", 25),
        ("Nearly one in three voters stayed home.", "Nearly one in three", 100 / 3),
    ],
)
def test_one_in_n_is_a_ratio(text: str, span: str, value: float) -> None:
    c = only(text)
    assert (c.text, c.kind.value, c.unit) == (span, "ratio", "percent")
    assert c.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Temperatures fell to -5C overnight.", "-5C", -5),
        ("Temperatures fell to minus 10 degrees Celsius.", "minus 10 degrees Celsius", -10),
        ("The account showed \u2212300 dollars.", "\u2212300 dollars", -300),
    ],
)
def test_negative_numbers(text: str, span: str, value: float) -> None:
    c = only(text)
    assert c.text == span and c.value == value


def test_ranges_are_not_negatives() -> None:
    c = only("Between 10-20 people were hurt.")
    assert (c.low, c.high, c.qualifier.value) == (10, 20, "range")


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("The new 75 -300mm zoom lens went on sale.", 75, 300),
        ("Forecasters expect 2 -4 percent growth.", 2, 4),
        ("Between 10 -20 people were hurt.", 10, 20),
    ],
)
def test_a_spaced_dash_after_a_figure_is_no_minus_sign(text: str, low: float, high: float) -> None:
    c = only(text)
    assert (c.low, c.high) == (low, high)
    assert c.value > 0


def test_bare_digits_are_kept_for_the_context_stage() -> None:
    c = only("The death toll rose to 205 on Tuesday.")
    assert (c.text, c.kind.value, c.value, c.counted_text) == ("205", "number", 205, None)


def test_counted_text_is_the_phrase_after_the_figure() -> None:
    c = only("Kyiv said nearly 11,000 North Korean infantry troops were training.")
    assert c.counted_text == "North Korean infantry troops"
    assert c.text == "nearly 11,000"


@pytest.mark.parametrize(
    "text",
    [
        "No one in this world expected it.",
        "It will benefit no one.",
        "One of the officials resigned.",
        "The two met in Kyiv.",
        "They love one another.",
        "One day, he said, it will end.",
    ],
)
def test_pronoun_one_and_small_bare_words_are_not_claims(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize("text", ["9" * 400, "1e999", "NaN", "inf", "-inf", "1e10", "\x00\x01 5 \x02", "\u202e12 troops"])
def test_odd_numbers_never_raise(text: str) -> None:
    for c in claims(text):
        assert text[c.start:c.end] == c.text


def test_strong_force_counts_the_force() -> None:
    c = only("A 6,000-strong force crossed the border.")
    assert (c.text, c.value, c.counted_text, c.kind.value) == ("6,000", 6000, "force", "count")


def test_ordinal_with_thousands_separator() -> None:
    c = only("On the war's 1,000th day, sirens sounded.")
    assert (c.text, c.value, c.kind.value, c.counted_text) == ("1,000th", 1000, "ordinal", "day")


def test_shares_count_mass_nouns() -> None:
    found = claims("Labor won three-quarters of the vote after Rs 500 crore was spent.")
    assert [(c.text, c.counted_text) for c in found] == [("three-quarters", "vote"), ("Rs 500 crore", None)]


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The city has a million and a half residents.", "a million and a half", 1.5e6),
        ("The population is 3 million and a half, the census said.", "3 million and a half", 3.5e6),
        ("They counted two million and one half votes.", "two million and one half", 2.5e6),
        ("The bill came to five billion and three quarters dollars.", "five billion and three quarters dollars", 5.75e9),
        ("It cost $3 million and a half to rebuild.", "$3 million and a half", 3.5e6),
        ("Some 4 million and a half fans watched.", "Some 4 million and a half", 4.5e6),
        ("The total was one billion and a half million.", "one billion and a half million", 1.0005e9),
        ("Officials logged two million and three fifths.", "two million and three fifths", 2.6e6),
    ],
)
def test_fraction_after_a_scale_word(text: str, span: str, value: float) -> None:
    c = only(text)
    assert c.text == span
    assert c.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text, spans",
    [
        # a share of something else, or an ordinal, is not part of the figure
        ("He won 2 million votes and a quarter of the seats.", ["2 million", "a quarter"]),
        ("She won 3 million and a quarter of the vote went elsewhere.", ["3 million", "a quarter"]),
        ("Two million and a third term are at stake.", ["Two million", "third"]),
        ("It raised 2 million and a half-dozen donors gave.", ["2 million", "a half-dozen"]),
    ],
)
def test_fraction_after_a_scale_word_needs_a_bare_fraction(text: str, spans: list[str]) -> None:
    assert [c.text for c in claims(text)] == spans


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("He offered 3 hundred and 21 yuan for it.", "3 hundred and 21 yuan", 321),
        ("The club sold 4 thousand 3 hundred and 21 tickets.", "4 thousand 3 hundred and 21", 4321),
        ("The club sold 4 thousand 3 hundred tickets.", "4 thousand 3 hundred", 4300),
        ("Exactly 3 hundred and one people signed.", "Exactly 3 hundred and one", 301),
        ("The fund reached 6 crore and two hundred rupees.", "6 crore and two hundred rupees", 60000200),
        ("Some 2 million and three hundred thousand voters", "Some 2 million and three hundred thousand", 2.3e6),
    ],
)
def test_figures_mixing_digits_and_scale_words(text: str, span: str, value: float) -> None:
    c = only(text)
    assert c.text == span
    assert c.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text, spans",
    [
        # a bare figure after 'million' or without 'and' is another figure
        ("The 3 million and 21 others were counted.", ["3 million", "21"]),
        ("About 3 hundred 21 of them came.", ["About 3 hundred", "21"]),
        ("He counted 4000 and 3 hundred more.", ["4000", "3 hundred"]),
        ("It raised 3 hundred and 2022 was worse.", ["3 hundred"]),
        ("It had 5 thousand and 6 thousand in turn.", ["5 thousand", "6 thousand"]),
        ("It sold 3 hundred and 2 hundred more.", ["3 hundred", "2 hundred"]),
        ("It sold 3 hundred and 2 thousand more.", ["3 hundred", "2 thousand"]),
    ],
)
def test_mixed_figures_keep_separate_figures_apart(text: str, spans: list[str]) -> None:
    assert [c.text for c in claims(text)] == spans
