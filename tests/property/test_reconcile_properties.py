"""Properties of grouping and judging, on random hand-built claims (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from unit.claim_factory import claim, copy_of

from reconcile import reconcile
from reconcile.judge import judge_group
from reconcile.models import Claim, Kind, Qualifier, Verdict
from reconcile.units import to_base

BASE = date(2024, 10, 1)
WORDS = [
    "officials",
    "said",
    "the",
    "toll",
    "rose",
    "troops",
    "convoy",
    "reached",
    "stood",
    "figure",
    "reported",
    "killed",
    "at",
    "least",
    "near",
    "city",
]
OUTLETS = ["AP", "Reuters", "AFP", "BBC", "Axios"]
SPEAKERS = [None, None, "Gov. Roy Cooper", "the health ministry", "Kyrylo Budanov"]
PLACES = [(), (), ("russia",), ("kursk",), ("eastern russia",)]
UNITS = [
    (Kind.count, "count", "death"),
    (Kind.measure, "kilometer", "convoy"),
    (Kind.measure, "mile", "convoy"),
]

settings.register_profile("reconcile", deadline=None, max_examples=120)
settings.load_profile("reconcile")


@st.composite
def claims(draw, n_min: int = 1, n_max: int = 12) -> list[Claim]:
    n = draw(st.integers(n_min, n_max))
    out = []
    for i in range(n):
        kind, unit, counted = draw(st.sampled_from(UNITS))
        value = float(draw(st.integers(1, 5000)))
        hedged = draw(st.booleans())
        day = draw(st.integers(0, 12))
        out.append(
            claim(
                value,
                low=value * 0.9 if hedged else None,
                high=value * 1.1 if hedged else None,
                qualifier=Qualifier.approximate if hedged else Qualifier.exact,
                kind=kind,
                unit=unit,
                counted=counted,
                article=f"art{draw(st.integers(0, 6))}",
                source=draw(st.sampled_from(OUTLETS)),
                speaker=draw(st.sampled_from(SPEAKERS)),
                places=draw(st.sampled_from(PLACES)),
                as_of=BASE + timedelta(days=day),
                sentence=" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=6, max_size=10)))
                + f" {value:,.0f}.",
                start=i * 100,
            )
        )
    return out


def _dump(groups):
    return [g.model_dump(mode="json") for g in groups]


@given(claims(), st.randoms(use_true_random=False))
def test_reconcile_ignores_input_order(cs, rnd):
    shuffled = cs[:]
    rnd.shuffle(shuffled)
    assert _dump(reconcile(shuffled)) == _dump(reconcile(cs))


@given(
    st.floats(min_value=1e-3, max_value=1e7, allow_nan=False, allow_infinity=False),
    st.sampled_from(["AP", "Reuters"]),
    st.integers(0, 30),
)
def test_same_figure_in_km_and_m_is_consistent(km, outlet, day):
    as_of = BASE + timedelta(days=day)
    a = claim(
        km, kind=Kind.measure, unit="kilometer", counted="convoy", source=outlet, article="a", as_of=as_of
    )
    b = claim(
        km * 1000, kind=Kind.measure, unit="meter", counted="convoy", source="BBC", article="b", as_of=as_of
    )
    groups = reconcile([a, b])
    assert [g.verdict for g in groups] == [Verdict.consistent]
    assert judge_group([a, b]).verdict == Verdict.consistent


def _verdict_by_claim(groups):
    return {c.claim_id: g.verdict for g in groups for c in g.claims}


@given(claims(n_min=2), st.data())
def test_adding_a_syndicated_copy_never_changes_a_verdict(cs, data):
    original = data.draw(st.sampled_from(cs))
    later = (original.published or BASE) + timedelta(days=data.draw(st.integers(0, 5)))
    copy = copy_of(original, article="zz-syndicated", source="Local Gazette", published=later)
    before = _verdict_by_claim(reconcile(cs))
    after = _verdict_by_claim(reconcile([*cs, copy]))
    assert {k: after[k] for k in before} == before
    if original.claim_id in before:
        assert after[copy.claim_id] == before[original.claim_id]
    else:  # a lone claim and its copy make a group of one report
        assert set(after) - set(before) <= {original.claim_id, copy.claim_id}
        assert after.get(copy.claim_id, Verdict.consistent) == Verdict.consistent
    same_block = [c for c in cs if c.kind == original.kind and c.counted == original.counted]
    if len(same_block) >= 2:
        with_copy = judge_group([*same_block, copy])
        assert with_copy.verdict == judge_group(same_block).verdict
        assert with_copy.n_sources == judge_group(same_block).n_sources


@given(claims(n_min=2))
def test_group_min_max_contain_all_members(cs):
    for g in reconcile(cs):
        factor = to_base(1.0, g.unit)[0]
        for c in g.claims:
            v = to_base(c.value, c.unit)[0] / factor
            assert g.min * (1 - 1e-9) <= v <= g.max * (1 + 1e-9)
        assert g.n_claims == len(g.claims) >= 2
        assert 1 <= g.n_sources <= g.n_claims


@given(
    st.integers(1, 10_000),
    st.integers(1, 10_000),
    st.floats(0, 0.5),
    st.sampled_from(OUTLETS),
    st.sampled_from(OUTLETS),
    st.sampled_from(SPEAKERS),
    st.integers(0, 30),
)
def test_disjoint_intervals_at_the_same_date_are_never_consistent(x, y, rel, s1, s2, speaker, day):
    lo_v, hi_v = sorted((x, y))
    hi_v = hi_v + 1 + int(lo_v * rel * 2) + int(lo_v * 0.2)  # keeps the two intervals apart
    as_of = BASE + timedelta(days=day)
    a = claim(
        lo_v,
        low=lo_v * (1 - rel),
        high=lo_v * (1 + rel * 0.99),
        qualifier=Qualifier.approximate,
        source=s1,
        article="a",
        as_of=as_of,
    )
    b = claim(
        hi_v,
        low=hi_v * (1 - rel * 0.49),
        high=hi_v,
        qualifier=Qualifier.approximate,
        source=s2,
        speaker=speaker,
        article="b",
        as_of=as_of,
    )
    assert a.high < b.low
    assert judge_group([a, b]).verdict != Verdict.consistent
    assert [g.verdict for g in reconcile([a, b])] != [Verdict.consistent]


@given(claims(n_min=2))
def test_every_group_has_one_verdict_and_a_one_line_reason(cs):
    for g in reconcile(cs):
        assert g.verdict in set(Verdict)
        assert g.reason and "\n" not in g.reason
        assert g.summary and "\n" not in g.summary


#: Topic keys of articles about one commander: some name him in one key, some split the name in
#: two ("kyrylo", "budanov"), so two articles share one name counted once from one side and twice
#: from the other (a link depended on which article sorted first).  Any two of these articles are
#: one story under the symmetric count, an equivalence, so the stories found must not depend on
#: which article sorts first.
TOPICS = [
    ["kyrylo budanov", "kursk", "zaporizhzhia"],
    ["kyrylo", "budanov", "donetsk"],
    ["kyrylo budanov", "kursk", "kharkiv"],
    ["kyrylo", "budanov", "donetsk", "kherson"],
]
ARTICLES = ["art0", "art1", "art2", "art3", "art4", "art5"]


@st.composite
def topical_claims(draw) -> list[dict]:
    """One claim of one counted thing from each of two to six articles, with topic keys from
    ``TOPICS`` and a sentence naming Budanov (a shared anchor), as claim arguments."""
    n = draw(st.integers(2, len(ARTICLES)))
    return [
        {
            "value": float(draw(st.sampled_from([1500, 3000, 11000, 12000])) + i),  # + i: no two are copies
            "counted": "north korean troop",
            "source": OUTLETS[i % len(OUTLETS)],
            "speaker": draw(st.sampled_from(SPEAKERS)),
            "as_of": BASE + timedelta(days=draw(st.integers(0, 2))),
            "sentence": f"Officials said {1500 + i:,} troops had joined Budanov's count in report {i}.",
            "topic": draw(st.sampled_from(TOPICS)),
            "start": i * 100,
        }
        for i in range(n)
    ]


def _relabelled(specs, names):
    return [claim(spec["value"], article=name, **{x: y for x, y in spec.items() if x != "value"})
            for name, spec in zip(names, specs, strict=False)]


def _partition(groups):
    return sorted((sorted(c.start for c in g.claims), g.verdict.value) for g in groups)


@given(topical_claims())
def test_story_links_ignore_which_article_sorts_first(specs):
    assert _partition(reconcile(_relabelled(specs, ARTICLES))) == _partition(
        reconcile(_relabelled(specs, ARTICLES[::-1][-len(specs):]))
    )
