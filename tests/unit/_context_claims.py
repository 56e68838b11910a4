"""Hand-built claims for the context tests, independent of the quantity extractor.

``claim_at(article, "nearly 11,000", counted_text="North Korean infantry troops")`` finds the span with
``str.find`` and fills the fields the extractor would (kind, value, unit, counted_text, sentence).
"""

from __future__ import annotations

import re
from datetime import date

from reconcile.context.document import Document
from reconcile.context.lexicon import ContextLexicon
from reconcile.models import Article, Claim, Kind, make_claim_id


def article(text: str, published: date | None = date(2024, 10, 21), source: str = "Wire") -> Article:
    return Article(id="fixture", text=text, source=source, published=published)


def claim_at(
    art: Article,
    fragment: str,
    *,
    kind: str = "count",
    counted_text: str | None = None,
    occurrence: int = 0,
    value: float | None = None,
) -> Claim:
    start = -1
    for _ in range(occurrence + 1):
        start = art.text.find(fragment, start + 1)
        assert start >= 0, f"{fragment!r} not in the text"
    end = start + len(fragment)
    digits = re.findall(r"\d[\d,.]*", fragment)
    if value is None:
        value = float(digits[0].replace(",", "")) if digits else 1.0
    s, e = Document(art, ContextLexicon.default()).sentence_span(start)
    unit = {"count": "count", "ordinal": "ordinal", "money": "USD", "measure": "litre", "percent": "percent"}.get(
        kind, "count"
    )
    return Claim(
        claim_id=make_claim_id(art.id, start, end),
        article_id=art.id,
        text=fragment,
        start=start,
        end=end,
        sentence=art.text[s:e],
        sentence_start=s,
        kind=Kind(kind),
        value=value,
        unit=unit,
        counted_text=counted_text,
    )


def context_of(
    text: str,
    fragment: str,
    *,
    published: date | None = date(2024, 10, 21),
    occurrence: int = 0,
    **fields,
) -> Claim:
    """Annotate one hand-built claim of a one-off article and return it."""
    from reconcile.context import annotate

    art = article(text, published)
    return annotate(art, [claim_at(art, fragment, occurrence=occurrence, **fields)])[0]


def extracted(text: str, figure: str, published: date | None) -> Claim:
    """The first claim the whole pipeline extracts from ``text`` whose surface text holds ``figure``."""
    from reconcile import extract_claims  # the full pipeline, unlike the hand-built claims above

    claims = extract_claims(Article(id="t", text=text, published=published))
    hits = [c for c in claims if figure in c.text]
    assert hits, [c.text for c in claims]
    return hits[0]
