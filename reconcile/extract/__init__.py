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

from datetime import date

from reconcile.extract.claims import build, tidy
from reconcile.extract.lexicon import ExtractLexicon
from reconcile.extract.scan import find_atoms
from reconcile.extract.sentences import split_sentences
from reconcile.models import Article, Claim, Kind, Qualifier, assembled, make_claim_id

__all__ = ["ExtractLexicon", "extract_quantities", "split_sentences"]

# Enum members by value: a dict look-up is cheaper than calling the enum class per claim.
_KINDS = {k.value: k for k in Kind}
_QUALIFIERS = {q.value: q for q in Qualifier}

#: ``_new_claim`` may skip validation only while a ``Claim`` is nothing but its fields (no private
#: attributes, no post-init hook, no extra fields kept), as ``judge._new_group`` does for a ``Group``.
_PLAIN_CLAIM = (
    not getattr(Claim, "__private_attributes__", None)
    and not getattr(Claim, "__pydantic_post_init__", None)
    and Claim.model_config.get("extra") != "allow"
)
#: Every field of a ``Claim`` with its default, in the model's order; and the fields made by a factory.
_DEFAULTS = {name: field.default for name, field in Claim.model_fields.items()}
_FACTORIES = tuple((name, field.default_factory) for name, field in Claim.model_fields.items()
                   if field.default_factory is not None)


def _new_claim(values: dict[str, object], valid: bool) -> Claim:
    """``Claim(**values)``, unvalidated when ``valid``: every value is already of the type validation gives.

    The same fields, in the same order, the same defaults (a fresh one from each factory) and the same
    set of fields given; ``tests/unit/test_speed_quantity_claims.py`` checks both agree.  Validation
    costs two thirds of making a claim, and ``extract_quantities`` makes its values valid: offsets from
    matches, floats from ``tidy``, enum members, strings cut from the text, and the article's own fields.
    """
    if not (valid and _PLAIN_CLAIM):
        return Claim(**values)
    fields = _DEFAULTS.copy()
    fields.update(values)
    for name, factory in _FACTORIES:
        if name not in values:
            fields[name] = factory()
    return assembled(Claim, fields, set(values))


def _valid_article(article: Article) -> bool:
    """The article's fields a claim copies have the types a ``Claim`` validates to (not so when the
    article was made with ``Article.model_construct``)."""
    return (type(article.id) is str and all(v is None or type(v) is str for v in (article.source, article.url,
                                                                                   article.title))
            and (article.published is None or type(article.published) is date))


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
    valid = _valid_article(article)
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
        # (start < end and low <= high: what Claim's own validator checks holds here)
        claims.append(_new_claim({
            "claim_id": make_claim_id(article.id, found.start, found.end),
            "article_id": article.id,
            "text": text[found.start:found.end],
            "start": found.start,
            "end": found.end,
            "sentence": sentence_text[si],
            "sentence_start": s_start,
            "kind": _KINDS.get(found.kind) or Kind(found.kind),
            "value": value,
            "low": low,
            "high": high,
            "qualifier": _QUALIFIERS.get(found.qualifier) or Qualifier(found.qualifier),
            "hedge": found.hedge,
            "unit": found.unit,
            "counted_text": found.counted_text,
            "change_id": found.change_id,
            "change_role": found.change_role,
            "source": article.source,
            "url": article.url,
            "published": article.published,
            "title": article.title,
        }, valid))
        last_end = found.end
    return claims
