"""One-word leading names: two reports of one event often share only the city they lead with.

A one-word leading key that both articles lead with ("belgrade"; no country or state) links their
figures of one quantity when the figures are of the same date and the two headlines name the same
thing besides the city ("crowd").  The same city on another day is another event, an undated
figure has no date to share, and two headlines with nothing in common (a crash and a fire in one
city on one day: ``test_group_regressions.py``) stay apart.
"""

from __future__ import annotations

from datetime import date

import pytest
from unit.claim_factory import claim

from reconcile import Article, reconcile
from reconcile.story import same_story

D = date(2025, 3, 15)


TITLE_A = "Huge crowd marches through {}"
TITLE_B = "{} rally draws biggest crowd in a decade"


def _pair(day_a, day_b, lead="belgrade", title_b=TITLE_B):
    a = claim(35000, article="a", topic=[lead, "interior dalibor markovic", "students"], counted="attendance",
              source="Northern Wire", as_of=day_a, title=TITLE_A.format(lead.title()))
    b = claim(140000, article="b", topic=[lead, "archive", "public gatherings", "vesna ilic"], counted="attendance",
              source="Valley Herald", as_of=day_b, title=title_b.format(lead.title()))
    return a, b


@pytest.mark.parametrize(
    ("day_a", "day_b", "lead", "title_b", "linked"),
    [
        (D, D, "belgrade", TITLE_B, True),  # one city leading both, one date, one event in both headlines
        (D, date(2025, 3, 12), "belgrade", TITLE_B, False),  # the same city on another day: another event
        (D, None, "belgrade", TITLE_B, False),  # an undated figure: no date to share
        (D, D, "belgrade", "{} teachers strike over pay", False),  # headlines with nothing in common
        (D, D, "belgrade", "Police in {} say toll rises", False),  # only generic headline words in common
        (D, D, "serbia", TITLE_B, False),  # a country is too broad to tell a story by
        (D, D, "france", TITLE_B, False),
    ],
)
def test_one_word_leading_name_links_one_event(day_a, day_b, lead, title_b, linked):
    a, b = _pair(day_a, day_b, lead, title_b)
    assert same_story(a, b) == same_story(b, a) == linked


def test_articles_without_headlines_are_kept_apart():
    a, b = _pair(D, D)
    a, b = a.model_copy(update={"title": None}), b.model_copy(update={"title": None})
    assert not same_story(a, b) and not same_story(b, a)


def test_different_leading_words_do_not_link():
    a = claim(35000, article="a", topic=["belgrade", "students", "markovic"], source="Northern Wire", as_of=D)
    b = claim(140000, article="b", topic=["novi sad", "belgrade", "vesna ilic"], source="Valley Herald", as_of=D)
    assert not same_story(a, b) and not same_story(b, a)


PROTEST_A = Article(
    id="nw-belgrade", source="Northern Wire", published=D, title="Huge crowd marches through Belgrade",
    text="BELGRADE (Northern Wire) - Students and farmers marched through central Belgrade on Saturday in one of "
         "the largest protests in years. Police said 35,000 people took part in the march in Belgrade. The march "
         "ended outside the parliament without incident, Interior Minister Dalibor Markovic said, adding that "
         "Belgrade police had made no arrests.")
PROTEST_B = Article(
    id="vh-belgrade", source="Valley Herald", published=D, title="Belgrade rally draws biggest crowd in a decade",
    text="Crowds filled the streets of Belgrade on Saturday. The Archive of Public Gatherings, an independent "
         "monitor, estimated that 140,000 people took part in the rally. Opposition leader Vesna Ilic told the "
         "crowd in Belgrade that the government had lost its mandate. Belgrade's public transport was suspended "
         "for the day.")
#: Another event in the same city, four days earlier: a teachers' strike march.
STRIKE = Article(
    id="hh-belgrade", source="Harbour Times", published=date(2025, 3, 11), title="Belgrade teachers strike over pay",
    text="Teachers in Belgrade walked out on Tuesday in a dispute over pay. Some 8,000 people took part in a march "
         "to the education ministry, the teachers' union in Belgrade said. Education Minister Goran Pesic said "
         "talks with the Union of Education Workers would resume next week. Schools in Novi Sad and Kragujevac "
         "also closed, and Goran Pesic urged teachers in Novi Sad to return on Monday.")


def _groups_with(arts, article_id):
    return [g for g in reconcile(arts) if any(c.article_id == article_id for c in g.claims)]


def test_crowd_reports_led_by_one_city_on_one_day_are_one_group():
    groups = _groups_with([PROTEST_A, PROTEST_B], "nw-belgrade")
    assert len(groups) == 1, [g.summary for g in groups]
    assert {c.article_id for c in groups[0].claims} == {"nw-belgrade", "vh-belgrade"}
    assert groups[0].verdict.value == "conflict"  # police 35,000 vs the monitor's 140,000, one day


def test_march_in_the_same_city_on_another_day_joins_no_group():
    groups = _groups_with([PROTEST_A, PROTEST_B, STRIKE], "hh-belgrade")
    assert groups == [], [g.summary for g in groups]
