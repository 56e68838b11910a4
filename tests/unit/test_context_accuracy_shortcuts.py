"""The accuracy rules' shortcuts give exactly what their plain forms give.

Speed work on the accuracy additions (sentence openers kept as names, breakdowns of a total, the
predicate that makes "people" specific, dative owners) reads less text; each shortcut is compared
here with the plain form it replaces, on wire-copy sentences and on seeded random word salad.
"""

from __future__ import annotations

import random
import re

import pytest

from reconcile.context.annotate import AT_MOST_TWO_WORDS
from reconcile.context.counted import PREDICATE_AFTER, PREDICATE_BEFORE, with_predicate
from reconcile.context.scope import (
    BREAKDOWN_BEFORE,
    BREAKDOWN_WORDS,
    EACH_BEFORE,
    ENUMERATION,
    INCREMENT_BEFORE,
    NTH_PERIOD,
    NTH_STEMS,
    _in_breakdown,
    _may_end_increment,
)
from reconcile.context.topic import OPENER_WORD, _ignored, _opener_names

WIRE = [
    "The toll rose to 1,121 people, including 865 Palestinians and 234 Israelis, officials said.",
    "The dead were five children, four women and five men. Norvik said 31 people were arrested.",
    "Norvik cut 400 jobs. Norvik said so. The firm agreed, and norvik staff said 95 people have died.",
    "Militants killed 10 Israelis in the raid, of whom 4 were soldiers, among them 2 officers.\nNorvik agreed.",
    "Police lifted evacuation orders for about 1,200 residents; 3 tourists were injured and 40 people fled.",
    "Another 10 people were killed. A further four midwives, an additional 3,000 and another\u00a0800 fled.",
    "A second night of air raids killed eight; the first wave of strikes hit 12, and the final round 3.",
    "Two bowlers have each recorded three wickets, an extra 2 and a fresh 40 arrived.",
    "Kovan's party won 41% and 98 seats, giving the National Union just over 40.6%, Reuters said.",
    "Among the 52 dead, 14 were Australians, 12 Britons, 9 Germans and 3 Swedes, including two children.",
]

SALAD = ["the", "a", ",", ".", "!", "?", "and", "including", "of", "whom", "among", "them", "Norvik", "norvik", "said", "people", "were", "killed", "injured", "died", "arrested", "lifted", "evacuation", "orders", "for", "about", "nearly", "12", "1,121", "four", "five", "children", "women", "men", "Israelis", "tourists", "Another", "another", "A", "a", "further", "an", "additional", "extra", "fresh", "each", "second", "Second", "night", "first", "wave", "Final", "round", "gave", "handed", "the", "National", "Union", "Kovan", "40.6%", ";", "“", "”", "--", "(", ")", "The", "Officials", "officials"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return WIRE + [" ".join(rng.choice(SALAD) for _ in range(rng.randint(3, 120))) for _ in range(n)]


def _plain_opener_names(text: str) -> frozenset[str]:
    openers = [m.group(1) for m in OPENER_WORD.finditer(text)]
    seen = {w for w in set(openers) if openers.count(w) > 1 and w.lower() not in _ignored()}
    return frozenset(w.lower() for w in seen if not re.search(rf"\b{re.escape(w.lower())}\b", text))


def _plain_in_breakdown(text: str, start: int, end: int, sent_start: int, sent_end: int) -> bool:
    if BREAKDOWN_BEFORE.search(text, max(sent_start, start - 90), start):
        return True
    for m in ENUMERATION.finditer(text, max(sent_start, start - 120), min(sent_end, end + 120)):
        if m.start() <= start and end <= m.end():
            return True
    return False


def _figures(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\d[\d,.]*|\b(?:two|four|five)\b", text)]


@pytest.mark.parametrize("seed", range(3))
def test_opener_names_match_the_plain_reading(seed):
    for text in _texts(300, seed):
        assert _opener_names(text) == _plain_opener_names(text), text


def test_opener_names_keep_a_name_never_written_in_lower_case():
    assert _opener_names("Norvik cut jobs. Norvik said so.") == {"norvik"}
    assert _opener_names("Norvik cut jobs. Norvik said so. norvik-made tools") == frozenset()
    assert _opener_names("Norvik cut jobs. Norvik said so. Norviks agreed") == {"norvik"}


@pytest.mark.parametrize("seed", range(3))
def test_breakdown_matches_the_plain_reading(seed):
    hits = 0
    for text in _texts(300, seed):
        for start, end in _figures(text):
            for lo, hi in ((0, len(text)), (max(0, start - 30), min(len(text), end + 30))):
                got = _in_breakdown(text, start, end, lo, hi)
                assert got == _plain_in_breakdown(text, start, end, lo, hi), (text, start, end, lo, hi)
                hits += got
    assert hits > 0


@pytest.mark.parametrize("seed", range(3))
def test_predicate_reads_only_its_window(seed):
    for text in _texts(300, seed):
        for start, end in _figures(text):
            for counted in ("people", "israeli", "tourist", "troop", None):
                whole = with_predicate(counted, text[:start], text[end:])
                cut = with_predicate(counted, text[max(0, start - PREDICATE_BEFORE) : start],
                                     text[end : end + PREDICATE_AFTER])
                assert cut == whole, (text, start, counted)


def test_dative_gap_at_a_position_matches_the_slice():
    for left in ["gave the Union just over ", "gave Kovan ", "handed Kovan a total of some ", "gave X 12 "]:
        for pos in range(len(left) + 1):
            assert bool(AT_MOST_TWO_WORDS.fullmatch(left, pos)) == bool(
                re.fullmatch(r"(?:[a-z]+\s+){0,2}", left[pos:]))


@pytest.mark.parametrize("seed", range(3))
def test_scope_prechecks_never_reject_a_match(seed):
    """Each cheap test before a scope pattern holds wherever the pattern matches (it only skips misses)."""
    found = {"increment": 0, "nth": 0, "each": 0, "breakdown": 0}
    for text in _texts(60, seed):
        for start in range(len(text) + 1):
            for lo in (max(0, start - 20), max(0, start - 80)):
                if INCREMENT_BEFORE.search(text, lo, start):
                    found["increment"] += 1
                    assert _may_end_increment(text, lo, start), (text, lo, start)
                if NTH_PERIOD.search(text, lo, start):
                    found["nth"] += 1
                    assert any(text.find(w, lo, start) >= 0 for w in NTH_STEMS), (text, lo, start)
                if EACH_BEFORE.search(text, lo, start):
                    found["each"] += 1
                    assert text.find("each", lo, start) >= 0, (text, lo, start)
                if BREAKDOWN_BEFORE.search(text, lo, start):
                    found["breakdown"] += 1
                    assert any(text.find(w, lo, start) >= 0 for w in BREAKDOWN_WORDS), (text, lo, start)
    assert all(found.values()), found
