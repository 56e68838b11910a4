"""Speed of the full pipeline (quantities + context) against the quantity layer alone.

    .venv/bin/python bench/context_speed.py [FILE] [--runs N] [--no-adversarial]

FILE holds one article a line (default: ../shared/corpus/lee_background.cor, 300 ABC news
articles, given a publication date so every date phrase is resolved).  Prints, as medians of N
runs on one core, chars/s of ``extract_quantities`` alone and of ``extract_claims`` (which adds
``context.annotate``), the context stage's share, and how many claims got a speaker, a scope and an
as-of phrase; then the same for bench/api_article.txt (a 5 KB article dense with figures, as the REST
API gets one), in milliseconds.  Then adversarial inputs for the context stage (an endless sentence of attributions,
thousands of quotation marks, a long list of names): each must stay linear.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reconcile import extract_claims
from reconcile.extract import extract_quantities
from reconcile.models import Article

DEFAULT = ROOT.parent / "shared" / "corpus" / "lee_background.cor"
PUBLISHED = date(2002, 1, 2)  # the corpus is Australian news from around New Year 2002


def adversarial() -> dict[str, str]:
    """Inputs built to make careless context code quadratic: each about 0.5-1 MB."""
    return {
        "endless sentence of attributions": ("officials said the president said " * 15000) + "11,000 troops.",
        "20,000 quotation marks": ('"He said 5 troops," she said. ' * 20000),
        "a list of 20,000 names": ("Gen. John Smith, Gov. Ann Lee and " * 20000) + "said 12 people died.",
        "figures with relative dates": ("Last week 40 people died in Kursk, officials said. " * 20000),
    }


def median_time(fn, articles: list[Article], runs: int) -> tuple[float, float, int]:
    """Median wall seconds, median CPU seconds (fairer on a shared machine), and items found."""
    walls, cpus, found = [], [], 0
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        found = sum(len(fn(a)) for a in articles)
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - began_cpu)
    return statistics.median(walls), statistics.median(cpus), found


def run_corpus(path: Path, runs: int) -> None:
    lines = [ln for ln in path.read_text(encoding="utf-8", errors="replace").splitlines() if ln.strip()]
    articles = [Article(id=f"{path.name}:{i}", text=ln, published=PUBLISHED) for i, ln in enumerate(lines)]
    chars = sum(len(a.text) for a in articles)
    q_wall, q_cpu, q_found = median_time(extract_quantities, articles, runs)
    c_wall, c_cpu, c_found = median_time(extract_claims, articles, runs)
    claims = [c for a in articles for c in extract_claims(a)]
    print(f"corpus {path.name}: {len(articles)} articles, {chars:,} chars, medians of {runs} runs")
    for name, wall, cpu, found in (("extract_quantities", q_wall, q_cpu, q_found),
                                   ("extract_claims", c_wall, c_cpu, c_found)):
        print(f"  {name:<19} wall {wall:.3f} s -> {chars / wall:>10,.0f} chars/s;"
              f"  CPU {cpu:.3f} s -> {chars / cpu:>10,.0f} chars/s  ({found:,})")
    print(f"  context stage alone: CPU {c_cpu - q_cpu:.3f} s -> {chars / max(1e-9, c_cpu - q_cpu):,.0f} chars/s;"
          f" {(c_cpu - q_cpu) / c_cpu:.0%} of the full pipeline")
    n = max(1, len(claims))
    print(f"  claims with a speaker {sum(c.speaker is not None for c in claims) / n:.0%}, "
          f"a scope {sum(c.scope is not None for c in claims) / n:.0%}, "
          f"a counted thing {sum(c.counted is not None for c in claims) / n:.0%}, "
          f"a date phrase {sum(c.as_of_text is not None for c in claims) / n:.0%}")


API_ARTICLE = ROOT / "bench" / "api_article.txt"


def run_article(path: Path, runs: int) -> None:
    """One claim-dense article, as the REST API gets it: milliseconds per call, medians of ``runs``."""
    from reconcile.ingest import parse_txt

    article = parse_txt(path.read_text(encoding="utf-8"), path.name)
    quantities = [_median_cpu(extract_quantities, article, runs), _median_cpu(extract_claims, article, runs)]
    n = len(extract_claims(article))
    print(f"article {path.name}: {len(article.text):,} chars, {n} claims, medians of {runs} runs (CPU)")
    print(f"  extract_quantities {quantities[0] * 1000:7.2f} ms;  extract_claims {quantities[1] * 1000:7.2f} ms;"
          f"  context stage {(quantities[1] - quantities[0]) * 1000:7.2f} ms"
          f" ({(quantities[1] - quantities[0]) * 1000 / max(1, n):.3f} ms a claim)")


def _median_cpu(fn, article: Article, runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.process_time()
        fn(article)
        times.append(time.process_time() - began)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-adversarial", action="store_true")
    args = ap.parse_args(argv)
    extract_claims(Article(id="warm", text="Officials said about 5 troops arrived last week.", published=PUBLISHED))
    if args.file.exists():
        run_corpus(args.file, args.runs)
    else:
        print(f"no corpus at {args.file}; skipping the corpus run")
    if API_ARTICLE.exists():
        run_article(API_ARTICLE, max(args.runs, 1) * 10)
    if not args.no_adversarial:
        print("adversarial inputs for the context stage (full pipeline, CPU seconds, one run each):")
        for name, text in adversarial().items():
            art = Article(id="adv", text=text, published=PUBLISHED)
            began = time.process_time()
            n = len(extract_claims(art))
            took = max(1e-9, time.process_time() - began)
            print(f"  {name:<36} {len(text):>9,} chars  {took:7.3f} s  {len(text) / took:>12,.0f} chars/s"
                  f"  {n:>7,} claims")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
