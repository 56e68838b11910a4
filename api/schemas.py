"""Request and response bodies of the API, built from the one schema in ``reconcile.models``.

Field names are the models' (and so the batch CSV columns'); the examples are taken from the
seed article (ABC News, 2024-10-21).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from reconcile.models import Article, Claim, Group
from reconcile.store.base import PutStatus

SEED_FIRST_HALF = (
    "Lt. Gen. Kyrylo Budanov — the head of the Ukrainian Defense Ministry’s Main Directorate of "
    "Intelligence — said there are now “nearly 11,000 North Korean infantry troops training in eastern "
    "Russia to fight in Ukraine.”\nBudanov said the troops will be ready to join battle by Nov. 1, the first "
    "group of around 2,600 soldiers earmarked for the fighting in Kursk."
)
SEED_SECOND_HALF = (
    "South Korea’s spy agency warned last week that 1,500 North Korean soldiers were already inside Russia, "
    "in what it described as a “grave security threat.”"
)
SEED_EXAMPLE = {
    "id": "abc-austin-kyiv",
    "text": SEED_FIRST_HALF,
    "title": "Austin arrives in Kyiv as North Korean troops gather in Russia",
    "source": "ABC News",
    "url": "https://abcnews.go.com/International/austin-kyiv-visit",
    "published": "2024-10-21",
}
SECOND_EXAMPLE = {
    "id": "wire-nk-troops",
    "text": SEED_SECOND_HALF,
    "source": "Example Wire",
    "url": "https://wire.example/nk-troops",
    "published": "2024-10-21",
}


class ArticleIn(Article):
    """An article sent to the API: an ``Article`` whose id is optional.

    Without an id, the article is known by its URL, or else by the hash of its text.
    """

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [SEED_EXAMPLE]})

    id: str | None = Field(default=None, min_length=1, max_length=1000,  # type: ignore[assignment]
                           description="Your id for the article; by default derived from the URL or the text.")
    text: str = Field(min_length=1, description="Body text; every claim offset indexes into it.")


class ArticleBatch(BaseModel):
    """Several articles in one request (at most RECONCILE_MAX_BATCH, default 100)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"articles": [SEED_EXAMPLE, SECOND_EXAMPLE]}]})

    articles: list[ArticleIn] = Field(min_length=1)


class ReconcileRequest(ArticleBatch):
    """Articles to reconcile with each other only (nothing is stored)."""

    window_days: float | None = Field(default=None, ge=0, le=36500,
                                      description="Simultaneity window in days (default: the server's, 3).")


class ExtractResponse(BaseModel):
    claims: list[Claim]


class ReconcileResponse(BaseModel):
    claims: list[Claim]
    groups: list[Group]


class StoredArticle(BaseModel):
    """What became of one posted article."""

    id: str = Field(description="The id it is stored under.")
    revision: int = Field(description="1 for a new article; higher when its text changed.")
    status: PutStatus = Field(description="created, revised (text changed: a new revision) or unchanged.")
    content_hash: str
    n_claims: int
    claim_ids: list[str]
    group_ids: list[str] = Field(description="The discrepancies its claims take part in.")


class StoreResponse(BaseModel):
    """The articles stored and every discrepancy they create or join, most severe first."""

    articles: list[StoredArticle]
    discrepancies: list[Group]


class DeleteResponse(BaseModel):
    id: str
    deleted: Literal[True] = True
    n_claims: int = Field(description="Current claims removed from every group.")


class StoreHealth(BaseModel):
    backend: str
    schema_version: int
    articles: int


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str
    store: StoreHealth
