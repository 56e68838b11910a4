"""Light helpers of the store tests, importable without the web stack (writer processes start fast):
hand-made claims, a stand-in grouper, and a writer process's work."""

from __future__ import annotations

from datetime import date

from reconcile.models import Article, Claim, Group, Kind, Qualifier, Verdict, make_claim_id
from reconcile.store import StoreSettings, open_store
from reconcile.store.base import Incoming


def make_claim(article_id: str, start: int, value: float, *, counted: str = "north korean troop",
               source: str = "Outlet A", speaker: str | None = None, published: date | None = date(2024, 10, 21),
               kind: Kind = Kind.count, text: str | None = None) -> Claim:
    """A hand-made claim, for tests of the store that must not depend on extraction."""
    text = text or f"{value:,.0f}"
    return Claim(claim_id=make_claim_id(article_id, start, start + len(text)), article_id=article_id, text=text,
                 start=start, end=start + len(text), sentence=f"{text} {counted}s.", kind=kind, value=value,
                 low=value, high=value, qualifier=Qualifier.exact, counted=counted, counted_text=counted,
                 speaker=speaker, source=source, published=published, as_of=published)


def stand_in_regroup(claims: list[Claim]) -> list[Group]:
    """A stand-in for ``reconcile.reconcile`` in store tests: groups claims by counted thing, verdict
    ``conflict`` when the values differ.  Only the store's bookkeeping is under test with it; the
    real pipeline is used by every HTTP test."""
    by_counted: dict[str, list[Claim]] = {}
    for c in sorted(claims, key=lambda c: c.claim_id):
        by_counted.setdefault(c.counted or "", []).append(c)
    groups = []
    for counted, members in sorted(by_counted.items()):
        values = [c.value for c in members]
        lo, hi = min(values), max(values)
        spread = hi / lo if lo else None
        verdict = Verdict.conflict if lo != hi else Verdict.consistent
        gid = "g-" + counted.replace(" ", "-") + "-" + str(len(members))
        groups.append(Group(group_id=gid, quantity=counted, unit="count", kind=Kind.count, verdict=verdict,
                            reason="stand-in", claims=members, n_claims=len(members),
                            n_sources=len({c.source for c in members}), min=lo, max=hi, spread=spread,
                            severity=(spread or 1.0) * len(members), summary=" vs ".join(map(str, values))))
    return sorted(groups, key=lambda g: (-g.severity, g.group_id))


def writer_process(url: str, worker: int, n: int) -> None:
    """One of several processes writing the same store: its own articles, and shared ones every
    third time (the same ids from every worker)."""
    store = open_store(StoreSettings(database_url=url, busy_timeout_ms=60_000))
    for i in range(n):
        shared = i % 3 == 0
        aid = f"shared-{i}" if shared else f"w{worker}-{i}"
        text = f"Report {aid}: {i + 10} troops."
        claim = make_claim(aid, text.index(f"{i + 10}"), i + 10, counted="troop", text=f"{i + 10}")
        store.put_articles([Incoming(article=Article(id=aid, text=text, source=f"Outlet {worker}"), claims=[claim],
                                     block_keys=["troop"])], regroup=stand_in_regroup)
    store.close()
