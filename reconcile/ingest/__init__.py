"""Files and formats -> ``Article``.  An edge: this package reads files; the core never does.

``parse_txt(raw, id)`` and ``parse_jsonl_line(line, id)`` are pure; ``read_path(path)``
yields ``Article`` or ``ReadFailure`` for each article found at a path (never raises for
a bad file: a failure is data, so a batch goes on).
"""

from reconcile.ingest.readers import ReadFailure, parse_txt, read_path, read_stream

__all__ = ["ReadFailure", "parse_txt", "read_path", "read_stream"]
