"""Take the README's screenshots of the web page: `.venv/bin/python docs/screenshots.py`.

Starts the real app on 127.0.0.1 with a throw-away SQLite file, pastes the seed (ABC News) and
the wire-copy fixture (Meridian Wire) into the page the way a person would, and saves
docs/web-*.png of the main views, using Debian's chromium (the browser tests' harness).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "e2e")]

from e2e_live import SEED_PATH, WIRE_PATH, LiveServer, article_record, launch_chromium


def main() -> int:
    from playwright.sync_api import sync_playwright

    records = [article_record(SEED_PATH), article_record(WIRE_PATH)]
    with tempfile.TemporaryDirectory() as tmp, LiveServer(Path(tmp) / "store.sqlite3") as server, \
            sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(base_url=server.url, viewport={"width": 1200, "height": 900})
        page.goto("/")
        page.set_input_files("#files", [str(SEED_PATH), str(WIRE_PATH)])
        page.locator("#file-status").filter(has_text="Read 2 articles").wait_for()
        page.screenshot(path=DOCS / "web-add.png", full_page=True)
        page.get_by_role("button", name="Send to the store").click()
        page.locator("#stored-list a").first.wait_for()
        ids = [a.get_attribute("href") for a in page.locator("#stored-list a").all()]
        assert len(ids) == len(records), ids

        page.goto(ids[0])
        page.locator("#status").filter(has_text="numeric claim").wait_for()
        mark = page.locator("#article-text mark.claim", has_text="11,000")
        mark.scroll_into_view_if_needed()
        mark.focus()
        box = mark.bounding_box()
        top = max(0, box["y"] - 330) if box else 0
        page.screenshot(path=DOCS / "web-article.png", clip={"x": 0, "y": top, "width": 1200, "height": 760})

        page.goto("/discrepancies")
        page.locator("#status").filter(has_text="discrepanc").wait_for()
        page.screenshot(path=DOCS / "web-discrepancies.png", full_page=True)

        group = page.locator("#groups-table tbody tr", has_text="11,000").first
        if group.count() == 0:
            group = page.locator("#groups-table tbody tr").first
        page.goto(f"/discrepancies/{quote(group.get_attribute('data-group-id'), safe='')}")
        page.locator("#sides-table tbody tr").first.wait_for()
        page.screenshot(path=DOCS / "web-discrepancy.png", full_page=True)
        browser.close()
    for name in ("web-add", "web-article", "web-discrepancies", "web-discrepancy"):
        print(DOCS / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
