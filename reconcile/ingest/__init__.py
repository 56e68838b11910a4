"""Files and formats -> ``Article``.  An edge: this package reads files; the core never does.

``parse_txt(raw, id)`` is pure; ``read_bytes(data, fmt, id)`` turns the bytes of one file into
articles; ``read_path(path)`` yields ``Article`` or ``ReadFailure`` for each article found at a
path (never raises for a bad file: a failure is data, so a batch goes on); ``walk_inputs`` finds
the article files under folders.
"""

from reconcile.ingest.readers import (
    FORMATS,
    MAX_ARTICLE_BYTES,
    ReadFailure,
    format_of,
    parse_txt,
    read_bytes,
    read_path,
    read_stream,
)
from reconcile.ingest.walk import FileEntry, WalkProblem, walk_inputs

__all__ = [
    "FORMATS",
    "MAX_ARTICLE_BYTES",
    "FileEntry",
    "ReadFailure",
    "WalkProblem",
    "format_of",
    "parse_txt",
    "read_bytes",
    "read_path",
    "read_stream",
    "walk_inputs",
]
