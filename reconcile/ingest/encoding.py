"""Bytes -> text.  UTF-8 first; a legacy single-byte encoding (Windows-1252 and kin) when the
bytes hold no UTF-8 at all; otherwise UTF-8 with replacement characters, and a warning that says so.

Binary files (images, PDFs, archives, anything with NUL bytes) are refused with a reason.
"""

from __future__ import annotations

import codecs
import re

from reconcile.errors import UnreadableArticle

#: File signatures of common non-article files, and how to name them in errors.csv.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

#: Well-formed multi-byte UTF-8 sequences: their presence means the file is UTF-8 (with damage).
UTF8_MULTIBYTE = re.compile(
    rb"""[\xc2-\xdf][\x80-\xbf]               # two-byte sequence
       | \xe0[\xa0-\xbf][\x80-\xbf]           # three-byte, no overlong forms
       | [\xe1-\xec\xee\xef][\x80-\xbf]{2}    # three-byte
       | \xed[\x80-\x9f][\x80-\xbf]           # three-byte, no surrogates
       | \xf0[\x90-\xbf][\x80-\xbf]{2}        # four-byte, no overlong forms
       | [\xf1-\xf3][\x80-\xbf]{3}            # four-byte
       | \xf4[\x80-\x8f][\x80-\xbf]{2}        # four-byte, up to U+10FFFF
    """,
    re.VERBOSE,
)

#: Guesses of charset-normalizer that mean "Western European single-byte": read as Windows-1252,
#: the superset news files in these encodings are nearly always written in.
WESTERN = {"cp1252", "latin_1", "iso8859_15", "iso8859_1", "cp850", "mac_roman", "ascii"}

#: How much of a file the encoding guesser looks at (it is slow on large inputs).
GUESS_BYTES = 64 * 1024


def sniff_binary(head: bytes) -> str | None:
    """Name the kind of a binary file from its first bytes, or None for text.

    >>> sniff_binary(b"\\x89PNG\\r\\n\\x1a\\n....")
    'a PNG image'
    >>> sniff_binary(b"abc\\x00def")
    'a binary file (NUL bytes)'
    >>> sniff_binary(b"Plain text") is None
    True
    """
    for magic, name in MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in head[:8192]:
        return "a binary file (NUL bytes)"
    return None


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes -> (text, warning or None); raises ``UnreadableArticle`` for binary data.

    >>> decode("caf\\u00e9".encode())
    ('café', None)
    >>> decode("\\u00a3300m \\u201cnearly\\u201d".encode("cp1252"))
    ('£300m “nearly”', 'not UTF-8; decoded as Windows-1252')
    >>> decode(b"caf\\xc3\\xa9 and \\xff")[1]
    'invalid UTF-8: 1 undecodable byte(s) replaced with U+FFFD'
    """
    kind = sniff_binary(data[:8192])
    if kind is not None:
        raise UnreadableArticle(f"not an article: {kind}")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            raise UnreadableArticle(f"broken UTF-16: {exc.reason}") from exc
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if not UTF8_MULTIBYTE.search(data):
        legacy = _guess_legacy(data)
        if legacy is not None:
            return legacy
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\xef\xbf\xbd".encode("latin-1"))
    return text, f"invalid UTF-8: {bad} undecodable byte(s) replaced with U+FFFD"


def _mostly_ascii(data: bytes) -> bool:
    """More ASCII letters than high bytes: Western text with accents, curly quotes or "£", where
    Windows-1252 is the answer and a statistical guess on a short text goes wrong.

    >>> _mostly_ascii("\u00a3300m \u201cnearly\u201d".encode("cp1252"))
    True
    >>> _mostly_ascii("\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442".encode("cp1251"))
    False
    """
    sample = data[:GUESS_BYTES]
    high = sum(1 for b in sample if b >= 0x80)
    letters = sum(1 for b in sample if 0x61 <= (b | 0x20) <= 0x7A)  # ASCII letters, either case
    return high <= letters


def _guess_legacy(data: bytes) -> tuple[str, str] | None:
    """A single-byte legacy encoding for bytes without any UTF-8 in them, or None."""
    encoding = "cp1252"
    if not _mostly_ascii(data):
        from charset_normalizer import from_bytes  # lazy: only non-Western files pay for it

        best = from_bytes(data[:GUESS_BYTES]).best()
        if best is not None and best.encoding not in WESTERN:
            encoding = best.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    label = "Windows-1252" if encoding == "cp1252" else encoding
    return text, f"not UTF-8; decoded as {label}"
