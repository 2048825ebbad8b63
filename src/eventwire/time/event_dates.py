"""Each event's date: the time expression that governs its clause, else the publication date.

"Putin invaded Ukraine in late February" dates the invasion by "late
February" because the expression hangs off the trigger in the dependency
parse; "held a call since Putin invaded Ukraine in late February" does not
date the call, because the path from "February" meets another verb
("invaded") before it reaches "held". A statement reported in a clause of
saying takes the date of the saying ("In their February call, Xi said China
supports Russia"). Without a parse, an expression in the same clause as the
trigger (no clause boundary between them) is used.
"""
from __future__ import annotations

import re
from typing import Any

from ..document import Document, Event, TimeExpr

MAX_PATH = 6
# Statements (CAMEO verbal cooperation and verbal conflict) happen when they are made: "In their February
# call, Xi said China supports Russia" dates the support by the call.
VERBAL_QUAD_CLASSES = (1, 3)
REPORTING_LEMMAS = {"say", "tell", "state", "declare", "announce", "add", "write", "insist", "warn", "stress",
                    "reiterate", "note", "claim", "assert", "affirm", "repeat", "urge", "pledge", "promise"}
_CLAUSE_BOUNDARY = re.compile(r"[;:—–]|,\s*(?:which|who|where|while|when|after|before|since|although|but)\b|"
                              r"\b(?:said|says|told|that|since|after|before|when|while|because)\b", re.I)


def _datable(t: TimeExpr) -> bool:
    """DATE/TIME expressions with a calendar value (not durations, sets or PRESENT_REF)."""
    return t.type in ("DATE", "TIME") and bool(t.value) and t.value[:1].isdigit()


def _path_length(time_root, trigger_root, trigger_verb) -> int | None:
    """Steps up from the expression to the trigger, or None if another verb governs it first."""
    tok = time_root
    for step in range(1, MAX_PATH + 1):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.i in (trigger_root.i, trigger_verb.i):
            return step
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp"):
            return None
    return None


def _trigger_tokens(sdoc, ev: Event):
    span = sdoc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    verb = root
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return root, verb


def _sentence_bounds(doc: Document, ev: Event) -> tuple[int, int]:
    if 0 <= ev.sentence < len(doc.sentences):
        s = doc.sentences[ev.sentence]
        return s.start, s.end
    i = doc.sentence_index(ev.trigger.start)
    if i >= 0:
        return doc.sentences[i].start, doc.sentences[i].end
    return 0, len(doc.text)


def _closest_governed(sdoc, cands: list[TimeExpr], trig, ev: Event) -> TimeExpr | None:
    """The candidate with the shortest dependency path up to the trigger (or its verb)."""
    best: tuple[int, int, TimeExpr] | None = None
    for t in cands:
        span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        steps = 0 if trig[0].i in (tok.i for tok in span) else _path_length(span.root, *trig)
        if steps is None:
            continue
        key = (steps, abs(t.start - ev.trigger.start), t)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def _shared_with_conjunct(sdoc, cands: list[TimeExpr], verb, ev: Event) -> TimeExpr | None:
    """A time two coordinated verbs share: after the last ("was shot and killed on Saturday night") or
    before the first ("On Saturday he was shot and killed"), the parser hangs it on one verb only."""
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
            found = _closest_governed(sdoc, [t for t in cands if t.start > c.idx], (c, c), ev)
            if found is not None:
                return found
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        return _closest_governed(sdoc, [t for t in cands if t.end <= head.idx], (head, head), ev)
    return None


def _reporting_verb(verb):
    """The verb of saying whose complement holds ``verb`` ("Xi said [China supports Russia]")."""
    tok = verb
    for _ in range(3):
        if tok.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lemma_ in REPORTING_LEMMAS:
            return tok
    return None


def governing_time(doc: Document, ev: Event, sdoc=None) -> TimeExpr | None:
    """The time expression that dates ``ev``, or None."""
    lo, hi = _sentence_bounds(doc, ev)
    cands = [t for t in doc.times if lo <= t.start < hi and _datable(t)]
    if not cands:
        return None
    if sdoc is not None:
        trig = _trigger_tokens(sdoc, ev)
        if trig is not None:
            found = _closest_governed(sdoc, cands, trig, ev)
            if found is None:
                found = _shared_with_conjunct(sdoc, cands, trig[1], ev)
            if found is None and ev.quad_class in VERBAL_QUAD_CLASSES:
                speech = _reporting_verb(trig[1])
                if speech is not None:
                    found = _closest_governed(sdoc, cands, (speech, speech), ev)
            return found
    # no parse: the nearest expression with no clause boundary between it and the trigger
    best_t, best_gap = None, None
    for t in cands:
        a, b = (ev.trigger.end, t.start) if t.start >= ev.trigger.end else (t.end, ev.trigger.start)
        between = doc.text[a:b] if a <= b else ""
        if _CLAUSE_BOUNDARY.search(between):
            continue
        gap = len(between)
        if best_gap is None or gap < best_gap:
            best_t, best_gap = t, gap
    return best_t


def event_date(doc: Document, ev: Event, sdoc=None) -> dict[str, Any] | None:
    """``{"value", "text", "basis", "mod"}`` for ``ev``: its governing expression, else publication."""
    t = governing_time(doc, ev, sdoc)
    if t is not None:
        return {"value": t.value, "text": t.text, "basis": "expression", "mod": t.mod}
    if doc.source.published:
        return {"value": doc.source.published, "text": None, "basis": "publication", "mod": None}
    return None
