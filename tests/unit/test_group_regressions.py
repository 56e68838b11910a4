"""Regressions of the grouping stage, named after what broke."""

import pytest

from reconcile import reconcile
from tests.unit.claim_factory import claim


def test_scope_with_and_without_a_period_in_one_story_does_not_crash():
    # one claim has a period ("since 2022"), the other has places only: sorting their
    # scope signatures compared None with a string and raised TypeError.
    a = claim(100, article="a1", places=("gaza",), sentence="Officials in Gaza said 100 died.")
    b = claim(300, article="a1", places=("gaza",), period="since 2022", sentence="Gaza has lost 300 since 2022.")
    c = claim(120, article="a1", places=("gaza",), sentence="Of them, 120 in Gaza were children.")
    groups = reconcile([a, b, c])
    assert all(g.n_claims >= 2 for g in groups)
    assert sorted(c.claim_id for g in groups for c in g.claims) == sorted(
        {x.claim_id for g in groups for x in g.claims})


def test_figures_tenfold_apart_are_not_one_quantity():
    # "two killed in a raid" and "865 killed since the uprising began" share a counted thing only
    a = claim(2, counted="palestinian", article="a1", speaker="hospital officials", sentence="Two died in Jenin.")
    b = claim(865, counted="palestinian", article="a2", sentence="865 have died in Jenin since 2000.")
    assert reconcile([a, b]) == []


def test_a_rising_series_without_tenfold_gaps_stays_whole():
    from datetime import date

    days = [date(2024, 10, d) for d in (28, 29, 30, 31)]
    claims = [claim(v, counted="death", article=f"a{i}", as_of=d, sentence="The toll in Valencia rose.")
              for i, (v, d) in enumerate(zip((9, 60, 95, 205), days))]
    [group] = reconcile(claims)
    assert group.n_claims == 4 and group.verdict.value == "evolving"


def test_ordinals_without_an_owner_compare_with_nothing():
    from reconcile.models import Kind

    a = claim(1, kind=Kind.ordinal, unit="ordinal", counted="time", article="a1", sentence="for the first time")
    b = claim(3, kind=Kind.ordinal, unit="ordinal", counted="time", article="a2", sentence="for the third time")
    assert reconcile([a, b]) == []


def test_articles_on_different_stories_are_kept_apart_even_with_a_shared_name():
    a = claim(3, counted="death", article="crash", topic=["sydney", "hume highway", "goulburn"],
              sentence="Three people died in Sydney when a bus crashed.")
    b = claim(40, counted="death", article="fire", topic=["sydney", "blue mountains", "hill top"],
              sentence="Forty homes burned near Sydney.")
    c = claim(4, counted="death", article="crash-2", topic=["goulburn", "hume highway", "sydney"],
              sentence="Four people died in Sydney after the bus crash.")
    [group] = reconcile([a, b, c])
    assert {x.article_id for x in group.claims} == {"crash", "crash-2"}


def _pair(topic_a, topic_b, counted="revenue"):
    a = claim(94.9, counted=counted, article="a", topic=topic_a, sentence="Orchard Tech reported 94.9.")
    b = claim(94.93, counted=counted, article="b", topic=topic_b, sentence="Orchard Tech said 94.93.")
    return reconcile([a, b])


@pytest.mark.parametrize(
    ("topic_a", "topic_b", "linked"),
    [
        # one shared multiword name that leads both articles: one story (it was missed)
        (["orchard tech", "lseg", "san jose"], ["orchard tech", "tim marsh", "wall street"], True),
        (["tomas rainer", "sturmfeld", "austria"], ["tomas rainer", "aldmoor", "brentham park"], True),
        # the shared name leads one article only: kept apart, as before
        (["lseg", "orchard tech", "san jose"], ["orchard tech", "tim marsh", "wall street"], False),
        # a shared leading name of one word (a city), or a country: kept apart
        (["sydney", "hume highway", "goulburn"], ["sydney", "blue mountains", "hill top"], False),
        (["new zealand", "auckland", "jacinda ardern"], ["new zealand", "christchurch", "cricket"], False),
    ],
    ids=["shared_leading_company_name_links_short_reports", "shared_leading_player_name_links_short_reports",
         "shared_name_leading_one_article_only_is_no_link", "shared_leading_city_is_no_link",
         "shared_leading_country_is_no_link"],
)
def test_one_shared_leading_name_links_two_articles(topic_a, topic_b, linked):
    groups = _pair(topic_a, topic_b)
    assert bool(groups) is linked, [g.summary for g in groups]
    assert bool(_pair(topic_b, topic_a)) is linked  # either order
