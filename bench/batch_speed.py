"""Batch speed: generate a folder of realistic articles and time ``reconcile batch`` over it.

    .venv/bin/python bench/batch_speed.py [--n 10000] [--runs 1] [--engines local,dask] [--keep DIR]

Writes N articles (about 5 KB each, so 10,000 make about 50 MB) as .txt, .md, .html and .jsonl
files with varied stories, figures, outlets and dates, then runs the whole batch (walk, read,
extract, group, judge, write) once per engine and run: the local engine with one process per CPU,
and Dask with a LocalCluster of two workers.  Prints seconds, articles/s, MB/s, claims, groups and
peak memory (largest resident set of the command and its workers).  Target: 10,000 articles in
under 60 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPARED = ["claims.csv", "discrepancies.csv", "discrepancy_claims.csv", "errors.csv", "report.html"]

OUTLETS = ["Northern Wire", "Valley Herald", "Daily Ledger", "Metro Times", "Coast Radio", "River Post",
           "County News", "Harbour Daily", "The Evening Courier", "Capital Bulletin", "Global Newswire",
           "Lakeside Gazette"]
PLACES = ["the northern hill districts", "the coastal province", "the river delta", "the capital region",
          "the eastern valleys", "the border towns", "the southern plains", "the island chain"]
SPEAKERS = ["the provincial disaster agency", "the regional governor", "a police spokesman",
            "the health ministry", "the river authority", "the interior minister", "local officials",
            "the Red Cross", "the army", "the mayor's office"]

# Each story: paragraphs with {a}, {b}, {c} figures (varied per article), {place}, {who}, {day}.
STORIES = [
    [("Rescuers in {place} said on {day} that at least {a} people had died after two days of torrential rain "
     "set off landslides across the region, {who} said."),
     ("About {b},000 homes were damaged and more than {c},000 residents had been moved to temporary shelters, "
     "while roads into three valleys remained cut off."),
     ("\"We are still reaching villages that have had no contact for 48 hours,\" a spokesman for {who} said, "
     "adding that nearly 40 km of road had been washed away."),
     "The death toll rose to {a2} by the evening, {who} said, with dozens of people still missing."],
    [("Engineers opened the spillways of a dam in {place} overnight after days of heavy rain, and {who} said "
     "some {c},000 people living downstream were told to leave their homes."),
     "The county emergency office put the number of evacuated residents at {b},500 on the same day.",
     "Water levels rose by 2.{a} metres in six hours, and about {b}0 schools were closed, {who} said.",
     "Officials said the reservoir held roughly {a}0 million cubic metres of water, close to its limit."],
    [("The city council in {place} approved a ${a}.2bn plan on {day} to rebuild the harbour front, the largest "
     "public works budget in its history."),
     ("Opponents said the true cost would be closer to ${a2}.9bn once interest was included, and that at least "
     "{b}00 small businesses would have to move during construction."),
     "The plan includes 1,{c}00 new homes and a 12 km tram line, {who} said.",
     "Work is due to take {a} years; about 4,000 jobs would be created, according to the council."],
    [("Nearly {c}5,000 dockworkers walked off the job at ports in {place} on {day}, their union said, in the "
     "first such strike in decades."),
     "The employers' group said the walkout involved about {b}5,000 workers and that {a} ports were affected.",
     "Some {a}00 ships were waiting offshore, {who} said, and shipping rates rose 15%.",
     "The union is asking for a 7{a}% pay rise over six years; employers have offered 50%."],
    [("Wildfires in {place} have burned more than {c}0,000 hectares since {day}, {who} said, as crews battled "
     "strong winds and temperatures above 40C."),
     "At least {a} firefighters were injured and about {b}00 homes were destroyed, officials said.",
     "Around 2,{b}00 firefighters and {a}0 aircraft were deployed, {who} said.",
     ("Insured losses could reach $3.{a}bn, an industry group estimated, while economic losses were put at "
     "$8bn.")],
    [("Health officials in {place} reported {a}{b}7 new cases of measles on {day}, bringing the total this year "
     "to 1,{c}40, {who} said."),
     "More than {a}0 people were in hospital, and vaccination rates among children had fallen to 8{b}%.",
     "The outbreak has spread to {a} districts; about 60,000 doses of vaccine were sent last week.",
     "A senior official said the number of cases could double within three weeks."],
]

BACKGROUND = [
    "The region has a population of about {b}.{a} million people, most of whom live within 20 km of the coast.",
    "Last year, floods killed {a}2 people and caused damage estimated at $1.{b}bn, according to official figures.",
    "The government has promised to spend 3% of its budget on disaster preparedness by 2030.",
    "Forecasters expect up to {a}00 mm of rain over the next three days in some areas.",
    "Around {c}0% of the roads in the area are unpaved, which slows rescue work, officials said.",
    "The national weather service said it was the wettest month in {a}0 years.",
    "Aid groups said about {b}0,000 people needed food and clean water, and that 12 trucks had arrived.",
    "The prime minister visited the area for the second time this month on {day}.",
]


PLAIN = [
    "Residents described a night of confusion as sirens sounded and power failed across much of {place}.",
    ("\"We lost everything, but we are alive,\" said a shopkeeper who had spent the night on the roof of her "
    "building with her family."),
    "Opposition politicians accused the government of ignoring warnings from scientists and engineers.",
    "The authorities urged people to stay away from rivers and to follow instructions from emergency crews.",
    "Volunteers handed out blankets and hot meals at a school that has been turned into a shelter.",
    "It was not immediately clear when the roads would reopen or when power would be restored.",
    "{who} said teams were working around the clock and that more help was on its way.",
    "Critics say the region has long been neglected, with little investment in flood defences or roads.",
    "The situation remained tense on {day} evening, and officials warned that conditions could worsen.",
    "Neighbouring countries offered assistance, and a team of specialists was expected to arrive soon.",
]


def article_text(rng: random.Random, i: int) -> tuple[str, dict[str, str]]:
    story = STORIES[i % len(STORIES)]
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(0, 300))
    values = {"a": str(rng.randint(2, 9)), "a2": str(rng.randint(2, 9)), "b": str(rng.randint(1, 9)),
              "c": str(rng.randint(1, 9)), "place": rng.choice(PLACES), "who": rng.choice(SPEAKERS),
              "day": day.strftime("%A")}
    paras = [p.format(**values) for p in story]
    while sum(len(p) for p in paras) < 4600:  # news is mostly words: about one figure in three sentences
        paras.append(" ".join(rng.choice(PLAIN).format(**values) for _ in range(2)))
        if rng.random() < 0.4:
            paras.append(rng.choice(BACKGROUND).format(**values))
        if rng.random() < 0.2:
            paras.append(rng.choice(story).format(**values))
    meta = {"title": f"Report {i}: {paras[0][:60]}", "source": rng.choice(OUTLETS), "date": day.isoformat(),
            "url": f"https://news{i % 12}.example/{day.isoformat()}/{i}"}
    return "\n\n".join(paras) + "\n", meta


def generate(folder: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` articles into ``folder``; returns the bytes written."""
    rng = random.Random(seed)
    size = 0
    jsonl_lines: list[str] = []
    for i in range(n):
        text, meta = article_text(rng, i)
        sub = folder / f"{meta['source'].lower().replace(' ', '-')}" / meta["date"][:7]
        sub.mkdir(parents=True, exist_ok=True)
        kind = i % 10
        if kind < 6:
            data = (f"Title: {meta['title']}\nSource: {meta['source']}\nURL: {meta['url']}\nDate: {meta['date']}\n\n"
                    + text)
            path = sub / f"a{i:06d}.txt"
        elif kind == 6:
            data = (f"---\ntitle: \"{meta['title']}\"\noutlet: {meta['source']}\ndate: {meta['date']}\n"
                    f"url: {meta['url']}\n---\n{text}")
            path = sub / f"a{i:06d}.md"
        elif kind == 7:
            body = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
            data = (f"<!doctype html><html><head><title>{meta['title']}</title>"
                    f'<meta property="og:site_name" content="{meta["source"]}">'
                    f'<meta property="article:published_time" content="{meta["date"]}T08:00:00Z">'
                    f'<link rel="canonical" href="{meta["url"]}"></head><body><nav>Home | World</nav>'
                    f"<article><h1>{meta['title']}</h1>{body}</article><footer>Newsletter</footer></body></html>")
            path = sub / f"a{i:06d}.html"
        else:
            jsonl_lines.append(json.dumps({"id": str(i), "text": text, "title": meta["title"],
                                           "source": meta["source"], "url": meta["url"], "published": meta["date"]}))
            size += len(jsonl_lines[-1]) + 1
            continue
        path.write_text(data, encoding="utf-8")
        size += len(data.encode())
    feeds = folder / "feeds"
    feeds.mkdir(exist_ok=True)
    for k in range(0, len(jsonl_lines), 500):
        (feeds / f"feed{k // 500:03d}.jsonl").write_text("\n".join(jsonl_lines[k:k + 500]) + "\n", encoding="utf-8")
    return size


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_batch(folder: Path, out: Path, engine: str) -> dict:
    """One run of the command; its wall time, run.json, and the CPU of the command and its workers
    (a local pool's workers are waited for, so their time counts; a Dask cluster's does not)."""
    cmd = [str(ROOT / ".venv" / "bin" / "reconcile"), "batch", str(folder), "--out", str(out), "--quiet",
           "--engine", engine]
    if engine == "dask":
        cmd += ["--workers", "2"]
    cpu = _children_cpu()
    t = time.perf_counter()
    subprocess.run(cmd, check=True)
    seconds = time.perf_counter() - t
    info = json.loads((out / "run.json").read_text())
    return {"seconds": seconds, "info": info, "cpu": _children_cpu() - cpu}


def cpu_line(info: dict) -> str:
    """The CPU seconds of each stage: the driver process and the engine's tasks."""
    cpu = info.get("cpu_s")
    if not cpu:
        return "no CPU figures in run.json"
    d, t = cpu["driver"], cpu["tasks"]
    return (f"CPU s: driver walk {d['walk']}, extract {d['extract']}, group {d['group']}, write {d['write']}; "
            f"tasks extract {t['extract']}, group {t['group']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10000, help="articles to generate (default 10000)")
    ap.add_argument("--runs", type=int, default=1, help="runs per engine; the median is printed (default 1)")
    ap.add_argument("--engines", default="local,dask", help="comma-separated engines (default local,dask)")
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it")
    args = ap.parse_args()
    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="batch-speed-"))
    folder = tmp / "articles"
    try:
        t = time.perf_counter()
        if not folder.exists():
            size = generate(folder, args.n)
        else:
            size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        print(f"{args.n} articles, {size / 1e6:.1f} MB, generated in {time.perf_counter() - t:.1f} s in {folder}")
        kept: dict[str, Path] = {}
        for engine in args.engines.split(","):
            times, cpus = [], []
            for r in range(args.runs):
                out = tmp / f"out-{engine}-{r}"
                shutil.rmtree(out, ignore_errors=True)
                result = run_batch(folder, out, engine)
                times.append(result["seconds"])
                cpus.append(result["cpu"])
                if r == args.runs - 1:
                    kept[engine] = out
                else:
                    shutil.rmtree(out, ignore_errors=True)
            info = result["info"]
            c, tm = info["counts"], info["timings_s"]
            med = statistics.median(times)
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"{engine:5s} ({info['settings']['engine_detail']}): median {med:.1f} s of {len(times)} run(s) "
                  f"[{', '.join(f'{x:.1f}' for x in times)}], {c['articles'] / med:.0f} articles/s, "
                  f"{size / 1e6 / med:.2f} MB/s; {c['articles']} articles, {c['claims']} claims, "
                  f"{c['groups']} groups, {c['errors']} errors; stages: walk {tm['walk']} s, extract "
                  f"{tm['extract']} s, group {tm['group']} s, write {tm['write']} s; "
                  f"peak RSS of one process so far {peak:.0f} MB")
            print(f"      {cpu_line(info)}; whole command (median) {statistics.median(cpus):.1f} CPU s"
                  f"{' (the cluster workers are not counted)' if engine == 'dask' else ''}; "
                  f"load average {os.getloadavg()[0]:.1f}")
            sys.stdout.flush()
        if len(kept) > 1:
            first, *others = kept.items()
            for engine, out in others:
                same = [name for name in COMPARED if (out / name).read_bytes() == (first[1] / name).read_bytes()]
                verdict = "byte-identical" if len(same) == len(COMPARED) else f"DIFFERENT (same: {same})"
                print(f"outputs of {engine} vs {first[0]}: {verdict}")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
