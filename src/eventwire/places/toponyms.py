"""Toponym recognition: which spans of an article name places.

Two sources, merged with entities first:
- spaCy's GPE, LOC and FAC entities whose text (less a leading article,
  a compass word such as "northern", a possessive) is a gazetteer name; an
  entity such as "Springfield, Illinois" is split at its commas;
- the gazetteer's own matcher over capitalised proper-noun runs that no
  place entity covers, including inside organisation and event names and
  one-word person names (the small English model labels "Xinjiang" or the
  "St. Petersburg International Economic Forum" unevenly). The matcher accepts only countries, first-level
  divisions, continents and cities of 50,000+ people, and reads two- and
  three-letter names ("US", "UK") only when written in capitals.

Demonyms ("Chinese", "Russian") are collected apart: they are evidence of
the article's country focus, not places.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer import Entry, Gazetteer
from .names import name_key

PLACE_LABELS = {"GPE", "LOC", "FAC"}
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
           "northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest",
           "southeast", "southwest", "greater", "downtown", "upstate", "rural", "metropolitan", "mainland"}
CONNECTORS = {"of", "de", "del", "la", "le", "los", "las", "and", "du", "des", "al", "el", "da", "do", "dos"}
MATCHER_MIN_POPULATION = 50_000
MAX_TOKENS = 6


@dataclass
class Mention:
    """A span that names a place, and the gazetteer places it may be."""

    start: int
    end: int
    text: str
    key: str
    source: str  # "entity" | "matcher"
    label: str | None
    candidates: list[tuple[Entry, bool]] = field(default_factory=list)


def _short_ok(text: str, key: str) -> bool:
    """Two- and three-letter keys ("us", "uk") only when the text is in capitals."""
    letters = key.replace(" ", "")
    return len(letters) > 3 or text.replace(".", "").replace(" ", "").isupper()


def _trim(span, compass: bool = True):
    """Drop a leading article (and compass word) and a trailing possessive from a spaCy span."""
    toks = list(span)
    while toks and (toks[0].lower_ in ("the", "a") or compass and toks[0].lower_ in COMPASS) and len(toks) > 1:
        toks = toks[1:]
    while toks and toks[-1].text in ("'s", "’s", "'", "’", ".", ","):
        toks = toks[:-1]
    return toks


def _mention_from_tokens(toks, gaz: Gazetteer, source: str, label: str | None) -> Mention | None:
    if not toks:
        return None
    doc = toks[0].doc
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    text = doc.text[start:end]
    key = name_key(text)
    if not key or not _short_ok(text, key):
        return None
    cands = gaz.lookup_key(key)
    if not cands:
        return None
    return Mention(start, end, text, key, source, label, cands)


def _entity_mentions(ent, gaz: Gazetteer) -> list[Mention]:
    m = _mention_from_tokens(_trim(ent, compass=False), gaz, "entity", ent.label_)  # "North Dakota"
    if m is not None:
        return [m]
    toks = _trim(ent)
    m = _mention_from_tokens(toks, gaz, "entity", ent.label_)  # "northern Syria"
    if m is not None:
        return [m]
    # "Springfield, Illinois" as one entity: its comma-separated parts
    out, part = [], []
    for t in toks + [None]:
        if t is None or t.text == ",":
            mm = _mention_from_tokens(_trim(part) if part else [], gaz, "entity", ent.label_)
            if mm is not None:
                out.append(mm)
            part = []
        else:
            part.append(t)
    return out


def _matcher_ok(m: Mention) -> bool:
    for e, alias in m.candidates:
        if e.kind in ("country", "admin1", "region"):
            return True
        if e.kind == "city" and not alias and e.population >= MATCHER_MIN_POPULATION:
            return True
    return False


def _is_name_token(t) -> bool:
    return (t.pos_ == "PROPN" or t.tag_ in ("NNP", "NNPS")) and t.text[:1].isupper()


def _matcher_mentions(sdoc, gaz: Gazetteer, blocked: list[bool]) -> list[Mention]:
    """Longest gazetteer names over runs of capitalised proper nouns."""
    out = []
    n = len(sdoc)
    i = 0
    while i < n:
        t = sdoc[i]
        if blocked[i] or not _is_name_token(t):
            i += 1
            continue
        best = None
        j = i
        while j < n and j - i < MAX_TOKENS and not blocked[j]:
            tj = sdoc[j]
            if j > i and tj.lower_ in CONNECTORS:
                j += 1
                continue
            if not (tj.text[:1].isupper() or tj.text in (".", "-")) or tj.is_sent_start and j > i:
                break
            m = _mention_from_tokens(sdoc[i:j + 1], gaz, "matcher", None)
            if m is not None and _matcher_ok(m):
                best = (m, j)
            j += 1
        # inside a longer run of names only after a connector: "Bank of America", not "European Union"
        inner = i > 0 and _is_name_token(sdoc[i - 1]) and not blocked[i - 1]
        if best is not None and not inner:
            out.append(best[0])
            i = best[1] + 1
        else:
            i += 1
    return out


def find_toponyms(sdoc, gaz: Gazetteer) -> tuple[list[Mention], list[tuple[int, int, list[str]]]]:
    """Place mentions of a spaCy doc, in text order, and its demonyms as (start, end, ISO3 codes)."""
    mentions: list[Mention] = []
    demonyms: list[tuple[int, int, list[str]]] = []
    blocked = [False] * len(sdoc)
    for ent in sdoc.ents:
        if ent.label_ in PLACE_LABELS:
            found = _entity_mentions(ent, gaz)
            mentions += found
            if found or ent.label_ != "FAC":
                for k in range(ent.start, ent.end):
                    blocked[k] = True
        elif ent.label_ == "PERSON" and len(ent) > 1:  # "Xi Jinping", "Michael Jordan"
            for k in range(ent.start, ent.end):
                blocked[k] = True
        elif ent.label_ == "NORP":
            codes = gaz.demonym(ent.text)
            if codes:
                demonyms.append((ent.start_char, ent.end_char, codes))
    covered = [False] * len(sdoc)
    for m in mentions:
        for tok in sdoc.char_span(m.start, m.end, alignment_mode="expand") or []:
            covered[tok.i] = True
    mentions += _matcher_mentions(sdoc, gaz, [b or c for b, c in zip(blocked, covered)])
    # demonyms the NER did not label NORP ("Chinese President")
    for t in sdoc:
        if not blocked[t.i] and t.pos_ in ("ADJ", "PROPN") and t.text[:1].isupper():
            codes = gaz.demonym(t.text)
            if codes and not any(s <= t.idx < e for s, e, _ in demonyms):
                demonyms.append((t.idx, t.idx + len(t.text), codes))
    mentions.sort(key=lambda m: m.start)
    return mentions, demonyms
