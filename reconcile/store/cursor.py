"""Opaque pagination cursors: the sort key of the last item, as URL-safe base64 JSON."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from reconcile.errors import InvalidInput


def encode_cursor(key: dict[str, Any]) -> str:
    """Encode the sort key of the last item of a page.

    >>> decode_cursor(encode_cursor({"after": 42}), {"after": int})
    {'after': 42}
    """
    raw = json.dumps(key, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, fields: dict[str, type]) -> dict[str, Any]:
    """Decode a cursor, checking it carries exactly ``fields`` of the right types.

    >>> decode_cursor("bogus", {"after": int})
    Traceback (most recent call last):
    reconcile.errors.InvalidInput: invalid cursor
    """
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error):
        raise InvalidInput("invalid cursor", cursor=cursor[:100]) from None
    if not isinstance(data, dict) or set(data) != set(fields):
        raise InvalidInput("invalid cursor", cursor=cursor[:100])
    for name, typ in fields.items():
        value = data[name]
        if typ is float and isinstance(value, int) and not isinstance(value, bool):
            data[name] = float(value)
        elif not isinstance(value, typ) or isinstance(value, bool):
            raise InvalidInput("invalid cursor", cursor=cursor[:100])
    return data
