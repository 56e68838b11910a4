"""The pipeline in one place: article -> claims (extract, then context)."""

from __future__ import annotations

from reconcile.context import annotate
from reconcile.extract import extract_quantities
from reconcile.models import Article, Claim


def extract_claims(article: Article) -> list[Claim]:
    """Every numeric claim of one article, with its context and provenance."""
    return annotate(article, extract_quantities(article))
