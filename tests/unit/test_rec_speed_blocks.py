"""``group.blocks`` splits claims into independent blocks: reconciling each block apart (say in
parallel processes) and sorting the union with ``group_order`` is exactly ``reconcile`` over all."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from unit.claim_factory import claim

from reconcile import reconcile
from reconcile.group import block_key, blocks
from reconcile.models import Claim, Kind, Qualifier
from reconcile.pipeline import group_order

BASE = date(2024, 10, 1)
#: (kind, unit, counted, owner): counts, distances in two units, money in two currencies, owned
#: shares, ordinals with and without an owner, a generic counted thing read from its sentence, none.
SHAPES = [
    (Kind.count, "count", "death", None),
    (Kind.count, "count", "deaths", None),
    (Kind.count, "count", "North Korean troops", None),
    (Kind.count, "count", "people", None),
    (Kind.measure, "kilometer", "convoy", None),
    (Kind.measure, "mile", "convoy", None),
    (Kind.money, "USD", "aid", None),
    (Kind.money, "EUR", "aid", None),
    (Kind.percent, "percent", "vote", "Civic Alliance"),
    (Kind.percent, "percent", "vote", None),
    (Kind.ordinal, "ordinal", "visit", "Lloyd Austin"),
    (Kind.ordinal, "ordinal", "visit", None),
    (Kind.count, "count", None, None),
]
SENTENCES = [
    "Storm Kiran has killed {v} people in the valley, officials in Valencia said.",
    "About {v} people attended the rally in Kyiv on Sunday.",
    "Budanov said {v} were in Kursk, AP reported.",
    "The ministry put the figure at {v} on Friday.",
]


@st.composite
def worlds(draw) -> list[Claim]:
    out = []
    for i in range(draw(st.integers(0, 18))):
        kind, unit, counted, owner = draw(st.sampled_from(SHAPES))
        value = float(draw(st.sampled_from([3, 12, 95, 158, 205, 1500, 11000])))
        hedged = draw(st.booleans())
        change = draw(st.sampled_from([None, None, "c1", "c2"]))
        out.append(
            claim(
                value,
                low=value * 0.9 if hedged else None,
                high=value * 1.1 if hedged else None,
                qualifier=Qualifier.approximate if hedged else Qualifier.exact,
                kind=kind,
                unit=unit,
                counted=counted,
                owner=owner,
                article=f"art{draw(st.integers(0, 5))}",
                source=draw(st.sampled_from(["AP", "Reuters", "AFP"])),
                speaker=draw(st.sampled_from([None, None, "Kyrylo Budanov", "the health ministry"])),
                places=draw(st.sampled_from([(), (), ("russia",), ("kursk",)])),
                as_of=BASE + timedelta(days=draw(st.integers(0, 8))),
                sentence=draw(st.sampled_from(SENTENCES)).format(v=f"{value:,.0f}"),
                change_id=change,
                change_role=draw(st.sampled_from(["from", "to"])) if change else None,
                start=i * 100,
            )
        )
    return out


def _dump(groups):
    return [g.model_dump(mode="json") for g in groups]


@settings(max_examples=200, deadline=None)
@given(worlds())
def test_blocks_reconciled_apart_and_merged_equal_the_whole(world):
    by_block = blocks(world)
    apart = [g for key in by_block for g in reconcile(by_block[key])]
    assert _dump(sorted(apart, key=group_order)) == _dump(reconcile(world))


@settings(max_examples=200, deadline=None)
@given(worlds())
def test_blocks_partition_the_comparable_claims(world):
    by_block = blocks(world)
    placed = [c.claim_id for block in by_block.values() for c in block]
    assert sorted(placed) == sorted(c.claim_id for c in world if block_key(c) is not None)
    assert all(block_key(c) == key for key, block in by_block.items() for c in block)
    grouped = {c.claim_id for g in reconcile(world) for c in g.claims}
    assert grouped <= set(placed)  # a claim with no block is in no group
