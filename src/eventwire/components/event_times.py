"""The ``event_times`` component: gives each event in ``doc.events`` a date.

The date is the time expression governing the event's clause (basis
``"expression"``), else the publication date (basis ``"publication"``), else
null. Runs after ``events`` and ``times``.
"""
from __future__ import annotations

from ..document import Document
from ..pipeline import component
from ..time.event_dates import event_date


@component("event_times", reads=["times"], writes=["events.date"], version="1")
def make_event_times(settings: dict):
    def run(docs: list[Document]) -> None:
        for doc in docs:
            sdoc = doc.user_data.get("spacy")
            for ev in doc.events:
                ev.date = event_date(doc, ev, sdoc)

    return run
