"""The ``quotes`` component: direct and indirect quotes with speaker, cue and sources.

Reads the spaCy parse (``nlp``) and, when the ``actors`` stage ran before it,
``doc.actors`` to link speakers and sources to actors. See
:mod:`eventwire.quotes` for how quotes are found and
:mod:`eventwire.attribution` for the per-sentence sourcing API.
"""
from __future__ import annotations

from ..document import Document
from ..pipeline import component
from ..quotes.extract import extract_quotes


@component("quotes", reads=["sentences", "spacy"], writes=["quotes"], version="1")
def make_quotes(settings: dict):
    def run(docs: list[Document]) -> None:
        for doc in docs:
            doc.quotes = extract_quotes(doc)

    return run
