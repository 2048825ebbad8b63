"""The ``quote_links`` component: each quote lists the events coded from its words.

Runs after ``events``. An event belongs to a quote when its trigger lies
inside the quote or the event was coded from the sentence that holds the
quote's cue (for "Xi told Putin that ...", the event "told" and the events
in the reported clause). Without an events stage every list stays empty.
"""
from __future__ import annotations

from ..document import Document, Quote
from ..pipeline import component


def link_quote(doc: Document, quote: Quote) -> list[str]:
    """Ids of the events coded from ``quote``'s sentence or inside its span."""
    sentences = {quote.sentence}
    if quote.cue:
        sentences.add(doc.sentence_index(quote.cue["start"]))
    return [e.id for e in doc.events
            if e.sentence in sentences or quote.start <= e.trigger.start < quote.end]


@component("quote_links", reads=["quotes"], writes=["quotes"], version="1")
def make_quote_links(settings: dict):
    def run(docs: list[Document]) -> None:
        for doc in docs:
            for q in doc.quotes:
                q.events = link_quote(doc, q)

    return run
