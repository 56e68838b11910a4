"""Grouping: blocking keys, copies, stories and scope classes (hand-built claims)."""

from __future__ import annotations

import random
from datetime import date

import pytest
from unit.claim_factory import claim, copy_of

from reconcile.group import block_key, blocks, group_block, group_claims, normalise_counted, singular
from reconcile.models import Kind
from reconcile.syndication import copy_clusters


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ({"counted": "North Korean troops"}, {"counted": "north korean troop"}),
        ({"counted": "the deaths"}, {"counted": "death"}),
        ({"counted": "casualties"}, {"counted": "casualty"}),
        (
            {"kind": Kind.measure, "unit": "kilometer", "counted": "pipeline"},
            {"kind": Kind.measure, "unit": "mile", "counted": "pipeline"},
        ),
        (
            {"kind": Kind.measure, "unit": "liter", "counted": "rainfall"},
            {"kind": Kind.measure, "unit": "milliliter", "counted": "rainfall"},
        ),
        (
            {"kind": Kind.money, "unit": "USD", "counted": "aid"},
            {"kind": Kind.money, "unit": "usd", "counted": "aid"},
        ),
        (
            {"kind": Kind.ordinal, "unit": "ordinal", "counted": "visit", "owner": "Lloyd Austin"},
            {"kind": Kind.ordinal, "unit": "ordinal", "counted": "visits", "owner": "lloyd  austin"},
        ),
    ],
)
def test_same_quantity_shares_a_block(a, b):
    assert block_key(claim(1, **a)) == block_key(claim(2, **b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ({"counted": "north korean troop"}, {"counted": "russian troop"}),
        ({"counted": "north korean troop"}, {"counted": "ukrainian troop"}),
        (
            {"kind": Kind.money, "unit": "USD", "counted": "insured loss"},
            {"kind": Kind.money, "unit": "USD", "counted": "economic loss"},
        ),
        (
            {"kind": Kind.money, "unit": "USD", "counted": "aid"},
            {"kind": Kind.money, "unit": "EUR", "counted": "aid"},
        ),
        ({"kind": Kind.percent, "unit": "percent", "counted": "troop"}, {"counted": "troop"}),
        (
            {"kind": Kind.measure, "unit": "kilometer", "counted": "road"},
            {"kind": Kind.measure, "unit": "kilogram", "counted": "road"},
        ),
        (
            {"kind": Kind.age, "unit": "year", "counted": "conscription age"},
            {"kind": Kind.duration, "unit": "year", "counted": "conscription age"},
        ),
        (
            {"kind": Kind.ordinal, "unit": "ordinal", "counted": "visit", "owner": "Lloyd Austin"},
            {"kind": Kind.ordinal, "unit": "ordinal", "counted": "visit", "owner": "Antony Blinken"},
        ),
        (
            {"kind": Kind.percentage_point, "unit": "percentage_point", "counted": "rate"},
            {"kind": Kind.percent, "unit": "percent", "counted": "rate"},
        ),
    ],
)
def test_different_quantities_never_share_a_block(a, b):
    assert block_key(claim(1, **a)) != block_key(claim(2, **b))


def test_claim_without_counted_thing_is_not_grouped():
    assert block_key(claim(5, counted=None)) is None
    assert group_claims([claim(5, counted=None), claim(6, counted=None, article="b")]) == []


def test_the_two_ends_of_a_change_block_together_without_counted_thing():
    a = claim(27, kind=Kind.age, unit="year", counted=None, change_id="c1", change_role="from")
    b = claim(25, kind=Kind.age, unit="year", counted=None, change_id="c1", change_role="to")
    assert block_key(a) == block_key(b) is not None
    assert [len(g) for g in group_claims([a, b])] == [2]


def test_unknown_unit_compares_only_with_itself():
    a = claim(1, kind=Kind.measure, unit="florp", counted="x")
    b = claim(2, kind=Kind.measure, unit="florp", counted="x", article="b")
    c = claim(2, kind=Kind.measure, unit="meter", counted="x", article="c")
    assert block_key(a) == block_key(b) != block_key(c)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("troops", "troop"),
        ("fatalities", "fatality"),
        ("losses", "loss"),
        ("homes", "home"),
        ("people", "people"),
        ("news", "news"),
    ],
)
def test_singular(word, expected):
    assert singular(word) == expected


def test_normalise_counted_is_idempotent():
    for text in ["North Korean Troops", "insured losses", "the dead", "homes destroyed"]:
        once = normalise_counted(text)
        assert normalise_counted(once) == once


def test_km_and_miles_group_together():
    a = claim(40, kind=Kind.measure, unit="kilometer", counted="convoy", article="a")
    b = claim(25, kind=Kind.measure, unit="mile", counted="convoy", article="b")
    assert [len(g) for g in group_claims([a, b])] == [2]


def test_seed_troops_conflict_pair_kept_apart_from_the_kursk_subset():
    budanov = claim(
        11000,
        counted="north korean troop",
        speaker="Kyrylo Budanov",
        places=("eastern russia",),
        scope="in eastern Russia",
    )
    spies = claim(
        1500,
        counted="north korean troop",
        speaker="South Korea's spy agency",
        places=("russia",),
        scope="inside Russia",
    )
    kursk = claim(
        2600,
        counted="north korean troop",
        speaker="Kyrylo Budanov",
        places=("kursk",),
        subset=("first group",),
        scope="the first group of; earmarked for the fighting in Kursk",
    )
    groups = group_claims([kursk, budanov, spies])
    assert [sorted(c.value for c in g) for g in groups] == [[1500, 11000]]


def test_visits_with_different_scopes_form_one_scope_group():
    third = claim(
        3, kind=Kind.ordinal, unit="ordinal", counted="visit", owner="Lloyd Austin", period="since 2022"
    )
    fourth = claim(
        4,
        kind=Kind.ordinal,
        unit="ordinal",
        counted="visit",
        owner="Lloyd Austin",
        period="as defense secretary",
    )
    assert [sorted(c.value for c in g) for g in group_claims([third, fourth])] == [[3, 4]]


def test_unscoped_claim_joins_a_scoped_class():
    a = claim(1500, places=("russia",), article="a")
    b = claim(3000, article="b")
    c = claim(2600, places=("kursk",), subset=("first group",), article="c")
    groups = group_claims([a, b, c])
    assert len(groups) == 1 and {x.value for x in groups[0]} in ({1500, 3000}, {2600, 3000})


def test_stories_with_different_anchors_stay_apart():
    flood = [
        claim(
            95,
            counted="death",
            article="f1",
            sentence="Officials in Valencia said 95 people had died.",
            as_of=date(2024, 10, 30),
        ),
        claim(
            158,
            counted="death",
            article="f2",
            sentence="The toll in Valencia rose to 158, officials said.",
            as_of=date(2024, 10, 31),
        ),
    ]
    crash = [
        claim(
            3,
            counted="death",
            article="c1",
            sentence="A bus crash near Kathmandu killed 3 people.",
            as_of=date(2024, 10, 30),
        ),
        claim(
            4,
            counted="death",
            article="c2",
            sentence="Police in Kathmandu said 4 died in the crash.",
            as_of=date(2024, 10, 30),
        ),
    ]
    groups = group_claims(flood + crash)
    assert sorted(sorted(c.value for c in g) for g in groups) == [[3, 4], [95, 158]]


def test_claims_without_anchors_join_the_only_story():
    a = claim(95, counted="death", article="f1", sentence="Officials in Valencia said 95 people had died.")
    b = claim(158, counted="death", article="f2", sentence="The toll rose to 158, officials said.")
    assert [len(g) for g in group_claims([a, b])] == [2]


def test_same_article_links_a_story_when_different_voices_give_the_figures():
    a = claim(95, counted="death", article="f1", speaker="the regional government",
              sentence="Officials in Valencia said 95 people had died.")
    b = claim(100, counted="death", article="f1", sentence="Near Paiporta, at least 100 died.", start=500)
    c = claim(99, counted="death", article="f2", sentence="In Paiporta 99 died.")
    assert [len(g) for g in group_claims([a, b, c])] == [3]


def test_one_voice_in_one_article_does_not_contradict_itself():
    # the outlet gives both figures on the same day: two places or subsets, not rival figures
    a = claim(95, counted="death", article="f1", sentence="In Valencia 95 people had died.")
    b = claim(40, counted="death", article="f1", sentence="Near Paiporta, 40 died.", start=500)
    assert group_claims([a, b]) == []


def test_one_voice_in_one_article_dated_apart_is_a_series():
    from datetime import date

    a = claim(95, counted="death", article="f1", as_of=date(2024, 10, 30), sentence="95 died by Wednesday.")
    b = claim(158, counted="death", article="f1", as_of=date(2024, 10, 31), sentence="158 by Thursday.", start=500)
    assert [len(g) for g in group_claims([a, b])] == [2]


def test_groups_need_two_claims():
    assert group_claims([claim(1)]) == []
    assert group_claims([]) == []


SENT = "South Korea's spy agency said 1,500 North Korean soldiers were already inside Russia."


def test_syndicated_copies_cluster():
    orig = claim(1500, article="yonhap", source="Yonhap", sentence=SENT, as_of=date(2024, 10, 18))
    copy = copy_of(orig, article="korea-herald", source="Korea Herald")
    near = claim(
        1500,
        article="ap",
        source="AP",
        sentence=SENT.replace("said", "said on Friday"),
        as_of=date(2024, 10, 18),
    )
    other = claim(
        1500, article="bbc", source="BBC", sentence="Seoul believes about 1,500 soldiers have gone."
    )
    clusters = copy_clusters([other, near, copy, orig])
    sizes = sorted(len(c) for c in clusters)
    assert sizes == [1, 3]
    big = next(c for c in clusters if len(c) == 3)
    assert big[0].article_id in ("ap", "yonhap")  # the earliest report is the original


def test_a_different_figure_in_the_same_sentence_is_no_copy():
    a = claim(1500, article="a", sentence=SENT)
    b = claim(1600, article="b", sentence=SENT.replace("1,500", "1,600"))
    assert sorted(len(c) for c in copy_clusters([a, b])) == [1, 1]


def _world():
    rng = random.Random(7)
    out = []
    for q in range(30):
        counted = f"thing {q % 10}"
        kind, unit = [(Kind.count, "count"), (Kind.measure, "kilometer"), (Kind.money, "USD")][q % 3]
        for k in range(rng.randint(1, 6)):
            out.append(
                claim(
                    rng.choice([10, 12, 20, 100]),
                    kind=kind,
                    unit=unit,
                    counted=counted,
                    article=f"a{q}-{k}",
                    source=f"Outlet {k}",
                    places=rng.choice([(), ("paris",), ("lyon",)]),
                    as_of=date(2024, 1, 1 + rng.randint(0, 9)),
                )
            )
    return out


def test_grouping_ignores_input_order():
    world = _world()
    ref = [[c.claim_id for c in g] for g in group_claims(world)]
    for seed in range(5):
        shuffled = world[:]
        random.Random(seed).shuffle(shuffled)
        assert [[c.claim_id for c in g] for g in group_claims(shuffled)] == ref


def test_union_of_blocks_equals_concatenation_of_blocks():
    world = _world()
    by_block = blocks(world)
    assert len(by_block) > 3
    concatenated = [g for key in sorted(by_block) for g in group_block(by_block[key])]
    assert group_claims(world) == concatenated
    assert all(len({block_key(c) for c in g}) == 1 for g in group_claims(world))
