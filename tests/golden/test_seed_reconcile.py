"""The seed article alone, end to end (extract -> context -> reconcile), and the same on hand-built claims."""

from __future__ import annotations

from datetime import date

import pytest

from reconcile import extract_claims, reconcile
from reconcile.models import Claim, Group, Kind, Qualifier, ScopeInfo, Verdict, make_claim_id

PUBLISHED = date(2024, 10, 21)


def _find(claims: list[Claim], text: str, nth: int = 0) -> Claim:
    hits = [c for c in claims if text in c.text]
    assert len(hits) > nth, f"no claim {text!r} (have {[c.text for c in claims]})"
    return sorted(hits, key=lambda c: c.start)[nth]


def _group_of(groups: list[Group], claim: Claim) -> Group | None:
    return next((g for g in groups if any(c.claim_id == claim.claim_id for c in g.claims)), None)


def _plain(text: str) -> str:
    """Apostrophes folded: the layers may print either."""
    return text.replace("’", "'")


def check_seed(claims: list[Claim]) -> None:
    groups = reconcile(claims)
    spies, budanov, kursk = _find(claims, "1,500"), _find(claims, "11,000"), _find(claims, "2,600")
    # the troop-count conflict, with both speakers
    troops = _group_of(groups, spies)
    assert troops is not None and troops is _group_of(groups, budanov)
    assert troops.verdict == Verdict.conflict
    assert (
        _plain(troops.summary)
        == "1,500 (South Korea's spy agency, 2024-10-14..20) vs nearly 11,000 (Kyrylo Budanov, 2024-10-21)"
    )
    assert "South Korea's spy agency" in _plain(troops.reason) and "Kyrylo Budanov" in troops.reason
    assert troops.n_sources == 2
    # the Kursk first group is never in conflict with the 11,000
    first_group = _group_of(groups, kursk)
    assert not (first_group is troops or (first_group and first_group.verdict == Verdict.conflict))
    # the third and fourth visits: one group, verdict scope, both scope phrases named
    third, fourth = _find(claims, "third"), _find(claims, "fourth")
    visits = _group_of(groups, third)
    assert visits is not None and visits is _group_of(groups, fourth)
    assert visits.verdict == Verdict.scope
    assert {c.owner for c in visits.claims} == {"Lloyd Austin"} and {c.counted for c in visits.claims} == {
        "visit"
    }
    assert "since Russia's full-scale invasion began in 2022" in _plain(visits.reason)
    assert "as defense secretary" in visits.reason
    # the conscription ages: a change (series), never a conflict
    ages = [c for c in claims if c.kind == Kind.age]
    assert sorted(c.value for c in ages) == [18, 25, 25, 27]
    for age in ages:
        g = _group_of(groups, age)
        assert g is not None and g.verdict == Verdict.evolving, age.text
        assert "stated change" in g.reason and "conflict" not in g.reason.replace("not a conflict", "")
    summaries = {_group_of(groups, a).summary for a in ages}
    assert summaries in (
        {"25 → 18 (ABC News, 2024-10-21)", "27 → 25 (ABC News, 2024-10-21)"},  # two changes apart
        {"27 → 25 → 18 (ABC News, 2024-10-21)"},  # or chained, when the counted thing is known
    )
    # every group has exactly one verdict and a one-line reason
    assert all(g.reason and "\n" not in g.reason and g.n_claims >= 2 for g in groups)


def test_seed_end_to_end(seed):
    check_seed(extract_claims(seed))


def _claim(seed, text, nth=0, **fields) -> Claim:
    start = -1
    for _ in range(nth + 1):
        start = seed.text.index(text, start + 1)
    end = start + len(text)
    sentence_start = seed.text.rfind("\n", 0, start) + 1
    sentence_end = seed.text.find("\n", start)
    value = fields.pop("value")
    fields.setdefault("low", value)
    fields.setdefault("high", value)
    return Claim(
        claim_id=make_claim_id(seed.id, start, end),
        article_id=seed.id,
        text=text,
        start=start,
        end=end,
        sentence=seed.text[sentence_start:sentence_end],
        sentence_start=sentence_start,
        value=value,
        source=seed.source,
        published=seed.published,
        title=seed.title,
        as_of=fields.pop("as_of", PUBLISHED),
        **fields,
    )


@pytest.fixture
def seed_claims(seed) -> list[Claim]:
    """What the extractor and the context layer should give for the seed (only the fields the reconciler reads)."""
    visit = {
        "kind": Kind.ordinal,
        "unit": "ordinal",
        "counted": "visit",
        "counted_text": "visit",
        "owner": "Lloyd Austin",
    }
    troop = {"kind": Kind.count, "unit": "count", "counted": "north korean troop"}
    age = {"kind": Kind.age, "unit": "year"}
    return [
        _claim(
            seed,
            "third",
            value=3,
            scope="since Russia’s full-scale invasion began in 2022",
            scope_info=ScopeInfo(places=["ukraine"], period="since 2022"),
            **visit,
        ),
        _claim(
            seed,
            "fourth",
            value=4,
            scope="as defense secretary",
            speaker="the Pentagon",
            scope_info=ScopeInfo(places=["ukraine"], period="as defense secretary"),
            **visit,
        ),
        _claim(
            seed,
            "nearly 11,000",
            value=11000,
            low=9900,
            qualifier=Qualifier.approximate,
            hedge="nearly",
            counted_text="North Korean infantry troops",
            speaker="Kyrylo Budanov",
            scope="in eastern Russia",
            scope_info=ScopeInfo(places=["russia"]),
            **troop,
        ),
        _claim(
            seed,
            "around 2,600",
            value=2600,
            low=2340,
            high=2860,
            qualifier=Qualifier.approximate,
            hedge="around",
            counted_text="soldiers",
            speaker="Kyrylo Budanov",
            projection=True,
            as_of=date(2024, 11, 1),
            scope="the first group of; earmarked for the fighting in Kursk",
            scope_info=ScopeInfo(places=["kursk"], subset=["first group"]),
            **troop,
        ),
        _claim(
            seed,
            "1,500",
            value=1500,
            counted_text="North Korean soldiers",
            speaker="South Korea’s spy agency",
            as_of=date(2024, 10, 14),
            as_of_end=date(2024, 10, 20),
            scope="inside Russia",
            scope_info=ScopeInfo(places=["russia"]),
            **troop,
        ),
        _claim(seed, "25", value=25, change_id="c1", change_role="from", **age),
        _claim(seed, "18", value=18, change_id="c1", change_role="to", **age),
        _claim(seed, "27", value=27, change_id="c2", change_role="from", **age),
        _claim(seed, "25", nth=1, value=25, change_id="c2", change_role="to", **age),
    ]


def test_seed_on_hand_built_claims(seed_claims):
    check_seed(seed_claims)


def test_seed_is_order_free(seed_claims):
    assert reconcile(seed_claims) == reconcile(list(reversed(seed_claims)))
