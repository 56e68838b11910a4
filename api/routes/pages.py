"""The web page for fact-checkers: server-rendered page shells that call the JSON API.

Each route renders one Jinja2 template; a little plain JavaScript under ``/static`` fetches the
data from ``/v1`` and builds the view with DOM text nodes only, so article text is never parsed as
HTML.  The templates autoescape everything they are given (the ids in the URL included).  Nothing
here reads the store: the page sees exactly what any other API client sees.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@lru_cache(maxsize=1)
def get_templates() -> Jinja2Templates:
    """The one template environment; autoescaping is on for every template, whatever its name."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    return Jinja2Templates(env=env)


def _page(request: Request, template: str, **context: object) -> HTMLResponse:
    return get_templates().TemplateResponse(request, template, context)


@router.get("/", name="page_add")
def add_page(request: Request) -> HTMLResponse:
    """Paste or drop articles and send them to the store."""
    return _page(request, "add.html", nav="add")


@router.get("/articles", name="page_articles")
def articles_page(request: Request) -> HTMLResponse:
    """Every stored article, newest first."""
    return _page(request, "articles.html", nav="articles")


@router.get("/articles/{article_id:path}", name="page_article")
def article_page(request: Request, article_id: str) -> HTMLResponse:
    """One article with every numeric claim highlighted."""
    return _page(request, "article.html", nav="articles", article_id=article_id)


@router.get("/discrepancies", name="page_discrepancies")
def discrepancies_page(request: Request) -> HTMLResponse:
    """The discrepancies, filtered by verdict and quantity, most severe first."""
    return _page(request, "discrepancies.html", nav="discrepancies")


@router.get("/discrepancies/{group_id:path}", name="page_discrepancy")
def discrepancy_page(request: Request, group_id: str) -> HTMLResponse:
    """One discrepancy with every side, a chart of the values and the downloads."""
    return _page(request, "discrepancy.html", nav="discrepancies", group_id=group_id)
