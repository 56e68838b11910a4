"""The page routes without a browser: every view renders, ids are escaped, assets are local."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings

STATIC = Path(__file__).resolve().parents[2] / "api" / "static"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    app = create_app(Settings(db=tmp_path_factory.mktemp("pages") / "store.sqlite3"))
    with TestClient(app) as c:
        yield c


@pytest.mark.parametrize("path", ["/", "/articles", "/articles/abc", "/articles/a/b.txt", "/discrepancies",
                                  "/discrepancies/0123abcd"])
def test_every_view_renders(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<main id="main"' in response.text


def test_ids_from_the_address_are_escaped(client: TestClient) -> None:
    payload = '"><script>alert(1)</script>'
    html = client.get(f"/articles/{payload}").text
    assert "<script>alert(1)</script>" not in html
    assert 'data-article-id="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    html = client.get("/discrepancies/x\"onmouseover=\"alert(1)").text
    assert 'onmouseover="alert(1)"' not in html


def test_every_asset_the_pages_name_is_served_locally(client: TestClient) -> None:
    named: set[str] = set()
    for path in ("/", "/articles", "/articles/x", "/discrepancies", "/discrepancies/x"):
        html = client.get(path).text
        named |= set(re.findall(r'(?:src|href)="(/static/[^"]+)"', html))
    for js in STATIC.glob("*.js"):  # modules imported by other modules
        named |= {f"/static/{m}" for m in re.findall(r'from "\./([\w-]+\.js)"', js.read_text("utf-8"))}
    assert {"/static/style.css", "/static/add.js", "/static/common.js", "/static/chart.js"} <= named
    for asset in sorted(named):
        response = client.get(asset)
        assert response.status_code == 200, asset


def test_no_script_or_style_comes_from_another_host() -> None:
    for path in [*STATIC.iterdir(), *(STATIC.parent / "templates").iterdir()]:
        text = path.read_text("utf-8")
        assert not re.search(r"""(?:src|href|url\()\s*=?\s*["']?(?:https?:)?//""", text), path.name
        assert "@import" not in text, path.name
