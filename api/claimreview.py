"""A schema.org ClaimReview JSON-LD draft for one discrepancy, for a fact-checker to complete.

ClaimReview reviews one claim: by default the first claim of the group (``claim_id`` picks
another).  Its appearances are the articles where the same speaker gives the same figure; the
figures of every side go into ``reviewBody`` (ClaimReview has no numeric field).  The rating,
the reviewing organisation, the URL and the date are left for the fact-checker.
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from reconcile.errors import NotFound
from reconcile.models import Claim, Group

# Words that mark a speaker as an organisation rather than a person, one alternative a line.
ORGANISATION_WORDS = re.compile(
    r"""\b(?:
        agency | agencies            # "South Korea's spy agency"
      | ministry | department        # government bodies
      | office | service | services
      | police | army | military | forces
      | government | council | committee | commission
      | pentagon | kremlin | white\ house
      | organi[sz]ation | association | institute | bureau
      | company | corporation | group | inc | ltd
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)


class _Node(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)


class Agent(_Node):
    type: str = Field(alias="@type", examples=["Person"])
    name: str


class Appearance(_Node):
    type: str = Field(default="CreativeWork", alias="@type")
    url: str | None = None
    headline: str | None = None
    datePublished: date | None = None
    publisher: Agent | None = None


class ReviewedClaim(_Node):
    type: str = Field(default="Claim", alias="@type")
    author: Agent | None = None
    datePublished: date | None = None
    appearance: list[Appearance]
    firstAppearance: Appearance | None = None


class Rating(_Node):
    type: str = Field(default="Rating", alias="@type")
    alternateName: str | None = Field(default=None, description="The verdict in words: for you to write.")
    ratingValue: int | None = None
    bestRating: int | None = None
    worstRating: int | None = None


class ClaimReviewDraft(_Node):
    context: str = Field(default="https://schema.org", alias="@context")
    type: str = Field(default="ClaimReview", alias="@type")
    name: str = Field(description="The quantity the sides disagree on.")
    claimReviewed: str
    itemReviewed: ReviewedClaim
    reviewBody: str = Field(description="The figures of every side, with source, speaker and date.")
    reviewRating: Rating = Field(default_factory=Rating)
    author: Agent | None = Field(default=None, description="Your organisation: for you to fill in.")
    url: str | None = None
    datePublished: date | None = None


def agent_for(name: str) -> Agent:
    """A Person or an Organization for a speaker's name.

    >>> agent_for("Kyrylo Budanov").type, agent_for("South Korea's spy agency").type
    ('Person', 'Organization')
    """
    return Agent(type="Organization" if ORGANISATION_WORDS.search(name) else "Person", name=name)


def _side(claim: Claim) -> str:
    who = claim.speaker or claim.source or "unattributed"
    where = claim.source if claim.speaker and claim.source else None
    when = claim.as_of or claim.published
    bits = [who] + ([where] if where else []) + ([when.isoformat()] if when else [])
    return f"{claim.text} ({', '.join(bits)})"


def _appearance(claim: Claim) -> Appearance:
    return Appearance(url=claim.url, headline=claim.title, datePublished=claim.published,
                      publisher=Agent(type="Organization", name=claim.source) if claim.source else None)


def claim_review(group: Group, claim_id: str | None = None) -> ClaimReviewDraft:
    """The draft for ``group``, reviewing its claim ``claim_id`` (default: the first)."""
    if claim_id is None:
        chosen = group.claims[0]
    else:
        chosen = next((c for c in group.claims if c.claim_id == claim_id), None)
        if chosen is None:
            raise NotFound(f"no claim {claim_id!r} in discrepancy {group.group_id!r}",
                           group_id=group.group_id, claim_id=claim_id)
    same = [c for c in group.claims if c.value == chosen.value and c.speaker == chosen.speaker]
    same.sort(key=lambda c: (c.published is None, c.published or date.min, c.claim_id))
    appearances = list({(a.url, a.datePublished, a.headline): a for a in map(_appearance, same)}.values())
    sides = "; ".join(_side(c) for c in group.claims)
    body = f"{group.quantity} ({group.verdict.value}): {sides}. {group.reason}"
    author = agent_for(chosen.speaker) if chosen.speaker else (
        Agent(type="Organization", name=chosen.source) if chosen.source else None)
    return ClaimReviewDraft(
        name=group.quantity,
        claimReviewed=chosen.sentence or chosen.text,
        itemReviewed=ReviewedClaim(author=author, datePublished=same[0].published, appearance=appearances,
                                   firstAppearance=appearances[0] if appearances else None),
        reviewBody=body,
    )
