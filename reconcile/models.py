"""The one schema: pydantic models shared by the library, the CSV files, the API and golden files.

Every other module imports its data shapes from here; nothing else defines a second
``Claim`` or ``Group``.  Values are floats; intervals are ``low``/``high`` with ``None``
meaning unbounded on that side.
"""

from __future__ import annotations

import hashlib
from datetime import date
from enum import StrEnum
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Kind(StrEnum):
    """What sort of figure a claim states."""

    count = "count"  # a number of counted things: 11,000 troops
    measure = "measure"  # a physical quantity with a pint unit: 491 litres, 40 km
    money = "money"  # an amount of a currency: $1.2bn
    percent = "percent"  # 40%, 40 per cent
    percentage_point = "percentage_point"  # rose 2 percentage points
    ordinal = "ordinal"  # third visit
    duration = "duration"  # two weeks, 45 minutes
    age = "age"  # aged 18, minimum age 25
    ratio = "ratio"  # 1 in 5
    number = "number"  # a bare figure whose counted thing is not known


class Qualifier(StrEnum):
    """How the wording bounds the stated figure; always agrees with ``low``/``high``."""

    exact = "exact"
    approximate = "approximate"
    at_least = "at_least"
    more_than = "more_than"
    at_most = "at_most"
    less_than = "less_than"
    range = "range"
    vague = "vague"


class Verdict(StrEnum):
    """The judgement on a group of comparable claims."""

    conflict = "conflict"
    evolving = "evolving"
    scope = "scope"
    consistent = "consistent"


class Article(BaseModel):
    """One news article: the text that offsets point into, plus its provenance."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Caller's id; for a file, its path.", examples=["abc-austin-kyiv"])
    text: str = Field(description="Body text; every claim offset indexes into it.")
    title: str | None = None
    source: str | None = Field(default=None, description="The outlet that printed it.", examples=["ABC News"])
    url: str | None = None
    published: date | None = Field(default=None, description="Publication date; never defaults to today.")
    author: str | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text: identical texts give identical hashes."""
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


class ScopeInfo(BaseModel):
    """The comparable, normalised form of a claim's scope phrase."""

    model_config = ConfigDict(extra="forbid")

    places: list[str] = Field(default_factory=list, description="Normalised place names: 'kursk', 'russia'.")
    subset: list[str] = Field(default_factory=list, description="Subset or purpose markers: 'first group'.")
    period: str | None = Field(default=None, description="Normalised period: 'since 2022', 'as defense secretary'.")
    definition: list[str] = Field(default_factory=list, description="Definition markers: 'insured', 'economic'.")

    def is_empty(self) -> bool:
        return not (self.places or self.subset or self.period or self.definition)


class Claim(BaseModel):
    """One numeric claim found in an article, with its exact span and its context."""

    model_config = ConfigDict(extra="forbid")

    claim_id: str = Field(description="Stable: the same article id and span give the same id.")
    article_id: str
    text: str = Field(description="Exactly article.text[start:end].")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: str = ""
    sentence_start: int = Field(default=0, ge=0, description="Offset of the sentence in the article text.")
    kind: Kind
    value: float = Field(description="The stated figure, in full: '3.8 billion' -> 3800000000.")
    low: float | None = Field(default=None, description="Lowest value the wording allows; None = unbounded.")
    high: float | None = Field(default=None, description="Highest value the wording allows; None = unbounded.")
    qualifier: Qualifier = Qualifier.exact
    hedge: str | None = Field(default=None, description="The hedge words as written: 'nearly', 'more than'.")
    unit: str = Field(
        default="count",
        description="pint unit name for measures, ISO 4217 for money, 'percent', 'count', 'ordinal', 'year' for ages.",
    )
    counted: str | None = Field(default=None, description="Normalised counted thing: 'north korean troop'.")
    counted_text: str | None = Field(default=None, description="As written: 'North Korean infantry troops'.")
    owner: str | None = Field(default=None, description="Whose ordinal or figure it is: 'Lloyd Austin'.")
    scope: str | None = Field(default=None, description="The qualifying phrase as written: 'in eastern Russia'.")
    scope_info: ScopeInfo = Field(default_factory=ScopeInfo)
    speaker: str | None = Field(default=None, description="Who stated it; None when the outlet itself does.")
    speaker_role: str | None = None
    as_of: date | None = Field(default=None, description="Date the figure applies to (start of a range).")
    as_of_end: date | None = Field(default=None, description="End of the as-of range, when it is one.")
    as_of_text: str | None = Field(default=None, description="The words that gave the date: 'last week'.")
    projection: bool = Field(default=False, description="A forward-looking figure: 'by Nov. 1'.")
    topic: list[str] = Field(
        default_factory=list,
        description="The article's topic keys (its most frequent proper names); claims of different "
        "articles are compared only when these overlap.",
    )
    change_id: str | None = Field(default=None, description="Shared by the two ends of 'from 27 to 25'.")
    change_role: str | None = Field(default=None, description="'from' or 'to' within a change.")
    # provenance copied from the article so a claim stands alone
    source: str | None = Field(default=None, description="The outlet (article.source).")
    url: str | None = None
    published: date | None = None
    title: str | None = None

    @model_validator(mode="after")
    def _interval_agrees(self) -> "Claim":
        if self.end < self.start:
            raise ValueError("end before start")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError("low above high")
        return self


def make_claim_id(article_id: str, start: int, end: int) -> str:
    """Stable claim id from the article id and the span.

    >>> make_claim_id("a", 1, 5) == make_claim_id("a", 1, 5)
    True
    >>> len(make_claim_id("a", 1, 5))
    16
    """
    digest = hashlib.sha1(f"{article_id}\x00{start}\x00{end}".encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:16]


_M = TypeVar("_M", bound=BaseModel)


def assembled(model: type[_M], fields: dict[str, object], fields_set: set[str]) -> _M:
    """An instance of ``model`` whose ``__dict__`` is ``fields`` (every field, in the model's order,
    already of its validated type), not validated: the one place that builds models past pydantic's
    checks, for the hot paths that make millions of them.  The model must have no extra or private
    attributes; each caller is pinned to the validated form by a test.
    """
    obj = model.__new__(model)
    object.__setattr__(obj, "__dict__", fields)
    object.__setattr__(obj, "__pydantic_fields_set__", fields_set)
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def updated(claim: Claim, update: dict[str, object]) -> Claim:
    """``claim.model_copy(update=update)`` (a shallow copy with the given fields replaced, not
    validated), without model_copy's general path: a ``Claim`` has no extra or private attributes.
    ``update`` must name fields of ``Claim``.
    """
    return assembled(Claim, {**claim.__dict__, **update}, claim.__pydantic_fields_set__ | update.keys())


class Group(BaseModel):
    """Claims that measure the same quantity, with one verdict and its reason."""

    model_config = ConfigDict(extra="forbid")

    group_id: str = Field(description="Stable: derived from the quantity key and member claim ids.")
    quantity: str = Field(description="Readable label: 'North Korean troops in Russia'.")
    unit: str
    kind: Kind
    verdict: Verdict
    reason: str
    claims: list[Claim]
    n_claims: int
    n_sources: int = Field(description="Independent sources: syndicated copies count once.")
    min: float | None
    max: float | None
    spread: float | None = Field(description="max/min of the best values (1.0 = all equal).")
    severity: float = 0.0
    summary: str


class ClaimRow(BaseModel):
    """A claim as one row of claims.csv: the column order is this model's field order."""

    claim_id: str
    article: str
    outlet: str | None
    url: str | None
    published: date | None
    title: str | None
    kind: Kind
    text: str
    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: str
    counted: str | None
    scope: str | None
    speaker: str | None
    as_of: date | None
    sentence: str
    start: int
    end: int

    @classmethod
    def from_claim(cls, claim: Claim, article: str | None = None) -> "ClaimRow":
        return cls(
            claim_id=claim.claim_id,
            article=article if article is not None else claim.article_id,
            outlet=claim.source,
            url=claim.url,
            published=claim.published,
            title=claim.title,
            kind=claim.kind,
            text=claim.text,
            value=claim.value,
            low=claim.low,
            high=claim.high,
            qualifier=claim.qualifier,
            unit=claim.unit,
            counted=claim.counted,
            scope=claim.scope,
            speaker=claim.speaker,
            as_of=claim.as_of,
            sentence=claim.sentence,
            start=claim.start,
            end=claim.end,
        )


class DiscrepancyRow(BaseModel):
    """A group as one row of discrepancies.csv."""

    group_id: str
    quantity: str
    unit: str
    verdict: Verdict
    reason: str
    n_claims: int
    n_sources: int
    min: float | None
    max: float | None
    spread: float | None
    summary: str

    @classmethod
    def from_group(cls, group: Group) -> "DiscrepancyRow":
        return cls(**{name: getattr(group, name) for name in cls.model_fields})


class DiscrepancyClaimRow(ClaimRow):
    """One (group, claim) pair of discrepancy_claims.csv: the group id, then the claim's provenance."""

    group_id: str
    verdict: Verdict

    @classmethod
    def from_group_claim(cls, group: Group, claim: Claim, article: str | None = None) -> "DiscrepancyClaimRow":
        base = ClaimRow.from_claim(claim, article).model_dump()
        return cls(group_id=group.group_id, verdict=group.verdict, **base)


#: Column order of each CSV the product writes: the models' field order, nothing else.
DISCREPANCY_CLAIM_COLUMNS = ["group_id", "verdict", *ClaimRow.model_fields]


class ErrorRow(BaseModel):
    """One input of a batch that could not be read (or was read with a warning), as a row of errors.csv."""

    path: str = Field(description="The input's path relative to the batch folder; '#N' for a JSONL line.")
    error: str = Field(description="A clear reason; warnings about articles still read start with 'warning:'.")
