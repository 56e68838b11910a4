"""The real app on 127.0.0.1 and Debian's chromium, for the browser tests and the screenshot script.

Nothing here is faked: ``LiveServer`` runs ``api.app.create_app`` under uvicorn in a thread on a
free loopback port with its own SQLite file; ``launch_chromium`` starts ``/usr/bin/chromium``
through Playwright (never a downloaded browser: ``playwright install`` needs the network).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_PATH = ROOT / "seeds" / "abc-austin-kyiv-2024-10-21.txt"
WIRE_PATH = FIXTURES / "wire-north-korea-troops-2024-10-22.txt"

#: The flags the project runs chromium with: headless, no sandbox (containers), and no traffic of its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """Debian's chromium (or ``$RECONCILE_CHROMIUM``); None when this machine has none.

    >>> chromium_path() is None or os.path.isfile(chromium_path())
    True
    """
    for candidate in (os.environ.get("RECONCILE_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def launch_chromium(playwright: Any) -> Any:
    """A headless chromium driven by Playwright's sync API."""
    path = chromium_path()
    if path is None:
        raise FileNotFoundError("no chromium: apt-get install chromium")
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)


class LiveServer:
    """``create_app(Settings(db=...))`` served by uvicorn in a thread on 127.0.0.1:<free port>."""

    def __init__(self, db_path: Path, **settings: Any) -> None:
        import uvicorn

        from api.app import create_app
        from api.settings import Settings

        self.db_path = db_path
        self.app = create_app(Settings(db=db_path, **settings))
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._sock]}, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the app did not start on 127.0.0.1")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=15)
        self._sock.close()


@dataclass
class Watch:
    """What a page did that it must not: leave 127.0.0.1, open a dialog, throw an uncaught error."""

    offsite: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def open_page(browser: Any, server: LiveServer) -> tuple[Any, Any, Watch]:
    """A fresh context whose every request off the app's origin is recorded and refused (offline)."""
    context = browser.new_context(base_url=server.url, accept_downloads=True, viewport={"width": 1200, "height": 900})
    watch = Watch()

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith((server.url + "/", "data:")):
            route.continue_()
        else:
            watch.offsite.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    return context, page, watch


def article_record(path: Path) -> dict[str, str]:
    """A .txt article (header lines, blank line, text) as the page's form fields."""
    from reconcile.ingest import parse_txt

    article = parse_txt(path.read_text(encoding="utf-8"), path.name)
    return {
        "text": article.text,
        "source": article.source or "",
        "url": article.url or "",
        "published": article.published.isoformat() if article.published else "",
        "title": article.title or "",
    }


def paste_articles(page: Any, base_url: str, records: Iterable[dict[str, str]]) -> list[str]:
    """Paste each record into the "Add articles" form, send, and return the stored article ids in order."""
    page.goto(f"{base_url}/")
    for n, record in enumerate(records, start=1):
        if n > 1:
            page.get_by_role("button", name="Add another article").click()
        fieldset = page.locator("fieldset.article-form").nth(n - 1)
        fieldset.get_by_label("Text").fill(record["text"])
        fieldset.get_by_label("Outlet").fill(record.get("source", ""))
        fieldset.get_by_label("URL").fill(record.get("url", ""))
        if record.get("published"):
            fieldset.get_by_label("Date published").fill(record["published"])
        fieldset.get_by_label("Title").fill(record.get("title", ""))
    page.get_by_role("button", name="Send to the store").click()
    links = page.locator("#stored-list a")
    links.first.wait_for()
    return [
        unquote(href.removeprefix("/articles/")) for href in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    ]
