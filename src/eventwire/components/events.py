"""The ``events`` component: CAMEO/PLOVER events from the parse and the actors.

Reads the spaCy parse (``doc.user_data["spacy"]``) and ``doc.actors``; writes
``doc.events``. The coder and its data files live in :mod:`eventwire.events`;
the versions of the codebook and of the pattern files go into every output.
"""
from __future__ import annotations

from ..document import Document
from ..events.codebook import load_codebook
from ..events.coder import Coder
from ..events.patterns import load_patterns
from ..pipeline import component


@component("events", reads=["spacy", "actors"], writes=["events"], version="1",
           defaults={"min_confidence": 0.0})
def make_events(settings: dict):
    codebook = load_codebook()
    patterns = load_patterns()
    coder = Coder(patterns, codebook)
    floor = float(settings["min_confidence"])

    def run(docs: list[Document]) -> None:
        for doc in docs:
            doc.events = [e for e in coder.code_document(doc) if e.confidence >= floor]

    run.meta = {"codebook": f"cameo+plover-2021 {codebook.version}", "patterns": patterns.version}
    return run
