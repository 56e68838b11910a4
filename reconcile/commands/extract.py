"""``reconcile extract``: claims of articles as a table, JSONL or CSV."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from reconcile.ingest import ReadFailure, read_path
from reconcile.ingest.readers import parse_date
from reconcile.models import ClaimRow
from reconcile.pipeline import extract_claims


def _fmt(v: float | None) -> str:
    if v is None:
        return "-"
    return f"{v:,.0f}" if float(v).is_integer() and abs(v) < 1e15 else f"{v:,.6g}"


def run_extract(args: argparse.Namespace, *, parser: argparse.ArgumentParser) -> int:
    published = None
    if args.published:
        published = parse_date(args.published)
        if published is None:
            parser.error(f"--published: {args.published!r} is not a date (YYYY-MM-DD)")
    out = sys.stdout
    writer = None
    if args.format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(list(ClaimRow.model_fields))
    n_articles = n_failed = 0
    for path in args.paths:
        for item in read_path(path):
            if isinstance(item, ReadFailure):
                n_failed += 1
                print(f"reconcile: {item.path}: {item.error}", file=sys.stderr)
                continue
            n_articles += 1
            article = item
            updates = {}
            if article.published is None and published is not None:
                updates["published"] = published
            if article.source is None and args.source:
                updates["source"] = args.source
            if updates:
                article = article.model_copy(update=updates)
            claims = extract_claims(article)
            if args.format == "jsonl":
                for c in claims:
                    out.write(c.model_dump_json() + "\n")
            elif writer is not None:
                for c in claims:
                    row = ClaimRow.from_claim(c).model_dump(mode="json")
                    writer.writerow(["" if v is None else v for v in row.values()])
            else:
                print(f"== {article.id} ({article.source or 'unknown outlet'}, "
                      f"{article.published or 'undated'}): {len(claims)} claims")
                print(f"{'offsets':>11}  {'kind':<8} {'text':<34} {'value':>14} {'interval':<24} "
                      f"{'unit':<10} {'counted':<24} {'speaker':<24} as_of")
                for c in claims:
                    interval = f"[{_fmt(c.low)}, {_fmt(c.high)}]"
                    print(f"{c.start:>5}-{c.end:<5}  {c.kind.value:<8} {c.text[:34]:<34} {_fmt(c.value):>14} "
                          f"{interval:<24} {c.unit[:10]:<10} {(c.counted or '')[:24]:<24} "
                          f"{(c.speaker or '')[:24]:<24} {c.as_of or ''}")
    if n_articles == 0:
        print("reconcile: nothing readable", file=sys.stderr)
        return 1
    return 0
