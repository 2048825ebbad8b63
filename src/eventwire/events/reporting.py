"""Who an event is reported by: "according to the CCTV report", "a Kremlin account said".

Per sentence: the objects of "according to", and the subjects of the verbs of
saying whose clause holds the event. Each source is named by the actor mentioned
in its phrase when there is one ("the CCTV report" -> CCTV), else by the phrase.
"""
from __future__ import annotations

from typing import Any

from ..actors import mention_index
from ..document import Document
from .syntax import conjuncts, phrase_bounds


def _source_entry(doc: Document, tok) -> dict[str, Any]:
    start, end = phrase_bounds(tok)
    idx = mention_index(doc)
    hit = idx.at(tok.idx, tok.idx + len(tok))
    if hit is None:
        inside = idx.in_range(start, end)
        hit = inside[-1] if inside else None
    if hit is not None:
        actor = hit[0]
        return {"name": actor.name, "actor": actor.id, "code": actor.code, "start": hit[1], "end": hit[2]}
    text = doc.text[start:end]
    for det in ("the ", "a ", "an ", "The ", "A ", "An "):
        if text.startswith(det):
            start += len(det)
            text = text[len(det):]
            break
    return {"name": text, "actor": None, "code": None, "start": start, "end": end}


def according_to(doc: Document, sent) -> list[dict[str, Any]]:
    """Sources named by "according to X" anywhere in the sentence."""
    out = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            to = tok.doc[tok.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is not None:
                out += [_source_entry(doc, t) for t in conjuncts(obj)]
    return out


def speakers(doc: Document, speech_verbs: list) -> list[dict[str, Any]]:
    out = []
    for verb in speech_verbs:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ != "PRON":
            out += [_source_entry(doc, t) for t in conjuncts(subj)]
        elif subj is not None:
            hit = mention_index(doc).at(subj.idx, subj.idx + len(subj))
            if hit is not None:
                out.append(_source_entry(doc, subj))
    return out


def reported_by(doc: Document, sent, speech_verbs: list) -> list[dict[str, Any]]:
    """Distinct sources for an event in ``sent`` under ``speech_verbs``."""
    seen, out = set(), []
    for e in speakers(doc, speech_verbs) + according_to(doc, sent):
        key = e["actor"] or e["name"].lower()
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
