"""The pipeline in one place: article -> claims (extract, then context); claims -> groups."""

from __future__ import annotations

from collections.abc import Iterable

from reconcile.context import annotate
from reconcile.extract import extract_quantities
from reconcile.group import group_claims
from reconcile.judge import judge_group
from reconcile.models import Article, Claim, Group


def extract_claims(article: Article) -> list[Claim]:
    """Every numeric claim of one article, with its context and provenance."""
    return annotate(article, extract_quantities(article))


def reconcile(claims: Iterable[Claim], *, window_days: float = 3.0) -> list[Group]:
    """Group comparable claims and judge each group; most severe first.  Pure and order-independent."""
    groups = [judge_group(members, window_days=window_days) for members in group_claims(list(claims))]
    return sorted(groups, key=lambda g: (-g.severity, g.group_id))
