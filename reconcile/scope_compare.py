"""Do two claims cover the same ground?  Scope comparison on the normalised ``ScopeInfo``.

A scope difference that changes the quantity (a subset, another place, another period or
definition) means two figures are not rivals: "2,600 earmarked for Kursk" is part of
"11,000 in eastern Russia", and "his third visit since 2022" counts other visits than
"his fourth visit as defense secretary".  An empty scope says nothing and agrees with any.
"""

from __future__ import annotations

import functools

from reconcile.context.topic import names_agree
from reconcile.lexicons import load
from reconcile.models import Claim, ScopeInfo

#: A comparable, hashable scope: (places, subset, period, definition).
Signature = tuple[tuple[str, ...], tuple[str, ...], str | None, tuple[str, ...]]

EMPTY: Signature = ((), (), None, ())


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def signature(info: ScopeInfo) -> Signature:
    """The hashable, order-free form of a ``ScopeInfo``.

    >>> signature(ScopeInfo(places=["Kursk", "kursk "], subset=["first group"]))
    (('kursk',), ('first group',), None, ())
    """
    d = info.__dict__  # fields read from the dict: cheaper than pydantic attribute lookups
    places, subset, period, definition = d["places"], d["subset"], d["period"], d["definition"]
    if not (places or subset or period or definition):
        return EMPTY
    return _signature(tuple(places), tuple(subset), period, tuple(definition))


@functools.lru_cache(maxsize=65536)
def _signature(places: tuple, subset: tuple, period: str | None, definition: tuple) -> Signature:
    return (
        tuple(sorted({_norm(p) for p in places if p.strip()})),
        tuple(sorted({_norm(s) for s in subset if s.strip()})),
        _norm(period) if period and period.strip() else None,
        tuple(sorted({_norm(d) for d in definition if d.strip() and not _names_a_part(d)})),
    )


def _names_a_part(definition: str) -> bool:
    """'including 23 children', 'among them 14 Australians': a part of the figure is named, what it
    counts is unchanged (unlike 'including NFIP claims', which widens it).

    >>> _names_a_part("including 23 children"), _names_a_part("including NFIP claims")
    (True, False)
    """
    words = definition.split()
    return len(words) >= 2 and words[0].lower() in ("including", "includes", "among") and any(
        ch.isdigit() for ch in " ".join(words[1:3])
    )


def claim_signature(claim: Claim) -> Signature:
    return signature(claim.scope_info)




@functools.lru_cache(maxsize=65536)
def differences(a: Signature, b: Signature) -> tuple[str, ...]:
    """The scope facets on which two signatures disagree (empty: compatible).

    >>> differences((("kursk",), ("first group",), None, ()), (("eastern russia",), (), None, ()))
    ('place', 'subset')
    >>> differences((("russia",), (), None, ()), EMPTY)
    ()
    """
    out = []
    pa, pb = a[0], b[0]
    if pa and pb and not any(names_agree(x, y) or _nationwide_agrees(x, y) for x in pa for y in pb):
        out.append("place")
    if a[1] != b[1]:
        out.append("subset")
    if a[2] is not None and b[2] is not None and a[2] != b[2]:
        out.append("period")
    if a[3] != b[3]:
        out.append("definition")
    return tuple(out)


#: The place of "nationwide" or "across the country" when the article names no country.
NATIONWIDE = "nationwide"


@functools.cache
def _countries() -> frozenset[str]:
    return frozenset(c.lower() for c in load("scope").get("countries", ()))


def is_national(place: str) -> bool:
    """A place that is a whole country.

    >>> is_national("france"), is_national("nationwide"), is_national("paris")
    (True, True, False)
    """
    return place == NATIONWIDE or place in _countries()


def _nationwide_agrees(x: str, y: str) -> bool:
    """'nationwide' covers the same ground as a country named elsewhere ('france'), not a city.

    >>> _nationwide_agrees("nationwide", "france"), _nationwide_agrees("paris", "nationwide")
    (True, False)
    """
    return (x == NATIONWIDE and y in _countries()) or (y == NATIONWIDE and x in _countries())


def compatible(a: Signature, b: Signature) -> bool:
    return a == b or not differences(a, b)


def describe(claim: Claim) -> str:
    """The scope phrase as written, else its normalised parts, else 'no stated scope'.

    >>> describe(Claim.model_construct(scope="in eastern Russia"))
    "'in eastern Russia'"
    >>> describe(Claim.model_construct(scope=None, scope_info=ScopeInfo()))
    'no stated scope'
    """
    if claim.scope and claim.scope.strip():
        return f"'{claim.scope.strip()}'"
    places, subset, period, definition = signature(claim.scope_info)
    parts = [*subset, *definition, *(f"in {p}" for p in places), *([period] if period else [])]
    return f"'{' '.join(parts)}'" if parts else "no stated scope"
