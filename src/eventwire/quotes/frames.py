"""Attribution frames: who (source) says or thinks what (content), through which word (cue).

A frame is read off the spaCy dependency parse of one sentence:

- a cue verb from :mod:`.lexicon` with its subject as source and its clausal
  complement as content ("Xi told Putin *that China ...*", "*China is
  willing ...*, Xi said"), its infinitive ("urged other nations *to play
  ...*") or, for some verbs, its object ("noted *the legitimacy of ...*");
  a participle or a conjoined verb borrows the subject of its head ("...,
  *saying* Russia opposes ...");
- "according to X": source X, content the rest of the sentence.

Frames nest: a frame whose content holds another frame's cue is *outer* to it
("A Kremlin account said the Chinese president noted ..." -> the president's
frame is inside the Kremlin's). The source of a report noun is the name it
carries ("A Kremlin account" -> Kremlin, "the CCTV report" -> CCTV).

Every span is a pair of character offsets into ``doc.text``. Frames of a
document are computed once and cached in ``doc.user_data["attribution_frames"]``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Document
from .lexicon import (
    COGNITION, CUE_VERBS, DIRECTIVE, OBJECT_CONTENT, PARTICLE_CUES, REPORT, REPORT_NOUNS,
    SOURCE_LABELS, SPEECH, XCOMP_CONTENT,
)

Span = tuple[int, int]

_EDGE_PUNCT = set(",;:—–-()[]") | {"--"}
_SUBJECT_DEPS = ("nsubj",)
_CLAUSE_DEPS = ("ccomp",)


@dataclass
class Frame:
    """One attribution: ``source`` says/thinks ``content`` through ``cue``."""

    sentence: int
    kind: str  # "verb" | "according_to"
    group: str  # speech | report | directive | cognition | according_to
    cue: Span
    cue_text: str
    source: Span | None  # the name of the source as written (e.g. "CCTV" in "the CCTV report")
    source_phrase: Span | None  # the whole noun phrase of the source
    content: list[Span]  # possibly discontinuous; empty when the parse shows none
    head: int  # token index of the cue word
    source_token: int | None = None
    outer: list[int] = field(default_factory=list)  # indices of enclosing frames, innermost first
    phrase: Span | None = None  # the whole "according to X" phrase, cut from other frames' content

    @property
    def content_span(self) -> Span | None:
        if not self.content:
            return None
        return self.content[0][0], self.content[-1][1]

    def covers(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies within this frame's content."""
        return any(s <= start and end <= e for s, e in self.content)


def doc_frames(doc: Document) -> list[Frame]:
    """All attribution frames of ``doc`` (needs the ``nlp`` stage's parse), cached."""
    cached = doc.user_data.get("attribution_frames")
    if cached is not None and cached[0] is doc.user_data.get("spacy"):
        return cached[1]
    sdoc = doc.user_data.get("spacy")
    frames: list[Frame] = []
    if sdoc is not None:
        for si, sent in enumerate(sdoc.sents):
            frames += sentence_frames(sent, si)
        _nest(frames)
    doc.user_data["attribution_frames"] = (sdoc, frames)
    return frames


def sentence_frames(sent, sentence_index: int) -> list[Frame]:
    """Frames in one spaCy sentence span."""
    frames: list[Frame] = []
    according: list[Frame] = []
    for tok in sent:
        if _is_according(tok):
            f = _according_frame(tok, sent, sentence_index)
            if f is not None:
                according.append(f)
    cut = [a.phrase for a in according if a.phrase is not None]
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in CUE_VERBS:
            f = _verb_frame(tok, sentence_index, cut)
            if f is not None:
                frames.append(f)
    return frames + according


# ---------------------------------------------------------------- verbs

def _group(lemma: str) -> str:
    if lemma in SPEECH:
        return "speech"
    if lemma in REPORT:
        return "report"
    if lemma in DIRECTIVE:
        return "directive"
    return "cognition" if lemma in COGNITION else "speech"


def _verb_frame(v, si: int, cut: list[Span]) -> Frame | None:
    lemma = v.lemma_.lower()
    particle = PARTICLE_CUES.get(lemma)
    kids = list(v.children)
    content: list[Span] = []
    clause = [c for c in kids if c.dep_ in _CLAUSE_DEPS]
    if particle == "out" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in kids):
        return None
    if clause:
        content = [_subtree(c) for c in clause]
    else:
        xcomp = [c for c in kids if c.dep_ == "xcomp"]
        dobj = [c for c in kids if c.dep_ in ("dobj", "obj")]
        if xcomp and lemma in XCOMP_CONTENT:
            first = dobj[0] if dobj and dobj[0].i < xcomp[0].i else xcomp[0]
            content = [(_subtree(first)[0], _subtree(xcomp[0])[1])]
        elif particle == "for":
            pobj = [g for c in kids if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                    if g.dep_ == "pobj"]
            if not pobj:
                return None
            content = [_subtree(pobj[0])]
        elif dobj and lemma in OBJECT_CONTENT:
            content = [_subtree(dobj[0])]
        elif v.dep_ == "parataxis" and v.head.i != v.i:
            content = _minus(_subtree(v.head), _subtree(v))
    subj = _subject(v)
    if subj is None and not content:
        return None
    if subj is not None and subj.lower_ in ("it", "there") and not content:
        return None
    doc = v.doc
    content = _trim_all(doc, _minus_many(content, cut))
    cue = _cue_span(v)
    src = phrase = None
    if subj is not None:
        src, phrase = source_spans(subj)
    return Frame(si, "verb", _group(lemma), cue, doc.text[cue[0]:cue[1]], src, phrase, content, v.i,
                 subj.i if subj is not None else None)


def _subject(v, depth: int = 0):
    """The speaker of verb ``v``: its subject, the agent of a passive, or its head's subject."""
    for c in v.children:
        if c.dep_ in _SUBJECT_DEPS:
            return c
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if depth > 3 or v.head.i == v.i:
        return None
    if v.dep_ == "conj" or (v.dep_ in ("advcl", "xcomp") and v.tag_ == "VBG"):
        return _subject(v.head, depth + 1)
    if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return v.head
    return None


def _cue_span(v) -> Span:
    """The cue: the verb with its auxiliaries, negation and particle ("has said", "pointed out")."""
    toks = [v] + [c for c in v.children if c.dep_ in ("aux", "neg", "prt") and abs(c.i - v.i) <= 3]
    lo = min(t.i for t in toks)
    hi = max(t.i for t in toks)
    doc = v.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


# ---------------------------------------------------------------- according to

def _is_according(tok) -> bool:
    return tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children)


def _according_frame(tok, sent, si: int) -> Frame | None:
    to = next(c for c in tok.children if c.lower_ == "to")
    pobj = next((g for g in to.children if g.dep_ == "pobj"), None)
    if pobj is None:
        return None
    doc = tok.doc
    phrase = (tok.idx, _subtree(tok)[1])
    lo, hi = phrase
    # swallow the commas around the phrase
    j = tok.i - 1
    if j >= sent.start and doc[j].text == ",":
        lo = doc[j].idx
    content = _trim_all(doc, _minus((sent.start_char, sent.end_char), (lo, hi)))
    src, src_phrase = source_spans(pobj)
    cue = (tok.idx, to.idx + len(to))
    return Frame(si, "according_to", "according_to", cue, doc.text[cue[0]:cue[1]], src, src_phrase, content,
                 tok.i, pobj.i, phrase=phrase)


# ---------------------------------------------------------------- sources

def _ent_at(tok):
    if not tok.ent_type_:
        return None
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def source_spans(head) -> tuple[Span, Span]:
    """(name, phrase) spans of the source noun phrase headed by ``head``.

    The name is the named entity the phrase carries ("state broadcaster
    CCTV" -> CCTV; "A Kremlin account of the call" -> Kremlin), else the
    noun phrase up to its head ("the Chinese president", "the readout").
    """
    doc = head.doc
    phrase = _np_span(head)
    ent = _ent_at(head)
    if ent is not None and ent.label_ in SOURCE_LABELS:
        return (ent.start_char, ent.end_char), phrase
    named = []
    for c in head.children:
        if c.dep_ == "appos":
            named.append((0, c))
        elif c.dep_ in ("compound", "poss", "nmod", "amod") and c.i < head.i:
            named.append((1, c))
        elif c.dep_ == "prep" and c.lower_ in ("of", "from", "by") and head.lemma_.lower() in REPORT_NOUNS:
            named += [(2, g) for g in c.children if g.dep_ == "pobj"]
    for _, c in sorted(named, key=lambda x: x[0]):
        for t in c.subtree:
            e = _ent_at(t)
            if e is not None and e.label_ in SOURCE_LABELS and not (
                    e.label_ == "NORP" and head.lemma_.lower() not in REPORT_NOUNS):
                return (e.start_char, e.end_char), phrase
    start = head.idx
    for t in reversed(list(head.lefts)):
        if t.dep_ in ("det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "advmod"):
            start = min(start, t.left_edge.idx)
    return (start, head.idx + len(head)), phrase


def _np_span(head) -> Span:
    lo = head.left_edge
    hi = head
    for t in head.rights:
        if t.dep_ in ("relcl", "acl", "punct", "cc", "conj") or t.text in (",", "—"):
            break
        hi = t.right_edge
    return lo.idx, hi.idx + len(hi)


# ---------------------------------------------------------------- spans

def _subtree(tok) -> Span:
    lo, hi = tok.left_edge, tok.right_edge
    return lo.idx, hi.idx + len(hi)


def _minus(span: Span, hole: Span) -> list[Span]:
    s, e = span
    hs, he = hole
    if he <= s or hs >= e:
        return [span]
    out = []
    if hs > s:
        out.append((s, hs))
    if he < e:
        out.append((he, e))
    return out


def _minus_many(spans: list[Span], holes: list[Span]) -> list[Span]:
    for hole in holes:
        spans = [p for s in spans for p in _minus(s, hole)]
    return spans


def _trim_all(doc, spans: list[Span]) -> list[Span]:
    text = doc.text
    out = []
    for s, e in spans:
        while s < e and (text[s].isspace() or text[s] in _EDGE_PUNCT):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in _EDGE_PUNCT):
            e -= 1
        if e > s and any(ch.isalnum() for ch in text[s:e]):
            out.append((s, e))
    return out


def _nest(frames: list[Frame]) -> None:
    """Fill each frame's ``outer``: frames whose content holds its cue, innermost first."""
    for i, f in enumerate(frames):
        outs = [(sum(e - s for s, e in g.content), j) for j, g in enumerate(frames)
                if j != i and g.sentence == f.sentence and g.covers(*f.cue)]
        f.outer = [j for _, j in sorted(outs)]
