"""Where each event happened: the place attached to its trigger, or none.

An article mentions many places; an event happened in at most one of them.
The place of an event is, in order:
1. a locative phrase attached to the trigger's clause: a preposition of place
   ("in", "at", "near", "outside", ...) on the trigger or on the verb that
   governs it, whose object holds a place ("clashes in Rafah", "met in Berlin
   on Tuesday"), or a place compounded with a nominal trigger ("the Rafah
   strike");
2. else a place in the same sentence that is not a government metonym and
   does not overlap the event's source or target (the nearest to the trigger);
3. else nothing (``null``): never just the first place of the article.
Each answer records its ``basis`` ("locative" or "sentence").
"""
from __future__ import annotations

from ..document import Document, Event, Place

LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "within",
                  "outside", "along", "off", "beside", "nearby", "onto", "into"}
# Clause links the search climbs from a nominal or subordinate trigger to its governing verb.
CLIMB_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "xcomp", "conj", "compound", "appos", "acl", "prep",
              "amod", "advcl"}


def place_dict(p: Place, basis: str) -> dict:
    return {"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon, "admin1": p.admin1,
            "geonameid": p.geonameid, "text": p.text, "start": p.start, "end": p.end, "basis": basis}


def _places_in(places: list[Place], start: int, end: int) -> list[Place]:
    return [p for p in places if start <= p.start and p.end <= end and not p.metonym]


def _locative_place(tok, places: list[Place]) -> Place | None:
    """A place object of a locative preposition on ``tok``, or compounded with it."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    sub = list(obj.subtree)
                    hits = _places_in(places, sub[0].idx, sub[-1].idx + len(sub[-1].text))
                    if hits:
                        return hits[0]
        if child.dep_ in ("compound", "nmod", "npadvmod") and child.i < tok.i:
            hits = _places_in(places, child.idx, child.idx + len(child.text))
            if hits:
                return hits[0]
    return None


def _trigger_token(sdoc, event: Event):
    span = sdoc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _argument_ranges(event: Event) -> list[tuple[int, int]]:
    return [(a.start, a.end) for a in [*event.source, *event.target]]


def event_place(doc: Document, event: Event, sdoc) -> dict | None:
    """The place ``event`` happened in, as the record's ``place`` dict, or None."""
    places = doc.places
    if not places:
        return None
    tok = _trigger_token(sdoc, event) if sdoc is not None else None
    if tok is not None:
        seen = 0
        cur = tok
        while cur is not None and seen < 4:
            hit = _locative_place(cur, places)
            if hit is not None:
                return place_dict(hit, "locative")
            if cur.dep_ not in CLIMB_DEPS or cur.head is cur:
                break
            cur = cur.head
            seen += 1
    if 0 <= event.sentence < len(doc.sentences):
        sent = doc.sentences[event.sentence]
        args = _argument_ranges(event)
        pool = [p for p in _places_in(places, sent.start, sent.end)
                if not any(p.start < e and s < p.end for s, e in args)]
        if pool:
            mid = (event.trigger.start + event.trigger.end) / 2
            best = min(pool, key=lambda p: abs((p.start + p.end) / 2 - mid))
            return place_dict(best, "sentence")
    return None


def assign_event_places(doc: Document) -> None:
    """Set ``place`` on every event of ``doc``."""
    sdoc = doc.user_data.get("spacy")
    for ev in doc.events:
        ev.place = event_place(doc, ev, sdoc)
