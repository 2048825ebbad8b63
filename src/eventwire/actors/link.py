"""Link one document: the entry point the ``actors`` component calls."""
from __future__ import annotations

from ..document import Document
from ..errors import ConfigError
from .coref import ActorBuilder
from .gazetteer import gazetteer_for
from .index import mention_index
from .linker import Context, Linker


def article_date(doc: Document) -> str | None:
    """The published date as YYYY-MM-DD (a year or month alone counts as its last day seen: start)."""
    p = doc.source.published
    if not p:
        return None
    p = str(p)[:10]
    if len(p) == 4:
        return p + "-12-31"
    if len(p) == 7:
        return p + "-28"
    return p


def link_document(doc: Document, nlp) -> None:
    """Fill ``doc.actors`` from the spaCy parse and set ``entity.actor`` on covered entities."""
    sdoc = doc.user_data.get("spacy")
    if sdoc is None:
        raise ConfigError("the actors component needs the nlp component's parse; put 'nlp' before 'actors'",
                          input="pipeline.components")
    gaz = gazetteer_for(nlp)
    ctx = Context(gaz.kb, sdoc, article_date(doc))
    found = Linker(gaz).link(ctx)
    doc.actors = ActorBuilder(ctx).build(found)
    idx = mention_index(doc)
    for e in doc.entities:
        hit = idx.at(e.start, e.end)
        e.actor = hit[0].id if hit is not None else None
