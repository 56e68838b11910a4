"""``reconcile batch``: folders of articles -> discrepancy CSVs, a report and a run summary."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconcile.batch.job import BatchResult, BatchSettings, Progress, run_job
from reconcile.errors import ReconcileError, StoreError

if TYPE_CHECKING:
    from reconcile.store.settings import StoreSettings


class BarProgress(Progress):
    """A tqdm bar on stderr: files done of all, claims, errors, and the rate."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.claims = self.errors = 0

    def start(self, total_files: int) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total_files, unit="file", desc="extracting", file=sys.stderr,
                        dynamic_ncols=True, smoothing=0.1)

    def advance(self, files: int = 0, claims: int = 0, errors: int = 0) -> None:
        self.claims += claims
        self.errors += errors
        if self.bar is not None:
            self.bar.set_postfix(claims=self.claims, errors=self.errors, refresh=False)
            self.bar.update(files)

    def stage(self, name: str) -> None:
        if self.bar is not None:
            self.bar.set_description(name)
            self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _usage(parser: argparse.ArgumentParser, args: argparse.Namespace) -> BatchSettings:
    """Check the arguments; ``parser.error`` (exit 2) on a usage error."""
    for d in args.dirs:
        if not os.path.lexists(d):
            parser.error(f"batch: {d}: no such file or folder")
    if args.window < 0:
        parser.error("batch: --window must be zero or more days")
    if args.scheduler and args.engine != "dask":
        parser.error("batch: --scheduler needs --engine dask")
    if args.workers is not None and args.workers < 1:
        parser.error("batch: --workers must be at least 1")
    if args.max_file_mb <= 0:
        parser.error("batch: --max-file-mb must be positive")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        parser.error(f"batch: --out {out}: exists and is not a folder")
    return BatchSettings(
        inputs=list(args.dirs), out=out, glob=args.glob, window_days=args.window, engine=args.engine,
        scheduler=args.scheduler, workers=args.workers, resume=args.resume,
        max_file_bytes=int(args.max_file_mb * 2**20), store=_store_settings(parser, args.db),
    )


def _store_settings(parser: argparse.ArgumentParser, db: str | None) -> StoreSettings | None:
    """``--db``: None without it; the API's store settings (environment) with ``--db`` alone; else
    those settings pointed at PATH (a SQLite file) or at the URL given."""
    if db is None:
        return None
    from reconcile.store.settings import StoreSettings, url_for

    try:
        return StoreSettings(database_url=url_for(db)) if db else StoreSettings()
    except ValueError as exc:  # a malformed RECONCILE_* variable
        parser.error(f"batch: --db: bad store settings in the environment: {exc}")


def _n(count: int, noun: str) -> str:
    """
    >>> _n(1, "file"), _n(2, "file")
    ('1 file', '2 files')
    """
    return f"{count} {noun}{'' if count == 1 else 's'}"


def run_batch(args: argparse.Namespace, *, parser: argparse.ArgumentParser) -> int:
    """Exit codes: 0 done (even with unreadable inputs, listed in errors.csv), 1 nothing readable,
    2 usage error."""
    settings = _usage(parser, args)
    show_bar = not args.quiet and sys.stderr.isatty()
    progress = BarProgress() if show_bar else Progress()
    try:
        result = run_job(settings, progress)
    except StoreError as exc:  # the store failed mid-run (or could not be opened): what is stored stays
        print(f"reconcile: batch: {exc.message}; the finished part is kept in {settings.out}, finish with "
              f"--resume", file=sys.stderr)
        return 1
    except ReconcileError as exc:
        print(f"reconcile: batch: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"\nreconcile: interrupted; finish with: reconcile batch ... --out {settings.out} --resume",
              file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - a crashed worker or a full disk: say so, keep the journal
        print(f"reconcile: batch stopped: {type(exc).__name__}: {exc}; the finished part is kept in "
              f"{settings.out}, finish with --resume", file=sys.stderr)
        return 1
    if result.n_articles == 0:
        print(f"reconcile: batch: nothing readable ({result.n_errors} unreadable inputs listed in "
              f"{result.outputs['errors.csv']})", file=sys.stderr)
        return 1
    if not args.quiet:
        try:
            _print_summary(result, settings)
        except BrokenPipeError:  # `reconcile batch ... | head`: the reader left; the results are written
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stops the interpreter's flush at exit failing
    return 0


def _print_summary(result: BatchResult, settings: BatchSettings) -> None:
    """The closing lines: counts, and where each output file is."""
    verdicts = ", ".join(f"{n} {v}" for v, n in result.verdicts.items()) or "none"
    print(f"read {_n(result.n_articles, 'article')} from {_n(result.n_files, 'file')}: "
          f"{_n(result.n_claims, 'claim')}, {_n(result.n_groups, 'group')} ({verdicts}), "
          f"{_n(result.n_errors, 'error')}, {_n(result.n_warnings, 'warning')}")
    if "store" in result.run_info:
        stored = result.run_info["store"]
        kinds = ", ".join(f"{n} {s}" for s, n in stored["articles"].items())
        print(f"stored in {stored['url']}: {kinds}; {_n(stored['regrouped_block_keys'], 'block key')} regrouped")
    print(f"results in {settings.out}/:")
    width = max(len(n) for n in result.outputs)
    notes = {"claims.csv": "one row per claim", "discrepancies.csv": "one row per group, most severe first",
             "discrepancy_claims.csv": "every claim of every group, with its provenance",
             "errors.csv": "inputs that could not be read, and warnings",
             "report.html": "the readable report: open it in a browser",
             "run.json": "version, inputs, counts, timings, settings"}
    for name, path in result.outputs.items():
        print(f"  {path!s:<{width + len(str(settings.out)) + 1}}  {notes.get(name, '')}")
    sys.stdout.flush()
