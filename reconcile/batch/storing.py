"""``reconcile batch --db``: every article the batch reads also goes into the API's store.

The writes are the API's (``reconcile.store.service``): an article is known by its URL, else by its
text, as an API post without an id; the same article is stored once, a changed text under the same
URL is a new revision.  Each engine task's articles are one write transaction, committed before the
journal records those units, so a run killed at any point and resumed stores everything; the
writes defer regrouping (the touched block keys are marked stale in the store, in the same
transaction) and ``finish`` regroups every stale key once, a few hundred keys per transaction, so
other writers (the API's workers) wait little and the groups end equal to a from-scratch reconcile.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from reconcile.batch.work import UnitResult
from reconcile.models import Article, Claim
from reconcile.store import open_store
from reconcile.store.service import catch_up, extracted_incoming
from reconcile.store.settings import StoreSettings, redacted


class StoreWriter:
    """The store a batch run writes to, and what it wrote."""

    def __init__(self, settings: StoreSettings, *, window_days: float) -> None:
        self.url = settings.store_url()
        self.window_days = window_days
        self.store = open_store(settings)
        try:
            self.store.check_window(window_days)  # before any work: the store's groups use one window
        except BaseException:
            self.store.close()
            raise
        self.statuses: Counter[str] = Counter()
        self.regrouped_keys = 0

    def write(self, results: list[UnitResult]) -> None:
        """Store the articles of one engine task (with their claims) in one transaction."""
        items = []
        for result in results:
            claims: dict[int, list[Claim]] = defaultdict(list)
            for number, _idx, _block, claim_json, _csv in result.claims:
                claims[number].append(Claim.model_validate_json(claim_json))
            for number, article_json in result.articles:
                items.append(extracted_incoming(Article.model_validate_json(article_json), claims[number]))
        if items:
            for put in self.store.put_articles(items, regroup=None):
                self.statuses[put.status] += 1

    def finish(self) -> None:
        """Regroup every block key left stale (by this run, or by an earlier one that was killed)."""
        self.regrouped_keys += catch_up(self.store, window_days=self.window_days)

    def summary(self) -> dict[str, Any]:
        return {"url": redacted(self.url), "backend": self.store.backend,
                "articles": {s: self.statuses[s] for s in ("created", "revised", "unchanged")},
                "regrouped_block_keys": self.regrouped_keys, "window_days": self.window_days}

    def close(self) -> None:
        self.store.close()
