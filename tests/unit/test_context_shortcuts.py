"""The context stage's shortcuts give exactly what the plain reading gives.

Speed work in reconcile/context reads less (a trie for a word alternation, hint words found once per
article, the last tokens before a speech verb first); each shortcut is compared here with the plain
form it replaces, on wire-copy sentences and on seeded random word salad.
"""

from __future__ import annotations

import random
import re

import pytest

from reconcile.context import ContextLexicon, Document
from reconcile.context.asof import _date_covering, _hints, _patterns
from reconcile.context.lexicon import alternation, cased, initials, trie
from reconcile.context.speaker import _cue_pattern, _Reader
from reconcile.models import Article

WIRE = [
    ("Lt. Gen. Kyrylo Budanov, head of Ukraine's military intelligence, said on Monday that nearly 11,000 "
     "North Korean troops were in Russia's Kursk region."),
    ("The Pentagon said Austin's fourth visit came as the death toll rose to 205, officials in Buncombe "
     "County told reporters late on Sunday."),
    ("Zaman, who directs operations in Nangarhar province for the Eastern Alliance, said 40 fighters died "
     "last week; a county spokeswoman, Kassi Day, said crews had counted 72 bodies by Nov. 1."),
    ('"We have never seen the river climb this fast," a fire brigade commander said, adding that 300 '
     "people were rescued from rooftops since Saturday morning, according to the regional governor."),
    ("Officials at the Institute of Health and Welfare -- which said the figure stood at 2,600 -- "
     "estimated in 2023 that 20245 people had left, the ministry's spokesman said earlier this month."),
]

SALAD = re.findall(r"\S+", (
    "the a , officials said Mr John Smith , who directs operations in Kabul , -- ( ) \u2014 and of Institute "
    "Health Welfare spokesman told reporters he they it also has been was 12 U.S. Gen. Lt. \" \u201c \u201d : ; "
    "Budanov according to citing the ministry last week Monday 2024 20245 yesterday Oct. earlier on by Nov. 3 "
    "since early October day before two weeks ago this month morning by the end of 18 April 2023-10-18"
))


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return WIRE + [" ".join(rng.choice(SALAD) for _ in range(rng.randint(3, 90))) for _ in range(n)]


@pytest.mark.parametrize("seed", range(4))
def test_trie_matches_what_the_alternation_matches(seed):
    rng = random.Random(seed)
    for _ in range(300):
        words = {"".join(rng.choice("abc") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 9))}
        flat, tried = alternation(words), trie(words)
        for _ in range(10):
            text = "".join(rng.choice("abc -") for _ in range(16))
            for tail in (r"\b", "", "c", r"\s"):
                assert [m.span() for m in re.finditer(f"(?:{flat}){tail}", text)] == [
                    m.span() for m in re.finditer(tried + tail, text)
                ], (sorted(words), text, tail)


def test_trie_refuses_phrases_with_spaces():
    with pytest.raises(ValueError):
        trie(["according to"])


def test_speech_verbs_trie_finds_the_cues_the_alternation_found():
    lex = ContextLexicon.default()
    firsts = "|".join([initials(lex.speech_verbs), initials(lex.prepositional, capitalised=True),
                       initials(lex.participles, capitalised=True)])
    flat = re.compile(
        rf"""\b(?={firsts})(?:(?P<according>{cased(lex.prepositional)})\s+|(?P<citing>{cased(lex.participles)})\s+
              |(?P<verb>{alternation(lex.speech_verbs)}))\b""",
        re.VERBOSE,
    )
    for text in _texts(300, 7):
        assert [(m.span(), m.lastgroup) for m in _cue_pattern(lex).finditer(text)] == [
            (m.span(), m.lastgroup) for m in flat.finditer(text)
        ]


def test_hint_words_found_once_are_those_of_each_window():
    pat = _patterns(ContextLexicon.default())
    for text in _texts(60, 3):
        spans = [m.span() for m in pat.hint.finditer(text)]
        for lo in range(0, len(text), 7):
            for hi in range(lo, len(text) + 1, 5):
                assert _hints(pat, text, lo, hi, spans) == [m.span() for m in pat.hint.finditer(text, lo, hi)]


def test_subject_read_from_the_last_tokens_is_the_subject_read_from_all():
    lex = ContextLexicon.default()
    checked = 0
    for text in _texts(600, 11):
        doc = Document(Article(id="x", text=text), lex)
        reader = _Reader(doc)
        for m in _cue_pattern(lex).finditer(text):
            if not m.group("verb"):
                continue
            sent_start, _ = doc.sentence_span(m.start())
            for floor in {max(sent_start, m.start() - 160), max(0, m.start() - 300), max(0, m.start() - 70)}:
                assert reader._subject(m.start(), floor) == reader._subject_from(m.start(), floor, floor)
                checked += 1
    assert checked > 500


def _covering_by_search(pat, text: str, lo: int, hi: int, at: int):
    m = pat.date.search(text, lo, hi)
    while m is not None and m.end() <= at:
        m = pat.date.search(text, m.end(), hi)
    return m if m is not None and m.start() <= at < m.end() else None


def test_date_covering_a_hint_is_the_one_a_search_meets():
    pat = _patterns(ContextLexicon.default())
    checked = 0
    for text in _texts(400, 5):
        for h in pat.hint.finditer(text):
            for lo, hi in ((max(0, h.start() - 24), min(len(text), h.end() + 40)), (0, len(text)), (h.start(), h.end())):
                got = _date_covering(pat, text, lo, hi, h.start())
                want = _covering_by_search(pat, text, lo, hi, h.start())
                assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))
                checked += 1
    assert checked > 500


def test_cheap_tests_never_skip_a_pattern_that_would_match():
    from reconcile.context import scope
    from reconcile.context.annotate import POSSESSOR, _may_end_possessor

    pat = scope._patterns(ContextLexicon.default())
    words = SALAD + re.findall(r"\S+", "his her their its own Austin's Russia\u2019s of around nearly as many some")
    words += ["the first group of", "a second batch of around", "the first wave of as many as"]
    rng = random.Random(9)
    for _ in range(4000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 14))) + rng.choice(["", " ", "  "])
        end = len(text)
        if POSSESSOR.search(text, 0, end):
            assert _may_end_possessor(text), text
        if pat.subset.search(text, 0, end):
            assert scope._may_end_subset(text, 0, end), text
        for m in pat.period.finditer(text):
            assert scope.PERIOD_AFTER_ORDINAL.search(text, m.start(), m.end()), text
            if m.group("year") is None:
                assert scope.PERIOD_AFTER.search(text, m.start(), m.end()), text
            if m.group("sofar") or m.group("since") or m.group("unit"):
                assert scope.PERIOD_BEFORE.search(text, m.start(), m.end()), text
