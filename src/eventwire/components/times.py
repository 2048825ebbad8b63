"""The ``times`` component: every time expression, normalised against the publication date.

The anchor is ``doc.source.published`` (from metadata or ``--published``).
Without one, a dateline at the top of the article ("June 6, 2005") is taken
as the publication date and marked ``published_basis: "inferred"``, failing
that a date in the page's address or the file's name ("/2016/07/25/",
"breitbart_2015-11-11_...txt"), inferred too; with no such evidence the anchor stays unknown and relative expressions get a null
value rather than a guess. The spaCy parse, when the ``nlp`` stage ran,
decides past or future readings by the tense of the governing clause.

Also leaves each expression's resolved day (a ``datetime.date`` or None) in
``doc.user_data["time_days"]``, aligned with ``doc.times``, for ``event_times``.
"""
from __future__ import annotations

from ..document import Document, TimeExpr
from ..pipeline import component
from ..time import infer_published, tag
from ..time.dateline import date_in_address


@component("times", reads=["text"], writes=["times"], version="2", defaults={"infer_published": True})
def make_times(settings: dict):
    infer = bool(settings["infer_published"])

    def run(docs: list[Document]) -> None:
        for doc in docs:
            if not doc.source.published and infer:
                inferred = infer_published(doc.text) or date_in_address(doc.source.path, doc.source.url)
                if inferred:
                    doc.source.published = inferred
                    doc.source.published_basis = "inferred"
            mentions = tag(doc.text, doc.source.published, sdoc=doc.user_data.get("spacy"))
            doc.times = [TimeExpr(m.text, m.start, m.end, m.type, m.value, m.mod) for m in mentions]
            doc.user_data["time_days"] = [m.day for m in mentions]

    return run
