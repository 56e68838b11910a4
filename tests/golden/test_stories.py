"""Golden stories: articles from several outlets and dates, with the groups and verdicts expected.

Each ``stories/*.json`` holds the articles, the expected groups (members named by article and
figure text), pairs that must never be in conflict, and hand-built claims equal to what the
extractor and the context layer should produce.  Every story runs twice: on the hand-built
claims (the reconciler's own logic) and end to end (``extract_claims`` then ``reconcile``).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from reconcile import Article, extract_claims, reconcile
from reconcile.context.topic import topic_keys
from reconcile.models import Claim, Group, Kind, Qualifier, ScopeInfo, make_claim_id

STORIES = sorted((Path(__file__).parent / "stories").glob("*.json"))

#: Stories whose end-to-end run still fails because of an upstream layer, and why.
E2E_XFAIL: dict[str, str] = {}


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def articles(story: dict) -> list[Article]:
    return [Article(**a) for a in story["articles"]]


def _sentence(text: str, start: int) -> tuple[str, int]:
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[begin : end if end >= 0 else len(text)], begin


def hand_claims(story: dict) -> list[Claim]:
    """The claims the upstream layers should give, built from the story's ``claims`` list."""
    by_id = {a.id: a for a in articles(story)}
    out = []
    for spec in story["claims"]:
        art = by_id[spec["article"]]
        start = art.text.index(spec["text"], spec.get("after", 0))
        end = start + len(spec["text"])
        sentence, s_start = _sentence(art.text, start)
        value = float(spec["value"])
        out.append(
            Claim(
                claim_id=make_claim_id(art.id, start, end),
                article_id=art.id,
                text=spec["text"],
                start=start,
                end=end,
                sentence=sentence,
                sentence_start=s_start,
                kind=Kind(spec.get("kind", "count")),
                value=value,
                low=spec.get("low", value),
                high=spec.get("high", value),
                qualifier=Qualifier(spec.get("qualifier", "exact")),
                hedge=spec.get("hedge"),
                unit=spec.get("unit", "count"),
                counted=spec.get("counted"),
                counted_text=spec.get("counted_text"),
                owner=spec.get("owner"),
                scope=spec.get("scope"),
                scope_info=ScopeInfo(
                    places=spec.get("places", []), subset=spec.get("subset", []), period=spec.get("period"),
                    definition=spec.get("definition", []),
                ),
                speaker=spec.get("speaker"),
                speaker_role=spec.get("speaker_role"),
                as_of=date.fromisoformat(spec["as_of"]) if spec.get("as_of") else None,
                as_of_end=date.fromisoformat(spec["as_of_end"]) if spec.get("as_of_end") else None,
                projection=spec.get("projection", False),
                change_id=spec.get("change_id"),
                change_role=spec.get("change_role"),
                source=art.source,
                url=art.url,
                published=art.published,
                title=art.title,
                topic=topic_keys(art) if story.get("check_fields") else [],
            )
        )
    return out


def find(claims: list[Claim], article: str, text: str) -> Claim:
    """The one claim of ``article`` whose text contains ``text`` (or is contained in it)."""
    hits = [c for c in claims if c.article_id == article and (text in c.text or (c.text and c.text in text))]
    hits = [c for c in hits if text in c.text] or hits
    assert len(hits) == 1, f"expected one claim {text!r} in {article}, got {[c.text for c in hits]}"
    return hits[0]


def group_of(groups: list[Group], claim: Claim) -> Group | None:
    return next((g for g in groups if any(c.claim_id == claim.claim_id for c in g.claims)), None)


def check(story: dict, claims: list[Claim]) -> None:
    groups = reconcile(claims)
    for exp in story["expected_groups"]:
        members = [find(claims, a, t) for a, t in exp["members"]]
        group = group_of(groups, members[0])
        assert group is not None, f"{exp['members'][0]} is in no group"
        ids = {c.claim_id for c in group.claims}
        assert all(m.claim_id in ids for m in members), (exp["members"], group.summary)
        assert group.verdict.value == exp["verdict"], group.reason
        for word in exp.get("reason_contains", []):
            assert word in group.reason, group.reason
        for word in exp.get("summary_contains", []):
            assert word in group.summary, group.summary
        if "n_sources" in exp:
            assert group.n_sources == exp["n_sources"]
        if "n_claims" in exp:
            assert group.n_claims == exp["n_claims"]
    for (a1, t1), (a2, t2) in story["never_conflict"]:
        x, y = find(claims, a1, t1), find(claims, a2, t2)
        gx = group_of(groups, x)
        assert not (gx and gx.verdict.value == "conflict" and gx is group_of(groups, y)), gx and gx.reason


@pytest.mark.parametrize("path", STORIES, ids=[p.stem for p in STORIES])
def test_story_on_hand_built_claims(path):
    story = load(path)
    check(story, hand_claims(story))


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=E2E_XFAIL[p.stem]))
        if p.stem in E2E_XFAIL
        else p
        for p in STORIES
    ],
    ids=[p.stem for p in STORIES],
)
def test_story_end_to_end(path):
    story = load(path)
    claims = [c for a in articles(story) for c in extract_claims(a)]
    check(story, claims)


def test_there_are_stories():
    names = {p.stem for p in STORIES}
    assert len(names) >= 5


#: Claim fields a story may pin down (``check_fields``): each listed in a claim spec is compared
#: with what ``extract_claims`` gives for that figure.
FIELDS = ("kind", "unit", "value", "low", "high", "qualifier", "hedge", "counted", "counted_text", "owner",
          "speaker", "as_of", "as_of_end", "projection", "places", "subset", "period", "definition")


def _field(claim: Claim, name: str) -> object:
    if name in ("places", "subset", "period", "definition"):
        return getattr(claim.scope_info, name)
    value = getattr(claim, name)
    if name == "speaker" and value is not None:
        return value.casefold()  # "Police said" and "police said" name one speaker
    if isinstance(value, date):
        return value.isoformat()
    return value.value if hasattr(value, "value") and not isinstance(value, float) else value


def _expected(spec: dict, name: str) -> object:
    value = spec[name]
    return value.casefold() if name == "speaker" and value is not None else value


CHECKED = [p for p in STORIES if load(p).get("check_fields")]


@pytest.mark.parametrize("path", CHECKED, ids=[p.stem for p in CHECKED])
def test_story_claim_fields_end_to_end(path):
    """Every field a story pins down for a figure is what the extractor and context layer give."""
    story = load(path)
    claims = [c for a in articles(story) for c in extract_claims(a)]
    wrong = []
    for spec in story["claims"]:
        got = find(claims, spec["article"], spec["text"])
        for name in FIELDS:
            if name not in spec:
                continue
            want, have = _expected(spec, name), _field(got, name)
            same = have == pytest.approx(want) if isinstance(want, float | int) and not isinstance(want, bool) else have == want
            if not same:
                wrong.append(f"{spec['article']} {spec['text']!r} {name}: want {want!r}, got {have!r}")
    assert not wrong, "\n".join(wrong)


def test_new_stories_pin_fields():
    assert len(CHECKED) >= 4
