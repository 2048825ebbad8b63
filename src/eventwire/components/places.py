"""The ``places`` and ``event_places`` components (see :mod:`eventwire.places`).

``places`` reads the spaCy parse and writes ``doc.places``: each toponym
resolved against the project's gazetteer (country, admin1, coordinates,
GeoNames id, kind), capitals and countries that stand for their governments
marked ``metonym``. It uses ``doc.actors`` when the actors stage ran before it.

``event_places`` gives each event in ``doc.events`` the place it happened in
(or null). It declares no read of ``events`` so that it can run in a pipeline
without the event coder (it then has nothing to do); put it after ``events``.
"""
from __future__ import annotations

from ..document import Document
from ..pipeline import component
from ..places import annotate_places, assign_event_places, load_gazetteer


@component("places", reads=["spacy", "entities"], writes=["places"], version="1",
           defaults={"gazetteer": ""})
def make_places(settings: dict):
    gaz = load_gazetteer(settings.get("gazetteer") or None)

    def run(docs: list[Document]) -> None:
        for doc in docs:
            annotate_places(doc, gaz)

    run.meta = {"gazetteer": gaz.version}
    return run


@component("event_places", reads=["places", "spacy"], writes=["event_places"], version="1")
def make_event_places(settings: dict):
    def run(docs: list[Document]) -> None:
        for doc in docs:
            assign_event_places(doc)

    return run
