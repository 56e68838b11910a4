"""The batch groups block by block, on workers, from its journal; its group files must be exactly what
one ``reconcile()`` over every claim gives, written the plain way (row models through ``write_rows``)."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest

from reconcile.batch.job import _block_tasks
from reconcile.batch.journal import Journal, journal_path
from reconcile.batch.work import UnitResult
from reconcile.cli import main
from reconcile.ingest import ReadFailure, format_of, read_bytes
from reconcile.pipeline import extract_claims, reconcile
from reconcile.report.csvfmt import to_csv_text
from reconcile.report.rows import (
    DISCREPANCY_CLAIM_COLUMNS,
    DISCREPANCY_COLUMNS,
    discrepancy_claim_rows,
    discrepancy_rows,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    spec = importlib.util.spec_from_file_location("batch_speed", ROOT / "bench" / "batch_speed.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    tmp = tmp_path_factory.mktemp("blocks")
    bench.generate(tmp / "articles", 60)
    assert main(["batch", str(tmp / "articles"), "--out", str(tmp / "out"), "--quiet", "--workers", "2"]) == 0
    return tmp / "articles", tmp / "out"


def _all_claims(src: Path) -> list:
    claims = []
    for path in sorted(p for p in src.rglob("*") if p.is_file()):
        rel = path.relative_to(src).as_posix()
        for item in read_bytes(path.read_bytes(), format_of(rel), rel, own_ids=False):
            assert not isinstance(item, ReadFailure)
            claims.extend(extract_claims(item))
    return claims


def test_group_files_equal_one_reconcile_over_every_claim(batch: tuple[Path, Path]) -> None:
    src, out = batch
    groups = [g for g in reconcile(_all_claims(src)) if g.n_claims >= 2]
    assert len(groups) >= 5
    assert (out / "discrepancies.csv").read_text(encoding="utf-8") == to_csv_text(DISCREPANCY_COLUMNS,
                                                                                   discrepancy_rows(groups))
    assert (out / "discrepancy_claims.csv").read_text(encoding="utf-8") == to_csv_text(
        DISCREPANCY_CLAIM_COLUMNS, discrepancy_claim_rows(groups))


def test_claims_that_compare_with_nothing_are_kept_without_a_block(batch: tuple[Path, Path]) -> None:
    _, out = batch
    db = sqlite3.connect(journal_path(out))
    try:
        n_none, n_all = db.execute("SELECT SUM(block IS NULL), COUNT(*) FROM claims").fetchone()
        assert db.execute("SELECT COUNT(*) FROM claims WHERE block = 'null'").fetchone()[0] == 0
        # only grouping reads a claim's JSON: none is made for a claim without a block (no --db here)
        assert db.execute("SELECT COUNT(*) FROM claims WHERE (json IS NULL) != (block IS NULL)").fetchone()[0] == 0
    finally:
        db.close()
    assert 0 < n_none < n_all  # the generated news has figures with no counted thing


def test_grouping_tasks_hold_the_blocks_of_two_or_more_claims_only(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3", resume=False, version="t")
    try:
        journal.add_run_unit("a.txt", 0)
        claims = [(0, i, block, f'{{"n":{i}}}', f"line {i}\n")
                  for i, block in enumerate([None, "count|people", None, "count|people", "count|home", None])]
        journal.record(UnitResult("a.txt", 0, "1:1", True, 1, claims))
        journal.commit()
        tasks = list(_block_tasks(journal))
    finally:
        journal.close()
    assert tasks == [[[('{"n":1}', "line 1\n"), ('{"n":3}', "line 3\n")]]]
