"""The ``tone`` component: article and sentence tone (GDELT's AvgTone analogue).

Uses the VADER lexicon and rules shipped in the ``vaderSentiment`` package
(valence-aware, handles negation, intensifiers and "but" clauses), sentence by
sentence. Each sentence gets its compound score in [-1, 1]; the article gets

- ``score``: the length-weighted mean of the sentence compound scores, in [-1, 1];
- ``positive`` / ``negative``: the length-weighted mean share of positive and
  negative wording (VADER's ``pos``/``neg`` proportions, in [0, 1]).

Weighting by sentence length keeps one short exclamation from setting the tone
of a long report.
"""
from __future__ import annotations

from functools import lru_cache

from ..document import Document, Tone
from ..pipeline import component

VADER_VERSION = "vaderSentiment 3.3.2"


@lru_cache(maxsize=1)
def analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def sentence_scores(text: str) -> dict[str, float]:
    return analyzer().polarity_scores(text)


def document_tone(doc: Document) -> Tone:
    """Score every sentence of ``doc`` (setting ``Sentence.tone``) and return the article's tone."""
    total = pos = neg = score = 0.0
    spans = doc.sentences or []
    if not spans and doc.text.strip():
        scores = sentence_scores(doc.text)
        return Tone(round(scores["compound"], 4), round(scores["pos"], 4), round(scores["neg"], 4))
    for s in spans:
        text = doc.text[s.start:s.end]
        if not text.strip():
            continue
        sc = sentence_scores(text)
        s.tone = round(sc["compound"], 4)
        w = float(len(text.split()))
        total += w
        score += w * sc["compound"]
        pos += w * sc["pos"]
        neg += w * sc["neg"]
    if not total:
        return Tone(0.0, 0.0, 0.0)
    return Tone(round(score / total, 4), round(pos / total, 4), round(neg / total, 4))


@component("tone", reads=["sentences"], writes=["tone"], version="1")
def make_tone(settings: dict):
    analyzer()

    def run(docs: list[Document]) -> None:
        for doc in docs:
            doc.tone = document_tone(doc)

    run.meta = {"tone": VADER_VERSION}
    return run
