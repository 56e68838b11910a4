"""report.html: one self-contained page (inline CSS and SVG, no scripts, no network).

Rendered with Jinja2 and autoescaping from the template shipped in ``reconcile/report/templates``:
every piece of article text is escaped.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel

from reconcile.models import Claim, DiscrepancyRow, Group
from reconcile.report.chart import MAX_POINTS, chart_svg, claim_date, fmt_value, source_colors, source_of

#: Groups shown in full (chart and sentences); the rest are listed, and all are in the CSVs.
DETAIL_LIMIT = 200
#: Groups listed in the table of contents.
LIST_LIMIT = 2000
#: Errors listed on the page (all are in errors.csv).
ERROR_LIMIT = 100
#: Claims listed under one group (all are in discrepancy_claims.csv).
CLAIM_LIMIT = 60
#: A group's claims the page can show (listed or charted): all a batch keeps of a group for the page.
SHOWN_CLAIMS = max(CLAIM_LIMIT, MAX_POINTS)


@functools.lru_cache(maxsize=1)
def _environment() -> Any:
    import jinja2  # lazy: only the report needs it

    return jinja2.Environment(
        loader=jinja2.PackageLoader("reconcile.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def safe_link(url: str | None) -> str | None:
    """Only http(s) URLs become links.

    >>> safe_link("https://abcnews.go.com/x"), safe_link("javascript:alert(1)")
    ('https://abcnews.go.com/x', None)
    """
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def split_sentence(claim: Claim) -> tuple[str, str, str]:
    """(before, the claim's text, after) within its sentence, for highlighting.

    >>> from reconcile.models import Claim
    >>> c = Claim(claim_id="x", article_id="a", text="11,000", start=10, end=16, kind="count",
    ...           value=11000, sentence="Some said 11,000 troops.", sentence_start=0)
    >>> split_sentence(c)
    ('Some said ', '11,000', ' troops.')
    """
    sentence = claim.sentence or ""
    off = claim.start - claim.sentence_start
    if 0 <= off and sentence[off:off + len(claim.text)] == claim.text:
        return sentence[:off], claim.text, sentence[off + len(claim.text):]
    found = sentence.find(claim.text) if claim.text else -1
    if found >= 0:
        return sentence[:found], claim.text, sentence[found + len(claim.text):]
    return sentence, "", ""


@dataclass
class _ClaimView:
    claim: Claim
    color: str
    link: str | None
    date: str
    before: str
    mark: str
    after: str
    interval: str


class ShownGroup(BaseModel):
    """What the page needs of a group shown in full: the group cut to its first ``SHOWN_CLAIMS`` claims,
    how many claims it has, and the colour of each of its sources (named over all its claims).
    A batch keeps this, small whatever the group's size, instead of the whole group (the page's
    own transport, not part of the schema in ``reconcile.models``)."""

    group: Group
    n_claims: int
    colors: dict[str, str]

    @classmethod
    def of(cls, group: Group) -> ShownGroup:
        return cls.model_construct(group=group.model_copy(update={"claims": group.claims[:SHOWN_CLAIMS]}),
                                   n_claims=len(group.claims), colors=source_colors(group))


def _group_view(shown: ShownGroup) -> dict[str, Any]:
    group, colors = shown.group, shown.colors
    views = []
    for c in group.claims[:CLAIM_LIMIT]:
        before, mark, after = split_sentence(c)
        d = claim_date(c)
        views.append(_ClaimView(
            claim=c, color=colors[source_of(c)], link=safe_link(c.url),
            date=(f"{d.isoformat()}..{c.as_of_end.isoformat()}" if d and c.as_of and c.as_of_end
                  and c.as_of_end != c.as_of else d.isoformat() if d else "undated"), before=before, mark=mark, after=after,
            interval=f"{fmt_value(c.low)} to {fmt_value(c.high)}",
        ))
    from markupsafe import Markup

    return {"group": group, "claims": views, "svg": Markup(chart_svg(group, colors)),
            "hidden": max(0, shown.n_claims - CLAIM_LIMIT),
            "colors": sorted(colors.items()), "min": fmt_value(group.min), "max": fmt_value(group.max)}


class ReportCollector:
    """Keeps what the page needs while groups stream past (most severe first): a table row for the
    first ``LIST_LIMIT`` groups, the full group for the first ``DETAIL_LIMIT``, and the count."""

    def __init__(self) -> None:
        self.listed: list[DiscrepancyRow] = []
        self.detailed: list[ShownGroup] = []
        self.n_groups = 0

    def add_row(self, row: DiscrepancyRow) -> None:
        """Count a group and list it in the table (while there is room)."""
        self.n_groups += 1
        if len(self.listed) < LIST_LIMIT:
            self.listed.append(row)

    def add(self, group: Group | ShownGroup) -> None:
        """Show a group in full (while there is room); call ``add_row`` for it too."""
        if len(self.detailed) < DETAIL_LIMIT:
            self.detailed.append(group if isinstance(group, ShownGroup) else ShownGroup.of(group))

    def render(self, *, stats: dict[str, Any], errors: Iterable[tuple[str, str]] = (), n_errors: int = 0,
               title: str = "Conflicting numbers: batch report") -> str:
        template = _environment().get_template("report.html.j2")
        return template.render(
            title=title, stats=stats, listed=self.listed, detailed=[_group_view(g) for g in self.detailed],
            n_groups=self.n_groups, errors=list(islice(errors, ERROR_LIMIT)), n_errors=n_errors, fmt=fmt_value,
        )


def render_report(
    groups: Iterable[Group],
    *,
    stats: dict[str, Any],
    errors: Iterable[tuple[str, str]] = (),
    n_errors: int = 0,
    title: str = "Conflicting numbers: batch report",
) -> str:
    """The report page for ``groups``, most severe first."""
    collector = ReportCollector()
    for group in groups:
        collector.add_row(DiscrepancyRow.from_group(group))
        collector.add(group)
    return collector.render(stats=stats, errors=errors, n_errors=n_errors, title=title)
