"""Scope: the qualifying phrase as written and its comparable form (places, subset, period, definition)."""

from __future__ import annotations

import pytest
from _context_claims import context_of

from reconcile.context.lexicon import ContextLexicon
from reconcile.context.scope import normalise_place

PLACES = [
    # (text, figure, counted_text, scope, places)
    ("Nearly 11,000 troops are training in eastern Russia.", "11,000", "troops", "in eastern Russia", ["russia"]),
    ("Some 1,500 soldiers were already inside Russia.", "1,500", "soldiers", "inside Russia", ["russia"]),
    ("About 2,000 troops are now in Kursk.", "2,000", "troops", "in Kursk", ["kursk"]),
    ("At least 95 people died in North Carolina.", "95", "people", "in North Carolina", ["north carolina"]),
    ("Officials said 57 people died in Buncombe County.", "57", "people", "in Buncombe County",
     ["buncombe county"]),
    ("About 1,900 people remain missing in the province of Valencia.", "1,900", "people",
     "in the province of Valencia", ["valencia"]),
    ("More than 300 homes were destroyed across the western Russian Kursk region.", "300", "homes",
     "across the western Russian Kursk region", ["kursk"]),
    ("In Gaza, 40 people were killed overnight.", "40", "people", "In Gaza", ["gaza"]),
    ("There are 800 U.S. troops in the U.K.", "800", "U.S. troops", "in the U.K.", ["united kingdom"]),
]


@pytest.mark.parametrize("text, figure, counted_text, scope, places", PLACES)
def test_place_scope(text, figure, counted_text, scope, places):
    c = context_of(text, figure, counted_text=counted_text)
    assert c.scope == scope
    assert c.scope_info.places == places


def test_the_first_place_is_where_they_are_counted_not_where_they_go():
    c = context_of("Nearly 11,000 troops are training in eastern Russia to fight in Ukraine.", "11,000",
                   counted_text="troops")
    assert c.scope == "in eastern Russia" and c.scope_info.places == ["russia"]


def test_the_country_resolves_to_the_last_country_named():
    text = "The minister arrived in Kyiv, Ukraine, on Monday. About 500 soldiers were trained in the country."
    c = context_of(text, "500", counted_text="soldiers")
    assert c.scope_info.places == ["ukraine"]


def test_subset_and_purpose():
    text = "The first group of around 2,600 soldiers is earmarked for the fighting in Kursk."
    c = context_of(text, "around 2,600", counted_text="soldiers")
    assert "first group" in c.scope and "Kursk" in c.scope
    assert c.scope_info.subset == ["first group"]
    assert c.scope_info.places == ["kursk"]


@pytest.mark.parametrize("text, figure, kind, counted_text, period", [
    ("It was his third visit to the country since the war began in 2022.", "third", "ordinal", "visit",
     "since 2022"),
    ("It was his fourth visit to Ukraine as defense secretary.", "fourth", "ordinal", "visit",
     "as defense secretary"),
    ("So far this year, 320 people have drowned.", "320", "count", "people", "since 2024"),
    ("Some 45 people were arrested over the past week.", "45", "count", "people", "past 1 week"),
    ("Police made 120 arrests since the protests began.", "120", "count", "arrests",
     "since protests began"),
])
def test_period(text, figure, kind, counted_text, period):
    c = context_of(text, figure, kind=kind, counted_text=counted_text, value=3)
    assert c.scope_info.period == period
    assert c.scope is not None


def test_ordinal_destination_goes_to_places_not_to_the_scope_text():
    text = "Lloyd Austin arrived in Kyiv, Ukraine, for his third visit to the country since 2022."
    c = context_of(text, "third", kind="ordinal", counted_text="visit", value=3)
    assert c.scope == "since 2022"
    assert c.scope_info.places == ["ukraine"]
    assert c.owner == "Lloyd Austin"


def test_definition_markers():
    text = "Private market insured losses, including NFIP claims, were estimated at $10.5 billion."
    c = context_of(text, "$10.5 billion", kind="money")
    assert "insured" in c.scope_info.definition and "private market" in c.scope_info.definition
    c = context_of("The storm caused $50 billion in economic losses, including crop damage.", "$50 billion",
                   kind="money")
    assert c.counted == "economic loss"
    assert "economic" in c.scope_info.definition
    assert "including crop damage" in c.scope_info.definition


def test_no_scope_when_nothing_qualifies():
    c = context_of("Rescuers pulled 25 survivors from the rubble.", "25", counted_text="survivors")
    assert c.scope is None and c.scope_info.is_empty()


@pytest.mark.parametrize("phrase, place", [
    ("eastern Russia", "russia"), ("Russia", "russia"), ("the western Russian Kursk region", "kursk"),
    ("the Kursk region", "kursk"), ("North Carolina", "north carolina"), ("South Korea", "south korea"),
    ("the U.S.", "united states"), ("Britain", "united kingdom"), ("the province of Valencia", "valencia"),
])
def test_normalise_place(phrase, place):
    assert normalise_place(phrase, ContextLexicon.default()) == place


def test_a_month_is_not_a_place():
    c = context_of("About 400 residents were displaced in April.", "400", counted_text="residents")
    assert c.scope_info.places == []


def test_a_hyphenated_adjective_is_not_a_place():
    c = context_of("She won two awards for roles in the Australian-made film.", "two", counted_text="awards")
    assert c.scope_info.places == []
