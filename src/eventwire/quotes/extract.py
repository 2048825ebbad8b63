"""Frames and quoted stretches turned into ``Quote`` records.

A quoted stretch is attached to the frame that says it:

1. the frame whose parsed content is (mostly) the stretch ("“China is
   willing ...,” Xi said"; a quote of several sentences whose last one the
   parser hangs on the cue);
2. else a frame right beside it, with only punctuation, a short adverbial or
   a colon between ("Xi said: “...”", "“...,” said Xi on Monday");
3. else the stretch continues a quote: the second half of a quote split by
   its cue ("“...,” Xi said, “...”"), or a paragraph that re-opens a quote
   left open in the paragraph before.

A stretch inside a larger reported clause is a *partial* quote ('noted the
“legitimacy of ...”' when the clause has more than the quote;
'said China supports ... to “resolve issues through negotiations”'): the
clause becomes an indirect quote and the stretch a direct one recorded
``within`` it. Short stretches nobody says (scare quotes, titles) are not
quotes. A frame whose content is another frame ("A Kremlin account said the
Chinese president noted ...") is not a quote of its own: its source goes into
the inner quote's ``according_to``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..actors import mention_index
from ..attribution import frame_source
from ..document import Document, Quote
from .frames import Frame, Span, doc_frames, lemma_of
from .lexicon import FIRST_PERSON, PRONOUNS, REPORT_NOUNS, SOURCE_LABELS
from .marks import Stretch, looks_like_quote, quoted_stretches
from .speakers import resolve

_WORD = re.compile(r"\w+")
_TIGHT_GAP = re.compile(r"^[\s,;:—–-]*$")
_SENTENCE_END = re.compile(r"[.?!]\s")
_BREAK = re.compile(r"\n\s*")  # a paragraph break, blank lines and all
# fraction of a frame's content a stretch must cover to be that content
_OWN = 0.6
# fraction of an outer frame's content its inner frames must cover to make it a mere source
_WRAPPED = 0.6
_MIN_PARTIAL_WORDS = 3
_MIN_LONE_WORDS = 4
_MAX_GAP = 40


@dataclass
class _Draft:
    start: int
    end: int
    direct: bool
    frame: int | None
    kind: str
    continues: Any = None  # key of the draft continued
    within: Any = None  # key of the enclosing indirect draft
    key: Any = None


def extract_quotes(doc: Document) -> list[Quote]:
    """The quotes of ``doc`` (needs the ``nlp`` parse; uses ``doc.actors`` when present)."""
    text = doc.text
    frames = doc_frames(doc)
    stretches = quoted_stretches(text)
    absorbed = _absorbed(doc, frames)
    owner, partial = _attach(text, frames, stretches, absorbed)
    lone = {k for k, st in enumerate(stretches) if k not in owner and k not in partial
            and _words(text[st.start:st.end]) >= _MIN_LONE_WORDS and _is_full(doc, st)}
    # a quote with no cue of its own, right after a quote, goes on with the same speaker
    for k in sorted(lone):
        if k > 0 and (k - 1) in owner and stretches[k].paragraph - stretches[k - 1].paragraph <= 1:
            owner[k] = owner[k - 1]
            lone.discard(k)
    drafts: list[_Draft] = []
    # direct quotes: stretches with an owner, and lone full quotes
    for k, st in enumerate(stretches):
        j = owner.get(k)
        if j is None and k not in lone:
            continue
        s, e = _trim(text, st.start, st.end)
        cont = ("s", st.continues) if st.continues is not None and st.continues in owner else None
        if cont is None and k > 0 and j is not None and owner.get(k - 1) == j \
                and _split_by(stretches[k - 1], st, frames[j]):
            cont = ("s", k - 1)
        drafts.append(_Draft(s, e, True, j, frames[j].group if j is not None else "none", cont, key=("s", k)))
    owned_by = {}
    for k, j in owner.items():
        owned_by.setdefault(j, []).append(stretches[k])
    # indirect quotes: frames with content that is neither a quote nor only another frame
    quoted = [(st.start, st.end) for k, st in enumerate(stretches) if k in owner or k in lone]
    for f in frames:
        f.content = _clip_to_quotes(f.content, stretches, f.cue)
    for j, f in enumerate(frames):
        if j in owned_by or j in absorbed or not f.content or _wrapped(frames, j, owned_by, absorbed):
            continue
        if any(s <= f.cue[0] < e for s, e in quoted):  # words inside a quote belong to that quote
            continue
        if any(st.start <= f.cue[0] < st.end and looks_like_quote(text, st) for st in stretches):
            continue  # so do words inside a quote nobody was found to say
        if f.kind == "noun" and _mostly_quoted(f.content, quoted):  # that quote is already someone's
            continue
        if all(any(qs <= cs and ce <= qe for qs, qe in quoted) for cs, ce in f.content):
            continue  # a second cue on a quote already found ('yelled “...” ..., continuing: “...”')
        s, e = f.content[0][0], f.content[-1][1]
        if f.group in ("speech", "directive") and _a_bare_name(doc, s, e):
            continue  # a name alone is nothing said: "who only speaks *French*", "urged to call *police*"
        drafts.append(_Draft(s, e, False, j, f.group, key=("f", j)))
    # partial quotes inside an indirect one
    for k, j in partial.items():
        st = stretches[k]
        s, e = _trim(text, st.start, st.end)
        host = ("f", j) if any(d.key == ("f", j) for d in drafts) else None
        drafts.append(_Draft(s, e, True, j, frames[j].group, within=host, key=("s", k)))
    drafts.sort(key=lambda d: (d.start, -d.end))
    index = {d.key: i for i, d in enumerate(drafts)}
    out = []
    for d in drafts:
        out.append(_record(doc, frames, d, index))
    _inherit_speakers(out)
    _carry_speakers(doc, out)
    return out


# ---------------------------------------------------------------- attaching stretches

def _absorbed(doc: Document, frames: list[Frame]) -> set[int]:
    """Frames that only go on in the voice of the frame around them ("X said *he believes* ...",
    "she told us *she worries* ..."): part of that frame's quote, not quotes of their own."""
    out = set()
    turns = [f.content_span for f in frames if f.kind == "colon" and f.content]
    for j, g in enumerate(frames):
        if g.kind != "colon" and any(s <= g.cue[0] < e for s, e in turns):
            out.add(j)  # a transcript turn is all the speaker's words, over all its sentences
            continue
        if not g.outer:
            continue
        f = frames[g.outer[0]]
        if f.kind == "colon" or any(frames[o].kind == "colon" for o in g.outer):
            out.add(j)  # a transcript turn is all the speaker's words
            continue
        if f.kind != "verb" or f.source is None:
            continue
        if g.source is None or g.group in ("cognition", "evaluation"):  # "X said *Brazil wanted* ...": X speaks
            out.add(j)
            continue
        said = doc.text[g.source[0]:g.source[1]].lower()
        if said in PRONOUNS or said in FIRST_PERSON:
            out.add(j)
        elif resolve(doc, *g.source)["name"] == resolve(doc, *f.source)["name"]:
            out.add(j)
        elif not _a_voice(doc, g):  # "X said *the numbers show* ...": the numbers are X's evidence
            out.add(j)
    return out


def _a_voice(doc: Document, f: Frame) -> bool:
    """Whether frame ``f``'s source can speak: an actor, a name, a pronoun or a document
    ("the report"), not a thing that is shown or shows ("the numbers", "the attacks")."""
    sdoc = doc.user_data.get("spacy")
    if f.source_token is None or sdoc is None:
        return True
    tok = sdoc[f.source_token]
    hit = mention_index(doc).at(*f.source) if doc.actors else None
    if hit is not None and hit[1] <= tok.idx < hit[2]:
        return True  # an actor's mention holds the head (not so in "Secret Service protocol")
    return tok.ent_type_ in SOURCE_LABELS or tok.pos_ in ("PROPN", "PRON") or lemma_of(tok) in REPORT_NOUNS


def _attach(text: str, frames: list[Frame], stretches: list[Stretch], absorbed: set[int]
            ) -> tuple[dict[int, int], dict[int, int]]:
    """stretch index -> owning frame index; stretch index -> frame it is a partial quote of."""
    owner: dict[int, int] = {}
    partial: dict[int, int] = {}
    for k, st in enumerate(stretches):
        own, part = [], []
        for j, f in enumerate(frames):
            if j in absorbed or not f.content or st.start <= f.cue[0] < st.end or f.kind == "noun":
                # a cue inside the quote is quoted too; a nominal cue ("a message that “...”")
                # reports a quote only through the verb that says it
                continue
            cw = sum(e - s for s, e in f.content)
            ov = sum(max(0, min(e, st.end) - max(s, st.start)) for s, e in f.content)
            if ov <= 0:
                continue
            # a quote split by its cue ("“...,” he said, “...”") owns each piece of the content
            piece = max(max(0, min(e, st.end) - max(s, st.start)) / (e - s) for s, e in f.content)
            if (ov >= _OWN * cw or piece >= _OWN and len(f.content) > 1) \
                    and not (f.kind == "according_to" and _inside(f.cue, st)):
                own.append((f.weak, cw, j))
            elif ov >= 0.8 * (st.end - st.start) and not f.weak:  # a weak cue's scare quotes stay unowned
                part.append((cw, j))
        if own:
            owner[k] = min(own)[-1]
        elif part:
            j = min(part)[-1]
            if _words(text[st.start:st.end]) >= _MIN_PARTIAL_WORDS:
                partial[k] = j
        elif looks_like_quote(text, st):
            j = _adjacent(text, frames, st, absorbed)
            if j is not None:
                owner[k] = j
    # continuations: a paragraph re-opening a quote; the second half of a quote split by its cue
    for k, st in enumerate(stretches):
        if k in owner or k in partial:
            continue
        if st.continues is not None and st.continues in owner:
            owner[k] = owner[st.continues]
        elif k > 0 and (k - 1) in owner and stretches[k - 1].paragraph == st.paragraph:
            if _split_by(stretches[k - 1], st, frames[owner[k - 1]]):
                owner[k] = owner[k - 1]
    # a quote over several paragraphs is usually attributed in its last one
    for k in range(len(stretches) - 1, -1, -1):
        prev = stretches[k].continues
        if prev is not None and k in owner and prev not in owner and prev not in partial:
            owner[prev] = owner[k]
    return owner, partial


def _clip_to_quotes(content: list[Span], stretches: list[Stretch], cue: Span) -> list[Span]:
    """Content that starts inside a quote ends with it (a parse can run past the closing mark),
    unless the quote opens after the cue: 'Obama said “it gets me mad” every time ...' reports
    the whole clause, the quote only its first words."""
    out = []
    for s, e in content:
        for st in stretches:
            if st.start <= s < st.end < e and not (cue[1] <= st.open_at and s == st.start):
                e = st.end
        out.append((s, e))
    return out


def _split_by(first: Stretch, second: Stretch, f: Frame) -> bool:
    """Whether ``f``'s cue splits one quote into ``first`` and ``second`` ("“...,” Xi said, “...”")."""
    return first.paragraph == second.paragraph and first.outer[1] <= f.cue[0] and f.cue[1] <= second.open_at


def _mostly_quoted(content: list[Span], quoted: list[Span]) -> bool:
    size = sum(e - s for s, e in content)
    inside = sum(max(0, min(e, qe) - max(s, qs)) for s, e in content for qs, qe in quoted)
    return inside * 2 >= size


def _inside(span: Span, st: Stretch) -> bool:
    return st.start <= span[0] and span[1] <= st.end


def _adjacent(text: str, frames: list[Frame], st: Stretch, absorbed: set[int]) -> int | None:
    """A frame right after the closing mark or right before the opening one."""
    best = None
    open_at, close_end = st.outer
    for j, f in enumerate(frames):
        if j in absorbed or f.kind == "noun":
            continue
        if f.content and any(s < st.end and st.start < e for s, e in f.content):
            continue
        if f.content and f.kind == "verb":  # a verb with its own reported clause says that, not the quote
            continue
        lo = min(f.cue[0], f.source_phrase[0] if f.source_phrase else f.cue[0])
        hi = max(f.cue[1], f.source_phrase[1] if f.source_phrase else f.cue[1])
        if lo >= close_end:
            gap = text[close_end:lo]
        elif hi <= open_at:
            gap = text[hi:open_at]
            if "\n" in gap and not gap.lstrip(" \t").startswith(":"):
                continue
        else:
            continue
        if len(gap) > _MAX_GAP or (_SENTENCE_END.search(gap + " ") and not _TIGHT_GAP.match(gap)):
            continue
        if "\n" in gap and lo >= close_end:
            continue
        score = (0 if _TIGHT_GAP.match(gap) else 1, len(gap))
        if best is None or score < best[0]:
            best = (score, j)
    return best[1] if best else None


def _wrapped(frames: list[Frame], j: int, owned_by: dict[int, list[Stretch]], absorbed: set[int]) -> bool:
    """Whether frame ``j``'s content is mostly other voices' frames (their source, cue and content)."""
    f = frames[j]
    cover: list[Span] = []
    for i, g in enumerate(frames):
        if j in g.outer and i not in absorbed and (g.content or i in owned_by):  # a cue with nothing said wraps nothing
            cover += [g.cue] + list(g.content) + ([g.source_phrase] if g.source_phrase else [])
            cover += [(st.start, st.end) for st in owned_by.get(i, [])]
    if not cover:
        return False
    covered = 0
    for s, e in f.content:
        marks = [0] * (e - s)
        for cs, ce in cover:
            for x in range(max(s, cs), min(e, ce)):
                marks[x - s] = 1
        covered += sum(marks)
    return covered >= _WRAPPED * sum(e - s for s, e in f.content)


# ---------------------------------------------------------------- records

def _record(doc: Document, frames: list[Frame], d: _Draft, index: dict) -> Quote:
    speaker = cue = None
    according: list[dict[str, Any]] = []
    if d.frame is not None:
        f = frames[d.frame]
        cue = {"text": f.cue_text, "start": f.cue[0], "end": f.cue[1]}
        if f.source is not None:
            speaker = resolve(doc, *f.source)
        for o in f.outer:
            src = frame_source(doc, frames, o)
            if src is not None:
                according.append({k: src[k] for k in ("name", "text", "actor", "code", "start", "end")})
    q = Quote(doc.text[d.start:d.end], d.start, d.end, d.direct, speaker, cue, according)
    q.sentence = doc.sentence_index(d.start)
    q.kind = d.kind
    q.continues = index.get(d.continues) if d.continues is not None else None
    q.within = index.get(d.within) if d.within is not None else None
    return q


def _inherit_speakers(quotes: list[Quote]) -> None:
    """Continuations take the speaker, cue and sources of the quote they continue."""
    for q in quotes:
        if q.continues is not None and q.speaker is None:
            prev = quotes[q.continues]
            q.speaker, q.cue, q.according_to = prev.speaker, prev.cue, list(prev.according_to)


def _carry_speakers(doc: Document, quotes: list[Quote]) -> None:
    """A quote nobody is found to say, in the paragraph of a quote or right after it, goes
    on in that quote's voice (news carries a speaker from one paragraph to the next)."""
    text = doc.text
    last = None
    for q in quotes:
        if q.speaker is not None:
            last = q
        elif q.direct and q.cue is None and last is not None and q.start > last.start \
                and len(_BREAK.findall(text, last.end, q.start)) <= 1:  # after it, or opening inside it
            q.speaker = dict(last.speaker)

def _a_bare_name(doc: Document, s: int, e: int) -> bool:
    """Whether ``[s, e)`` is one word, the cue's object, naming a language, a people, a place, a body or a
    person: what is spoken or called ("speaks French", "call police"), not what was said ("agreed with
    *McLenny*" is kept: a stance on someone)."""
    sdoc = doc.user_data.get("spacy")
    if sdoc is None or _words(doc.text[s:e]) != 1:
        return False
    span = sdoc.char_span(s, e, alignment_mode="expand")
    toks = [t for t in span if not t.is_punct] if span is not None else []
    return len(toks) == 1 and toks[0].dep_ == "dobj" and (
        toks[0].ent_type_ in _NAME_ENTITIES or toks[0].lemma_.lower() in _BODIES)


_NAME_ENTITIES = frozenset({"NORP", "LANGUAGE", "GPE", "LOC", "FAC", "ORG", "PERSON"})
_BODIES = frozenset({"police", "authorities", "officials", "doctor", "lawyer", "911", "emergency"})


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e


def _is_full(doc: Document, st: Stretch) -> bool:
    """A stretch that is most of its sentence(s): a quotation, not a scare-quoted phrase."""
    i = doc.sentence_index(st.start)
    j = doc.sentence_index(max(st.start, st.end - 1))
    if i < 0 or j < 0:
        return False
    s, e = doc.sentences[i].start, doc.sentences[j].end
    return _words(doc.text[st.start:st.end]) >= 0.6 * _words(doc.text[s:e])
