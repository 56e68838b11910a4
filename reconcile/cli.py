"""The command line: an edge.  Heavy modules are imported inside the commands so that
``reconcile --help`` starts fast."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

EPILOG_MAIN = """\
examples:
  reconcile extract seeds/*.txt                 list every numeric claim as a table
  reconcile extract - --published 2024-10-21    read one article from stdin
  reconcile batch seeds/ --out data/out         group and judge claims across a folder
  reconcile serve --port 8000                   REST API and web page on 127.0.0.1

Exit codes: 0 done, 1 nothing readable, 2 usage error.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reconcile",
        description="Find every numeric claim in news text, group the claims that measure the same "
        "quantity across sources, and judge each group: conflict, evolving, scope or consistent.",
        epilog=EPILOG_MAIN,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser(
        "extract",
        help="list the numeric claims of articles",
        description="Extract every numeric claim (value, interval, unit, counted thing, speaker, date, "
        "offsets) from articles.  PATH is a .txt article (optional 'Title:', 'Source:', 'URL:', 'Date:', "
        "'Author:' header lines, then a blank line), a .jsonl file (one JSON article a line: id, text, "
        "source, url, published, title), a .json article or list, a .md file with YAML front matter, an "
        ".html page, or '-' for a .txt article on stdin.",
        epilog="example:\n  reconcile extract seeds/abc-austin-kyiv-2024-10-21.txt --format jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("paths", nargs="+", metavar="PATH", help="article files, or - for stdin")
    ex.add_argument("--format", choices=["table", "jsonl", "csv"], default="table",
                    help="table (readable, default), jsonl (one claim a line) or csv (claims.csv columns)")
    ex.add_argument("--published", metavar="DATE",
                    help="publication date (YYYY-MM-DD) for articles that do not give one")
    ex.add_argument("--source", metavar="NAME", help="outlet name for articles that do not give one")

    ba = sub.add_parser(
        "batch",
        help="reconcile every article under folders into discrepancy CSVs and a report",
        description="Read every article under DIR (txt, md, html, json, jsonl), extract claims, group "
        "and judge them, and write claims.csv, discrepancies.csv, discrepancy_claims.csv, errors.csv, "
        "report.html and run.json into OUTDIR.  With --db, also store every article and its claims in "
        "the database the REST API serves (safe while `reconcile serve` writes to it too).",
        epilog="example:\n  reconcile batch seeds/ --out data/out\n  reconcile batch news/ --out out "
        "--engine dask --scheduler tcp://10.0.0.5:8786\n  reconcile batch news/ --out out --db data/reconcile.sqlite3"
        "   (then: reconcile serve --db data/reconcile.sqlite3)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ba.add_argument("dirs", nargs="+", metavar="DIR", help="folders (or files) of articles")
    ba.add_argument("--out", required=True, metavar="OUTDIR", help="folder for the results")
    ba.add_argument("--glob", metavar="PATTERN", default=None,
                    help="only files whose name matches PATTERN (e.g. '*.txt')")
    ba.add_argument("--window", type=float, default=3.0, metavar="DAYS",
                    help="figures whose dates lie within DAYS of each other are judged as simultaneous "
                    "(default 3)")
    ba.add_argument("--engine", choices=["local", "dask"], default="local",
                    help="local (default) or dask (a LocalCluster unless --scheduler is given)")
    ba.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786")
    ba.add_argument("--workers", type=int, default=None, metavar="N",
                    help="processes: local engine, default one per CPU; dask without --scheduler, "
                    "workers of the local cluster, default 2")
    ba.add_argument("--resume", action="store_true",
                    help="finish an interrupted run in OUTDIR (files unchanged since are not read again)")
    ba.add_argument("--max-file-mb", type=float, default=20, metavar="MB",
                    help="largest file read whole as one article or JSON document (default 20); "
                    ".jsonl files are streamed, any size")
    ba.add_argument("--db", nargs="?", const="", default=None, metavar="PATH",
                    help="also store every article and its claims in the API's database and regroup what "
                    "they touch: PATH is a SQLite file or a store URL (sqlite:///..., postgresql://...); "
                    "--db alone (after DIR) uses the store `reconcile serve` uses: DATABASE_URL, else "
                    "RECONCILE_DB, else data/reconcile.sqlite3.  The same article (same URL, else same "
                    "text) is stored once, a changed text under a URL is a new revision; its groups use "
                    "--window (keep it equal to the server's RECONCILE_WINDOW_DAYS); the CSVs do not change")
    ba.add_argument("--quiet", action="store_true", help="no progress bar and no summary")

    sv = sub.add_parser(
        "serve",
        help="run the REST API and the web page",
        description="Serve the REST API (/v1, docs at /docs) and the web page (/) with uvicorn and the "
        "embedded SQLite store.",
        epilog="example:\n  reconcile serve --port 8000 --db data/reconcile.sqlite3",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sv.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    sv.add_argument("--db", metavar="PATH", help="SQLite file (default data/reconcile.sqlite3), or a store URL "
                    "such as postgresql://user:password@host/db (pip install 'reconcile[postgres]')")
    sv.add_argument("--workers", type=int, default=None, metavar="N",
                    help="uvicorn worker processes (default: one per CPU this process may use); with several, a "
                    "busy worker sends keep-alive clients on to a free one (RECONCILE_REBALANCE=false: never)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from reconcile import __version__

        print(f"reconcile {__version__}")
        return 0
    if args.command is None:
        parser.print_help()
        return 2
    if args.command == "extract":
        from reconcile.commands.extract import run_extract

        return run_extract(args, parser=parser)
    if args.command == "batch":
        from reconcile.commands.batch import run_batch

        return run_batch(args, parser=parser)
    if args.command == "serve":
        from reconcile.commands.serve import run_serve

        return run_serve(args, parser=parser)
    parser.error(f"unknown command {args.command}")
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
