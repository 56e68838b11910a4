"""Readers for .txt (with optional header) and .jsonl articles, and stdin."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from reconcile.errors import UnreadableArticle
from reconcile.models import Article

# Header keys a .txt article may begin with, mapped to Article fields.
HEADER_FIELDS = {"title": "title", "source": "source", "url": "url", "date": "published",
                 "published": "published", "author": "author", "id": "id"}

HEADER_LINE = re.compile(
    r"""^(?P<key>[A-Za-z]+)   # a header key such as Title or Date
        [ \t]*:[ \t]*          # the colon
        (?P<value>.*?)[ \t]*$  # the value, trimmed
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class ReadFailure:
    """An input that could not be read, with a clear reason; never an exception."""

    path: str
    error: str


def parse_date(value: Any) -> date | None:
    """Parse an ISO date (or datetime) string; None when absent or unparseable.

    >>> parse_date("2024-10-21")
    datetime.date(2024, 10, 21)
    >>> parse_date("2024-10-21T09:30:00Z")
    datetime.date(2024, 10, 21)
    >>> parse_date("soon") is None
    True
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def parse_txt(raw: str, article_id: str) -> Article:
    """A .txt article: optional ``Key: value`` header lines, a blank line, then the text.

    Offsets are into the text after the header.

    >>> a = parse_txt("Title: T\\nDate: 2024-10-21\\n\\nBody 5 troops.", "x")
    >>> (a.title, a.published.isoformat(), a.text)
    ('T', '2024-10-21', 'Body 5 troops.')
    >>> parse_txt("No header here.", "y").text
    'No header here.'
    """
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    fields: dict[str, Any] = {}
    lines = raw.split("\n")
    header_end = None
    for i, line in enumerate(lines[:20]):
        if line.strip() == "":
            header_end = i if fields else None
            break
        m = HEADER_LINE.match(line.rstrip("\r"))
        if not m or m.group("key").lower() not in HEADER_FIELDS:
            break
        fields[HEADER_FIELDS[m.group("key").lower()]] = m.group("value")
    if header_end is None:
        fields, text = {}, raw
    else:
        text = "\n".join(lines[header_end + 1:])
    if not text.strip():
        raise UnreadableArticle("the article has no text", id=article_id)
    published = parse_date(fields.pop("published", None))
    fields.setdefault("id", article_id)
    return Article(text=text, published=published, **fields)


def article_from_record(record: Any, article_id: str) -> Article:
    """One JSON object -> Article; accepts ``text`` or ``body`` and ``published`` or ``date``."""
    if not isinstance(record, dict):
        raise UnreadableArticle("a JSON article must be an object", id=article_id)
    text = record.get("text", record.get("body"))
    if not isinstance(text, str) or not text.strip():
        raise UnreadableArticle("the JSON article has no 'text' (or 'body') string", id=article_id)
    published = parse_date(record.get("published", record.get("date")))
    try:
        return Article(
            id=str(record.get("id") or article_id),
            text=text,
            title=_opt_str(record.get("title")),
            source=_opt_str(record.get("source")),
            url=_opt_str(record.get("url")),
            published=published,
            author=_opt_str(record.get("author")),
        )
    except ValidationError as exc:
        raise UnreadableArticle(f"invalid article fields: {exc.errors()[0]['msg']}", id=article_id) from exc


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes -> text.  UTF-8 first; otherwise Windows-1252; returns (text, warning or None)."""
    if b"\x00" in data[:8192]:
        raise UnreadableArticle("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not UTF-8; decoded as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), "invalid UTF-8; undecodable bytes replaced with U+FFFD"


def read_stream(stream: IO[str], name: str = "-") -> Iterator[Article | ReadFailure]:
    """Read one .txt article from a text stream (stdin)."""
    raw = stream.read()
    try:
        yield parse_txt(raw, name)
    except UnreadableArticle as exc:
        yield ReadFailure(name, exc.message)


def read_path(path: str | Path) -> Iterator[Article | ReadFailure]:
    """Every article in one file (.txt or .jsonl), or ``-`` for stdin."""
    if str(path) == "-":
        yield from read_stream(sys.stdin)
        return
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        yield ReadFailure(str(path), f"cannot read: {exc.strerror or exc}")
        return
    try:
        text, _warning = decode(data)
    except UnreadableArticle as exc:
        yield ReadFailure(str(path), exc.message)
        return
    if p.suffix.lower() == ".jsonl":
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            ident = f"{path}#{n}"
            try:
                yield article_from_record(json.loads(line), ident)
            except json.JSONDecodeError as exc:
                yield ReadFailure(ident, f"broken JSON line: {exc.msg}")
            except UnreadableArticle as exc:
                yield ReadFailure(ident, exc.message)
        return
    try:
        yield parse_txt(text, str(path))
    except UnreadableArticle as exc:
        yield ReadFailure(str(path), exc.message)
