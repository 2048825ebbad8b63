"""Where each event happened: the place attached to its trigger, or none.

An article mentions many places; an event happened in at most one of them.
The place of an event is, in order:
1. a locative phrase attached to the trigger's clause: a preposition of place
   ("in", "at", "near", "outside", ...) on the trigger or on the verb that
   governs it, whose object holds a place ("clashes in Rafah", "met in Berlin
   on Tuesday"), or a place compounded with a nominal trigger ("the Rafah
   strike");
2. else a place in the same sentence that is not a government metonym, not
   any event's source or target, and is the locative of a clause or of one
   of the event's own arguments ("Police in Rafah said two were killed"),
   not the location of some other thing ("pressed Xi over the war in
   Ukraine"): the nearest such place to the trigger;
3. else nothing (``null``): never just the first place of the article.
Each answer records its ``basis`` ("locative" or "sentence").
"""
from __future__ import annotations

from ..document import Document, Event, Place

LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "within",
                  "outside", "along", "off", "beside", "nearby", "onto", "into"}
# Links the search climbs from a nominal trigger or a dependent verb to the verb that governs it
# ("launched an attack" -> "launched", "plans to send" -> "plans"); never out of a subordinate clause.
CLIMB_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "xcomp", "conj", "compound", "prep"}
# Inside a locative's object, the links that still name the same location ("in Ankara, the Turkish
# capital", "in Berlin and Paris", "in a village near Aleppo").
NP_DEPS = {"conj", "appos", "compound", "nmod", "npadvmod"}


def place_dict(p: Place, basis: str) -> dict:
    return {"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon, "admin1": p.admin1,
            "geonameid": p.geonameid, "text": p.text, "start": p.start, "end": p.end, "basis": basis}


def _np_tokens(obj) -> list:
    """The tokens of a locative object that name its location, nested clauses left out."""
    out, todo = [], [obj]
    while todo:
        t = todo.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in NP_DEPS:
                todo.append(c)
            elif c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS | {"of"}:
                todo += [g for g in c.children if g.dep_ == "pobj"]
    return out


def _place_at(places: list[Place], tokens) -> Place | None:
    for t in sorted(tokens, key=lambda t: t.i):
        for p in places:
            if p.start <= t.idx < p.end and not p.metonym and not p.demonym:
                return p
    return None


def _locative_place(tok, places: list[Place]) -> Place | None:
    """A place object of a locative preposition on ``tok``, or compounded with it."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    hit = _place_at(places, _np_tokens(obj))
                    if hit is not None:
                        return hit
        if child.dep_ in ("compound", "nmod", "npadvmod") and child.i < tok.i:
            hit = _place_at(places, [child])
            if hit is not None:
                return hit
    return None


# Links from a trigger up to a clause that frames it ("officials in Rafah said two people were killed").
FRAME_DEPS = {"ccomp", "xcomp", "conj", "parataxis"}


def _locative_role(p: Place, sdoc):
    """The preposition whose object ``p`` is, if it is a locative one ("in Rafah"), else None."""
    span = sdoc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ in LOCATIVE_PREPS:
        return root.head
    return None


def _clause_locative(p: Place, sdoc, trigger, args: list[tuple[int, int]]) -> bool:
    """Whether ``p`` locates the event's clause, a clause that frames it, or one of the event's own
    arguments ("police in Rafah"), rather than some other thing ("the war in Ukraine") or another
    event ("struck targets in Rafah after rockets were fired at Israel")."""
    prep = _locative_role(p, sdoc)
    if prep is None:
        return False
    attach = prep.head
    if any(s <= attach.idx < e for s, e in args):
        return True
    if trigger is None or attach.pos_ not in ("VERB", "AUX"):
        return False
    cur = trigger
    for _ in range(6):
        if cur is attach:
            return True
        if cur.dep_ not in FRAME_DEPS | CLIMB_DEPS or cur.head is cur:
            return False
        cur = cur.head
    return False


def _trigger_token(sdoc, event: Event):
    span = sdoc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _argument_ranges(event: Event) -> list[tuple[int, int]]:
    return [(a.start, a.end) for a in [*event.source, *event.target]]


def event_place(doc: Document, event: Event, sdoc, taken: list[tuple[int, int]] = ()) -> dict | None:
    """The place ``event`` happened in, as the record's ``place`` dict, or None.

    ``taken``: spans that are arguments of any event of the document; a place
    there is a participant, not a scene, unless it is a locative inside the
    argument's phrase ("detained six journalists in Istanbul").
    """
    places = [p for p in doc.places if not (any(p.start < e and s < p.end for s, e in taken)
                                            and (sdoc is None or _locative_role(p, sdoc) is None))]
    if not places:
        return None
    tok = _trigger_token(sdoc, event) if sdoc is not None else None
    if tok is not None:
        # on any word of the trigger first ("signed the accord in Tokyo": "in Tokyo" on "accord")
        span = sdoc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        for t in span if span is not None and len(span) <= 8 else []:
            hit = _locative_place(t, places)
            if hit is not None:
                return place_dict(hit, "locative")
        cur, steps = tok, 0
        while cur is not None and steps < 4:
            hit = _locative_place(cur, places)
            if hit is not None:
                return place_dict(hit, "locative")
            if cur.dep_ not in CLIMB_DEPS or cur.head is cur:
                break
            cur = cur.head
            steps += 1
    if sdoc is not None and 0 <= event.sentence < len(doc.sentences):
        sent = doc.sentences[event.sentence]
        args = _argument_ranges(event)
        pool = [p for p in places if sent.start <= p.start and p.end <= sent.end and not p.metonym
                and not p.demonym and _clause_locative(p, sdoc, tok, args)]
        if pool:
            mid = (event.trigger.start + event.trigger.end) / 2
            best = min(pool, key=lambda p: abs((p.start + p.end) / 2 - mid))
            return place_dict(best, "sentence")
    return None


def assign_event_places(doc: Document) -> None:
    """Set ``place`` on every event of ``doc``."""
    sdoc = doc.user_data.get("spacy")
    taken = [r for ev in doc.events for r in _argument_ranges(ev)]
    for ev in doc.events:
        ev.place = event_place(doc, ev, sdoc, taken)
