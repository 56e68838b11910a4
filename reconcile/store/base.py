"""The store interface: what the API and the batch job need from a database, and nothing about SQL.

Writers talk to a ``Store``; ``reconcile/store/sqlite.py`` is the embedded implementation.
The pipeline stays outside: the caller extracts claims and computes their block keys
before a write (``reconcile.store.service``), and hands the store a ``regroup`` function
(``reconcile.reconcile`` with the configured window).  The store calls it inside its write
transaction on the stored claims of exactly the block keys a write touched, so groups are
recomputed incrementally and never from a stale read.  A bulk writer (the batch job) may
defer that: its writes mark the touched keys stale, and ``regroup_stale`` catches up later,
in the same way, from whatever is stored then.

Another backend plugs in by implementing this Protocol (see ``reconcile/store/__init__.py``
for the URL dispatch).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Generic, Literal, Protocol, TypeVar

from pydantic import BaseModel, Field

from reconcile.models import Article, Claim, DiscrepancyRow, Group, Kind, Verdict

#: Recomputes the groups of a set of claims (``reconcile.reconcile`` with the configured window).
#: One with a ``window_days`` attribute (``service.regroup_with`` makes them) pins that window in the
#: store: groups judged with two windows would not agree, so a store refuses a second one.
Regroup = Callable[[list[Claim]], list[Group]]

T = TypeVar("T")


class StoredClaim(Claim):
    """A claim as stored: the claim's fields, its article revision, and its discrepancy if any."""

    revision: int = Field(description="Revision of the article this claim was extracted from.")
    current: bool = Field(description="False for claims of an earlier revision (kept as history).")
    group_id: str | None = Field(default=None, description="The discrepancy group it belongs to, if any.")
    verdict: Verdict | None = Field(default=None, description="That group's verdict.")


class RevisionInfo(BaseModel):
    """One stored revision of an article."""

    revision: int
    content_hash: str
    stored_at: datetime
    n_claims: int
    current: bool


class ArticleSummary(BaseModel):
    """An article in a list: the ``Article`` fields except the text, and store metadata
    (``content_hash`` is ``Article.content_hash`` of the stored text)."""

    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    author: str | None = None
    revision: int
    content_hash: str
    stored_at: datetime
    n_claims: int


class ArticleRecord(ArticleSummary):
    """One stored article revision in full: every ``Article`` field, its claims and its revisions."""

    text: str
    current: bool = Field(description="False when an earlier revision is shown (?revision=N).")
    claims: list[StoredClaim]
    revisions: list[RevisionInfo]


class GroupSummary(DiscrepancyRow):
    """A discrepancy in a list: the ``discrepancies.csv`` columns plus kind, severity and outlets."""

    kind: Kind
    severity: float
    sources: list[str] = Field(description="The outlets of its claims.")
    first_date: date | None = Field(default=None, description="Earliest as-of (or published) date.")
    last_date: date | None = Field(default=None, description="Latest as-of (or published) date.")


class Page(BaseModel, Generic[T]):
    """A page of a list; ``next`` is the cursor of the following page, or null at the end."""

    items: list[T]
    total: int = Field(description="How many items match the filters, over all pages.")
    next: str | None = Field(default=None, description="Pass as ?cursor= to get the next page.")


PutStatus = Literal["created", "revised", "unchanged"]


@dataclass(frozen=True)
class Incoming:
    """An article to store, with its claims already extracted and their block keys.

    Identity: the stored article with the same id; else the one with the same URL; else the one
    with the same text (content hash) from the same outlet, or where either names no outlet.  When
    that article has another id, the claims are relabelled to it (``id_given`` says whether
    ``article.id`` came from the caller or was derived).
    """

    article: Article
    claims: list[Claim]
    block_keys: list[str | None]  # one a claim; None: comparable with nothing, never regrouped
    id_given: bool = True
    #: The caller skipped extraction because ``stored_as`` said this exact text is stored; if that is
    #: no longer true inside the write transaction, the store raises ``StaleIncoming``.
    expect_unchanged: bool = False


class StaleIncoming(Exception):
    """An ``expect_unchanged`` article changed in the store between the check and the write; the
    transaction was rolled back and the caller should extract it and write again."""

    def __init__(self, article_ids: list[str]) -> None:
        super().__init__(f"changed since checked: {article_ids}")
        self.article_ids = article_ids


@dataclass(frozen=True)
class PutResult:
    id: str
    revision: int
    status: PutStatus
    content_hash: str
    claim_ids: list[str]
    group_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ArticleFilter:
    source: str | None = None
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class ClaimFilter:
    article: str | None = None
    counted: str | None = None
    speaker: str | None = None
    kind: Kind | None = None
    since: date | None = None
    until: date | None = None
    history: bool = False


@dataclass(frozen=True)
class GroupFilter:
    verdicts: Sequence[Verdict] = field(default_factory=tuple)
    q: str | None = None
    quantity: str | None = None
    counted: str | None = None
    min_spread: float | None = None
    since: date | None = None
    until: date | None = None


class Store(Protocol):
    """What the API and the batch job need from a database."""

    backend: str

    def schema_version(self) -> int:
        """The schema version in the database (raises StoreError when unreachable)."""
        ...

    def stored_as(self, article: Article, *, id_given: bool) -> tuple[str, str] | None:
        """(id, content hash) of the stored article that ``article`` would update or repeat, if any."""
        ...

    def put_articles(self, items: Sequence[Incoming], *, regroup: Regroup | None) -> list[PutResult]:
        """Store articles atomically: new ones, new revisions, or nothing for an identical copy;
        then regroup the block keys touched (with ``regroup=None``: mark them stale instead, for
        ``regroup_stale``; ``group_ids`` of the results are then those of the groups before)."""
        ...

    def check_window(self, window_days: float) -> None:
        """Pin the judge's window on a store that has none yet; ConfigError when the stored groups
        were judged with another one (every regroup checks this too)."""
        ...

    def regroup_stale(self, regroup: Regroup, *, limit: int) -> int:
        """Regroup up to ``limit`` stale block keys in one write transaction; returns how many."""
        ...

    def delete_article(self, article_id: str, *, regroup: Regroup) -> int:
        """Remove an article's claims from every group (its history is dropped from view); returns
        how many current claims it had.  NotFound when there is no such article."""
        ...

    def get_article(self, article_id: str, revision: int | None = None) -> ArticleRecord: ...

    def list_articles(self, flt: ArticleFilter, *, limit: int, cursor: str | None) -> Page[ArticleSummary]: ...

    def list_claims(self, flt: ClaimFilter, *, limit: int, cursor: str | None) -> Page[StoredClaim]: ...

    def list_groups(self, flt: GroupFilter, *, limit: int | None, cursor: str | None) -> Page[GroupSummary]: ...

    def get_group(self, group_id: str) -> Group: ...

    def get_groups(self, group_ids: Sequence[str]) -> list[Group]: ...

    def count_articles(self) -> int: ...

    def close(self) -> None: ...
