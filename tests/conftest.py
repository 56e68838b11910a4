"""Shared fixtures: the seed article, parsed the way the CLI reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.ingest import parse_txt
from reconcile.models import Article

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "seeds" / "abc-austin-kyiv-2024-10-21.txt"


@pytest.fixture(scope="session")
def seed() -> Article:
    return parse_txt(SEED_PATH.read_text(encoding="utf-8"), "seeds/abc-austin-kyiv-2024-10-21.txt")
