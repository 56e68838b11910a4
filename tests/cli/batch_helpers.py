"""Helpers for the batch command tests: run it, read its CSVs, compute what they should hold."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from reconcile.ingest import ReadFailure, format_of, read_bytes
from reconcile.models import Article, ClaimRow
from reconcile.pipeline import extract_claims
from reconcile.report.csvfmt import format_cell

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, timeout: float = 300, **kw) -> subprocess.CompletedProcess:
    """The real command in a subprocess (stderr is not a terminal, so no progress bar)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "reconcile.cli", *args], capture_output=True, text=True, check=False,
                          timeout=timeout, cwd=kw.pop("cwd", ROOT), env=env, **kw)


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def articles_of(root: Path, rel: str) -> list[Article]:
    """The articles of one input file, read the way the batch reads them."""
    data = (root / rel).read_bytes()
    return [a for a in read_bytes(data, format_of(rel), rel, own_ids=False) if not isinstance(a, ReadFailure)]


def expected_claim_rows(articles: list[Article]) -> list[dict[str, str]]:
    """claims.csv rows the pipeline gives for these articles, in article order."""
    rows = []
    for article in articles:
        for claim in extract_claims(article):
            data = ClaimRow.from_claim(claim).model_dump(mode="python")
            rows.append({k: format_cell(v) for k, v in data.items()})
    return rows



def make_corpus(tmp_path: Path) -> Path:
    """A folder with every article format, in sub-folders."""
    from batch_stories import write_corpus

    root = tmp_path / "news"
    write_corpus(root)
    return root
