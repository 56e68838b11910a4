"""Bytes -> text: UTF-8, legacy encodings, damaged UTF-8, binary files."""

from __future__ import annotations

import codecs

import pytest

from reconcile.errors import UnreadableArticle
from reconcile.ingest.encoding import decode, sniff_binary

NEWS = ("The council said repairs would cost \u00a3300m \u2013 \u201cnearly double\u201d the estimate \u2014 "
        "and that the caf\u00e9 on the pier, worth \u20ac2m, would close. It\u2019s the third delay.")


def test_utf8_is_read_as_is() -> None:
    assert decode(NEWS.encode()) == (NEWS, None)


def test_utf8_bom_is_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + b"About 5 people.") == ("About 5 people.", None)


def test_utf16_with_bom_is_read() -> None:
    assert decode(NEWS.encode("utf-16"))[0] == NEWS


def test_windows_1252_with_curly_quotes_pound_and_euro() -> None:
    text, warning = decode(NEWS.encode("cp1252"))
    assert text == NEWS and warning == "not UTF-8; decoded as Windows-1252"


@pytest.mark.parametrize("snippet", ["\u00a3300m", "\u201cquoted\u201d", "caf\u00e9", "it\u2019s 40\u00b0C"])
def test_short_legacy_snippets_are_windows_1252(snippet: str) -> None:
    assert decode(f"Officials said {snippet} today.".encode("cp1252"))[0] == f"Officials said {snippet} today."


def test_non_western_legacy_encoding_is_guessed() -> None:
    text = "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0437\u0430\u044f\u0432\u0438\u043b, " \
           "\u0447\u0442\u043e 1500 \u0441\u043e\u043b\u0434\u0430\u0442 \u043f\u0440\u0438\u0431\u044b\u043b\u0438"
    decoded, warning = decode(text.encode("cp1251"))
    assert decoded == text and warning == "not UTF-8; decoded as cp1251"


def test_damaged_utf8_is_replaced_and_said() -> None:
    text, warning = decode("caf\u00e9 \u201cquote\u201d".encode() + b" \xff\xfe end")
    assert text == "caf\u00e9 \u201cquote\u201d \ufffd\ufffd end"
    assert warning == "invalid UTF-8: 2 undecodable byte(s) replaced with U+FFFD"


@pytest.mark.parametrize("head, kind", [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    (b"GIF89a\x01\x00", "a GIF image"),
    (b"%PDF-1.7\n", "a PDF document"),
    (b"PK\x03\x04\x14\x00", "a ZIP archive (or an Office document)"),
    (b"\x00\x01\x02\x03", "a binary file (NUL bytes)"),
])
def test_binary_files_are_refused_with_their_kind(head: bytes, kind: str) -> None:
    assert sniff_binary(head) == kind
    with pytest.raises(UnreadableArticle, match=kind.replace("(", r"\(").replace(")", r"\)")):
        decode(head + b"more bytes")
