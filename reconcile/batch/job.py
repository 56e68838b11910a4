"""The batch job, start to end: walk, read, extract (on an engine), journal, group, write."""

from __future__ import annotations

import fcntl
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconcile.batch.engines import Engine, make_engine
from reconcile.batch.journal import Journal, journal_path
from reconcile.batch.work import Unit, UnitResult, process_units, reconcile_blocks
from reconcile.errors import ConfigError
from reconcile.ingest.encoding import sniff_binary
from reconcile.ingest.readers import MAX_ARTICLE_BYTES, iter_jsonl_chunks, too_large_message
from reconcile.ingest.walk import FileEntry, WalkCounts, WalkProblem, walk_inputs
from reconcile.models import DiscrepancyRow
from reconcile.report.csvfmt import write_rows
from reconcile.report.files import atomic_text, write_json
from reconcile.report.rows import (
    CLAIM_COLUMNS,
    DISCREPANCY_CLAIM_COLUMNS,
    DISCREPANCY_COLUMNS,
    ERROR_COLUMNS,
    error_rows,
)

if TYPE_CHECKING:
    from reconcile.batch.storing import StoreWriter
    from reconcile.store.settings import StoreSettings

#: The files a run writes into OUTDIR (run.json holds timings, so it differs between runs).
OUTPUTS = ("claims.csv", "discrepancies.csv", "discrepancy_claims.csv", "errors.csv", "report.html", "run.json")
#: A task shipped to a worker holds at most this many units or bytes.
TASK_UNITS, TASK_BYTES = 16, 1024 * 1024
#: A grouping task holds whole blocks up to about this many claims.
TASK_CLAIMS = 5000


@dataclass
class BatchSettings:
    inputs: list[str]
    out: Path
    glob: str | None = None
    window_days: float = 3.0
    engine: str = "local"
    scheduler: str | None = None
    workers: int | None = None
    resume: bool = False
    max_file_bytes: int = MAX_ARTICLE_BYTES
    #: also store every article and its claims in this store (``--db``); None: outputs only
    store: StoreSettings | None = None


@dataclass
class BatchResult:
    n_files: int
    n_articles: int
    n_claims: int
    n_groups: int
    n_errors: int
    n_warnings: int
    verdicts: dict[str, int]
    outputs: dict[str, Path]
    run_info: dict[str, Any] = field(default_factory=dict)


class Progress:
    """What the job reports while it runs; the command line draws it as a bar."""

    def start(self, total_files: int) -> None: ...
    def advance(self, files: int = 0, claims: int = 0, errors: int = 0) -> None: ...
    def stage(self, name: str) -> None: ...
    def close(self) -> None: ...


def _lock(out: Path) -> Any:
    fh = open(out / ".reconcile.lock", "w")  # noqa: SIM115 - held for the whole run
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        fh.close()
        raise ConfigError(f"another batch run is writing to {out}") from exc
    return fh


def _not_article(entry: FileEntry) -> str:
    try:
        with open(entry.path, "rb") as fh:
            kind = sniff_binary(fh.read(64))
    except OSError:
        kind = None
    suffix = Path(entry.rel).suffix or "no suffix"
    what = kind or f"a {suffix} file"
    return f"skipped: not an article ({what}); articles are .txt, .md, .html, .htm, .json or .jsonl"


class _Units:
    """The stream of units to process, read lazily from the walked files; skips finished units."""

    def __init__(self, entries: list[FileEntry], journal: Journal, settings: BatchSettings,
                 progress: Progress) -> None:
        self.entries, self.journal, self.settings, self.progress = entries, journal, settings, progress
        self.resumed_units = 0

    def _problem(self, rel: str, message: str) -> None:
        self.journal.add_problem(rel, message)
        self.progress.advance(files=1, errors=1)

    def __iter__(self) -> Iterator[Unit]:
        max_bytes = self.settings.max_file_bytes
        for entry in self.entries:
            if entry.fmt is None:
                self._problem(entry.rel, _not_article(entry))
                continue
            try:
                if entry.fmt == "jsonl":
                    yield from self._jsonl(entry, max_bytes)
                    continue
                if entry.size > max_bytes:
                    self._problem(entry.rel, too_large_message(entry.size, max_bytes))
                    continue
                self.journal.add_run_unit(entry.rel, 0)
                if self.journal.is_done(entry.rel, 0, entry.fingerprint):
                    self.resumed_units += 1
                    self.progress.advance(files=1)
                    continue
                with open(entry.path, "rb") as fh:
                    data = fh.read(max_bytes + 1)
            except OSError as exc:
                self._problem(entry.rel, f"cannot read: {exc.strerror or exc}")
                continue
            if len(data) > max_bytes:
                self._problem(entry.rel, too_large_message(len(data), max_bytes))
                continue
            yield Unit(entry.rel, 0, entry.fmt, data, entry.fingerprint)

    def _jsonl(self, entry: FileEntry, max_bytes: int) -> Iterator[Unit]:
        with open(entry.path, "rb") as fh:
            chunks = iter_jsonl_chunks(fh, max_line_bytes=max_bytes)
            previous = None
            for part, chunk in enumerate(chain_last(chunks)):
                (first, data, errors), last = chunk
                self.journal.add_run_unit(entry.rel, part)
                if self.journal.is_done(entry.rel, part, entry.fingerprint):
                    self.resumed_units += 1
                    if last:
                        self.progress.advance(files=1)
                else:
                    yield Unit(entry.rel, part, "jsonl", data, entry.fingerprint, first_line=first, last=last,
                               problems=tuple(errors))
                previous = chunk
            if previous is None:  # an empty JSONL file
                self.journal.add_run_unit(entry.rel, 0)
                if not self.journal.is_done(entry.rel, 0, entry.fingerprint):
                    yield Unit(entry.rel, 0, "jsonl", b"", entry.fingerprint)
                else:
                    self.progress.advance(files=1)


def chain_last(items: Iterable[Any]) -> Iterator[tuple[Any, bool]]:
    """Each item with a flag telling whether it is the last.

    >>> list(chain_last("ab"))
    [('a', False), ('b', True)]
    """
    it = iter(items)
    try:
        prev = next(it)
    except StopIteration:
        return
    for item in it:
        yield prev, False
        prev = item
    yield prev, True


def _tasks(units: Iterable[Unit]) -> Iterator[list[Unit]]:
    batch: list[Unit] = []
    size = 0
    for unit in units:
        batch.append(unit)
        size += len(unit.data)
        if len(batch) >= TASK_UNITS or size >= TASK_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _block_tasks(journal: Journal) -> Iterator[list[list[tuple[str, str]]]]:
    """Grouping tasks: the largest blocks first (each alone when big), then smaller ones packed up to
    ``TASK_CLAIMS`` claims, so the workers finish together (longest-first scheduling).  The order of
    tasks changes nothing in the outputs: groups are written sorted."""
    task: list[list[tuple[str, str]]] = []
    size = 0
    for block, n in sorted(journal.blocks(min_size=2), key=lambda b: (-b[1], b[0])):
        task.append(journal.block_claims(block))
        size += n
        if size >= TASK_CLAIMS:
            yield task
            task, size = [], 0
    if task:
        yield task


def _write_outputs(journal: Journal, out: Path, stats: dict[str, Any]) -> dict[str, Any]:
    """claims.csv, discrepancies.csv, discrepancy_claims.csv, errors.csv and report.html, streamed
    from the journal (groups are read once, for the two group CSVs and the report together)."""
    from reconcile.report.html import DETAIL_LIMIT, ReportCollector, ShownGroup

    counts: dict[str, Any] = {"claims": 0}
    with atomic_text(out / "claims.csv") as fh:
        write_rows(fh, CLAIM_COLUMNS, [])
        for line in journal.claims_csv():  # rendered by the workers with write_rows' formatting
            fh.write(line)
            counts["claims"] += 1
    verdicts: Counter[str] = Counter()
    report = ReportCollector()
    counts["groups"] = counts["group_claims"] = 0
    with atomic_text(out / "discrepancies.csv") as fh_groups, \
            atomic_text(out / "discrepancy_claims.csv") as fh_claims:
        write_rows(fh_groups, DISCREPANCY_COLUMNS, [])
        write_rows(fh_claims, DISCREPANCY_CLAIM_COLUMNS, [])
        for verdict, row_json, row_csv, claims_csv, group_json in journal.groups(full=DETAIL_LIMIT):
            fh_groups.write(row_csv)  # rendered by the workers with write_rows' formatting
            fh_claims.write(claims_csv)
            row = DiscrepancyRow.model_validate_json(row_json)
            counts["groups"] += 1
            counts["group_claims"] += row.n_claims
            verdicts[verdict] += 1
            report.add_row(row)
            if group_json is not None:
                report.add(ShownGroup.model_validate_json(group_json))
    problems = [(p, m if fatal else f"warning: {m}") for p, m, fatal in journal.problems()]
    counts["errors"] = sum(1 for *_, fatal in journal.problems() if fatal)
    counts["warnings"] = len(problems) - counts["errors"]
    with atomic_text(out / "errors.csv") as fh:
        write_rows(fh, ERROR_COLUMNS, error_rows(problems))
    counts["verdicts"] = {v: verdicts[v] for v in ("conflict", "evolving", "scope", "consistent") if verdicts[v]}
    page_stats = {**stats, "claims": counts["claims"], "verdicts": counts["verdicts"]}
    with atomic_text(out / "report.html") as fh:
        fh.write(report.render(stats=page_stats, errors=problems, n_errors=len(problems)))
    return counts


def run_job(settings: BatchSettings, progress: Progress | None = None,
            engine_factory: Callable[..., Engine] = make_engine) -> BatchResult:
    """Run the whole batch; returns counts and the paths written.  Raises ``ConfigError`` on bad settings."""
    from reconcile import __version__

    progress = progress or Progress()
    started = datetime.now(UTC)
    t0 = time.perf_counter()
    c0 = time.process_time()
    out = settings.out
    out.mkdir(parents=True, exist_ok=True)
    lock = _lock(out)
    engine: Engine | None = None
    writer: StoreWriter | None = None
    journal: Journal | None = None
    try:
        if settings.store is not None:
            from reconcile.batch.storing import StoreWriter

            writer = StoreWriter(settings.store, window_days=settings.window_days)
        # a journal kept for another store (or none) would skip units never stored here: start over
        journal = Journal(journal_path(out), resume=settings.resume, version=__version__,
                          store=writer.url if writer is not None else None)
        walk_counts = WalkCounts()
        entries: list[FileEntry] = []
        for item in walk_inputs(settings.inputs, glob=settings.glob, exclude=[out], counts=walk_counts):
            if isinstance(item, WalkProblem):
                journal.add_problem(item.rel, item.error)
            else:
                entries.append(item)
        journal.commit()
        t_walk, c_walk = time.perf_counter(), time.process_time()

        engine = engine_factory(settings.engine, workers=settings.workers, scheduler=settings.scheduler)
        progress.start(len(entries))
        units = _Units(entries, journal, settings, progress)
        results: Iterator[list[UnitResult]] = engine.map(process_units, _tasks(units), writer is not None)
        for batch in results:
            if writer is not None:  # stored before the journal says done: a resumed run misses nothing
                writer.write(batch)
            for result in batch:
                journal.record(result)
                progress.advance(files=int(result.last), claims=len(result.claims),
                                 errors=sum(1 for *_, fatal in result.problems if fatal))
            journal.commit(every=0.25)
        journal.commit()
        t_extract, c_extract, w_extract = time.perf_counter(), time.process_time(), engine.task_cpu

        progress.stage("grouping")
        for found in engine.map(reconcile_blocks, _block_tasks(journal), settings.window_days):
            journal.add_groups(found)
        journal.commit()
        if writer is not None:
            progress.stage("regrouping the store")
            writer.finish()
        t_group, c_group, w_group = time.perf_counter(), time.process_time(), engine.task_cpu

        progress.stage("writing")
        n_articles = journal.count_articles()
        stats = {"version": __version__, "inputs": list(settings.inputs), "files": len(entries),
                 "articles": n_articles, "window_days": settings.window_days}
        counts = _write_outputs(journal, out, stats)
        t_write, c_write = time.perf_counter(), time.process_time()
        run_info = {
            "version": __version__,
            "command": "batch",
            "inputs": list(settings.inputs),
            "out": str(out),
            "settings": {"glob": settings.glob, "window_days": settings.window_days, "engine": settings.engine,
                         "engine_detail": engine.description, "scheduler": settings.scheduler,
                         "workers": engine.workers, "resume": settings.resume,
                         "max_file_mb": settings.max_file_bytes / 2**20},
            "counts": {"files": len(entries), "articles": n_articles, "claims": counts["claims"],
                       "groups": counts["groups"], "verdicts": counts["verdicts"],
                       "group_claims": counts["group_claims"], "errors": counts["errors"],
                       "warnings": counts["warnings"], "resumed_units": units.resumed_units,
                       "skipped": {"hidden": walk_counts.hidden, "not_matching_glob": walk_counts.not_matched,
                                   "duplicate_paths": walk_counts.duplicate,
                                   "output_folder": walk_counts.excluded}},
            "timings_s": {"walk": round(t_walk - t0, 3), "extract": round(t_extract - t_walk, 3),
                          "group": round(t_group - t_extract, 3), "write": round(t_write - t_group, 3),
                          "total": round(time.perf_counter() - t0, 3)},
            # CPU seconds of this process (with the tasks run in it, when it runs them itself) and of
            # the engine's tasks wherever they ran: what a stage costs, whatever else shares the machine
            "cpu_s": {"driver": {"walk": round(c_walk - c0, 3), "extract": round(c_extract - c_walk, 3),
                                 "group": round(c_group - c_extract, 3), "write": round(c_write - c_group, 3)},
                      "tasks": {"extract": round(w_extract, 3), "group": round(w_group - w_extract, 3)}},
            "started_at": started.isoformat(timespec="seconds"),
            "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "outputs": list(OUTPUTS),
        }
        if writer is not None:
            run_info["store"] = writer.summary()
        write_json(out / "run.json", run_info)
        return BatchResult(
            n_files=len(entries), n_articles=n_articles, n_claims=counts["claims"], n_groups=counts["groups"],
            n_errors=counts["errors"], n_warnings=counts["warnings"], verdicts=counts["verdicts"],
            outputs={name: out / name for name in OUTPUTS}, run_info=run_info,
        )
    finally:
        progress.close()
        if engine is not None:
            engine.close()
        if writer is not None:
            writer.close()
        if journal is not None:
            journal.close()
        lock.close()
