"""Claim context: what is counted, its scope, who said it, and as of when.

``annotate(article, claims)`` is pure: it reads the article text around each claim (its sentence
and a few neighbours, never a parse of the whole article) and returns new claims with
``counted``/``counted_text``, ``owner``, ``scope``/``scope_info``, ``speaker``/``speaker_role`` and
``as_of``/``as_of_end``/``as_of_text``/``projection`` filled.  Work shared by the claims of one
article (sentences, quotations, people named, attribution cues) is done once, lazily, on a
``Document``.  Word lists live in reconcile/lexicons/ (synonyms, speech_verbs, titles, scope, dates).
"""

from __future__ import annotations

from reconcile.context.annotate import (
    COUNTED_PRONOUNS,
    annotate_claim,
    continues,
    inherited_counted,
    share_change_context,
)
from reconcile.context.document import FOCUS_AFTER, FOCUS_BEFORE, Document
from reconcile.context.lexicon import ContextLexicon
from reconcile.models import Article, Claim, updated

__all__ = ["ContextLexicon", "annotate"]


def annotate(
    article: Article, claims: list[Claim], *, lexicon: ContextLexicon | None = None, topic: list[str] | None = None,
    sentences: list[tuple[int, int]] | None = None,
) -> list[Claim]:
    """Fill the context fields of ``claims`` from ``article``; returns new claims in the same order.

    ``topic``, when given, is set as every claim's topic keys (one list shared by the claims);
    ``sentences``, when given, are ``split_sentences(article.text)`` (the extractor's spans).
    """
    if not claims:
        return []
    first = min(c.start for c in claims)
    last = max(c.end for c in claims)
    focus = (max(0, first - FOCUS_BEFORE), min(len(article.text), last + FOCUS_AFTER))
    doc = Document(article, lexicon or ContextLexicon.default(), focus, sentences)
    doc.claims_span = (first, last)
    order = sorted(range(len(claims)), key=lambda i: (claims[i].start, claims[i].end))
    out: list[Claim | None] = [None] * len(claims)
    antecedent: str | None = None
    antecedent_sentence = -2
    previous: Claim | None = None
    for i in order:
        annotated = annotate_claim(doc, claims[i], antecedent, topic)
        sentence = doc.sentence_index(annotated.start)
        near = antecedent is not None and sentence - antecedent_sentence <= (1 if annotated.counted else 2)
        if near and continues(doc, annotated, antecedent):
            annotated = updated(annotated, {"counted": antecedent})
        thing = inherited_counted(doc, annotated, previous)  # "10 km (6.2 miles)", "up 6%", "put it at 38%"
        if thing is not None and previous is not None:
            update: dict[str, object] = {"counted": thing, "counted_text": previous.counted_text}
            if annotated.owner is None and previous.owner is not None:
                update["owner"] = previous.owner  # "Marlow's approval ... a survey that put it at 38%"
            if annotated.scope is None and previous.scope is not None:
                # "159 cases in West Texas ..., up from 146 last week": West Texas's cases a week before
                update.update(scope=previous.scope, scope_info=previous.scope_info.model_copy(deep=True))
            annotated = updated(annotated, update)
        if annotated.counted in COUNTED_PRONOUNS:
            # "It will cost $3bn", "paid $40m for it" with nothing before to refer to: nothing named
            annotated = updated(annotated, {"counted": None, "counted_text": None})
        if annotated.counted and annotated.kind in {"count", "number"}:
            antecedent, antecedent_sentence = annotated.counted, sentence
        out[i] = previous = annotated
    done = [c for c in out if c is not None]
    return share_change_context(done)
