"""The work shipped to engines: plain data in, plain data out, importable by Dask workers.

``process_units`` reads articles from bytes and extracts their claims; ``reconcile_blocks``
groups and judges the claims of whole blocks (``reconcile.group.block_key``), which never
share a group with another block, so blocks can run anywhere in any order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from reconcile.ingest.readers import ReadFailure, read_bytes
from reconcile.models import Claim, Group
from reconcile.report.csvfmt import csv_lines, to_csv_text
from reconcile.report.rows import DISCREPANCY_COLUMNS, claim_values, discrepancy_claim_values


@dataclass(frozen=True)
class Unit:
    """One piece of input: a whole file, or a run of lines of a JSONL file."""

    rel: str  # the file's path relative to the batch folder
    part: int  # 0 for whole files; the chunk number of a JSONL file
    fmt: str
    data: bytes
    fingerprint: str
    first_line: int = 1
    last: bool = True  # the last piece of its file
    problems: tuple[tuple[int, str], ...] = ()  # (line, error) found while splitting a JSONL file


@dataclass
class UnitResult:
    """What came out of one unit: its claims (ordered), its problems, its article count."""

    rel: str
    part: int
    fingerprint: str
    last: bool
    n_articles: int = 0
    # (article number within the file, claim index, block key or None, claim JSON, claims.csv line); the
    # JSON is None for a claim without a block (it is never grouped) unless the store wants the claims
    claims: list[tuple[int, int, str | None, str | None, str]] = field(default_factory=list)
    # (path, message, fatal)
    problems: list[tuple[str, str, bool]] = field(default_factory=list)
    # (article number within the file, Article JSON) of each article whose claims were extracted;
    # filled only for a run that also writes a store (--db)
    articles: list[tuple[int, str]] = field(default_factory=list)


def block_text(claim: Claim) -> str | None:
    """The claim's block key as text (one block = claims that may be grouped together); None for a claim
    that compares with nothing (``reconcile`` drops it), so the batch never groups it."""
    from reconcile import group

    key_fn = getattr(group, "block_key", None)
    if key_fn is None:  # no blocking available: one block holds everything (correct, not distributed)
        return ""
    key = key_fn(claim)
    if key is None:
        return None
    return key if isinstance(key, str) else json.dumps(key, default=str, ensure_ascii=False)


def article_number(article_id: str, rel: str) -> int:
    """0 for the file's only article, N for ``rel#N``.

    >>> article_number("a.jsonl#12", "a.jsonl"), article_number("a.txt", "a.txt")
    (12, 0)
    """
    if article_id == rel:
        return 0
    return int(article_id[len(rel) + 1:])


def claim_csv_lines(claims: list[Claim]) -> list[str]:
    """Each claim's line of claims.csv, rendered where the claim is made (on a worker) with the same
    ``write_rows`` formatting the rest of the file uses."""
    return csv_lines(claim_values(c) for c in claims)


def process_unit(unit: Unit, with_articles: bool = False) -> UnitResult:
    """Decode, parse and extract one unit; a bad article becomes a problem, never an exception.
    ``with_articles``: also send back each article (text and metadata) for the store."""
    from reconcile.pipeline import extract_claims

    result = UnitResult(unit.rel, unit.part, unit.fingerprint, unit.last)
    for line, error in unit.problems:
        result.problems.append((f"{unit.rel}#{line}", error, True))
    if unit.fmt == "jsonl" and not unit.data.strip():
        if unit.part == 0 and unit.last and not unit.problems:
            why = "empty file" if not unit.data else "the file holds only white space"
            result.problems.append((unit.rel, why, True))
        return result
    items = read_bytes(unit.data, unit.fmt, unit.rel, own_ids=False, first_line=unit.first_line)
    for item in items:
        if isinstance(item, ReadFailure):
            result.problems.append((item.path, item.error, item.fatal))
            continue
        result.n_articles += 1
        try:
            claims = extract_claims(item)
        except Exception as exc:  # noqa: BLE001 - a bug upstream must not lose the rest of the batch
            result.problems.append((item.id, f"claim extraction failed: {type(exc).__name__}: {exc}", True))
            continue
        number = article_number(item.id, unit.rel)
        if with_articles:
            result.articles.append((number, item.model_dump_json()))
        for idx, (claim, line) in enumerate(zip(claims, claim_csv_lines(claims), strict=True)):
            block = block_text(claim)
            # grouping reads a claim's JSON only when it has a block; the store reads every claim's
            claim_json = claim.model_dump_json() if block is not None or with_articles else None
            result.claims.append((number, idx, block, claim_json, line))
    return result


def process_units(units: list[Unit], with_articles: bool = False) -> list[UnitResult]:
    """One engine task: several units."""
    return [process_unit(u, with_articles) for u in units]


def _lines(columns: list[str], rows: Any) -> str:
    """CSV lines of ``rows`` with ``write_rows``' formatting, without the header line."""
    text = to_csv_text(columns, rows)
    return text[text.index("\n") + 1:]


def discrepancy_claim_lines(group: Group, lines: dict[int, str]) -> str:
    """The group's discrepancy_claims.csv lines.  Its columns are ``group_id, verdict`` then the claims.csv
    columns, and a CSV line is its cells joined by commas (each quoted on its own), so a claim's line is
    the group's two cells and the claim's claims.csv line (``lines``: by ``id`` of the claim object);
    a claim not in ``lines`` is rendered afresh."""
    [head] = csv_lines([(group.group_id, group.verdict)])
    head = head[:-1] + ","
    out = []
    for claim in group.claims:
        line = lines.get(id(claim))
        out.append(head + line if line is not None else csv_lines([discrepancy_claim_values(group, claim)])[0])
    return "".join(out)


def reconcile_blocks(blocks: list[list[tuple[str, str]]],
                     window_days: float) -> list[tuple[float, str, str, str, str, str, str]]:
    """Group and judge each block (each claim as its JSON and its claims.csv line).  For each group of two
    or more claims: ``(severity, group_id, verdict, the report's ShownGroup JSON, DiscrepancyRow JSON, its
    discrepancies.csv line, its discrepancy_claims.csv lines)``, rendered here so the driver only concatenates."""
    from reconcile.models import Claim as ClaimModel
    from reconcile.models import DiscrepancyRow
    from reconcile.pipeline import reconcile
    from reconcile.report.html import ShownGroup

    out = []
    for block in blocks:
        claims = [ClaimModel.model_validate_json(j) for j, _ in block]
        lines = {id(c): line for c, (_, line) in zip(claims, block, strict=True)}
        for g in reconcile(claims, window_days=window_days):
            if g.n_claims < 2:
                continue
            row = DiscrepancyRow.from_group(g)
            out.append((g.severity, g.group_id, g.verdict.value, ShownGroup.of(g).model_dump_json(),
                        row.model_dump_json(), _lines(DISCREPANCY_COLUMNS, [row]), discrepancy_claim_lines(g, lines)))
    return out
