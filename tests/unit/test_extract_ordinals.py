"""Ordinals: value 3 for 'third' (never 1/3), the ordered noun in counted_text; idioms are not claims."""

from __future__ import annotations

import pytest

from reconcile.extract import extract_quantities
from reconcile.models import Article


def claims(text: str):
    return extract_quantities(Article(id="t", text=text))


@pytest.mark.parametrize(
    "text, span, value, counted",
    [
        ("Austin arrived for his third visit to the country.", "third", 3, "visit"),
        ("It was his fourth visit since 2022.", "fourth", 4, "visit"),
        ("The bridge was hit for the second time.", "second", 2, "time"),
        ("The 21st edition of the summit opened.", "21st", 21, "edition"),
        ("Austin's third trip ended.", "third", 3, "trip"),
        ("It is the twenty-first round of talks.", "twenty-first", 21, "round"),
        ("She won a second term.", "second", 2, "term"),
        ("The 3rd battalion's losses mounted.", "3rd", 3, "battalion"),
    ],
)
def test_ordinals(text: str, span: str, value: int, counted: str) -> None:
    [c] = claims(text)
    assert (c.text, c.kind.value, c.value, c.unit, c.counted_text) == (span, "ordinal", value, "ordinal", counted)


@pytest.mark.parametrize(
    "text",
    [
        "This cooperation is not directed against third countries.",
        "The first lady visited.",
        "The 11th Guards Air Assault Brigade moved.",
        "It happened in the 21st century.",
        "They met on October 21st.",
        "They met on the 21st of October.",
        "The Second World War ended.",
        "Third, the army must be paid.",
        "A third party will mediate.",
    ],
)
def test_ordinal_idioms_and_names_are_not_claims(text: str) -> None:
    assert [c.text for c in claims(text) if c.kind.value == "ordinal"] == []


def test_ordinal_counted_text_stops_at_a_name() -> None:
    [c] = [c for c in claims("His second wife Olivia spoke.") if c.kind.value == "ordinal"]
    assert c.counted_text == "wife"
