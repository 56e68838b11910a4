"""The pipeline splits an article into sentences once and hands the spans to both stages."""

from __future__ import annotations

import pytest

import reconcile.extract
import reconcile.extract.sentences
import reconcile.pipeline
from reconcile.context import annotate
from reconcile.context.topic import topic_keys
from reconcile.extract import extract_quantities
from reconcile.models import Article

WIRE = (
    "KYIV, Ukraine (Wire) -- Nearly 11,000 North Korean troops are in eastern Russia, Ukraine's intelligence "
    "chief Kyrylo Budanov said on Monday. South Korea's spy agency said last week that 1,500 soldiers had arrived. "
    '"The first group of 2,600 is earmarked for Kursk," he added. It was his fourth visit as defense secretary.'
)


def test_sentences_are_split_once_per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = reconcile.extract.sentences.split_sentences

    def counting(text: str) -> list[tuple[int, int]]:
        calls.append(len(text))
        return real(text)

    # every name the stages reach the splitter by: the pipeline's, the extractor's, the context's lazy import
    monkeypatch.setattr(reconcile.pipeline, "split_sentences", counting)
    monkeypatch.setattr(reconcile.extract, "split_sentences", counting)
    monkeypatch.setattr(reconcile.extract.sentences, "split_sentences", counting)
    claims = reconcile.pipeline.extract_claims(Article(id="w", text=WIRE, published="2024-10-21"))
    assert len(claims) >= 4
    assert any(c.speaker for c in claims)  # the context stage ran and read sentences
    assert calls == [len(WIRE)]


def test_handing_over_the_spans_changes_nothing() -> None:
    article = Article(id="w", text=WIRE, published="2024-10-21")
    separate = annotate(article, extract_quantities(article), topic=topic_keys(article))
    assert reconcile.pipeline.extract_claims(article) == separate
