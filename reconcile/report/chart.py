"""A small inline SVG chart of one group: each claim's value by date, its interval as a bar.

Pure: a ``Group`` in, SVG text out (every label escaped).  No network, no plotting library.
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import date
from html import escape

from reconcile.models import Claim, Group

#: Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D1F", "#000000")
WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 78, 24, 14, 42
#: Claims drawn in one chart (a group's first ones, in its order); the CSVs hold them all.
MAX_POINTS = 120


def fmt_value(v: float | None) -> str:
    """A figure as a reader writes it.

    >>> fmt_value(11000.0), fmt_value(2.5), fmt_value(None), fmt_value(1234567.891)
    ('11,000', '2.5', '–', '1,234,568')
    """
    if v is None:
        return "–"
    if float(v).is_integer() and abs(v) < 1e15:
        return f"{v:,.0f}"
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    return f"{v:.4g}"


def claim_date(claim: Claim) -> date | None:
    """The date a claim's figure applies to: its as-of date, else the article's date."""
    return claim.as_of or claim.published


def source_of(claim: Claim) -> str:
    """Who a figure comes from: its speaker, else the outlet that printed it."""
    return claim.speaker or claim.source or "unknown source"


def source_colors(group: Group) -> dict[str, str]:
    """A colour for each source of the group, in sorted order of the names."""
    names = sorted({source_of(c) for c in group.claims})
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}


def nice_ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    """Round tick values covering [lo, hi].

    >>> nice_ticks(1500, 11000)
    [0.0, 2500.0, 5000.0, 7500.0, 10000.0, 12500.0]
    >>> nice_ticks(2.9, 4.1)
    [2.5, 3.0, 3.5, 4.0, 4.5]
    """
    raw = (hi - lo) / n if hi > lo else abs(hi) or 1.0
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step) * step
    ticks = []
    v = start
    while v < hi + step * 0.999:
        ticks.append(round(v, 10))
        v += step
    return ticks


def _x_positions(claims: list[Claim]) -> tuple[list[float], list[tuple[float, str]], dict[date | None, float]]:
    """x of each claim (dated claims by day, undated ones in a slot at the right) and x ticks."""
    x0, x1 = LEFT + 20, WIDTH - RIGHT - 20
    dated = sorted({d for c in claims for d in (claim_date(c), c.as_of_end if c.as_of else None) if d is not None})
    has_undated = any(claim_date(c) is None for c in claims)
    span_end = x1 - (60 if has_undated and dated else 0)
    pos: dict[date | None, float] = {}
    if len(dated) == 1:
        pos[dated[0]] = (x0 + span_end) / 2
    elif dated:
        days = (dated[-1] - dated[0]).days or 1
        for d in dated:
            pos[d] = x0 + (span_end - x0) * (d - dated[0]).days / days
    if has_undated:
        pos[None] = x1 if dated else (x0 + x1) / 2
    starts = {claim_date(c) for c in claims}
    ticks = [(x, "undated" if d is None else d.isoformat()) for d, x in pos.items() if d in starts]
    kept: list[tuple[float, str]] = []
    for tick in sorted(ticks):  # labels are about 70 px wide: never let two overlap
        if not kept or tick[0] - kept[-1][0] >= 72:
            kept.append(tick)
    ticks = kept
    # claims on the same day sit side by side (up to five abreast)
    per_day = Counter(claim_date(c) for c in claims)
    slots: dict[date | None, int] = {}
    xs = []
    for c in claims:
        d = claim_date(c)
        k = slots.get(d, 0)
        slots[d] = k + 1
        xs.append(pos[d] + (k % 5) * 12 - (min(per_day[d], 5) - 1) * 6)
    return xs, ticks, pos


def chart_svg(group: Group, colors: dict[str, str] | None = None) -> str:
    """The chart of one group as an ``<svg>`` element (escaped, self-contained).  ``colors``: the
    group's ``source_colors`` when ``group`` holds only its first claims (named over all of them)."""
    claims = list(group.claims[:MAX_POINTS])
    finite = [v for c in claims for v in (c.low, c.value, c.high) if v is not None]
    lo, hi = min(finite), max(finite)
    if lo == hi:
        pad = abs(lo) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    y_ticks = nice_ticks(lo, hi)
    lo, hi = y_ticks[0], y_ticks[-1]
    y_top, y_bottom = TOP, HEIGHT - BOTTOM

    def y(v: float) -> float:
        return y_bottom - (y_bottom - y_top) * (v - lo) / (hi - lo)

    colors = colors if colors is not None else source_colors(group)
    xs, ticks, pos = _x_positions(claims)
    out = [(f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
            f'role="img" aria-label="{escape(group.quantity)}: values by source over time">'),
           f'<line x1="{LEFT}" y1="{y_top}" x2="{LEFT}" y2="{y_bottom}" class="axis"/>',
           f'<line x1="{LEFT}" y1="{y_bottom}" x2="{WIDTH - RIGHT}" y2="{y_bottom}" class="axis"/>']
    for v in y_ticks:
        yy = y(v)
        out.append(f'<line x1="{LEFT - 4}" y1="{yy:.1f}" x2="{WIDTH - RIGHT}" y2="{yy:.1f}" class="grid"/>')
        out.append(f'<text x="{LEFT - 7}" y="{yy + 4:.1f}" text-anchor="end">{escape(fmt_value(v))}</text>')
    for x, label in ticks:
        out.append(f'<text x="{x:.1f}" y="{y_bottom + 18}" text-anchor="middle">{escape(label)}</text>')
    for c, x in zip(claims, xs, strict=True):
        color = colors[source_of(c)]
        top = y_top if c.high is None else y(c.high)
        bottom = y_bottom if c.low is None else y(c.low)
        label = (f"{source_of(c)} in {c.source or 'unknown outlet'}, {claim_date(c) or 'undated'}: {c.text} "
                 f"[{fmt_value(c.low)} to {fmt_value(c.high)}]")
        out.append(f'<g><title>{escape(label)}</title>')
        out.append(f'<rect x="{x - 4:.1f}" y="{top:.1f}" width="8" height="{max(bottom - top, 1.5):.1f}" '
                   f'fill="{color}" fill-opacity="0.3" stroke="{color}"/>')
        if c.high is None:
            out.append(f'<path d="M{x - 5:.1f},{y_top + 6} L{x:.1f},{y_top} L{x + 5:.1f},{y_top + 6}" '
                       f'stroke="{color}" fill="none"/>')
        if c.low is None:
            out.append(f'<path d="M{x - 5:.1f},{y_bottom - 6} L{x:.1f},{y_bottom} L{x + 5:.1f},{y_bottom - 6}" '
                       f'stroke="{color}" fill="none"/>')
        if c.as_of and c.as_of_end and c.as_of_end in pos and c.as_of_end != c.as_of:
            x_end = pos[c.as_of_end]
            out.append(f'<line x1="{x:.1f}" y1="{y(c.value):.1f}" x2="{x_end:.1f}" y2="{y(c.value):.1f}" '
                       f'stroke="{color}" stroke-width="2" stroke-dasharray="4 2"/>')
        out.append(f'<circle cx="{x:.1f}" cy="{y(c.value):.1f}" r="4.5" fill="{color}"/></g>')
    out.append("</svg>")
    return "".join(out)
