"""Per-sentence sourcing: who the text cites for what it reports.

This is the lookup the event coder uses to fill an event's ``reported_by``
and the quotes stage uses for ``according_to``. It reads the spaCy parse left
by the ``nlp`` stage (``doc.user_data["spacy"]``) and, when the ``actors``
stage has run, links each source to an actor through
``mention_index(doc).at(start, end)``; without actors ``actor``/``code`` are
``None`` and the name is the text (pronouns resolved to the nearest fitting
named entity).

API
---
``sentence_sources(doc, sentence_index) -> list[Source]``
    Every source cited in the sentence, in text order.
``sources_for(doc, start, end) -> list[Source]``
    The sources whose reported content covers the span ``[start, end)``
    (e.g. an event trigger), innermost first: for "Xi said China is willing
    ..., according to the CCTV report", the span "willing" gets
    ``[Xi (speaker), CCTV (according_to)]``; "Xi told Putin that ..., according
    to the CCTV report" gives the trigger "told" ``[CCTV (according_to)]``.
``attributions(doc) -> dict[int, list[Source]]``
    All sources keyed by sentence index; also stored in
    ``doc.user_data["attributions"]`` (working state, not serialised).

A ``Source`` is a plain dict::

    {"name": "CCTV",          # actor name if linked, else the resolved text
     "text": "CCTV",          # as written at [start, end)
     "actor": "..." | None, "code": "CHNMED" | None,
     "start": 0, "end": 0,    # offsets of the source's name in doc.text
     "role": "speaker" | "according_to",
     "cue": {"text": "reported", "start": 0, "end": 0},
     "content": [[start, end], ...],  # what this source is cited for
     "sentence": 0}

``role`` says how the source stands to the other sources of its sentence:
``according_to`` for "according to X" and for a source whose content holds
another source's words ("*A Kremlin account* said the Chinese president
noted ..."; "Xi said ..., according to *the CCTV report*"); ``speaker`` for
the innermost one who says/thinks the content.

Stance verbs ("criticized", "praised", "backed") are quotes in the quotes
stage but not sources here: what they say about the world is an event of
their own, coded by the event coder.

Patterns covered (from the parse, not from fixed strings): "according to X",
"X said/told/noted/added/reported/announced/urged/believes ..." in any tense
and word order ("..., X said", "said X", "X, who said ..."), participles
("..., saying ..."), passives with an agent, report nouns that speak for their
author ("a Kremlin account (of the call) said", "the CCTV report", "the
readout"), and media named by apposition ("state broadcaster CCTV reported").
"""
from __future__ import annotations

from typing import Any

from .document import Document
from .quotes.frames import Frame, doc_frames
from .quotes.speakers import resolve

Source = dict[str, Any]

__all__ = ["Source", "attributions", "sentence_sources", "sources_for", "frame_source"]


def frame_source(doc: Document, frames: list[Frame], i: int) -> Source | None:
    """The source record of frame ``i`` (``None`` when the frame names no source)."""
    f = frames[i]
    if f.source is None or f.group == "evaluation":  # a stance ("criticized X") is an event, not a source
        return None
    inner = any(i in g.outer for g in frames)
    src = resolve(doc, *f.source)
    src.update(role="according_to" if f.kind == "according_to" or inner else "speaker",
               cue={"text": f.cue_text, "start": f.cue[0], "end": f.cue[1]},
               content=[[s, e] for s, e in f.content], sentence=f.sentence)
    return src


def attributions(doc: Document) -> dict[int, list[Source]]:
    """All sources of ``doc`` keyed by sentence index (cached in ``doc.user_data``)."""
    frames = doc_frames(doc)
    cached = doc.user_data.get("attributions")
    if cached is not None and cached[0] is frames and cached[1] == len(doc.actors):
        return cached[2]
    out: dict[int, list[Source]] = {}
    order = sorted(range(len(frames)), key=lambda i: (frames[i].source or frames[i].cue))
    for i in order:
        src = frame_source(doc, frames, i)
        if src is not None:
            out.setdefault(frames[i].sentence, []).append(src)
    doc.user_data["attributions"] = (frames, len(doc.actors), out)
    return out


def sentence_sources(doc: Document, sentence_index: int) -> list[Source]:
    """Every source cited in sentence ``sentence_index``, in text order."""
    return list(attributions(doc).get(sentence_index, []))


def sources_for(doc: Document, start: int, end: int) -> list[Source]:
    """Sources whose content covers ``[start, end)``, innermost first."""
    frames = doc_frames(doc)
    hits = [i for i, f in enumerate(frames) if f.covers(start, end) and f.source is not None
            and f.group != "evaluation"]
    hits.sort(key=lambda i: sum(e - s for s, e in frames[i].content))
    out = []
    for i in hits:
        src = frame_source(doc, frames, i)
        if src is not None:
            out.append(src)
    return out
