"""Numbers, hedges, units and ordinals -> claims with exact offsets (no context yet).

The stages, each a small module:

* ``sentences``: sentence spans (abbreviation-aware, linear);
* ``scan``: ONE compiled scan for figures, then a look around each (sign, currency, scale,
  percent, unit, age); dates, clock times, years, names with digits are dropped;
* ``claims``: hedges as intervals, ranges, changes, ratios, ordinals, counted nouns;
* ``lexicon``: every word list, read from reconcile/lexicons/*.json (editable data).

Context fields (counted, scope, speaker, as_of, owner) are left for ``reconcile.context``.
"""

from __future__ import annotations

from reconcile.extract.claims import build, tidy
from reconcile.extract.lexicon import ExtractLexicon
from reconcile.extract.scan import find_atoms
from reconcile.extract.sentences import split_sentences
from reconcile.models import Article, Claim, Kind, Qualifier, make_claim_id

__all__ = ["ExtractLexicon", "extract_quantities", "split_sentences"]

# Enum members by value: a dict look-up is cheaper than calling the enum class per claim.
_KINDS = {k.value: k for k in Kind}
_QUALIFIERS = {q.value: q for q in Qualifier}


def extract_quantities(
    article: Article, *, lexicon: ExtractLexicon | None = None, sentences: list[tuple[int, int]] | None = None
) -> list[Claim]:
    """Every numeric claim in ``article.text`` with value, interval, qualifier, unit and offsets.

    Context fields (counted, scope, speaker, as_of) are filled by ``reconcile.context``.
    ``sentences``, when given, are ``split_sentences(article.text)`` already worked out by the caller.

    >>> from reconcile.models import Article
    >>> [(c.text, c.value, c.low, c.high, c.qualifier.value, c.counted_text) for c in
    ...  extract_quantities(Article(id="a", text="Nearly 11,000 troops arrived."))]
    [('Nearly 11,000', 11000.0, 9900.0, 11000.0, 'approximate', 'troops')]
    """
    lex = lexicon or ExtractLexicon.default()
    text = article.text
    if not text:
        return []
    if sentences is None:
        sentences = split_sentences(text)
    atoms = find_atoms(text, lex)
    if not atoms:
        return []
    claims: list[Claim] = []
    sentence_text: dict[int, str] = {}  # one string per sentence, shared by its claims
    last_end = -1
    for found, si in build(text, atoms, sentences, lex, article.id):
        if found.start < last_end or found.end <= found.start:
            continue  # overlapping spans: keep the first
        s_start, s_end = sentences[si] if sentences else (0, len(text))
        if si not in sentence_text:
            sentence_text[si] = text[s_start:s_end]
        value = tidy(found.value)
        low = tidy(found.low) if found.low is not None else None
        high = tidy(found.high) if found.high is not None else None
        if low is not None and high is not None and low > high:
            continue  # never happens by construction; a claim must not break the schema
        claims.append(
            Claim(
                claim_id=make_claim_id(article.id, found.start, found.end),
                article_id=article.id,
                text=text[found.start:found.end],
                start=found.start,
                end=found.end,
                sentence=sentence_text[si],
                sentence_start=s_start,
                kind=_KINDS.get(found.kind) or Kind(found.kind),
                value=value,
                low=low,
                high=high,
                qualifier=_QUALIFIERS.get(found.qualifier) or Qualifier(found.qualifier),
                hedge=found.hedge,
                unit=found.unit,
                counted_text=found.counted_text,
                change_id=found.change_id,
                change_role=found.change_role,
                source=article.source,
                url=article.url,
                published=article.published,
                title=article.title,
            )
        )
        last_end = found.end
    return claims
