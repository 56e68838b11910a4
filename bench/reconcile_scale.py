"""Reconciler scale: N synthetic claims over many quantities -> time and peak memory.

    .venv/bin/python bench/reconcile_scale.py            # 10k, 100k and 1M claims
    .venv/bin/python bench/reconcile_scale.py 250000     # one size
    .venv/bin/python bench/reconcile_scale.py 100000 --repeat 3

Each size runs in a fresh child process, so its memory figures belong to that size alone.
The claims mimic a large news corpus: about eight claims a quantity, spread over counts
(two counted things a story), distances in km/miles/m, money in two currencies, percentages and
ordinals; hedged intervals; 40 outlets and speakers; dates over a month; wire copies (the same
sentence in another outlet) for one claim in twenty.  The figures are wall and CPU seconds for
``reconcile()`` alone (building the claims is timed apart; the pint registry is built before
timing); "claims MB" is the process's RSS once the claims are built, "peak MB" the peak RSS while
``reconcile()`` runs (the peak is reset just before it on Linux, so the build does not count; the
claims do), and "+reconcile MB" the difference: what reconciling itself adds.
"""

from __future__ import annotations

import argparse
import gc
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


def _construct(values: dict, fields_set: set[str]):
    """A ``Claim`` from values given for every field, unvalidated: what ``Claim.model_construct``
    does, without its per-field loop (about 20 µs a claim, most of the time of building 1M)."""
    from reconcile.models import Claim, assembled

    return assembled(Claim, values, fields_set)


def make_claims(n: int, seed: int = 1) -> list:
    """N claims, built without validation and sharing repeated sub-objects (dates, scopes, the
    empty topic list, the field set); the first is checked against ``Claim.model_construct``."""
    from reconcile.models import Claim, Kind, Qualifier, ScopeInfo, make_claim_id

    rng = random.Random(seed)
    choice, randrange, uniform = rng.choice, rng.randrange, rng.random
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
    shifts = [0, 0, 0, 0.05, -0.1, 0.6]
    trues = [12, 95, 158, 205, 1500, 11000, 2.4e6]
    fields_set = set(Claim.model_fields)  # one shared set: every field is given
    no_topic: list[str] = []  # one shared empty list (nothing mutates a claim)
    exact, approximate = Qualifier.exact, Qualifier.approximate
    out = []
    n_quantities = max(1, n // PER_QUANTITY)
    i = 0
    for q in range(n_quantities):
        kind, units, thing = shapes[q % len(shapes)]
        owner = "Someone" if kind == Kind.ordinal else None
        story = f"Place{q // 2}"  # two quantities a story
        counted = f"{thing} {story.lower()}"
        true = float(choice(trues))
        first = randrange(0, 25)
        for k in range(PER_QUANTITY):
            if i >= n:
                break
            unit = choice(units)
            value = round(true * (1 + choice(shifts)) * factor.get(unit, 1.0), 1)
            hedged = uniform() < 0.4
            art = f"q{q}-a{k}"
            sentence = (
                f"Officials in {story} said {value:,} {thing} were recorded by {outlets[k % 40]} on day {k}."
            )
            start = 10 * k
            text = f"{value:,}"
            end = start + len(text)
            scope_info = scopes[randrange(len(scopes))]
            speaker = choice(speakers)
            as_of = days[first + randrange(0, 6)]
            source = outlets[randrange(40)]
            values = {  # every field of Claim, in its order
                "claim_id": make_claim_id(art, start, end),
                "article_id": art,
                "text": text,
                "start": start,
                "end": end,
                "sentence": sentence,
                "sentence_start": 0,
                "kind": kind,
                "value": value,
                "low": value * 0.9 if hedged else value,
                "high": value * 1.1 if hedged else value,
                "qualifier": approximate if hedged else exact,
                "hedge": "about" if hedged else None,
                "unit": unit,
                "counted": counted,
                "counted_text": counted,
                "owner": owner,
                "scope": None,
                "scope_info": scope_info,
                "speaker": speaker,
                "speaker_role": None,
                "as_of": as_of,
                "as_of_end": None,
                "as_of_text": None,
                "projection": False,
                "topic": no_topic,
                "change_id": None,
                "change_role": None,
                "source": source,
                "url": None,
                "published": None,
                "title": None,
            }
            if not out:
                expected = Claim.model_construct(_fields_set=fields_set, **values)
                if _construct(dict(values), fields_set) != expected or list(values) != list(
                    Claim.model_fields
                ):
                    raise AssertionError("the fast constructor no longer matches Claim.model_construct")
            out.append(_construct(values, fields_set))
            i += 1
            if uniform() < 0.05 and i < n:  # a wire copy in another outlet
                copy_art = f"{art}-copy"
                copy = dict(values)
                copy.update(
                    article_id=copy_art, claim_id=make_claim_id(copy_art, start, end), source="Reprint Daily"
                )
                out.append(_construct(copy, fields_set))
                i += 1
    return out[:n]


def _status_kb(field: str) -> int | None:
    """A ``/proc/self/status`` figure in kB (Linux), else None."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    """Reset this process's peak RSS (Linux: writing 5 to clear_refs resets VmHWM)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
    except OSError:
        return False
    return _status_kb("VmHWM") is not None


def run_one(n: int) -> dict:
    """Build N claims and reconcile them once; called in a child process."""
    from reconcile import reconcile
    from reconcile.units import get_registry

    get_registry()  # the pint registry is built once per process: start-up, not reconciling
    t0 = time.perf_counter()
    gc.disable()  # building a million objects is not what is measured: spare the collector
    try:
        claims = make_claims(n)
    finally:
        gc.enable()
    gc.collect()
    rss_claims = _status_kb("VmRSS")
    reset = _reset_peak()
    t1, c1 = time.perf_counter(), time.process_time()
    groups = reconcile(claims)
    t2, c2 = time.perf_counter(), time.process_time()
    peak_kb = _status_kb("VmHWM") if reset else None
    if peak_kb is None:  # no /proc: the process's max RSS, which may be the build's
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
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
        "claims_mb": (rss_claims or 0) / 1024,
        "peak_mb": peak_kb / 1024,
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
        f"{'claims':>10} {'wall s':>7} {'cpu s':>7} {'cpu us/claim':>12} {'build s':>8} "
        f"{'claims MB':>9} {'peak MB':>8} {'+reconcile MB':>13} {'groups':>8}  verdicts"
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
        build = statistics.median(r["build_s"] for r in runs)
        claims_mb = statistics.median(r["claims_mb"] for r in runs)
        peak = statistics.median(r["peak_mb"] for r in runs)
        own = statistics.median(r["peak_mb"] - r["claims_mb"] for r in runs)
        last = runs[-1]
        print(
            f"{n:>10,} {secs:>7.2f} {cpu:>7.2f} {cpu / n * 1e6:>12.1f} {build:>8.2f} "
            f"{claims_mb:>9,.0f} {peak:>8,.0f} {own:>13,.0f} {last['groups']:>8,}  {last['verdicts']}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
