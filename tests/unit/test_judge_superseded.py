"""A figure its own source revised is no rival of a later figure from another source.

86 deaths (police, 17 May), revised by the police to 79 (18 May), then 81 from the fire service
(19 May): 81 is a step after the revision, so the group is evolving, not a conflict.  Without the
revision in between, 86 against 81 two days apart from two sources stays a conflict.
"""

from __future__ import annotations

from datetime import date

from claim_factory import claim

from reconcile import reconcile

MAY17, MAY18, MAY19 = date(2025, 5, 17), date(2025, 5, 18), date(2025, 5, 19)


def _toll(value, day, source, speaker, article):
    return claim(value, counted="death", article=article, source=source, speaker=speaker, as_of=day,
                 published=day, sentence=f"{value} people died in the Meghna ferry capsize.")


def test_a_later_figure_after_a_revision_by_the_first_source_is_a_step():
    claims = [_toll(86, MAY17, "AP", "police", "a1"), _toll(79, MAY18, "AFP", "police", "a2"),
              _toll(81, MAY19, "Daily Star", "the fire service", "a3")]
    groups = reconcile(claims)
    assert len(groups) == 1 and len(groups[0].claims) == 3
    assert groups[0].verdict == "evolving"


def test_without_the_revision_two_sources_two_days_apart_still_conflict():
    claims = [_toll(86, MAY17, "AP", "police", "a1"), _toll(81, MAY19, "Daily Star", "the fire service", "a3")]
    groups = reconcile(claims)
    assert len(groups) == 1 and groups[0].verdict == "conflict"


def test_a_revision_after_the_later_figure_does_not_excuse_it():
    # police revise on the 19th; the fire service's 81 came on the 18th, before it: still a rival of 86
    claims = [_toll(86, MAY17, "AP", "police", "a1"), _toll(81, MAY18, "Daily Star", "the fire service", "a3"),
              _toll(79, MAY19, "AFP", "police", "a2")]
    groups = reconcile(claims)
    assert len(groups) == 1 and groups[0].verdict == "conflict"
