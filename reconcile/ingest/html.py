"""HTML pages: main text and metadata (title, outlet, date, author, URL) through trafilatura."""

from __future__ import annotations

from typing import Any

from reconcile.errors import UnreadableArticle


def html_fields(raw: str, ident: str) -> dict[str, Any]:
    """Article fields of one HTML page: ``text`` (the main text, boilerplate removed) and metadata.

    Raises ``UnreadableArticle`` when the page has no main text.
    """
    import trafilatura  # lazy: heavy, and only HTML files need it

    doc = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # dates only from the page itself; htmldate never substitutes the clock
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise UnreadableArticle("no main text found in the HTML page", id=ident)
    return {
        "text": text,
        "title": getattr(doc, "title", None) or None,
        "source": getattr(doc, "sitename", None) or None,
        "url": getattr(doc, "url", None) or None,
        "published": getattr(doc, "date", None) or None,
        "author": getattr(doc, "author", None) or None,
    }
