"""``reconcile.reconcile``: groups judged and ordered; blocks can be reconciled apart."""

from __future__ import annotations

import random
from datetime import date

import pytest
from unit.claim_factory import claim

from reconcile import Article, reconcile
from reconcile.errors import InvalidInput
from reconcile.group import blocks
from reconcile.models import Kind, Verdict
from reconcile.pipeline import group_order


def _world():
    rng = random.Random(11)
    out = []
    for q in range(40):
        kind, unit = [
            (Kind.count, "count"),
            (Kind.measure, "mile"),
            (Kind.money, "EUR"),
            (Kind.percent, "percent"),
        ][q % 4]
        for k in range(rng.randint(1, 5)):
            out.append(
                claim(
                    rng.choice([90, 100, 105, 300]),
                    kind=kind,
                    unit=unit,
                    counted=f"thing {q}",
                    article=f"a{q}-{k}",
                    source=rng.choice(["AP", "Reuters", "AFP"]),
                    as_of=date(2024, 3, 1 + rng.randint(0, 20)),
                )
            )
    return out


def test_reconcile_over_the_union_equals_concatenated_blocks():
    world = _world()
    whole = reconcile(world)
    parts = [g for block in blocks(world).values() for g in reconcile(block)]
    assert [g.model_dump() for g in whole] == [g.model_dump() for g in sorted(parts, key=group_order)]
    assert {g.verdict for g in whole} >= {Verdict.conflict, Verdict.consistent}


def test_most_severe_first():
    groups = reconcile(_world())
    assert [group_order(g) for g in groups] == sorted(group_order(g) for g in groups)
    assert groups[0].verdict == Verdict.conflict


def test_reconcile_accepts_articles_and_claims():
    article = Article(id="x", text="", source="AP", published=date(2024, 1, 1))
    assert reconcile([article]) == []
    assert len(reconcile([claim(1, source="A", article="a"), claim(1, source="B", article="b")])) == 1


@pytest.mark.parametrize("bad", [["not a claim"], [{"value": 1}], [3.0]])
def test_reconcile_refuses_other_things_with_a_clear_error(bad):
    with pytest.raises(InvalidInput):
        reconcile(bad)


@pytest.mark.parametrize("window", [-1.0, float("nan")])
def test_reconcile_refuses_a_bad_window(window):
    with pytest.raises(InvalidInput):
        reconcile([], window_days=window)
