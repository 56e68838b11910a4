"""One group of comparable claims -> verdict, reason, severity."""

from __future__ import annotations

from reconcile.models import Claim, Group


def judge_group(claims: list[Claim], *, window_days: float = 3.0) -> Group:
    """Judge one group (issue 4 fills this in)."""
    raise NotImplementedError
