"""reconcile: find, group and judge conflicting numbers in news reports.

Public API::

    from reconcile import Article, extract_claims, reconcile
"""

from reconcile.errors import ReconcileError
from reconcile.models import Article, Claim, Group, Kind, Qualifier, Verdict
from reconcile.pipeline import extract_claims, reconcile

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Claim",
    "Group",
    "Kind",
    "Qualifier",
    "ReconcileError",
    "Verdict",
    "__version__",
    "extract_claims",
    "reconcile",
]
