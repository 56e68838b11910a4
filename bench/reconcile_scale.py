"""Reconciler scale: N synthetic claims over many quantities -> time and peak memory.

    .venv/bin/python bench/reconcile_scale.py            # 10k, 100k and 1M claims
    .venv/bin/python bench/reconcile_scale.py 250000     # one size
    .venv/bin/python bench/reconcile_scale.py 100000 --repeat 3

Each size runs in a fresh child process so peak memory (max RSS) belongs to that size alone.
The claims mimic a large news corpus: about eight claims a quantity, spread over counts
(two counted things a story), distances in km/miles/m, money in two currencies, percentages and
ordinals; hedged intervals; 40 outlets and speakers; dates over a month; wire copies (the same
sentence in another outlet) for one claim in twenty.  The figures are wall and CPU seconds and claims
per second for ``reconcile()`` alone (building the claims is timed apart; the pint registry is
built before timing) and the child's max RSS, which includes the claims themselves.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta

SIZES = (10_000, 100_000, 1_000_000)
PER_QUANTITY = 8


def make_claims(n: int, seed: int = 1) -> list:
    """N claims, built without validation (model_construct) and sharing repeated sub-objects."""
    from reconcile.models import Claim, Kind, Qualifier, ScopeInfo, make_claim_id

    rng = random.Random(seed)
    base_day = date(2024, 1, 1)
    days = [base_day + timedelta(days=d) for d in range(31)]
    outlets = [f"Outlet {i}" for i in range(40)]
    speakers = [None, None, *[f"Official {i}" for i in range(40)]]
    scopes = [
        ScopeInfo(),
        ScopeInfo(),
        ScopeInfo(places=["north"]),
        ScopeInfo(places=["south"]),
        ScopeInfo(subset=["first wave"]),
    ]
    shapes = [
        (Kind.count, ["count"], "death"),
        (Kind.count, ["count"], "evacuee"),
        (Kind.measure, ["kilometer", "mile", "meter"], "convoy"),
        (Kind.money, ["USD", "EUR"], "aid"),
        (Kind.percent, ["percent"], "turnout"),
        (Kind.ordinal, ["ordinal"], "visit"),
    ]
    factor = {"kilometer": 1.0, "mile": 1 / 1.609344, "meter": 1000.0}
    fields_set = set(Claim.model_fields)  # one shared set: every field is given
    out = []
    n_quantities = max(1, n // PER_QUANTITY)
    i = 0
    for q in range(n_quantities):
        kind, units, thing = shapes[q % len(shapes)]
        story = f"Place{q // 2}"  # two quantities a story
        counted = f"{thing} {story.lower()}"
        true = float(rng.choice([12, 95, 158, 205, 1500, 11000, 2.4e6]))
        first = rng.randrange(0, 25)
        for k in range(PER_QUANTITY):
            if i >= n:
                break
            unit = rng.choice(units)
            value = round(true * (1 + rng.choice([0, 0, 0, 0.05, -0.1, 0.6])) * factor.get(unit, 1.0), 1)
            hedged = rng.random() < 0.4
            art = f"q{q}-a{k}"
            sentence = (
                f"Officials in {story} said {value:,} {thing} were recorded by {outlets[k % 40]} on day {k}."
            )
            start = 10 * k
            text = f"{value:,}"
            claim = Claim.model_construct(
                claim_id=make_claim_id(art, start, start + len(text)),
                article_id=art,
                text=text,
                start=start,
                end=start + len(text),
                sentence=sentence,
                sentence_start=0,
                kind=kind,
                value=value,
                low=value * 0.9 if hedged else value,
                high=value * 1.1 if hedged else value,
                qualifier=Qualifier.approximate if hedged else Qualifier.exact,
                hedge="about" if hedged else None,
                unit=unit,
                counted=counted,
                counted_text=counted,
                owner="Someone" if kind == Kind.ordinal else None,
                scope=None,
                scope_info=scopes[rng.randrange(len(scopes))],
                speaker=rng.choice(speakers),
                speaker_role=None,
                as_of=days[first + rng.randrange(0, 6)],
                as_of_end=None,
                as_of_text=None,
                projection=False,
                change_id=None,
                change_role=None,
                source=outlets[rng.randrange(40)],
                url=None,
                published=None,
                title=None,
                _fields_set=fields_set,
            )
            out.append(claim)
            i += 1
            if rng.random() < 0.05 and i < n:  # a wire copy in another outlet
                copy_art = f"{art}-copy"
                out.append(
                    claim.model_copy(
                        update={
                            "article_id": copy_art,
                            "claim_id": make_claim_id(copy_art, start, claim.end),
                            "source": "Reprint Daily",
                        }
                    )
                )
                i += 1
    return out[:n]


def run_one(n: int) -> dict:
    """Build N claims and reconcile them once; called in a child process."""
    from reconcile import reconcile
    from reconcile.units import get_registry

    get_registry()  # the pint registry is built once per process: start-up, not reconciling
    t0 = time.perf_counter()
    claims = make_claims(n)
    t1, c1 = time.perf_counter(), time.process_time()
    groups = reconcile(claims)
    t2, c2 = time.perf_counter(), time.process_time()
    verdicts: dict[str, int] = {}
    for g in groups:
        verdicts[g.verdict.value] = verdicts.get(g.verdict.value, 0) + 1
    return {
        "n": n,
        "build_s": t1 - t0,
        "reconcile_s": t2 - t1,
        "reconcile_cpu_s": c2 - c1,
        "groups": len(groups),
        "verdicts": verdicts,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, help="claim counts (default: 10k 100k 1M)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the median is reported")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        sys.stdout.write(json.dumps(run_one(args.sizes[0])) + "\n")
        return 0
    print(
        f"{'claims':>10} {'reconcile s':>12} {'cpu s':>7} {'claims/s':>10} {'build s':>8} {'max RSS MB':>11} {'groups':>8}  verdicts"
    )
    for n in args.sizes or SIZES:
        runs = []
        for _ in range(max(1, args.repeat)):
            proc = subprocess.run(
                [sys.executable, __file__, str(n), "--child"], capture_output=True, text=True, check=True
            )
            runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        secs = statistics.median(r["reconcile_s"] for r in runs)
        cpu = statistics.median(r["reconcile_cpu_s"] for r in runs)
        rss = statistics.median(r["max_rss_mb"] for r in runs)
        build = statistics.median(r["build_s"] for r in runs)
        last = runs[-1]
        print(
            f"{n:>10,} {secs:>12.2f} {cpu:>7.2f} {n / secs:>10,.0f} {build:>8.2f} {rss:>11,.0f} {last['groups']:>8,}  {last['verdicts']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
