"""Lexicons are data: JSON files beside this module, editable without touching code.

``load(name)`` returns the parsed file, cached; callers build their injectable lexicon
objects from it (see ``reconcile.extract.lexicon`` and ``reconcile.context.lexicon``).
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.cache
def load(name: str) -> Any:
    """Parse ``reconcile/lexicons/<name>.json``.

    >>> isinstance(load("nonclaims"), dict)
    True
    """
    with resources.files(__name__).joinpath(f"{name}.json").open(encoding="utf-8") as fh:
        return json.load(fh)
