"""The ``actors`` component: mentions -> actors with CAMEO-style codes.

Reads the spaCy parse the ``nlp`` stage left in ``doc.user_data["spacy"]``,
matches the knowledge base over it (:mod:`eventwire.actors.gazetteer`),
composes phrases into actors (:mod:`eventwire.actors.linker`), resolves role
references and pronouns (:mod:`eventwire.actors.coref`), then fills
``doc.actors`` and sets ``entity.actor`` on every entity a mention covers.
Offices are resolved at ``doc.source.published`` (the KB's latest holders
when the date is unknown).
"""
from __future__ import annotations

from ..actors.link import link_document
from ..actors.kb import load_kb
from ..components.nlp import load_model
from ..document import Document
from ..pipeline import component


@component("actors", reads=["entities", "spacy"], writes=["actors"], version="1",
           defaults={"model": "auto"})
def make_actors(settings: dict):
    kb = load_kb()
    nlp = load_model(settings["model"])

    def run(docs: list[Document]) -> None:
        for doc in docs:
            link_document(doc, nlp)

    run.meta = {"kb": f"eventwire-kb {kb.version} (as of {kb.as_of})"}
    return run
