"""Markdown articles: optional YAML front matter between ``---`` lines, then the body."""

from __future__ import annotations

import re
from typing import Any

from reconcile.errors import UnreadableArticle

FRONT_MATTER = re.compile(
    r"""\A---[ \t]*\r?\n        # opening fence on the first line
        (?P<yaml>.*?)\r?\n      # the YAML block
        (?:---|\.\.\.)[ \t]*    # closing fence
        (?:\r?\n|\Z)            # end of that line
    """,
    re.VERBOSE | re.DOTALL,
)

#: Front-matter keys, as publishing tools write them, mapped to Article fields.
FRONT_MATTER_KEYS = {
    "title": "title", "headline": "title",
    "source": "source", "outlet": "source", "publisher": "source", "site_name": "source", "site": "source",
    "url": "url", "link": "url", "canonical_url": "url", "permalink": "url",
    "date": "published", "published": "published", "pubdate": "published", "published_at": "published",
    "author": "author", "authors": "author", "byline": "author",
    "id": "id",
}


def split_front_matter(raw: str) -> tuple[dict[str, Any], str, str | None]:
    """(article fields, body, warning) of a Markdown file; offsets are into the body.

    >>> fields, body, warn = split_front_matter("---\\ntitle: T\\ndate: 2024-10-21\\n---\\nBody.")
    >>> fields["title"], str(fields["published"]), body, warn
    ('T', '2024-10-21', 'Body.', None)
    >>> split_front_matter("No front matter.")
    ({}, 'No front matter.', None)
    """
    import yaml  # lazy: only Markdown files need it

    raw = raw.removeprefix("\ufeff")
    m = FRONT_MATTER.match(raw)
    if not m:
        return {}, raw, None
    body = raw[m.end():]
    try:
        meta = yaml.safe_load(m.group("yaml"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        return {}, body, f"broken YAML front matter{where}; metadata ignored, body read"
    if meta is None:
        return {}, body, None
    if not isinstance(meta, dict):
        return {}, body, "front matter is not a mapping; metadata ignored, body read"
    fields: dict[str, Any] = {}
    for key, value in meta.items():
        name = FRONT_MATTER_KEYS.get(str(key).lower())
        if name is None or name in fields or value is None:
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        if isinstance(value, dict):
            value = value.get("name")
            if value is None:
                continue
        fields[name] = value if name == "published" else str(value)
    return fields, body, None


def check_body(body: str, ident: str) -> None:
    if not body.strip():
        raise UnreadableArticle("the article has no text", id=ident)
