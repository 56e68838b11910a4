"""One claim's context, from the modules that read each part: counted, owner, scope, speaker, as-of."""

from __future__ import annotations

import re

from reconcile.context.asof import find_as_of
from reconcile.context.counted import find_counted, normalise_counted
from reconcile.context.document import Document, ascii_quotes
from reconcile.context.scope import find_scope
from reconcile.context.speaker import speaker_of
from reconcile.models import Claim

# A possessor right before a figure: "his third visit", "Austin's fourth visit", "Ukraine's".
POSSESSOR = re.compile(
    r"""(?P<who>\b(?:his|her|their|its)
        | (?:[A-Z][\w.\u2019'-]*\s+){0,3}[A-Z][\w.-]*[\u2019']s)   # a capitalised name with 's
        \s+(?:own\s+)?$""",
    re.VERBOSE,
)

# An agent after an ordinal's noun: "the third visit by Austin".
BY_AGENT = re.compile(r"\s+by\s+(?P<who>(?:[A-Z][\w.\u2019'-]*\s+){0,3}[A-Z][\w\u2019'-]*)")


def _owner(doc: Document, claim: Claim, counted_end: int | None) -> str | None:
    m = POSSESSOR.search(doc.text, max(0, claim.start - 60), claim.start)
    who = m.group("who") if m else None
    if who is None and claim.kind == "ordinal" and counted_end is not None:
        by = BY_AGENT.match(doc.text, counted_end)
        who = by.group("who") if by else None
    if who is None:
        return None
    low = who.lower()
    if low in {"his", "her"}:
        person = doc.names.last_person_before(claim.start)
        return person.name if person else None
    if low in {"its", "their"}:
        for att in reversed([a for a in doc.attributions if a.end <= claim.start]):
            if doc.names.person_named(att.speaker) is None:
                return att.speaker
        return None
    name = ascii_quotes(who)
    name = name[:-2] if name.endswith("'s") else name
    person = doc.names.person_named(name)
    return person.name if person else name


def _counted_end(doc: Document, claim: Claim) -> int | None:
    """Where the extractor's counted phrase ends in the text, searching just after the figure."""
    if not claim.counted_text:
        return None
    at = doc.text.find(claim.counted_text, claim.end, claim.end + 40 + len(claim.counted_text))
    return at + len(claim.counted_text) if at >= 0 else None


def annotate_claim(doc: Document, claim: Claim, antecedent: str | None) -> Claim:
    """A copy of ``claim`` with every context field filled."""
    text = doc.text
    sent_start, sent_end = doc.sentence_span(claim.start)
    sent_end = max(sent_end, claim.end)
    counted_text = claim.counted_text
    counted = normalise_counted(counted_text, doc.lexicon) if counted_text else None
    counted_end = _counted_end(doc, claim)
    tail = None
    if counted is None:
        found = find_counted(text, claim.start, claim.end, sent_start, sent_end, str(claim.kind),
                             antecedent, doc.lexicon)
        if found is not None:
            counted, tail = found.counted, found.tail
            counted_text = found.counted_text or counted_text
            counted_end = found.end
    scope = find_scope(doc, claim.start, claim.end, counted_end, tail, counted_text, str(claim.kind))
    speaker, role = speaker_of(doc, claim.start, claim.end)
    when = find_as_of(doc, claim.start, claim.end, scope.used)
    article = doc.article
    return claim.model_copy(
        update={
            "counted": counted,
            "counted_text": counted_text,
            "owner": _owner(doc, claim, counted_end),
            "scope": scope.text,
            "scope_info": scope.info,
            "speaker": speaker,
            "speaker_role": role,
            "as_of": when.as_of,
            "as_of_end": when.as_of_end,
            "as_of_text": when.text,
            "projection": when.projection,
            "source": claim.source if claim.source is not None else article.source,
            "url": claim.url if claim.url is not None else article.url,
            "published": claim.published if claim.published is not None else article.published,
            "title": claim.title if claim.title is not None else article.title,
        }
    )
