"""Places: offline geocoding, and where each event happened.

:func:`annotate_places` finds the toponyms of a parsed document
(:mod:`.toponyms`), resolves each against the project's gazetteer
(:mod:`.gazetteer`, :mod:`.resolve`), marks capitals and countries that stand
for their governments (:mod:`.metonym`) and writes ``doc.places``.
:func:`assign_event_places` then gives each event the place it happened in
(:mod:`.event_place`).
"""
from __future__ import annotations

from ..document import Document, Place
from .event_place import assign_event_places
from .gazetteer import Gazetteer, load_gazetteer
from .metonym import actor_metonym, syntactic_metonym
from .resolve import outlet_prior, resolve_mentions
from .toponyms import find_toponyms

__all__ = ["Gazetteer", "annotate_places", "assign_event_places", "load_gazetteer"]


def annotate_places(doc: Document, gaz: Gazetteer, prior: dict[str, float] | None = None) -> None:
    """Fill ``doc.places`` from the spaCy parse in ``doc.user_data["spacy"]``."""
    sdoc = doc.user_data["spacy"]
    mentions, demonyms = find_toponyms(sdoc, gaz)
    evidence = dict(prior or {})
    for code, w in outlet_prior(doc.source.url, doc.source.outlet).items():
        evidence[code] = evidence.get(code, 0.0) + w
    places = []
    for r in resolve_mentions(mentions, doc.text, demonyms, evidence):
        e, m = r.entry, r.mention
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        metonym = False
        if span is not None:
            metonym = syntactic_metonym(span, e.kind, e.capital) or actor_metonym(doc, span)
        places.append(Place(text=m.text, start=m.start, end=m.end, name=e.name, country=e.country,
                            admin1=e.admin1 if e.kind != "country" else None, lat=e.lat, lon=e.lon,
                            geonameid=e.geonameid, kind=e.kind, metonym=metonym))
    for start, end, codes in demonyms:
        country = _demonym_country(gaz, codes, places)
        if country is not None:
            places.append(Place(text=doc.text[start:end], start=start, end=end, name=country.name,
                                country=country.country, lat=country.lat, lon=country.lon,
                                geonameid=country.geonameid, kind="country", demonym=True))
    places.sort(key=lambda p: p.start)
    doc.places = places


def _demonym_country(gaz: Gazetteer, codes: list[str], places: list[Place]):
    """The country a demonym names: of several ("Chinese": CHN, HKG, MAC), the one the article
    names most, else the most populous."""
    if len(codes) > 1:
        named = [p.country for p in places]
        best = max(codes, key=lambda c: (named.count(c), -codes.index(c)))
        return gaz.country(best)
    return gaz.country(codes[0])
