"""Hand-built claims for the reconciler's tests (not a test module: no ``test_`` prefix).

The reconciler is tested on claims built here, so its logic is proved without the extractor
and the context layer; the golden stories run the whole pipeline as well.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date

from reconcile.models import Claim, Kind, Qualifier, ScopeInfo, make_claim_id

_offsets = itertools.count(0, 10)

D = date(2024, 10, 21)


def claim(
    value: float,
    *,
    low: float | None = None,
    high: float | None = None,
    qualifier: Qualifier = Qualifier.exact,
    hedge: str | None = None,
    kind: Kind = Kind.count,
    unit: str = "count",
    counted: str | None = "north korean troop",
    counted_text: str | None = None,
    owner: str | None = None,
    article: str = "a1",
    source: str | None = "Outlet A",
    speaker: str | None = None,
    as_of: date | None = D,
    as_of_end: date | None = None,
    published: date | None = None,
    sentence: str = "",
    title: str | None = None,
    scope: str | None = None,
    places: tuple[str, ...] = (),
    subset: tuple[str, ...] = (),
    period: str | None = None,
    definition: tuple[str, ...] = (),
    projection: bool = False,
    topic: Sequence[str] = (),
    change_id: str | None = None,
    change_role: str | None = None,
    start: int | None = None,
    text: str | None = None,
) -> Claim:
    """One claim; an exact figure unless ``low``/``high``/``qualifier`` say otherwise."""
    if qualifier == Qualifier.exact and low is None and high is None:
        low = high = value
    start = next(_offsets) if start is None else start
    text = text if text is not None else f"{value:,.0f}" if float(value).is_integer() else str(value)
    return Claim(
        claim_id=make_claim_id(article, start, start + len(text)),
        article_id=article,
        text=text,
        start=start,
        end=start + len(text),
        sentence=sentence,
        kind=kind,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        hedge=hedge,
        unit=unit,
        counted=counted,
        counted_text=counted_text,
        owner=owner,
        scope=scope,
        scope_info=ScopeInfo(
            places=list(places), subset=list(subset), period=period, definition=list(definition)
        ),
        speaker=speaker,
        as_of=as_of,
        as_of_end=as_of_end,
        projection=projection,
        topic=list(topic),
        change_id=change_id,
        change_role=change_role,
        source=source,
        published=published if published is not None else as_of,
        title=title,
    )


def copy_of(original: Claim, *, article: str, source: str, published: date | None = None) -> Claim:
    """The same sentence and figure reprinted by another outlet (wire copy), published no earlier."""
    return original.model_copy(
        update={
            "article_id": article,
            "source": source,
            "claim_id": make_claim_id(article, original.start, original.end),
            "published": published or original.published,
        }
    )
