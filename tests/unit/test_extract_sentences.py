"""The sentence splitter the context stage reuses."""

from __future__ import annotations

import pytest

from reconcile.extract.sentences import split_sentences


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lt. Gen. Kyrylo Budanov said so. He left.", ["Lt. Gen. Kyrylo Budanov said so.", "He left."]),
        ("Troops will be ready by Nov. 1, the first group said. Then more.",
         ["Troops will be ready by Nov. 1, the first group said.", "Then more."]),
        ("The U.S. Army arrived. It stayed.", ["The U.S. Army arrived.", "It stayed."]),
        ('"We expect a response," he said. "Now."', ['"We expect a response," he said.', '"Now."']),
        ("\u201cIt matters.\u201d Zelensky said it twice.", ["\u201cIt matters.\u201d", "Zelensky said it twice."]),
        ("Line one\nLine two", ["Line one", "Line two"]),
        ("Prices rose 2.5 per cent. Mr. Smith spoke.", ["Prices rose 2.5 per cent.", "Mr. Smith spoke."]),
        ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
        ("J. R. Smith arrived at 9 a.m. on Monday.", ["J. R. Smith arrived at 9 a.m. on Monday."]),
        ("", []),
        ("   \n  ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_spans_are_ordered_and_inside_the_text() -> None:
    text = "One. Two! Three?\nFour."
    spans = split_sentences(text)
    assert spans == sorted(spans)
    assert all(0 <= s < e <= len(text) for s, e in spans)


def test_endless_sentence_is_linear() -> None:
    import time

    text = "word " * 200_000
    t = time.process_time()
    assert len(split_sentences(text)) == 1
    assert time.process_time() - t < 2.0
