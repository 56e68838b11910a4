"""The doctests of the small helpers under api/ (the suite's --doctest-modules covers reconcile/ only, the store included)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["api.settings", "api.errors", "api.deps", "api.service", "api.claimreview", "api.extract_cache", "api.workers"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0
