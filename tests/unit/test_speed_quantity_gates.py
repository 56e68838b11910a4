"""Look-behind patterns before a figure are skipped when the word before cannot end them (speed-quantity).

``may_end(word_before(...), last_words(phrases))`` must be true wherever the pattern matches; here it is checked
at every position of seeded texts made of the phrases themselves, their near misses and white space.
"""

from __future__ import annotations

import random

import pytest

from reconcile.extract import scan
from reconcile.extract.lexicon import ExtractLexicon, last_words, may_end, word_before

LEX = ExtractLexicon.default()

#: (name, pattern, what its phrases end with, how far back it is searched) as scan.py searches them.
PATTERNS = [
    ("month_before", LEX.month_before, LEX.month_last_words, 12),
    ("designator_before", LEX.designator_before, LEX.designator_last_words, 14),
    ("currency_before", LEX.currency_before, LEX.currency_last_words, 8),
    ("minus word", scan._MINUS_WORD, scan._MINUS_LAST_WORDS, 12),
]

PHRASES = [*LEX.months, *LEX.designators, *LEX.currency_symbols, *LEX.currency_codes, *scan.MINUS_WORDS,
           *LEX.prefix_hedges, "try", "gel", "US$", "usd", "mr", "said", "x", "Nov", "nov.", "Xminus", "\u00e9t\u00e9",
           "minu\u017f", "negati\u212ae", "MINUS", "pp."]
SEPARATORS = [" ", " ", "", "  ", "\t", "\n", "\u00a0", ".", "$", "(", "-", "5", "a", "\u2014", "\r\n"]


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 5)):
            phrase = rng.choice(PHRASES)
            phrase = rng.choice([phrase, phrase.lower(), phrase.upper(), phrase.title()])
            parts.append(rng.choice(SEPARATORS) + phrase + rng.choice(SEPARATORS) * rng.randint(0, 2))
        out.append("".join(parts) + "5")
    return out


@pytest.mark.parametrize("seed", range(3))
def test_a_pattern_matches_only_where_its_last_word_may_end(seed):
    for text in _texts(seed, 700):
        for pos in range(len(text) + 1):
            before = word_before(text, max(0, pos - scan.BEFORE_WINDOW), pos)
            for name, pattern, words, window in PATTERNS:
                if pattern.search(text, max(0, pos - window), pos):
                    assert may_end(before, words), (name, text, pos, before)


@pytest.mark.parametrize("seed", range(3))
def test_hedge_search_is_the_plain_search(seed):
    for text in _texts(100 + seed, 500):
        for pos in range(len(text) + 1):
            for lo in {0, max(0, pos - 40), max(0, pos - 3)}:
                fast, plain = LEX.hedge_search(text, lo, pos), LEX.hedge_before.search(text, lo, pos)
                assert (fast and fast.span("h")) == (plain and plain.span("h")), (text, lo, pos)


def test_every_pattern_is_gated_by_its_phrases():
    assert LEX.month_last_words == last_words(LEX.months)
    assert LEX.designator_last_words == last_words(LEX.designators)
    assert {"usd", "rs", "try"} <= LEX.currency_last_words
    assert scan._MINUS_LAST_WORDS == frozenset(scan.MINUS_WORDS)
    assert last_words(["\u00e9t\u00e9"]) is None and may_end("said", None)


def test_the_words_before_a_figure():
    assert word_before("up to  5", 0, 6) == "to"
    assert word_before("US$ 5", 0, 4) is None  # a symbol: the pattern decides
    assert word_before("\u00e9t\u00e9 5", 0, 4) is None  # not ASCII: the pattern decides
    assert word_before("said\n\t 5", 0, 7) == "said"
    assert word_before("said 5", 3, 5) == "d"  # (the window clips the word)
    assert word_before("   5", 0, 3) == ""
