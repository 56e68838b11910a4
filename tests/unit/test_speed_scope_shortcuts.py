"""The scope and as-of stages' speed shortcuts give exactly what the plain reading gives.

Each shortcut (a cheaper form of a pattern, a test that skips a pattern where it cannot match, a
clause end read only when a test needs it) is compared here with the plain form it replaces, on
wire-copy sentences and on seeded random word salad that holds the words the patterns look for.
"""

from __future__ import annotations

import random
import re

import pytest

from reconcile.context import ContextLexicon, scope
from reconcile.context.scope import (
    BREAKDOWN_HINT,
    BREAKDOWN_WORDS,
    ENUMERATION,
    LOWER_WORD,
    NATIONWIDE_WORD,
    NEXT_WORD,
    NTH_HINT,
    NTH_STEMS,
    PERIOD_BEFORE,
    SPACES,
    _clause_start,
    _may_open_phrase,
    _words_before,
)

WIRE = [
    "The toll rose to 1,121 people, including 865 Palestinians and 234 Israelis, officials said.",
    "The dead were five children, four women and five men; 3 Britons, 12 Germans, and 9 Swedes left.",
    "Over the past week, officials said 40 died; the first wave of strikes hit 12, and each town lost 3.",
    "About 3,000 troops were deployed to Kursk, 1,200 stationed in eastern Russia and 500 sent nationwide.",
    "Since 2022, some 400 people in-depth were moved in\u00a0Gaza, acro\u017f\u017f the border, \u0130n Kyiv and well-off in town.",
]

SALAD = re.findall(r"\S+", (
    "the a , . ; : ( ) -- \u2014 and but which who said told including whom among them of five four twelve "
    "1,121 12 3.5 Palestinians Israelis children women men people troops were killed in into at on from to "
    "In At deployed sent stationed based headed for to fight fighting nationwide countrywide nationally "
    "nationwide-led in-depth well-off acro\u017f\u017f \u0130n \u0131n since far past last quarter full year "
    "whole first second third final wave night round each apiece Kursk Russia eastern the country"
))


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return WIRE + [" ".join(rng.choice(SALAD) for _ in range(rng.randint(3, 60))) for _ in range(n)]


# The list-of-figures pattern as it was written before its number words became a trie and its
# quantifiers possessive.
_PLAIN_ITEM = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[A-Z][a-z]+)\s+[a-z]+"
PLAIN_ENUMERATION = re.compile(rf"{_PLAIN_ITEM}(?:,\s+{_PLAIN_ITEM})+,?\s+and\s+{_PLAIN_ITEM}")


@pytest.mark.parametrize("seed", range(3))
def test_enumeration_matches_what_the_plain_pattern_matches(seed):
    found = 0
    for text in _texts(300, seed):
        for lo in range(0, len(text), 11):
            for hi in (len(text), lo + 60, lo + 25):
                got = [m.span() for m in ENUMERATION.finditer(text, lo, hi)]
                assert got == [m.span() for m in PLAIN_ENUMERATION.finditer(text, lo, hi)], (text, lo, hi)
                found += len(got)
    assert found > 0


@pytest.mark.parametrize("seed", range(3))
def test_word_hints_are_the_plain_finds(seed):
    for text in _texts(100, seed):
        for lo in range(0, len(text), 5):
            for hi in range(lo, len(text) + 1, 9):
                assert bool(BREAKDOWN_HINT.search(text, lo, hi)) == any(
                    text.find(w, lo, hi) >= 0 for w in BREAKDOWN_WORDS), (text, lo, hi)
                assert bool(NTH_HINT.search(text, lo, hi)) == any(
                    text.find(w, lo, hi) >= 0 for w in NTH_STEMS), (text, lo, hi)


@pytest.mark.parametrize("seed", range(3))
def test_clause_start_is_read_whenever_a_test_before_the_figure_could_match(seed):
    """Where ``_words_before`` is False, the tests that read the clause before the figure find nothing
    in it, so taking the clause as empty gives what reading its start gives."""
    skipped = 0
    for text in _texts(200, seed):
        for start in range(len(text) + 1):
            for floor in {0, max(0, start - 90), max(0, start - 30)}:
                for period, count_like in ((True, True), (True, False), (False, True)):
                    if _words_before(text, start, floor, period, count_like):
                        continue
                    skipped += 1
                    clause = _clause_start(text, start, floor)
                    if period:
                        assert not PERIOD_BEFORE.search(text, clause, start), (text, start, floor)
                    if count_like:
                        assert text.find("each", max(clause, start - 40), start) < 0, (text, start, floor)
                        assert not NTH_HINT.search(text, max(clause, start - 80), start), (text, start, floor)
    assert skipped > 1000


@pytest.mark.parametrize("seed", range(3))
def test_words_passed_over_open_no_place_or_purpose(seed):
    """Where ``_may_open_phrase`` is False, the purpose, place and nationwide patterns do not match."""
    pat = scope._patterns(ContextLexicon.default())
    passed = opened = 0
    for text in _texts(300, seed):
        for word in LOWER_WORD.finditer(text):
            for at in (word.start(), *(m.start() for m in LOWER_WORD.finditer(text, word.start() + 1, word.end()))):
                w = LOWER_WORD.match(text, at)
                if _may_open_phrase(pat, text, w.group(), w.end()):
                    opened += 1
                    continue
                passed += 1
                assert not pat.purpose.match(text, at), (text, at)
                assert not pat.place.match(text, at), (text, at)
                assert not NATIONWIDE_WORD.match(text, at), (text, at)
    assert passed > 1000 and opened > 100


def test_next_word_is_the_spaces_then_the_lower_case_word():
    for text in _texts(300, 4):
        for at in range(len(text) + 1):
            step = NEXT_WORD.match(text, at)
            spaces = SPACES.match(text, at)
            word = LOWER_WORD.match(text, spaces.end())
            assert (step.group("word"), step.end()) == (
                (word.group(), word.end()) if word else (None, spaces.end())), (text, at)
