"""Claim context: what is counted, its scope, who said it, and as of when."""

from __future__ import annotations

from reconcile.models import Article, Claim


def annotate(article: Article, claims: list[Claim]) -> list[Claim]:
    """Fill the context fields of ``claims`` from ``article``; returns new claims."""
    return [c.model_copy(update={"as_of": article.published}) for c in claims]
