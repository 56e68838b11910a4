"""Figures of a past event named for comparison ("the deadliest since 2016, when at least 320 people
died") are set apart from the story's own figures, yet two reports of that past figure still meet."""

from __future__ import annotations

from datetime import date

from claim_factory import claim

from reconcile import reconcile

NOW, Y2016 = date(2023, 6, 14), date(2016, 1, 1)


def _toll(value, as_of, article, source, as_of_end=None):
    return claim(value, counted="death", article=article, source=source, as_of=as_of, as_of_end=as_of_end,
                 published=NOW, sentence=f"At least {value} people died off Greece.")


def _members(groups):
    return [sorted(c.value for c in g.claims) for g in groups]


def test_a_past_event_s_toll_is_not_in_this_event_s_group():
    claims = [_toll(79, NOW, "a1", "Reuters"), _toll(78, NOW, "a2", "AP"),
              _toll(320, Y2016, "a1", "Reuters", as_of_end=date(2016, 12, 31))]
    assert _members(reconcile(claims)) == [[78.0, 79.0]]


def test_two_reports_of_the_past_toll_still_meet():
    claims = [_toll(79, NOW, "a1", "Reuters"), _toll(320, Y2016, "a1", "Reuters", as_of_end=date(2016, 12, 31)),
              _toll(300, Y2016, "a2", "AP", as_of_end=date(2016, 12, 31)), _toll(78, NOW, "a2", "AP")]
    assert sorted(_members(reconcile(claims))) == [[78.0, 79.0], [300.0, 320.0]]


def test_a_figure_of_last_month_stays_with_this_one():
    claims = [_toll(79, NOW, "a1", "Reuters"), _toll(70, date(2023, 5, 20), "a2", "AP")]
    assert _members(reconcile(claims)) == [[70.0, 79.0]]
