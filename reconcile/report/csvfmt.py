"""CSV rows from the row models.  The columns are the model's fields, in order, so the
batch CSVs and the API's ``?format=csv`` can never drift apart."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
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


def to_csv_text(columns: Sequence[str], rows: Iterable[BaseModel]) -> str:
    """The CSV as one string (for the API)."""
    buf = io.StringIO()
    write_rows(buf, columns, rows)
    return buf.getvalue()
