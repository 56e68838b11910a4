"""The batch keeps only a ``ShownGroup`` of each group for the page: the page is the same as from the
whole group, whatever the group's size."""

from __future__ import annotations

from datetime import date

from reconcile.models import Claim, DiscrepancyRow, Group, Kind, Verdict
from reconcile.report.html import CLAIM_LIMIT, SHOWN_CLAIMS, ReportCollector, ShownGroup, render_report

STATS = {"version": "t", "inputs": ["in"], "files": 9, "articles": 9, "claims": 400, "verdicts": {"conflict": 1},
         "window_days": 3.0}


def _big_group(n: int) -> Group:
    """A group of ``n`` claims whose last sources appear only after the claims the page shows."""
    claims = []
    for i in range(n):
        source = f"Outlet {i // 40}"  # a new outlet every 40 claims: the last ones are never charted
        text = f"{1000 + i:,}"
        sentence = f"Officials said {text} people had left."
        claims.append(Claim(claim_id=f"c{i:04d}", article_id=f"a{i}.txt", text=text, start=15, end=15 + len(text),
                            sentence=sentence, kind=Kind.count, value=1000.0 + i, low=1000.0 + i, high=1000.0 + i,
                            unit="count", counted="people", source=source, speaker=None if i % 3 else f"Agency {i % 7}",
                            published=date(2024, 3, 1 + i % 20), as_of=date(2024, 3, 1 + i % 20)))
    return Group(group_id="g-big", quantity="people who left", unit="count", kind=Kind.count, verdict=Verdict.conflict,
                 reason="figures differ", claims=claims, n_claims=n, n_sources=n // 40 + 1, min=1000.0,
                 max=1000.0 + n - 1, spread=(1000.0 + n - 1) / 1000, severity=3.0, summary="1,000 vs more")


def _page(shown: ShownGroup, group: Group) -> str:
    report = ReportCollector()
    report.add_row(DiscrepancyRow.from_group(group))
    report.add(shown)
    return report.render(stats=STATS, errors=[], n_errors=0)


def test_shown_group_keeps_the_page_of_a_big_group() -> None:
    group = _big_group(400)
    shown = ShownGroup.of(group)
    assert len(shown.group.claims) == SHOWN_CLAIMS < 400 and shown.n_claims == 400
    assert len(shown.colors) == 10 + 7  # each of the 10 outlets and 7 speakers of all 400 claims has its colour
    whole = render_report([group], stats=STATS)
    kept = ShownGroup.model_validate_json(shown.model_dump_json())  # as the journal keeps it
    assert _page(kept, group) == whole
    assert f"{400 - CLAIM_LIMIT} more claims of this group" in whole
    assert "Outlet 9" in whole  # a source named only after the charted claims is in the legend


def test_shown_group_of_a_small_group_is_the_group() -> None:
    group = _big_group(5)
    shown = ShownGroup.of(group)
    assert shown.group == group and shown.n_claims == 5
    assert _page(ShownGroup.model_validate_json(shown.model_dump_json()), group) == render_report([group], stats=STATS)
