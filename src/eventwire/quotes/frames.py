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

import re
from dataclasses import dataclass, field

from ..document import Document, is_named_actor
from .marks import looks_like_quote, paragraphs, quoted_stretches
from .lexicon import (
    ADDRESSEE_ONLY, ADJECTIVE_PREPS, ATTACKED_THINGS, ATTACK_MEANS, CALLED_NUMBERS, CERTAINTY_ADJECTIVES,
    CLOSING_QUOTES, COGNITION, COMPARISON, CONTESTING, CUE_NOUNS, CUE_VERBS, DIRECTIVE, EVALUATION, EVIDENTIAL,
    FINDING, GOING_ON, INTENTION, IN_SOURCE_NOUNS, MEASURING, NAMING, OBJECT_CONTENT, OBJECT_PREPS, OPENING_QUOTES,
    PARTICLE_CUES, PERCEIVING, PREP_CONTENT, PREP_CUES, PRIZES, RECIPIENT_CUES, REPORT, REPORT_NOUNS, RESULTS,
    SCENES, SOURCE_LABELS, SPEECH, STANCE_ADJECTIVES, STANCE_HOLDERS, STANCE_NOUNS, STATE_VERBS, SUPPORT_VERBS,
    VERDICTS, XCOMP_CONTENT,
)

Span = tuple[int, int]

_EDGE_PUNCT = set(",;:—–-()[]") | {"--"}
_SUBJECT_DEPS = ("nsubj",)
_CLAUSE_DEPS = ("ccomp",)
_NOUN_DEPS = ("pobj", "compound", "poss", "nmod")


@dataclass
class Frame:
    """One attribution: ``source`` says/thinks ``content`` through ``cue``."""

    sentence: int
    kind: str  # "verb" | "according_to" | "colon"
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
    weak: bool = False  # a less certain cue (a noun, a verb of intending or comparing): others own quotes first

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
        sents = list(sdoc.sents)
        for si, sent in enumerate(sents):
            frames += sentence_frames(sent, si)
        _quote_cue_frames(sdoc, sents, frames)
        # the words of the actors' names ("Pence" of "Mike Pence", named after the headline that opens with it)
        named = {w for a in doc.actors if is_named_actor(a.id)
                 for s, e in a.mentions for w in doc.text[s:e].split() if w[:1].isupper()}
        frames += _colon_frames(sdoc, sents, named)
        _nest(frames)
    doc.user_data["attribution_frames"] = (sdoc, frames)
    return frames


def sentence_frames(sent, sentence_index: int) -> list[Frame]:
    """Frames in one spaCy sentence span."""
    frames: list[Frame] = []
    according: list[Frame] = []
    for tok in sent:
        f = None
        if _is_according(tok):
            f = _according_frame(tok, sent, sentence_index)
        elif _is_in_source(tok):
            pobj = next(g for g in tok.children if g.dep_ == "pobj")
            f = _sourcing_phrase_frame(tok, tok, pobj, sent, sentence_index)
        if f is not None:
            according.append(f)
    cut = [a.phrase for a in according if a.phrase is not None]
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and lemma_of(tok) in CUE_VERBS:
            f = _verb_frame(tok, sentence_index, cut)
            if f is not None:
                frames.append(f)
        elif tok.pos_ == "NOUN" and (lemma_of(tok) in CUE_NOUNS or tok.lower_ in STANCE_NOUNS | STANCE_HOLDERS):
            f = _noun_frame(tok, sentence_index, cut)
            if f is not None:
                frames.append(f)
        elif tok.pos_ in ("VERB", "AUX") and lemma_of(tok) in EVIDENTIAL:
            f = _evidential_frame(tok, sentence_index, cut)
            if f is not None:
                frames.append(f)
        elif tok.pos_ == "ADJ" and tok.lower_ in CERTAINTY_ADJECTIVES | STANCE_ADJECTIVES:
            f = _adjective_frame(tok, sentence_index, cut)
            if f is not None:
                frames.append(f)
    return frames + according


# ---------------------------------------------------------------- lemmas

_VOCAB = CUE_VERBS | CUE_NOUNS | STANCE_NOUNS | REPORT_NOUNS | SUPPORT_VERBS | IN_SOURCE_NOUNS
_SUFFIXES = (("ing", ""), ("ing", "e"), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
             ("s", ""), ("d", ""))


def lemma_of(tok) -> str:
    """The lemma of ``tok``, lower-cased; when the tagger's lemma is no word of the lexicon,
    the inflection stripped off the word itself ("hopes", "hoped", "hoping" -> hope, which the
    small model lemmatises as "hop")."""
    lemma = tok.lemma_.lower()
    if lemma in _VOCAB:
        return lemma
    low = tok.lower_
    for suffix, ending in _SUFFIXES:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            base = low[:-len(suffix)] + ending
            if base in _VOCAB:
                return base
    return lemma


# ---------------------------------------------------------------- verbs

def _group(lemma: str) -> str:
    if lemma in SPEECH:
        return "speech"
    if lemma in REPORT or lemma in FINDING:
        return "report"
    if lemma in INTENTION:  # a plan is a state of mind: "the Kremlin said Xi plans to ..." is the Kremlin's
        return "cognition"
    if lemma in COMPARISON:
        return "speech"
    if lemma in DIRECTIVE:
        return "directive"
    if lemma in EVALUATION:
        return "evaluation"
    return "cognition" if lemma in COGNITION else "speech"


def _verb_frame(v, si: int, cut: list[Span]) -> Frame | None:
    lemma = lemma_of(v)
    if v.dep_ == "acl" and v.tag_ == "VBN":  # "a play called ...", "the plan announced Monday"
        return None
    if v.dep_ in _NOUN_DEPS:  # a noun the tagger took for a verb ("secretary of *state*")
        return None
    if v.tag_ == "VBN" and _as_status(v):
        return None  # a status: "listed as threatened", "declared as threatened"
    if _naming(v):
        return None  # a name given: "two species, called Trypanosoma brucei gambiense and ...", "presently called Kinshasa"
    particle = PARTICLE_CUES.get(lemma)
    kids = list(v.children)
    if _no_cue_here(lemma, kids):
        return None
    content: list[Span] = []
    # a clause before the cue that a colon closes is the writer's lead-in, not what was said ("... set off
    # partisan fireworks on Friday: Republicans said they're convinced ...")
    clause = [c for c in kids if c.dep_ in _CLAUSE_DEPS and not (
        c.i < v.i and any(t.text == ":" for t in v.doc[c.right_edge.i + 1:v.i]))]
    leads = []  # the time phrase before a misread clause is the cue's, not what was said
    if not clause and lemma in SPEECH:
        leads = [lead for c in kids if (lead := _misread_clause(v, c)) is not None]
        clause = [lead.head for lead in leads]
    prep_obj = _prep_object(v, PREP_CUES.get(lemma, ()))
    if particle and prep_obj is None and not any(c.dep_ in ("prt", "dobj") and c.lower_ == particle for c in kids):
        return None
    if clause:
        others = [c for c in clause[1:] if _next_speaker(c, v)]  # "..., and three-quarters said ..."
        clause = [c for c in clause if c not in others]
        content = _minus_many([_subtree(c) for c in clause], [h for c in clause for h in _own_cues(c)]
                              + [(v.doc[c.left_edge.i - 1].idx, _subtree(c)[1]) for c in others]
                              + [_subtree(lead) for lead in leads])
    else:
        xcomp = [c for c in kids if c.dep_ == "xcomp"]
        dobj = [c for c in kids if c.dep_ in ("dobj", "obj")]
        oprd = [c for c in kids if c.dep_ in ("oprd", "acomp") or (c.dep_ == "xcomp" and c.i > v.i and dobj
                                                                  and lemma in EVALUATION)]
        gerund = next((c for c in xcomp if c.tag_ == "VBG" and c.i == v.i + 1 and lemma in SPEECH and any(
            t.tag_ in ("MD", "VBD", "VBZ", "VBP") for t in c.subtree)), None)
        if gerund is not None:
            # "He said legalizing it could put thousands to work": a clause with a gerund for its
            # subject, which the parser hangs off the cue as if the gerund were its complement
            content = [_subtree(gerund)]
        elif xcomp and lemma in XCOMP_CONTENT:
            first = dobj[0] if dobj and dobj[0].i < xcomp[0].i else xcomp[0]
            content = [(_subtree(first)[0], _subtree(xcomp[0])[1])]
        elif dobj and lemma in OBJECT_CONTENT and (_statement_like(dobj[0]) or _object_prep(v, dobj[0])):
            content = [(_subtree(dobj[0])[0], _object_end(v, dobj[0]))]
        elif not dobj and lemma in EVALUATION and [c for c in oprd if c.i > v.i]:
            # "called her “third-rate”", "called both Trump and Clinton “crazy”": the parser took the
            # object into the predicate; what was said runs from after the cue to the last predicate
            after = [c for c in kids if c.i > v.i and c.dep_ in ("oprd", "acomp", "dep")]
            content = [(min(_subtree(c)[0] for c in after), _subtree(max(after, key=lambda c: c.i))[1])]
        elif dobj and lemma in EVALUATION and (oprd or _stance_object(dobj[0]) or _object_prep(v, dobj[0])):
            # "called the plan a disaster", "called it “the least bad option”": object and predicate
            end = _subtree(oprd[0])[1] if oprd else _object_end(v, dobj[0])
            content = [(_subtree(dobj[0])[0], end)]
        elif prep_obj is not None:  # "referring to the former president", "pressed for a vote"
            lead = [g for g in prep_obj.children if g.dep_ == "mark" and g.i == prep_obj.left_edge.i]
            start = v.doc[lead[0].i + 1].idx if lead else _subtree(prep_obj)[0]  # "for" is the cue's
            content = [(start, _object_end(v, prep_obj))]
        elif dobj and lemma not in RECIPIENT_CUES and _any_object(dobj[0]) and (
                (lemma in EVALUATION and lemma not in SPEECH and not _irrealis(v))
                or oprd or _object_prep(v, dobj[0])):
            # "endorsed Clinton", "sees the program as ...", "compares his struggles to ..."
            end = _subtree(oprd[0])[1] if oprd else _object_end(v, dobj[0])
            content = [(_subtree(dobj[0])[0], end)]
        elif (lemma in EVALUATION or lemma in SPEECH) and lemma not in GOING_ON:
            pobj = [g for c in kids if c.dep_ == "prep" and c.lower_ in PREP_CONTENT and c.i > v.i
                    for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if pobj and _stance_object(pobj[0]):
                content = [_with_trailing_preps(pobj[0], v, noun_cue=False)]
        if not content and v.tag_ == "VBN" and (oprd or _as_prep(v)):
            # "Biden is considered an asset", "he was seen as a moderate": the passive subject
            # and what it is taken for
            subj_pass = next((c for c in kids if c.dep_ == "nsubjpass"), None)
            pred = oprd[0] if oprd else _as_prep(v)
            if subj_pass is not None and subj_pass.tag_ not in ("WDT", "WP") and pred.i > v.i:
                content = [_subtree(subj_pass), _subtree(pred)]
        if not content and v.tag_ == "VBN" and lemma not in ADDRESSEE_ONLY and any(c.dep_ == "agent" for c in kids):
            # "The meeting was first reported by Politico", "it was never mentioned by the
            # moderators": the passive subject is what the agent said (not so for the one told,
            # asked or greeted: "The aircraft was greeted by some 400 guests")
            subj_pass = next((c for c in kids if c.dep_ == "nsubjpass"), None)
            if subj_pass is not None and subj_pass.tag_ not in ("WDT", "WP") and subj_pass.i < v.i:
                content = [_subtree(subj_pass)]
        if not content and v.head.i != v.i and lemma not in EVALUATION and (v.dep_ == "parataxis" or (
                v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids))):
            # "This campaign, he says, is different", "As Amar put it, Republicans should ...":
            # the clause around the cue
            content = _minus(_subtree(v.head), _subtree(v))
    if not content and lemma in SPEECH:
        # an answer or a stand-in for what was said: "said yes", "said so", "he said that."
        word = next((c for c in kids if c.i == v.i + 1 and (
            c.dep_ == "intj" and c.lower_ in ("yes", "no") or c.dep_ == "advmod" and c.lower_ == "so"
            or c.dep_ == "dobj" and c.lower_ == "that" and c.tag_ == "DT" and not list(c.children))), None)
        if word is not None:
            content = [(word.idx, word.idx + len(word.text))]
    subj = _subject(v)
    if subj is None and not content:
        return None
    if subj is not None and subj.lower_ in ("it", "there") and not content:
        return None
    doc = v.doc
    cue = _cue_span(v)
    src = phrase = None
    if subj is not None:
        src, phrase = source_spans(subj)
    # the content is the reported clause, never its own cue or speaker ("This campaign, *he
    # says*, is different"), and it stays in the cue's paragraph
    holes = cut + [cue] + ([phrase] if phrase else [])
    content = _trim_all(doc, _in_paragraph(doc, cue[0], _minus_many(content, holes)))
    content = _trim_all(doc, [_without_aside(doc, s, e) for s, e in content])
    weak = lemma not in SPEECH | REPORT | DIRECTIVE | COGNITION | EVALUATION
    return Frame(si, "verb", _group(lemma), cue, _text(doc)[cue[0]:cue[1]], src, phrase, content, v.i,
                 subj.i if subj is not None else None, weak=weak)


def _naming(v) -> bool:
    """Whether ``v`` ("called", "named", "dubbed") gives the name something goes by: no subject of its
    own, and the name, a proper noun, right after it ("a parasite called Trypanosoma brucei")."""
    if lemma_of(v) not in NAMING or v.tag_ not in ("VBN", "VBD") or v.i + 1 >= len(v.doc) \
            or any(c.dep_ in ("nsubj", "agent") for c in v.children):
        return False
    nxt = v.doc[v.i + 1]
    return (nxt.pos_ == "PROPN" or nxt.ent_type_ not in ("", "DATE", "TIME", "CARDINAL")) and nxt.dep_ != "poss"


def _as_status(v) -> bool:
    """Whether the participle ``v`` is a status something is given ("listed *as threatened*"): it
    follows "as" and has no subject of its own."""
    after_as = v.head.lower_ == "as" or any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children)
    return after_as and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)


def _no_cue_here(lemma: str, kids) -> bool:
    """Whether a cue verb is used in a sense that says nothing, judged by its dependents ``kids``."""
    objects = [c for c in kids if c.dep_ in ("dobj", "obj")]
    passive = any(c.dep_ == "auxpass" for c in kids)
    if lemma == "deny" and objects and passive:
        return True  # "was denied entry", "were denied a permit": something withheld, nothing said
    if lemma in PERCEIVING and any(c.dep_ == "ccomp" and c.tag_ in ("VB", "VBG", "VBN") and not any(
            g.dep_ in ("aux", "auxpass", "mark") for g in c.children) for c in kids):
        return True  # "Accenture saw its shares fall", "will see 400 jobs cut": what happens to it, no view
    if lemma in MEASURING and any(c.dep_ in ("dobj", "npadvmod") and (c.like_num or any(
            g.dep_ == "nummod" for g in c.children)) for c in kids):
        return True  # "weighs less than 3 lbs": a measure, no view weighed
    if lemma == "add" and objects and any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in kids):
        return True  # "added DRM to its processors": something put in, nothing said
    if lemma == "find" and passive and any(c.dep_ in ("acomp", "oprd") and c.lemma_.lower() not in VERDICTS
                                           for c in kids):
        return True  # "was found alive", "was found shoeless": someone located ("found guilty" is a ruling)
    if lemma == "call" and any(c.like_num or c.lemma_.lower() in CALLED_NUMBERS or "-" in c.text and any(
            ch.isdigit() for ch in c.text) for c in objects):
        return True  # "call 860-258-2722", "call the tip line": a number dialled
    if lemma == "admit" and objects and any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in kids):
        return True  # "admitted herself to the Betty Ford Center": a patient taken in ("admitted to lying" stays)
    if lemma == "attack" and any(_armed_attack(c.head, c) for c in objects):
        return True  # "pirates attacked this merchant ship": an assault, no words
    if lemma in CONTESTING and any(c.lemma_.lower() in PRIZES for c in objects):
        return True  # "defended his IBF crown", "contested the seat": competing, no stance taken
    return lemma == "post" and any(c.lemma_.lower() in RESULTS for c in objects)  # "posted an annual profit"


def _armed_attack(cue, target) -> bool:
    """Whether an attack (the verb or the noun ``cue``) on ``target`` is an armed one: the target is a
    thing or a force ("a merchant ship", "banks") or the noun names a weapon or an armed doer
    ("firebomb attack", "pirate attack"); political attacks are on people and their words."""
    if target is not None and target.lemma_.lower() in ATTACKED_THINGS:
        return True
    return cue.pos_ == "NOUN" and any(c.dep_ in ("compound", "amod", "nmod") and any(
        w in ATTACK_MEANS for w in c.lower_.split("-")) for c in cue.children)


def _misread_clause(v, c):
    """The time phrase opening a reported clause that the parser hung off the cue as an adverbial:
    "Trump said after the convention he would not accept ..." read as "[after ... he would not
    accept]" (the phrase's preposition, or None). The clause has a subject of its own and a finite
    verb, no marker ("when", "if"), and the phrase comes right after the cue, before that subject."""
    kids = {d: [k for k in c.children if k.dep_ == d] for d in ("mark", "nsubj", "nsubjpass", "aux", "prep")}
    if c.dep_ != "advcl" or c.i < v.i or kids["mark"]:
        return None
    subj = kids["nsubj"] + kids["nsubjpass"]
    finite = c.tag_ in ("VBD", "VBZ", "VBP") or any(a.tag_ in ("MD", "VBD", "VBZ", "VBP") for a in kids["aux"])
    lead = [p for p in kids["prep"] if p.i == c.left_edge.i and p.i == v.i + 1]
    if subj and finite and lead and subj[0].i > max(t.i for t in lead[0].subtree):
        return lead[0]
    return None


_ASIDE_DEPS = ("relcl", "appos", "advcl")
_ASIDE_MARKS = ("when", "while", "after", "before", "as")


def _without_aside(doc, start: int, end: int) -> Span:
    """``[start, end)`` less a trailing aside set off by a comma: a non-restrictive relative
    clause (", which makes him an outlier"), an apposition (", a former governor") or a
    clause of when it was said (", when asked about the polls"). They are the writer's, not
    what was reported."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) < 4:
        return start, end
    last = span[-1]
    while last.i > span.start and last.is_punct:
        last = doc[last.i - 1]
    for t in span:
        if t.dep_ not in _ASIDE_DEPS or t.right_edge.i != last.i or t.left_edge.i <= span.start + 2:
            continue
        comma = doc[t.left_edge.i - 1]
        if comma.text not in (",", "—", "–", "--") or t.head.i < span.start:
            continue
        if t.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ in _ASIDE_MARKS for c in t.children):
            continue
        if t.dep_ == "relcl" and not any(c.tag_ in ("WDT", "WP", "WP$") for c in t.children):
            continue
        return start, comma.idx
    return start, end


def _irrealis(v) -> bool:
    """A verb in a modal or an infinitive ("would support Trump", "free to support any
    candidate"): a stance someone might take, not one they took."""
    return any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in v.children)


def _as_prep(v):
    """The "as" phrase after cue ``v`` ("was seen *as a moderate*")."""
    return next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > v.i
                 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)


def _any_object(obj) -> bool:
    """An object that can be what a cue is about: anything but a date, a time or a number
    ("said *Sunday*", "called *twice*")."""
    return obj.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


def _prep_object(v, preps):
    """The object of the first preposition in ``preps`` after cue ``v`` ("talked *about* X"),
    unless it is only a date or a time ("spoke on Monday"); for "for", also a for-to clause
    ("called for *the United States to step up ...*", which the parser reads as a clause)."""
    if "for" in preps:
        clause = next((c for c in v.children if c.dep_ == "advcl" and c.i > v.i and any(
            g.dep_ == "mark" and g.lower_ == "for" for g in c.children)), None)
        if clause is not None and any(g.dep_ == "aux" and g.lower_ == "to" for g in clause.children):
            return clause
    for c in v.children:
        if c.dep_ == "prep" and c.i > v.i and c.lower_ in preps:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME") and not (
                    v.lemma_.lower() == "respond" and obj.lemma_.lower() in SCENES):
                return obj
    return None


def _object_prep(v, obj):
    """The preposition right after a cue's object that carries the rest of what was said
    ("described *X as Y*", "accused *X of Y*", "blasted *him for Y*", "likened *X to Y*"); not "as a
    result of", "as part of", which say why or how ("saw large drops as a result of ...")."""
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS and c.i == obj.right_edge.i + 1 \
                and any(g.dep_ in ("pobj", "pcomp") for g in c.children) \
                and not (c.lower_ == "as" and any(g.lemma_.lower() in AS_LINKS for g in c.children)):
            return c
    return None


# "as" + these is a link of cause or manner, not what something is taken for
AS_LINKS = frozenset({"result", "consequence", "part", "well", "usual", "expected", "follows"})


def _object_end(v, obj) -> int:
    prep = _object_prep(v, obj)
    return _subtree(prep)[1] if prep is not None else _subtree(obj)[1]


def _noun_frame(n, si: int, cut: list[Span]) -> Frame | None:
    """A nominal cue: "Trump's claim *that ...*", "a plan *to cut taxes*", "criticism *of the
    deal*", "expressed concern *that ...*". The source is the noun's possessor, else the
    subject of the verb that has the noun as its object ("Sanders offered advice"), else the
    subject of the clause the noun sits in ("Clinton faced questions about ...")."""
    content: list[Span] = []
    lemma = lemma_of(n)
    for c in n.children:
        if c.i <= n.i:
            continue
        if lemma in CUE_NOUNS and c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
            marks = [g for g in c.children if g.i < c.i]
            if any(g.dep_ == "mark" and g.lower_ == "that" for g in marks) or \
                    any(g.dep_ == "aux" and g.lower_ == "to" for g in marks):
                content = [_subtree(c)]
                break
        if (n.lower_ in STANCE_NOUNS or n.lower_ in STANCE_HOLDERS and c.lower_ == "of") \
                and c.dep_ == "prep" and c.lower_ in PREP_CONTENT and c.i == n.i + 1:
            pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if pobj and lemma == "attack" and _armed_attack(n, pobj[0]):
                break
            if pobj and (pobj[0].dep_ == "pcomp" or _stance_object(pobj[0])):
                content = [_with_trailing_preps(pobj[0], n)]
                break
    if not content:
        return None
    src_tok = next((c for c in n.children if c.dep_ == "poss"), None)
    if src_tok is None and n.dep_ in ("dobj", "obj") and n.head.pos_ == "VERB" and (
            lemma_of(n.head) in CUE_VERBS or lemma_of(n.head) in SUPPORT_VERBS):
        src_tok = next((c for c in n.head.children if c.dep_ == "nsubj"), None)
    if src_tok is None:  # "Clinton faced questions about ...", "he met the demand to ...": the clause's subject
        verb = _governing_verb(n.head)
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        if subj is not None and not (subj.left_edge.i <= n.i <= subj.right_edge.i):
            src_tok = subj
    if n.lower_ in STANCE_HOLDERS and n.dep_ in ("nsubj", "nsubjpass", "appos", "dobj", "pobj"):
        src_tok = n  # "Critics of the program say ...", "met with opponents of the plan": they hold it
    if src_tok is not None and src_tok.tag_ in ("WDT", "WP", "EX"):
        src_tok = None
    doc = n.doc
    content = _trim_all(doc, _minus_many(content, cut))
    if not content:
        return None
    cue = (n.idx, n.idx + len(n))
    src = phrase = None
    if src_tok is not None:
        src, phrase = source_spans(src_tok)
    group = "evaluation" if (n.lower_ in STANCE_NOUNS or n.lower_ in STANCE_HOLDERS) and lemma not in CUE_NOUNS \
        else "speech"
    return Frame(si, "noun", group, cue, _text(doc)[cue[0]:cue[1]], src, phrase, content, n.i,
                 src_tok.i if src_tok is not None else None, weak=True)


def _evidential_frame(v, si: int, cut: list[Span]) -> Frame | None:
    """A verb of appearance: the claim is its subject with its complement ("*Mr. Rubio* had
    appeared *to be on the upswing*", "*he* appears *somewhat uneasy*") or its clause ("it
    seems *that ...*"); the writer hedges it, so it has no source."""
    kids = list(v.children)
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    comp = next((c for c in kids if c.i > v.i and (
        c.dep_ in ("acomp", "oprd") or (c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children)))), None)
    clause = next((c for c in kids if c.i > v.i and c.dep_ in ("ccomp", "advcl") and any(
        g.dep_ == "mark" and g.lower_ in ("that", "like", "if") for g in c.children)), None)
    if clause is not None and (subj is None or subj.lower_ == "it"):
        content = [_subtree(clause)]
    elif comp is not None and subj is not None and subj.lower_ not in ("it", "there") \
            and subj.tag_ not in ("WDT", "WP", "EX"):
        content = [_subtree(subj), _subtree(comp)]
    else:
        return None
    doc = v.doc
    cue = _cue_span(v)
    content = _trim_all(doc, _minus_many(content, cut + [cue]))
    if not content:
        return None
    return Frame(si, "verb", "cognition", cue, _text(doc)[cue[0]:cue[1]], None, None, content, v.i,
                 None, weak=True)


def _adjective_frame(a, si: int, cut: list[Span]) -> Frame | None:
    """An adjective of certainty or stance after a copula: "Trump is confident *that ...*",
    "she was critical *of the deal*", "they are wary *of ...*". The source is the copula's
    subject; without one ("it is unclear whether ...") the adjective states a fact, not
    anyone's view."""
    if a.dep_ != "acomp" or a.head.pos_ not in ("AUX", "VERB") or \
            a.head.pos_ == "VERB" and a.head.lemma_.lower() not in STATE_VERBS and a.head.norm_ not in STATE_VERBS:
        return None  # "tested positive for the flu" is a result, nobody's view
    content: list[Span] = []
    for c in a.children:
        if c.i <= a.i:
            continue
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
            content = [_subtree(c)]
        elif c.dep_ == "prep" and c.lower_ in ADJECTIVE_PREPS and c.i == a.i + 1:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                content = [_subtree(obj)]
        if content:
            break
    doc = a.doc
    content = _trim_all(doc, _minus_many(content, cut))
    subj = next((c for c in a.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if not content or subj is None or subj.lower_ in ("it", "there", "this", "that") \
            or subj.tag_ in ("WDT", "WP", "EX"):
        return None  # "it is clear that ...", "that is certain to ...": a fact, nobody's view
    src = phrase = None
    if subj is not None:
        src, phrase = source_spans(subj)
    cue = (a.idx, a.idx + len(a))
    group = "cognition" if a.lower_ in CERTAINTY_ADJECTIVES else "evaluation"
    return Frame(si, "verb", group, cue, _text(doc)[cue[0]:cue[1]], src, phrase, content, a.i,
                 subj.i if subj is not None else None, weak=True)


def _in_paragraph(doc, at: int, spans: list[Span]) -> list[Span]:
    """``spans`` cut to the paragraph (line) holding offset ``at``: a parse that runs over a
    line break has joined two paragraphs, and what was said stays in the cue's."""
    text = _text(doc)
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    hi = len(text) if hi < 0 else hi
    return [(max(s, lo), min(e, hi)) for s, e in spans if s < hi and e > lo]


def _own_cues(clause) -> list[Span]:
    """Cue verbs hung on a reported clause's verb that go on in the outer speaker's voice
    ("said he would order a review *and warned against hackers*", "said ..., *arguing
    that* ..."): the parser attaches them to the clause, but they are the speaker's next
    act, not part of what was said."""
    out = []
    cue = clause.head
    for c in clause.children:
        if c.i <= clause.i or c.pos_ != "VERB" or lemma_of(c) not in (SPEECH | EVALUATION if c.dep_ == "conj" else CUE_VERBS):
            continue
        if c.dep_ == "conj" and (c.tag_ == cue.tag_ and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                                 or _next_speaker(c, clause)):
            # "said ... and warned ...", not "says he is acting ... and showing ..."; and "said
            # they were worried, and a third said ...": the next speaker's words
            cc = [g for g in clause.children if g.dep_ == "cc" and clause.i < g.i < c.i]
            start = cc[-1] if cc else c.left_edge
        elif c.dep_ == "advcl" and c.tag_ == "VBG" and c.left_edge.i > 0 \
                and c.doc[c.left_edge.i - 1].text in (",", "—", "–", "-", "--", ";"):
            start = c.doc[c.left_edge.i - 1]
        else:
            continue
        out.append((start.idx, _subtree(c)[1]))
    return out


def _next_speaker(c, head) -> bool:
    """Whether verb ``c``, hung on ``head`` after a conjunction, is a verb of speech with a
    subject of its own: a second report beside the first ("Six in 10 voters said Clinton is
    honest, and three-quarters said the same of Sanders"), not part of what the first says."""
    before = c.doc[c.left_edge.i - 1] if c.left_edge.i > head.i + 1 else None
    return (before is not None and before.dep_ == "cc" and lemma_of(c) in SPEECH
            and any(g.dep_ == "nsubj" for g in c.children))


def _statement_like(obj) -> bool:
    """An object that can be what was said ("noted *the legitimacy of ...*"), not a bare
    name or date ("said *Sunday*", "called *Trump*", "showed *Snow Leopard*", "unveiled *the iPhone 3GS*")."""
    words = [t for t in obj.subtree if not t.is_punct]
    quoted = _in_quotes(obj) or any(t.text in _OPEN_MARKS for t in obj.subtree)  # 'fear a “Putin Pact”'
    named = all(t.pos_ in ("PROPN", "NUM", "DET") for t in words) and not quoted
    return len(words) >= 2 and obj.ent_type_ not in ("DATE", "TIME") and not named


_NOT_ABOUT = ("DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL")


def _stance_object(obj) -> bool:
    """What a stance is taken on: a proposition or a thing, not a bare name, date or place
    ("blasted *the plan to cut taxes*", not "blasted *Clinton*" or "spoke *on Thursday*")."""
    words = [t for t in obj.subtree if not t.is_punct]
    if obj.ent_type_ in _NOT_ABOUT or obj.pos_ == "PRON":
        return False
    if obj.ent_type_ in ("PERSON", "ORG", "NORP") and len(words) <= 4:
        return False
    return True


def _subject(v, depth: int = 0):
    """The speaker of verb ``v``: its subject, the agent of a passive, or its head's subject."""
    subjects = [c for c in v.children if c.dep_ in _SUBJECT_DEPS]
    plain = [c for c in subjects if not _in_quotes(c)]
    if subjects and not plain and v.dep_ == "conj" and depth <= 3:
        # words in quotation marks read as the subject ('and also yelled “Allahu akbar,”'): what was
        # said, not who said it; the first verb's subject speaks
        return _subject(v.head, depth + 1) or subjects[0]
    if subjects:
        # of two (a misparse: "..., New Hampshire, Trump went"; 'Washington, star of “Scandal,”
        # thanked'), the one next to the verb that is not a title in quotation marks
        c = min(plain or subjects, key=lambda c: abs(v.i - c.i))
        if c.tag_ in ("WDT", "WP") and v.dep_ == "relcl":  # "the report, which said ..."
            return v.head
        return c
    for c in v.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if depth > 3 or v.head.i == v.i:
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
        # "DiLeo will coach ... and is expected to remain", "Socialists hold a majority and the bill
        # is expected to pass": a passive cue names no one who expects it but its agent
        return None
    h = v.head
    if v.dep_ in ("conj", "advcl") and h.dep_ in _CLAUSE_DEPS and lemma_of(h.head) in CUE_VERBS \
            and (v.tag_ == "VBG" or v.dep_ == "conj") and lemma_of(v) in CUE_VERBS:
        # "said that was not her view and dismissed ...": the cue's speaker goes on (see _own_cues)
        return _subject(h.head, depth + 1)
    if v.dep_ == "conj" or (v.dep_ in ("advcl", "xcomp") and v.tag_ == "VBG"):
        return _subject(v.head, depth + 1)
    if v.tag_ == "VBG" and (v.dep_ == "pcomp" or (
            v.dep_ == "acl" and v.doc[v.i - 1].text == "," and lemma_of(h) not in REPORT_NOUNS
            and h.ent_type_ not in ("PERSON", "ORG", "NORP") and h.pos_ != "PRON")):
        # "attacked Clinton for her support of ... Libya, *saying* ...", "responded by *saying*":
        # the participle goes on from the clause's verb, not from the noun it was hung on
        verb = _governing_verb(h)
        return _subject(verb, depth + 1) if verb is not None else None
    if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return v.head
    return None


# quotation marks as spaCy tokens: the lexicon's, the tokenizer's ``/'' and single curly quotes
_OPEN_MARKS = frozenset(OPENING_QUOTES) | {"``", "‘"}
_CLOSE_MARKS = frozenset(CLOSING_QUOTES) | {"''", "’"}


def _in_quotes(tok) -> bool:
    """Whether ``tok``'s phrase is set in quotation marks ('“Scandal,”')."""
    doc = tok.doc
    lo, hi = tok.left_edge.i, tok.right_edge.i
    opens = any(doc[k].text in _OPEN_MARKS for k in range(max(0, lo - 1), lo + 1))
    closes = any(doc[k].text in _CLOSE_MARKS for k in range(hi, min(hi + 3, len(doc))))
    return opens and closes



def _governing_verb(tok):
    """The nearest verb above ``tok`` in the parse (``None`` at the root)."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _cue_span(v) -> Span:
    """The cue: the verb with its auxiliaries, negation and particle ("has said", "was reported",
    "pointed out")."""
    toks = [v] + [c for c in v.children if c.dep_ in ("aux", "auxpass", "neg", "prt") and abs(c.i - v.i) <= 3]
    lo = min(t.i for t in toks)
    hi = max(t.i for t in toks)
    doc = v.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


# ---------------------------------------------------------------- cues beside a quote

_STOP = {".", "?", "!", "“", "”", '"', "''", "``", "\n"}
_MAX_SOURCE_TOKENS = 7
_MAX_APPOSITION = 8  # words of a title set off by commas between a quote's speaker and the cue


def _quote_cue_frames(sdoc, sents, frames: list[Frame]) -> None:
    """Frames read off the words right after a closing quote ("...,” Viguerie notes.",
    "...,” said Smith") or right before an opening one ("Smith told reporters: “...").

    The small parser often mis-tags a cue beside a quote ("notes" as a noun) or
    hangs it on the wrong clause; the word order around a quotation mark is
    regular enough to read directly. A frame already parsed on the same cue word
    gets the quote as content (and its source corrected); otherwise one is added.
    """
    text = _text(sdoc)
    by_head = {f.head: f for f in frames if f.kind == "verb"}
    sent_of = {}
    for si, sent in enumerate(sents):
        for t in sent:
            sent_of[t.i] = si
    starts = [t.idx for t in sdoc]
    stretches = quoted_stretches(text)

    def holds_quote(f: Frame) -> bool:
        return any(s < q.end and q.start < e for s, e in f.content for q in stretches)

    for st in stretches:
        if not looks_like_quote(text, st):
            continue
        found = None
        if st.close_at is not None:
            found = _after_quote(sdoc, starts, st.outer[1])
        if found is None:
            found = _before_quote(sdoc, starts, st.open_at)
        if found is None:
            continue
        cue_tok, src_tok = found
        content = [(st.start, st.end)]
        si = sent_of.get(cue_tok.i, 0)
        src = phrase = None
        if src_tok is not None:
            src, phrase = source_spans(src_tok)
        f = by_head.get(cue_tok.i)
        if f is not None and f.content and min(a for a, _ in f.content) >= f.cue[1] \
                and text[st.start:st.end].rstrip()[-1:] in (".", "?", "!"):
            continue  # '... “near and dear to my heart.” He said he recognizes ...': a new sentence, its own report
        if f is not None:
            if src is not None:
                f.source, f.source_phrase, f.source_token = src, phrase, src_tok.i
                f.content = _trim_all(sdoc, _minus_many(f.content, [phrase]))  # the parse may hold the name
            if not holds_quote(f):  # a cue between two halves of a quote keeps the first
                f.content = content
            continue
        lemma = lemma_of(cue_tok)
        cue = _cue_span(cue_tok)
        f = Frame(si, "verb", _group(lemma), cue, text[cue[0]:cue[1]], src, phrase, content, cue_tok.i,
                  src_tok.i if src_tok is not None else None)
        frames.append(f)
        by_head[cue_tok.i] = f


def _is_cue_word(tok) -> bool:
    lemma = lemma_of(tok)
    if lemma not in CUE_VERBS and tok.lower_ not in CUE_VERBS:
        return False
    particle = PARTICLE_CUES.get(lemma)
    if particle:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.lower_ == particle
    return True


def _nominal(tok) -> bool:
    return tok.pos_ in ("PROPN", "NOUN", "PRON") or tok.ent_type_ in SOURCE_LABELS


def _after_quote(sdoc, starts, pos: int):
    """``(cue, source)`` in '...,” Smith said' / '...,” said Smith' after offset ``pos``."""
    import bisect

    i = bisect.bisect_left(starts, pos)
    window = []
    while i < len(sdoc) and len(window) < _MAX_SOURCE_TOKENS + _MAX_APPOSITION + 5:
        t = sdoc[i]
        if t.text in _STOP or "\n" in t.text:
            break
        if not (t.is_punct and not window):  # skip the comma right after the mark
            window.append(t)
        i += 1
    window = _without_apposition(window)
    for k, t in enumerate(window):
        if t.is_punct:
            break
        if not _is_cue_word(t):
            continue
        before = [w for w in window[:k] if not w.is_punct and w.pos_ not in ("AUX", "ADV", "PART")]
        if before:
            if len(before) > _MAX_SOURCE_TOKENS or any(w.pos_ == "VERB" for w in before):
                return None
            heads = [w for w in before if _nominal(w)]
            return (t, heads[-1]) if heads else None
        after = []
        for w in window[k + 1:]:
            if w.is_punct or w.pos_ in ("ADP", "SCONJ"):
                break
            after.append(w)
        heads = [w for w in after if _nominal(w)]
        if heads:
            head = _np_head(heads)
            if head.head.i == t.i and head.dep_ in ("dobj", "dative"):
                return None  # '“Scandal,” thanked Obama': whom the cue is done to, not who speaks
            if head.dep_ in ("nsubj", "nsubjpass") and head.head.i != t.i:
                return None  # '“Prince of Pot” says he's ...': the subject of the clause the cue reports
            return t, head
        return None
    return None


def _without_apposition(window: list) -> list:
    """``window`` (the words after a closing quote) less an apposition set off by commas between the
    name and the cue ('...,” Brent Bozell III, founder of the Media Research Center, tells ...'):
    the name, then the cue. Only when the apposition holds no verb and a cue word follows it."""
    if not window or window[0].is_punct:
        return window
    first = next((k for k, t in enumerate(window) if t.is_punct), None)
    if first is None or window[first].text != "," or first > _MAX_SOURCE_TOKENS:
        return window
    second = next((k for k in range(first + 1, len(window)) if window[k].is_punct), None)
    if second is None or window[second].text != "," or second - first - 1 > _MAX_APPOSITION \
            or second + 1 >= len(window) or not _is_cue_word(window[second + 1]) \
            or any(t.pos_ in ("VERB", "AUX") for t in window[first + 1:second]):
        return window
    return window[:first] + window[second + 1:]


def _np_head(toks):
    """The head of a short noun phrase: the last token whose head lies outside it."""
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[-1]


def _before_quote(sdoc, starts, open_at: int):
    """``(cue, source)`` in 'Smith said: “...' / 'Smith told reporters, “...' before ``open_at``."""
    import bisect

    i = bisect.bisect_left(starts, open_at) - 1
    window = []
    while i >= 0 and len(window) < 10:
        t = sdoc[i]
        if t.text in (".", "?", "!", "”", "“", '"', "''", "``"):
            break
        if "\n" in t.text:
            # a quote may open the paragraph after a colon: 'issued this statement:\n\n“...'
            if window or i == 0 or sdoc[i - 1].text != ":":
                break
        elif not t.is_space:
            window.append(t)
        i -= 1
    if not window or window[0].text not in (",", ":", "—", "–") and window[0].pos_ != "VERB" \
            and not _is_cue_word(window[0]):
        return None
    for k, t in enumerate(window):
        if _is_cue_word(t) or (window[0].text == ":" and t.pos_ == "VERB" and any(
                c.dep_ in ("dobj", "obj") and lemma_of(c) in REPORT_NOUNS for c in t.children)):
            between = window[:k]
            if any(_clause_verb(w) for w in between):
                return None
            subj = next((c for c in t.children if c.dep_ in ("nsubj",) and not _in_quotes(c)), None)
            if subj is None:  # "returned the compliment to Adelson, telling Reuters, “...", "did not
                # name them, but told his supporters, “...": a participle or a second verb speaks for
                # its clause's subject as parsed; failing that, the nearest name before the cue
                subj = _subject(t)
            if subj is None:
                prev = window[k + 1:]
                heads = [w for w in prev[:4] if _nominal(w)]
                subj = heads[0] if heads else None
            return t, subj
        if _clause_verb(t):
            return None
    return None


def _clause_verb(tok) -> bool:
    return tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound", "acl")


# ---------------------------------------------------------------- "Name: words"

_SPEAKER_LABEL = re.compile(r"^[“\"]?(?P<name>[A-Z][^:\n\d]{0,45}?):[ \t]+(?=\S)", re.M)


# Labels with which a paper speaks of its own text: no speaker before their colon.
EDITORIAL_LABELS = frozenset({"note", "correction", "corrections", "clarification", "update", "updated", "disclosure",
                              "disclaimer", "related", "abstract", "summary", "background", "photo", "video",
                              "watch", "advertisement", "credit", "caption", "editor", "editors", "ps", "p.s."})


def _colon_frames(sdoc, sents, named: set[str] = frozenset()) -> list[Frame]:
    """Paragraphs that open with a speaker's name and a colon: transcripts ("PENCE: Well, ...")
    and headlines ("Obama: I'm optimistic ..."). The name must name someone (an entity, an actor
    the article names in ``named``, a word in capitals or a report noun, no verb), so "Note: ...",
    "Correction: ..." or a section heading are not speakers; places alone are a speaker in a
    headline ("Moscow: ..."), a dateline below it."""
    import bisect

    text = _text(sdoc)
    starts = [t.idx for t in sdoc]
    sent_starts = [s.start_char for s in sents]
    out = []
    for ps, pe in paragraphs(text):
        m = _SPEAKER_LABEL.match(text, ps, pe)
        if m is None:
            continue
        ns, ne = m.start("name"), m.end("name")
        toks = [sdoc[i] for i in range(bisect.bisect_left(starts, ns), len(sdoc)) if sdoc[i].idx < ne]
        words = [t for t in toks if not t.is_punct and not t.is_space]
        if not words or len(words) > 6 or any(t.pos_ in ("VERB", "AUX") and t.tag_ != "NNP" for t in words):
            continue
        if any(t.lower_ in EDITORIAL_LABELS for t in words):
            continue  # "Editor's note:", "Correction:", "CLARIFICATION:": the paper speaking of itself
        if not any(t.ent_type_ in SOURCE_LABELS or (t.is_upper and len(t) > 1) or lemma_of(t) in REPORT_NOUNS
                   or t.pos_ == "PROPN" and t.text in named for t in words):
            continue  # a section heading in title case ("Little Relief for Refugees:") is no one; an actor
            # the article names ("Pence: Gennifer Flowers Won't Be at Debate") is someone
        if ps > 0 and all(t.ent_type_ in ("GPE", "LOC") or t.text == "/" for t in words):
            continue  # a dateline below the headline ("New Delhi / Mumbai: An Indian warship ..."), no voice
        colon = ne
        content = _trim_all(sdoc, [(m.end(), pe)])
        if not content:
            continue
        head = _np_head(words)
        src, phrase = source_spans(head)
        si = max(0, bisect.bisect_right(sent_starts, colon) - 1)
        out.append(Frame(si, "colon", "speech", (colon, colon + 1), ":", src, phrase, content, head.i, head.i))
    return out


# ---------------------------------------------------------------- according to

def _is_according(tok) -> bool:
    return tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children)


def _is_in_source(tok) -> bool:
    """'*In* a Quinnipiac poll, ...', '*in* his view, ...': a document or view as the source of
    a clause whose own verb is no cue (else "X said in a statement" is X's frame)."""
    if tok.lower_ != "in" or tok.dep_ != "prep" or lemma_of(tok.head) in CUE_VERBS:
        return False
    if tok.i != tok.sent.start:  # it opens its sentence; "a blip in national polls" is no sourcing
        return False
    pobj = next((g for g in tok.children if g.dep_ == "pobj"), None)
    return pobj is not None and lemma_of(pobj) in IN_SOURCE_NOUNS


def _according_frame(tok, sent, si: int) -> Frame | None:
    to = next(c for c in tok.children if c.lower_ == "to")
    pobj = next((g for g in to.children if g.dep_ == "pobj"), None)
    if pobj is None:
        return None
    return _sourcing_phrase_frame(tok, to, pobj, sent, si)


def _sourcing_phrase_frame(tok, last, pobj, sent, si: int) -> Frame:
    """A phrase that names the source of the rest of its sentence ("according to X", "in X's poll")."""
    doc = tok.doc
    phrase = (tok.idx, _subtree(tok)[1])
    lo, hi = phrase
    # swallow the commas around the phrase
    j = tok.i - 1
    if j >= sent.start and doc[j].text == ",":
        lo = doc[j].idx
    content = _trim_all(doc, _in_paragraph(doc, tok.idx, _minus((sent.start_char, sent.end_char), (lo, hi))))
    src, src_phrase = source_spans(pobj)
    cue = (tok.idx, last.idx + len(last))
    return Frame(si, "according_to", "according_to", cue, _text(doc)[cue[0]:cue[1]], src, src_phrase, content,
                 tok.i, pobj.i, phrase=phrase)


# ---------------------------------------------------------------- sources

def _ent_at(tok):
    """The named entity holding ``tok`` (walked through the IOB tags, not by listing ``doc.ents``)."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label=tok.ent_type_)


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
    if lemma_of(head) not in REPORT_NOUNS:  # "Brazil's presidency" is the presidency, not Brazil
        return _np_left(head), phrase
    for c in head.children:
        if c.dep_ == "appos":
            named.append((0, c))
        elif c.dep_ in ("compound", "poss", "nmod", "amod") and c.i < head.i:
            named.append((1, c))
        elif c.dep_ == "prep" and c.lower_ in ("of", "from", "by") and lemma_of(head) in REPORT_NOUNS:
            named += [(2, g) for g in c.children if g.dep_ == "pobj"]
    for _, c in sorted(named, key=lambda x: x[0]):
        for t in c.subtree:
            e = _ent_at(t)
            if e is not None and e.label_ in SOURCE_LABELS and not (
                    e.label_ == "NORP" and lemma_of(head) not in REPORT_NOUNS):
                return (e.start_char, e.end_char), phrase
    return _np_left(head), phrase


def _np_left(head) -> Span:
    """The noun phrase up to its head: "the Chinese foreign ministry", "Brazil's presidency"."""
    start = head.idx
    for t in reversed(list(head.lefts)):
        if t.dep_ in ("det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "advmod"):
            start = min(start, t.left_edge.idx)
    return start, head.idx + len(head)


def _np_span(head) -> Span:
    lo = head.left_edge
    hi = head
    for t in head.rights:
        if t.dep_ in ("relcl", "acl", "punct", "cc", "conj") or t.text in (",", "—"):
            break
        hi = t.right_edge
    return lo.idx, hi.idx + len(hi)


# ---------------------------------------------------------------- spans

def _with_trailing_preps(obj, cue, noun_cue: bool = True) -> Span:
    """The subtree of what a stance is about, and the phrases right after it that the parser hung on
    the verb instead ("raising questions about *his microphone problems during Monday's debate*",
    "faced questions about *business practices at a foundation ...*"): the verb a cue noun hangs on,
    or the cue verb itself. "as" and "because" phrases say why, not what."""
    start, end = _subtree(obj)
    last = obj.right_edge.i
    gov = cue
    if noun_cue and cue.dep_ in ("dobj", "pobj", "nsubjpass", "attr"):
        gov = cue.head.head if cue.head.dep_ == "prep" else cue.head
    while True:
        nxt = next((c for c in gov.children if c.dep_ == "prep" and c.i == last + 1
                    and c.lower_ not in ("as", "because")), None)
        if nxt is None:
            return start, end
        end, last = _subtree(nxt)[1], nxt.right_edge.i


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


def _text(sdoc) -> str:
    """``sdoc.text``, built once (spaCy joins every token on each access)."""
    text = sdoc.user_data.get("eventwire_text")
    if text is None:
        text = sdoc.user_data["eventwire_text"] = sdoc.text
    return text


def _trim_all(doc, spans: list[Span]) -> list[Span]:
    text = _text(doc)
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
