"""The two scans for figures take shortcuts (speed-quantity); here they find what the plain scans find.

``figure_search`` tries ``figure`` only where a digit or a point stands; ``word_scan``'s look-ahead tests the
first letter of a word against every first letter of a number word before it tries them one by one.
"""

from __future__ import annotations

import random
import re

import pytest

from reconcile.extract.lexicon import ExtractLexicon

LEX = ExtractLexicon.default()

PIECES = ["1", "12", "1,500", "1,50", "11 000", "2.5", ".25", "3.", "21st", "3rd", "v1.2.3", "1e9", "x5", "a.", ". ",
          "Mr.", "U.S.", "two", "Twenty-one", "a hundred", "an hour", "dozens of", "several", "third", "half",
          "thousand", "the", "in", "was", "said", "ten", "one", "\u0663", "\u00e9t\u00e9", "A few", "quarter", "zero"]
SEPARATORS = [" ", "", "  ", ",", ", ", ".", "-", "\n", "\u00a0", "(", "$", "'"]


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 12)))
            for _ in range(n)]


@pytest.mark.parametrize("seed", range(3))
def test_figure_search_is_the_plain_search(seed):
    for text in _texts(seed, 600):
        for pos in range(len(text) + 1):
            fast, plain = LEX.figure_search(text, pos), LEX.figure.search(text, pos)
            assert (fast and (fast.span(), fast.groupdict())) == (plain and (plain.span(), plain.groupdict()))


def test_figure_start_is_what_the_figure_looks_ahead_for():
    assert LEX.figure.pattern.lstrip().startswith(f"(?={LEX.figure_start.pattern})")


#: word_scan without the look-ahead for the first letter that word_start puts first.
PLAIN_WORD_SCAN = re.compile(re.sub(r"\(\?=\[[A-Za-z]+\]\)", "", LEX.word_scan.pattern, count=1), re.VERBOSE)


@pytest.mark.parametrize("seed", range(3))
def test_word_scan_is_the_plain_scan(seed):
    assert PLAIN_WORD_SCAN.pattern != LEX.word_scan.pattern
    for text in _texts(10 + seed, 600):
        for pos in range(len(text) + 1):
            fast, plain = LEX.word_scan.search(text, pos), PLAIN_WORD_SCAN.search(text, pos)
            assert (fast and (fast.span(), fast.lastgroup)) == (plain and (plain.span(), plain.lastgroup)), (text, pos)


#: The plain form of the sentence boundary: '[.!?]+' where the pattern now opens with a plain class.
def _plain_boundary():
    from reconcile.extract import sentences

    pattern = sentences._BOUNDARY.pattern
    assert "[.!?][.!?]*" in pattern
    return re.compile(pattern.replace("[.!?][.!?]*", "[.!?]+", 1), re.VERBOSE)


@pytest.mark.parametrize("seed", range(2))
def test_sentence_boundaries_are_the_plain_ones(seed):
    from reconcile.extract import sentences

    plain = _plain_boundary()
    rng = random.Random(20 + seed)
    pieces = [*PIECES, "?!", "...", "!", "?", ".\u201d", ".)", "iPhone", "eBay", "He", "\u00c9t\u00e9", '"The', "(In"]
    for _ in range(1500):
        text = "".join(rng.choice(pieces) + rng.choice(SEPARATORS + ["\t", " \u00a0"]) for _ in range(rng.randint(1, 15)))
        assert [m.span() for m in sentences._BOUNDARY.finditer(text)] == [m.span() for m in plain.finditer(text)]
