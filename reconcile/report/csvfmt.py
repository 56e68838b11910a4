"""CSV rows from the row models.  The columns are the model's fields, in order, so the
batch CSVs and the API's ``?format=csv`` can never drift apart."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from types import SimpleNamespace
from typing import IO

from pydantic import BaseModel


def format_cell(value: object) -> str:
    """One CSV cell: empty for None, ``repr``-exact floats, ISO dates.

    >>> format_cell(None), format_cell(1500.0), format_cell(2.5)
    ('', '1500', '2.5')
    """
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    return str(value)


def write_rows(fh: IO[str], columns: Sequence[str], rows: Iterable[BaseModel]) -> int:
    """Write a header and one line per row model; returns the number of rows."""
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        data = row.model_dump(mode="python")
        writer.writerow([format_cell(data.get(c)) for c in columns])  # StrEnum cells print as their value
        n += 1
    return n


def csv_lines(rows: Iterable[Sequence[object]]) -> list[str]:
    """Each row of raw values as its own CSV line, formatted as ``write_rows`` formats a row model's
    dump (``format_cell``, same dialect), without the header: one writer for all the rows.

    >>> csv_lines([["a", None, 2.0], ['a "b" c', 1.5, "x,y"]])
    ['a,,2\\n', '"a ""b"" c",1.5,"x,y"\\n']
    """
    lines: list[str] = []
    writer = csv.writer(SimpleNamespace(write=lines.append), lineterminator="\n")  # one write per row
    for row in rows:
        writer.writerow([format_cell(v) for v in row])
    return lines


def to_csv_text(columns: Sequence[str], rows: Iterable[BaseModel]) -> str:
    """The CSV as one string (for the API)."""
    buf = io.StringIO()
    write_rows(buf, columns, rows)
    return buf.getvalue()
