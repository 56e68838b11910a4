"""Comparable claims -> candidate groups (blocking by dimension and counted thing)."""

from __future__ import annotations

from reconcile.models import Claim


def group_claims(claims: list[Claim]) -> list[list[Claim]]:
    """Partition claims into groups of the same quantity (issue 4 fills this in)."""
    return []
