"""Context never raises and never hangs, whatever the text; it is pure and deterministic."""

from __future__ import annotations

import time
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.context import annotate
from reconcile.models import Article, Claim, Kind, make_claim_id

WORDS = st.sampled_from(
    ["said", "Budanov", "the", "president", "\u201c", "\u201d", '"', ",", ".", "\n", "according to", "citing",
     "in", "eastern", "Russia", "last week", "by Nov. 1", "since", "2022", "of them", "toll", "rose to", "he",
     "Gov.", "Lt.", "\u2014", "11,000", "troops", "the country", "Monday", "as defense secretary", "first group of"]
)


def claims_for(text: str, spans: list[tuple[int, int]], kind: Kind) -> list[Claim]:
    out = []
    for a, b in spans:
        a, b = sorted((min(a, len(text)), min(b, len(text))))
        out.append(Claim(claim_id=make_claim_id("x", a, b), article_id="x", text=text[a:b], start=a, end=b,
                         kind=kind, value=1.0))
    return out


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=80).map(" ".join)),
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=5),
    st.sampled_from(list(Kind)),
    st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1))),
)
def test_annotate_never_raises_and_is_deterministic(text, spans, kind, published):
    art = Article(id="x", text=text, published=published)
    claims = claims_for(text, spans, kind)
    first = annotate(art, claims)
    assert len(first) == len(claims)
    assert first == annotate(art, claims)
    for before, after in zip(claims, first):
        assert (after.start, after.end, after.text) == (before.start, before.end, before.text)
        if published is None:
            assert after.as_of is None or after.as_of_text is not None


def _endless_attributions_cpu(n: int) -> float:
    """Best-of-3 CPU seconds to annotate figures at the start, middle and end of one sentence of 2n cues."""
    unit = "officials said the president said "
    text = "11,000 troops " + unit * n + "11,000 troops " + unit * n + "11,000 troops."
    art = Article(id="x", text=text, published=date(2024, 10, 21))
    starts = [i for i in range(len(text)) if text.startswith("11,000", i)]
    claims = claims_for(text, [(a, a + 6) for a in starts], Kind.count)
    best = float("inf")
    for _ in range(3):
        began = time.process_time()
        out = annotate(art, claims)
        best = min(best, time.process_time() - began)
    assert len(out) == 3 and all(c.speaker for c in out)
    return best


def test_linear_on_an_endless_sentence_of_attributions():
    # Linearity, not speed (speed belongs to bench/context_speed.py): CPU time (not wall-clock, so other
    # processes on the machine do not count) for 4x the text must grow about 4x; quadratic work gives 16x.
    small, large = _endless_attributions_cpu(300), _endless_attributions_cpu(1200)
    assert large < 10 * max(small, 1e-3), (small, large)
