"""Dates of articles: from metadata strings, or written in the first lines of the text.

Never the wall clock: a date that is not written anywhere is ``None``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from reconcile.lexicons import load

#: Month names and their abbreviations: the one list, in the ``dates`` lexicon (shared with as-of dates).
MONTHS: dict[str, int] = load("dates")["months"]
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))

ISO_DATE = re.compile(
    r"""(?<!\d)(?P<y>(?:19|20)\d\d)   # year
        -(?P<m>\d\d)                 # month
        -(?P<d>\d\d)(?!\d)           # day
    """,
    re.VERBOSE,
)

MONTH_DAY_YEAR = re.compile(
    rf"""\b(?P<mon>{_MONTH})\.?            # month name: Oct. / October
        \s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?  # day, optional ordinal suffix
        ,?\s+(?P<y>(?:19|20)\d\d)\b        # year
    """,
    re.VERBOSE | re.IGNORECASE,
)

DAY_MONTH_YEAR = re.compile(
    rf"""\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?  # day, optional ordinal suffix
        \s+(?:of\s+)?(?P<mon>{_MONTH})\.?  # month name
        ,?\s+(?P<y>(?:19|20)\d\d)\b        # year
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: How many non-empty lines at the top of a text may hold its dateline.
DATELINE_LINES = 3


def _build(y: str, m: int | str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def find_date(text: str) -> date | None:
    """The first full date (with a year) written in ``text``, or None.

    >>> find_date("WASHINGTON, Oct. 21, 2024 (Wire) - Troops")
    datetime.date(2024, 10, 21)
    >>> find_date("Updated 21 October 2024 at 09:30")
    datetime.date(2024, 10, 21)
    >>> find_date("Posted 2024-10-21T09:30Z")
    datetime.date(2024, 10, 21)
    >>> find_date("on Monday, Oct. 21") is None
    True
    """
    found: list[tuple[int, date]] = []
    for m in ISO_DATE.finditer(text):
        d = _build(m["y"], m["m"], m["d"])
        if d:
            found.append((m.start(), d))
            break
    for pattern in (MONTH_DAY_YEAR, DAY_MONTH_YEAR):
        for m in pattern.finditer(text):
            d = _build(m["y"], MONTHS[m["mon"].lower()], m["d"])
            if d:
                found.append((m.start(), d))
                break
    return min(found)[1] if found else None


def date_in_first_lines(text: str, lines: int = DATELINE_LINES) -> date | None:
    """A date written in the first non-empty lines of an article (its dateline), or None.

    >>> date_in_first_lines("Oct. 21, 2024\\n\\nBody text.")
    datetime.date(2024, 10, 21)
    >>> date_in_first_lines("a\\nb\\nc\\nd, since Oct. 21, 2024") is None
    True
    """
    head = [line for line in text[:2000].splitlines() if line.strip()][:lines]
    return find_date("\n".join(head))


def parse_date(value: Any) -> date | None:
    """A date from metadata (ISO, RFC 2822, or written out); None when absent or unparseable.

    >>> parse_date("2024-10-21")
    datetime.date(2024, 10, 21)
    >>> parse_date("2024-10-21T09:30:00Z")
    datetime.date(2024, 10, 21)
    >>> parse_date("Mon, 21 Oct 2024 09:30:00 GMT")
    datetime.date(2024, 10, 21)
    >>> parse_date("October 21, 2024")
    datetime.date(2024, 10, 21)
    >>> parse_date("soon") is None
    True
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    if "," in text[:5] or text[:1].isdigit():
        try:
            return parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError):
            pass
    return find_date(text)
