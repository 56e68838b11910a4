"""Speed of the quantity layer on news text, plus adversarial inputs (must stay linear).

    .venv/bin/python bench/extract_speed.py [FILE] [--runs N] [--no-adversarial]

FILE holds one article a line (default: ../shared/corpus/lee_background.cor, 300 ABC news
articles).  Prints chars/s, sentences/s and quantities found (median of N runs, one core), then
the time of one extract of the claim-dense bench/api_article.txt (what the REST API sees: 5 KB,
60 claims; median of N runs of 100 extracts), then the time of each adversarial case and its
throughput.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reconcile.extract import extract_quantities  # noqa: E402
from reconcile.extract.sentences import split_sentences  # noqa: E402
from reconcile.ingest import parse_txt  # noqa: E402
from reconcile.models import Article  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "lee_background.cor"
DENSE = ROOT / "bench" / "api_article.txt"  # the claim-dense article of bench/api_load.py


def adversarial() -> dict[str, str]:
    """Inputs built to make a careless extractor slow: each about 1 MB (or noted)."""
    mb = 1_000_000
    return {
        "1 MB of '1,1,1,...'": ("1," * (mb // 2))[:mb],
        "1 MB endless sentence": ("and the 12 officials said that nearly 3 more troops would come " * (mb // 64))[:mb],
        "10,000 hedge words then a figure": "nearly about more than at least " * 2500 + "5 troops.",
        "1 MB of number words": ("one two three hundred and " * (mb // 26))[:mb],
        "1 MB of digits": "7" * mb,
        "1 MB of '1 1 1 ...' (space groups)": ("111 " * (mb // 4))[:mb],
        "400-digit number": "The total was " + "9" * 400 + " dollars.",
        "1e999 and NaN-like": "It was 1e999 or NaN or inf or -inf or 1.#INF troops. " * 1000,
        "control chars and RTL": ("\x00\x07 12 \u202e34 \u05e9\u05dc\u05d5\u05dd 56 troops\x1b " * 20000),
    }


def run_corpus(path: Path, runs: int) -> None:
    lines = [line for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    articles = [Article(id=f"{path.name}:{i}", text=line) for i, line in enumerate(lines)]
    chars = sum(len(a.text) for a in articles)
    n_sent = sum(len(split_sentences(a.text)) for a in articles)
    times, cpu = [], []
    found = 0
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        found = sum(len(extract_quantities(a)) for a in articles)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    med, med_cpu = statistics.median(times), statistics.median(cpu)
    print(f"corpus {path.name}: {len(articles)} articles, {chars:,} chars, {n_sent:,} sentences")
    print(f"  median of {runs} runs, wall: {med:.3f} s  ->  {chars / med:,.0f} chars/s, {n_sent / med:,.0f} sentences/s")
    print(f"  median of {runs} runs, CPU of this process (one core): {med_cpu:.3f} s  ->  "
          f"{chars / med_cpu:,.0f} chars/s, {n_sent / med_cpu:,.0f} sentences/s")
    print(f"  quantities found: {found:,}")


def run_dense(path: Path, runs: int, repeat: int = 100) -> None:
    """One claim-dense article (a header, then the text), extracted ``repeat`` times per run."""
    article = parse_txt(path.read_text(encoding="utf-8"), path.name)
    found = len(extract_quantities(article))
    cpu = []
    for _ in range(runs):
        c = time.process_time()
        for _ in range(repeat):
            extract_quantities(article)
        cpu.append((time.process_time() - c) / repeat)
    med = statistics.median(cpu)
    print(f"claim-dense {path.name}: {len(article.text):,} chars, {found} quantities; median of {runs} runs "
          f"of {repeat}, CPU: {med * 1000:.2f} ms per extract ({med * 1e6 / max(found, 1):.0f} µs per quantity)")


def run_adversarial() -> None:
    print("adversarial inputs (one run each; CPU seconds of this process):")
    for name, text in adversarial().items():
        t = time.process_time()
        n = len(extract_quantities(Article(id="adv", text=text)))
        dt = time.process_time() - t
        print(f"  {name:<38} {len(text):>9,} chars {dt:7.3f} s {len(text) / max(dt, 1e-9):>12,.0f} chars/s "
              f"{n:>8,} quantities")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-adversarial", action="store_true")
    args = ap.parse_args(argv)
    extract_quantities(Article(id="warm", text="About 5 troops."))  # build the lexicon once
    if args.file.exists():
        run_corpus(args.file, args.runs)
    else:
        print(f"no corpus at {args.file}; pass a FILE with one article a line", file=sys.stderr)
    run_dense(DENSE, args.runs)
    if not args.no_adversarial:
        run_adversarial()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
