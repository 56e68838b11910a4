"""Numbers, hedges, units and ordinals -> claims with exact offsets (no context yet)."""

from __future__ import annotations

from reconcile.models import Article, Claim


def extract_quantities(article: Article) -> list[Claim]:
    """Every numeric claim in ``article.text`` with value, interval, qualifier, unit and offsets.

    Context fields (counted, scope, speaker, as_of) are filled by ``reconcile.context``.
    """
    return []  # replaced by the quantity layer (issue 2)
