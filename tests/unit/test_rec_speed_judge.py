"""Speed-ups in judging give exactly what the plain code gives (each pinned to its plain form)."""

from __future__ import annotations

import inspect
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.judge import PARTIAL_COUNT, is_partial

WIRE = [
    "Preliminary results showed the ruling party with 41% of the vote, the commission said.",
    "With 92% of ballots counted, the incumbent had 1.2 million votes.",
    "with about 60 per cent of precincts reporting, turnout stood at 48%",
    "Early returns gave the challenger a narrow lead of 3,000 votes.",
    "PROVISIONAL FIGURES put the toll at 205 on Thursday.",
    "An incomplete tally of 1,530 cases was released by the ministry.",
    "With 40 percent of polling stations in, the count stood at 52%.",
    "The death toll rose to 205, officials said on Friday.",
    "Partial counts are expected later, the agency said.",  # 'counts' ends no word: no match
    "Nearly 11,000 North Korean troops are in Russia, Budanov said.",
    "PRELİMİNARY RESULTſ gave 41%.",  # dotted capital I and long s: case-blind letters
    "earlyreturns were not published",
]


@pytest.mark.parametrize("sentence", WIRE)
def test_is_partial_is_the_pattern(sentence):
    assert is_partial(sentence) == (PARTIAL_COUNT.search(sentence) is not None)


def test_wire_phrasings_that_are_partial_counts_are_found():
    assert [is_partial(s) for s in WIRE[:7]] == [True] * 7
    assert not any(is_partial(s) for s in WIRE[7:10])


def test_the_pieces_use_only_letters_whose_case_blind_match_lower_keeps():
    """Every character the pattern's case-blind match takes for a piece's letter lowers to it."""
    pieces = re.findall(r'"([^"]+)" in low', inspect.getsource(is_partial))
    assert len(pieces) == 22 and "ncomplete" in pieces and "mo" in pieces  # 17, and 5 of the third form
    letters = set("".join(pieces)) - {"%"}
    assert not letters & {"i", "s"}
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    for letter in letters:
        for found in re.findall(re.escape(letter), every, re.IGNORECASE):
            assert letter in found.lower(), (letter, hex(ord(found)))


_WORDS = st.sampled_from(
    ["preliminary", "partial", "provisional", "incomplete", "early", "results", "returns", "count", "tally", "figures", "with", "about", "nearly", "almost", "more", "than", "92", "4.5", "%", "per", "cent", "percent", "of", "the", "ballots", "votes", "vote", "precincts", "polling", "stations", "counted", "reporting", "tallied", "in", "İ", "ı", "ſ", "K", "PRELIMINARY", "Results", "COUNT"]
)
_SEPARATORS = st.sampled_from([" ", "  ", "\n", "", ",", "-", "\u00a0"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SEPARATORS), max_size=12))
def test_is_partial_equals_the_pattern_on_word_salad(parts):
    text = "".join(w + s for w, s in parts)
    assert is_partial(text) == (PARTIAL_COUNT.search(text) is not None)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_is_partial_equals_the_pattern_on_any_text(text):
    assert is_partial(text) == (PARTIAL_COUNT.search(text) is not None)
