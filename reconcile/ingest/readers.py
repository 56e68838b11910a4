"""Readers: bytes of one file (or of a run of JSONL lines) -> ``Article`` items.

Formats: ``.txt`` (optional ``Title:``/``Source:``/``URL:``/``Date:``/``Author:`` header, a blank
line, then the text), ``.md`` (YAML front matter), ``.html``/``.htm`` (trafilatura), ``.json`` (one
article or a list) and ``.jsonl`` (one article a line).  Every reader yields ``Article`` or
``ReadFailure`` and never raises for a bad input: a failure is data, so a batch goes on.  A
``ReadFailure`` with ``fatal=False`` is a warning about an article that is still read.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO
from urllib.parse import urlsplit

from pydantic import ValidationError

from reconcile.errors import UnreadableArticle
from reconcile.ingest.dates import date_in_first_lines, parse_date
from reconcile.ingest.encoding import decode
from reconcile.ingest.html import html_fields
from reconcile.ingest.markdown import check_body, split_front_matter
from reconcile.models import Article

__all__ = [
    "FORMATS", "MAX_ARTICLE_BYTES", "ReadFailure", "article_from_record", "decode", "format_of",
    "iter_jsonl_chunks", "parse_date", "parse_txt", "read_bytes", "read_path", "read_stream",
    "with_fallbacks",
]

#: File name suffixes of article files, mapped to their format.
FORMATS = {
    ".txt": "txt", ".text": "txt",
    ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}

#: Largest file read whole as one article (or one JSON document), and largest JSONL line.
#: Bigger inputs are refused with a clear error instead of filling memory; JSONL is streamed.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024

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
    """An input that could not be read, with a clear reason; never an exception.

    ``fatal=False`` marks a warning (e.g. bytes replaced while decoding): the article is still read.
    """

    path: str
    error: str
    fatal: bool = True


def format_of(path: str | Path) -> str | None:
    """The article format of a file name, or None when it is not an article file.

    >>> format_of("a/b.HTM"), format_of("x.jsonl"), format_of("photo.jpg")
    ('html', 'jsonl', None)
    """
    return FORMATS.get(Path(path).suffix.lower())


def host_of(url: str | None) -> str | None:
    """The host of a URL without ``www.``, as an outlet of last resort.

    >>> host_of("https://www.reuters.com/world/x"), host_of("not a url")
    ('reuters.com', None)
    """
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def with_fallbacks(article: Article) -> Article:
    """Fill a missing outlet from the URL's host and a missing date from the text's first lines."""
    updates: dict[str, Any] = {}
    if not article.source:
        host = host_of(article.url)
        if host:
            updates["source"] = host
    if article.published is None:
        found = date_in_first_lines(article.text)
        if found is not None:
            updates["published"] = found
    return article.model_copy(update=updates) if updates else article


def parse_txt(raw: str, article_id: str) -> Article:
    """A .txt article: optional ``Key: value`` header lines, a blank line, then the text.

    Offsets are into the text after the header.

    >>> a = parse_txt("Title: T\\nDate: 2024-10-21\\n\\nBody 5 troops.", "x")
    >>> (a.title, a.published.isoformat(), a.text)
    ('T', '2024-10-21', 'Body 5 troops.')
    >>> parse_txt("No header here.", "y").text
    'No header here.'
    """
    raw = raw.removeprefix("\ufeff")
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
    fields = {k: v for k, v in fields.items() if v != ""}
    fields.setdefault("id", article_id)
    return Article(text=text, published=published, **fields)


def _article(fields: dict[str, Any], text: str, article_id: str) -> Article:
    published = parse_date(fields.get("published"))
    try:
        return Article(
            id=str(fields.get("id") or article_id),
            text=text,
            title=_opt_str(fields.get("title")),
            source=_opt_str(fields.get("source")),
            url=_opt_str(fields.get("url")),
            published=published,
            author=_opt_str(fields.get("author")),
        )
    except ValidationError as exc:
        raise UnreadableArticle(f"invalid article fields: {exc.errors()[0]['msg']}", id=article_id) from exc


def article_from_record(record: Any, article_id: str) -> Article:
    """One JSON object -> Article; accepts ``text`` or ``body`` and ``published`` or ``date``."""
    if not isinstance(record, dict):
        raise UnreadableArticle("a JSON article must be an object", id=article_id)
    text = record.get("text", record.get("body"))
    if not isinstance(text, str) or not text.strip():
        raise UnreadableArticle("the JSON article has no 'text' (or 'body') string", id=article_id)
    fields = dict(record)
    fields["published"] = record.get("published", record.get("date"))
    if fields.get("source") is None:
        fields["source"] = record.get("outlet")
    return _article(fields, text, article_id)


def _opt_str(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def _one(parse: Any, ident: str, own_ids: bool) -> Iterator[Article | ReadFailure]:
    """Run one parser; turn its ``UnreadableArticle`` into a failure; apply the fallbacks."""
    try:
        article = parse()
    except UnreadableArticle as exc:
        yield ReadFailure(ident, exc.message)
        return
    if not own_ids and article.id != ident:
        article = article.model_copy(update={"id": ident})
    yield with_fallbacks(article)


def _parse_md(raw: str, ident: str, own_ids: bool) -> Iterator[Article | ReadFailure]:
    fields, body, warning = split_front_matter(raw)
    if warning:
        yield ReadFailure(ident, warning, fatal=False)

    def parse() -> Article:
        check_body(body, ident)
        return _article(fields, body, ident)

    yield from _one(parse, ident, own_ids)


def _parse_json(raw: str, ident: str, own_ids: bool) -> Iterator[Article | ReadFailure]:
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        yield ReadFailure(ident, f"broken JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    if isinstance(doc, dict) and isinstance(doc.get("articles"), list):
        doc = doc["articles"]
    if isinstance(doc, list):
        if not doc:
            yield ReadFailure(ident, "the JSON list holds no articles")
        for n, record in enumerate(doc, start=1):
            yield from _one(lambda r=record, i=f"{ident}#{n}": article_from_record(r, i), f"{ident}#{n}", own_ids)
        return
    yield from _one(lambda: article_from_record(doc, ident), ident, own_ids)


def _parse_jsonl(raw: str, ident: str, own_ids: bool, first_line: int) -> Iterator[Article | ReadFailure]:
    for n, line in enumerate(raw.split("\n"), start=first_line):
        if not line.strip():
            continue
        line_id = f"{ident}#{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(line_id, f"broken JSON line: {exc.msg} (column {exc.colno})")
            continue
        yield from _one(lambda r=record, i=line_id: article_from_record(r, i), line_id, own_ids)


def read_bytes(
    data: bytes, fmt: str, ident: str, *, own_ids: bool = True, first_line: int = 1
) -> Iterator[Article | ReadFailure]:
    """Every article in the bytes of one file of format ``fmt`` (or a run of JSONL lines).

    ``ident`` names the input: it is the article id (``ident#N`` for the N-th article of a JSON
    list, ``ident#LINE`` for a JSONL line).  With ``own_ids`` an id given inside the file wins;
    without it, ids are always derived from ``ident`` (unique and stable across a folder).
    """
    if not data.strip():
        yield ReadFailure(ident, "empty file" if not data else "the file holds only white space")
        return
    try:
        text, warning = decode(data)
    except UnreadableArticle as exc:
        yield ReadFailure(ident, exc.message)
        return
    if warning:
        yield ReadFailure(ident, warning, fatal=False)
    if fmt == "jsonl":
        yield from _parse_jsonl(text, ident, own_ids, first_line)
    elif fmt == "json":
        yield from _parse_json(text, ident, own_ids)
    elif fmt == "md":
        yield from _parse_md(text, ident, own_ids)
    elif fmt == "html":
        yield from _one(lambda: _html_article(text, ident), ident, own_ids)
    else:
        yield from _one(lambda: parse_txt(text, ident), ident, own_ids)


def _html_article(raw: str, ident: str) -> Article:
    fields = html_fields(raw, ident)
    return _article(fields, fields["text"], ident)


def iter_jsonl_chunks(
    fh: BinaryIO, *, max_line_bytes: int = MAX_ARTICLE_BYTES, chunk_lines: int = 500,
    chunk_bytes: int = 4 * 1024 * 1024,
) -> Iterator[tuple[int, bytes, list[tuple[int, str]]]]:
    """Stream a JSONL file as runs of lines: ``(first line number, bytes, [(line, error)])``.

    Memory stays bounded: a line longer than ``max_line_bytes`` is skipped (and reported) without
    being held.  Line numbers are 1-based; the bytes of skipped lines are left out of the chunk.
    """
    first, lines, size, errors = 1, [], 0, []
    number = 0
    while True:
        line = fh.readline(max_line_bytes + 1)
        if not line:
            break
        number += 1
        if len(line) > max_line_bytes and not line.endswith(b"\n"):
            while True:  # drain the rest of the over-long line
                rest = fh.readline(1024 * 1024)
                if not rest or rest.endswith(b"\n"):
                    break
            errors.append((number, f"line longer than {size_text(max_line_bytes)}; skipped"))
            line = b"\n"
        lines.append(line)
        size += len(line)
        if len(lines) >= chunk_lines or size >= chunk_bytes:
            yield first, b"".join(lines), errors
            first, lines, size, errors = number + 1, [], 0, []
    if lines or errors:
        yield first, b"".join(lines), errors


def read_stream(stream: IO[str], name: str = "-") -> Iterator[Article | ReadFailure]:
    """Read one .txt article from a text stream (stdin)."""
    raw = stream.read()
    yield from _one(lambda: parse_txt(raw, name), name, True)


def read_path(path: str | Path, *, max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Article | ReadFailure]:
    """Every article in one file (any format above; unknown suffixes read as .txt), or ``-`` for stdin."""
    if str(path) == "-":
        yield from read_stream(sys.stdin)
        return
    p = Path(path)
    fmt = format_of(p) or "txt"
    try:
        with p.open("rb") as fh:
            if fmt == "jsonl":
                for first, data, errors in iter_jsonl_chunks(fh, max_line_bytes=max_bytes):
                    for line, error in errors:
                        yield ReadFailure(f"{path}#{line}", error)
                    if data.strip():
                        yield from read_bytes(data, fmt, str(path), first_line=first)
                return
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        yield ReadFailure(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if len(data) > max_bytes:
        yield ReadFailure(str(path), too_large_message(p.stat().st_size, max_bytes))
        return
    yield from read_bytes(data, fmt, str(path))


def size_text(n: int) -> str:
    """
    >>> size_text(20 * 2**20), size_text(1000)
    ('20 MB', '1000 bytes')
    """
    return f"{n / 2**20:g} MB" if n >= 2**20 else f"{n} bytes"


def too_large_message(size: int, max_bytes: int) -> str:
    """The error for a file over the size limit.

    >>> too_large_message(100 * 2**20, 20 * 2**20)
    'file too large: 100.0 MB, over the 20 MB limit for one article (split it, use .jsonl, or raise --max-file-mb)'
    """
    return (f"file too large: {size / 2**20:.1f} MB, over the {size_text(max_bytes)} limit for one article "
            "(split it, use .jsonl, or raise --max-file-mb)")
