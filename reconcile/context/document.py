"""Per-article work done once and shared by every claim: sentences, quotations, names, speakers.

A ``Document`` wraps one ``Article``.  Everything on it is computed lazily, on first use, and
kept for the article's other claims, so an article whose claims need no cross-sentence lookup
never pays for one.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from reconcile.context.lexicon import ContextLexicon
from reconcile.models import Article

# A sentence end: terminal punctuation, optional closing quotes, then space and a likely sentence start.
SENTENCE_END = re.compile(
    r"""(?<=[.!?])          # after terminal punctuation
        ["\u201d\u2019']*   # closing quotes that belong to the sentence
        \s+                 # the gap
        (?=["\u201c\u2018(]?[A-Z0-9])  # the next sentence begins with a capital or a digit
      | \n+                 # or a line break
    """,
    re.VERBOSE,
)

# Words ending in a full stop that do not end a sentence.
NON_FINAL = re.compile(
    r"""(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Sen|Rep|Gov|Rev|St|Gen|Brig|Cmdr|Jr|Sr
           |Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|etc|Inc|Corp|Co|Ltd|U\.S|U\.K|U\.N|[A-Z])
        \.)$   # an abbreviation or an initial right before the break
    """,
    re.VERBOSE,
)

# Longest span paired by straight quotes; longer means a mark was missed, and pairing restarts.
MAX_STRAIGHT_QUOTE = 400

# Opening and closing quotation marks (curly or straight).
QUOTE_CHAR = re.compile(r"""[\u201c\u201d"]""")


def fallback_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation, for when the extractor's splitter is not available.

    >>> t = "Lt. Gen. Budanov spoke. He said 5. Then 6!"
    >>> [t[a:b] for a, b in fallback_sentences(t)]
    ['Lt. Gen. Budanov spoke.', 'He said 5.', 'Then 6!']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        if m.group().strip("\n") and NON_FINAL.search(text, max(0, m.start() - 6), m.start()):
            continue
        end = m.start()
        while end > start and text[end - 1] in " \t\r":
            end -= 1
        if end > start:
            spans.append((start, end + len(m.group()) - len(m.group().lstrip("\"\u201d\u2019'"))))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def _split_sentences(text: str) -> list[tuple[int, int]]:
    try:
        from reconcile.extract.sentences import split_sentences
    except ImportError:  # the extractor's splitter has not landed yet
        return fallback_sentences(text)
    return list(split_sentences(text))


def ascii_quotes(text: str) -> str:
    """Typographic apostrophes and quotes folded to ASCII, for comparable names and phrases.

    >>> ascii_quotes("Russia\u2019s")
    "Russia's"
    """
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')


@dataclass(frozen=True)
class Quote:
    """One quotation: offsets of the opening and closing marks (end is after the closing mark)."""

    start: int
    end: int


#: How far before the first claim attribution cues are still read (references back: "the official").
FOCUS_BEFORE = 3000

#: How far after the last claim they are read ('"...," said X.' after a quoted figure).
FOCUS_AFTER = 400


class Document:
    """One article plus the lazily computed, cached facts the context modules share."""

    def __init__(self, article: Article, lexicon: ContextLexicon, focus: tuple[int, int] | None = None,
                 sentences: list[tuple[int, int]] | None = None) -> None:
        self.article = article
        self.text = article.text
        if sentences is not None:
            self.__dict__["sentences"] = sentences  # the extractor's spans of this text: split once, not twice
        self.lexicon = lexicon
        # The part of the text attribution cues are read from: up to FOCUS_BEFORE characters before the
        # first claim (for references back) to a little after the last; the whole text by default.
        self.focus = focus if focus is not None else (0, len(self.text))
        # From the first claim's start to the last one's end (the whole text unless ``annotate`` says).
        self.claims_span = (0, len(self.text))
        # Date searches around hint words, kept for the claims whose windows overlap (asof.py).
        self.date_searches: dict[tuple[int, int, int], re.Match[str] | None] = {}
        # Date phrases of each claim window, and whether a sentence looks ahead ("will", "is expected to"):
        # claims of one short sentence share them (asof.py).
        self.date_windows: dict[tuple[int, int], list[re.Match[str]]] = {}
        self.hint_spans: list[tuple[int, int]] | None = None  # words every date phrase holds, whole text
        self.futures: dict[tuple[int, int], bool] = {}
        # The cue that attributes each quotation, by the quotation's start (speaker.py).
        self.quote_attributions: dict[int, object] = {}

    @functools.cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return _split_sentences(self.text)

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence holding offset ``pos`` (the last one starting at or before it)."""
        return max(0, bisect.bisect_right(self._sentence_starts, pos) - 1)

    def sentence_span(self, pos: int) -> tuple[int, int]:
        if not self.sentences:
            return (0, len(self.text))
        return self.sentences[self.sentence_index(pos)]

    def window(self, start: int, end: int, reach: int = 300) -> tuple[int, int]:
        """The claim's sentence, clipped to ``reach`` characters either side (linear on endless sentences)."""
        sent_start, sent_end = self.sentence_span(start)
        return max(sent_start, start - reach), min(max(sent_end, end), end + reach)

    @functools.cached_property
    def _newlines(self) -> list[int]:
        return [m.start() for m in re.finditer("\n", self.text)]

    def paragraph_start(self, pos: int) -> int:
        i = bisect.bisect_left(self._newlines, pos) - 1
        return self._newlines[i] + 1 if i >= 0 else 0

    @functools.cached_property
    def quotes(self) -> list[Quote]:
        """Quotations, paired per paragraph: curly marks by direction, straight ones alternately."""
        found: list[Quote] = []
        open_at: int | None = None
        para_end = -1
        for m in QUOTE_CHAR.finditer(self.text):
            pos = m.start()
            if pos > para_end:  # a new paragraph closes any quote left open
                nl = self.text.find("\n", pos)
                para_end = len(self.text) if nl < 0 else nl
                if open_at is not None and self.text.rfind("\n", open_at, pos) >= 0:
                    open_at = None
            ch = m.group()
            if open_at is not None and ch == '"' and pos - open_at > MAX_STRAIGHT_QUOTE:
                open_at = None  # unbalanced straight quotes: start pairing afresh here
            if ch == "\u201c" or (ch == '"' and open_at is None):
                open_at = pos
            elif open_at is not None:
                found.append(Quote(open_at, pos + 1))
                open_at = None
        return found

    @functools.cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    def quote_at(self, pos: int) -> Quote | None:
        """The quotation that contains ``pos``, if any."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end:
            return self.quotes[i]
        return None

    def quote_index(self, quote: Quote) -> int:
        return bisect.bisect_left(self._quote_starts, quote.start)

    @functools.cached_property
    def names(self):  # -> NameIndex; imported lazily to keep modules acyclic
        from reconcile.context.names import NameIndex

        return NameIndex(self.text, self.lexicon)

    @functools.cached_property
    def attribution_reader(self):  # -> speaker._Reader: attribution cues, read as far as the claims need
        from reconcile.context.speaker import _Reader

        return _Reader(self)

    @property
    def attributions(self):  # -> list[Attribution]
        """Every attribution cue of the focus, in text order (reads them all)."""
        from reconcile.context.speaker import find_attributions

        return find_attributions(self)
