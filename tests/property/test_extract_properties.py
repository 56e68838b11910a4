"""Property tests of the quantity layer (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.extract import extract_quantities
from reconcile.extract.sentences import split_sentences
from reconcile.models import Article

NEWSY = st.text(
    alphabet=st.sampled_from(list("0123456789,.-–%$£€ abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\n\"'“”()/:")),
    max_size=200,
)
WORDS = st.lists(
    st.sampled_from("nearly about more than at least up to between and from to 1,500 2.5 million bn $ £ % per cent "
                    "eleven thousand a hundred two and a half dozen third visit troops km minutes aged Nov. 1 2022 "
                    "in one of the F-16 , . 10 20 - 9.30 hundred 5 or more half an hour 1,1,1 basis points "
                    "several dozens of ~ + -strong 21st".split()),
    max_size=40,
).map(" ".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _run(text: str):
    return extract_quantities(Article(id="p", text=text))


@FAST
@given(st.one_of(st.text(max_size=300), NEWSY, WORDS))
def test_never_raises_and_offsets_slice_the_text(text: str) -> None:
    for c in _run(text):
        assert text[c.start:c.end] == c.text
        assert text[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence
        assert c.sentence_start <= c.start
        if c.low is not None and c.high is not None:
            assert c.low <= c.high
        if c.qualifier.value != "vague":  # the stated figure lies in the interval the wording allows
            assert (c.low is None or c.low <= c.value) and (c.high is None or c.value <= c.high)


@FAST
@given(st.one_of(NEWSY, WORDS))
def test_deterministic(text: str) -> None:
    assert _run(text) == _run(text)


@FAST
@given(st.one_of(st.text(max_size=300), NEWSY))
def test_sentence_spans_are_ordered_and_disjoint(text: str) -> None:
    spans = split_sentences(text)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 <= s2
    assert all(0 <= s < e <= len(text) for s, e in spans)


UNITS = ["eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def in_words(n: int) -> str:
    """English words for 1..999999 (the test's own renderer)."""
    parts = []
    if n >= 1000:
        parts.append(in_words(n // 1000) + " thousand")
        n %= 1000
    if n >= 100:
        parts.append(ONES[n // 100 - 1] + " hundred")
        n %= 100
        if n:
            parts.append("and")
    if n >= 20:
        parts.append(TENS[n // 10 - 2] + ("-" + ONES[n % 10 - 1] if n % 10 else ""))
    elif n >= 11:
        parts.append(UNITS[n - 11])
    elif n == 10:
        parts.append("ten")
    elif n >= 1:
        parts.append(ONES[n - 1])
    return " ".join(parts)


HEDGES = ["", "nearly ", "about ", "around ", "more than ", "at least ", "up to ", "fewer than ", "some ",
          "an estimated ", "almost ", "over ", "as many as "]


@FAST
@given(n=st.integers(min_value=2, max_value=999_999), hedge=st.sampled_from(HEDGES),
       as_words=st.booleans(), comma=st.booleans())
def test_digits_or_words_with_any_hedge_parse_back(n: int, hedge: str, as_words: bool, comma: bool) -> None:
    figure = in_words(n) if as_words else (f"{n:,}" if comma else str(n))
    text = f"Officials said {hedge}{figure} soldiers were deployed."
    found = _run(text)
    assert len(found) == 1, (text, [c.text for c in found])
    c = found[0]
    assert c.value == n
    assert (c.low is None or c.low <= n) and (c.high is None or n <= c.high)
    assert c.text == f"{hedge}{figure}" and c.counted_text == "soldiers"
