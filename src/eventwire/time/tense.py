"""Which way a time expression points: the tense of the clause that governs it.

News is past-biased: "Wednesday" in a story is the last Wednesday unless the
clause is about the future ("will meet Friday", "plans to visit this week").
With a spaCy parse the governing verb's auxiliaries and tag decide; without
one, a look at the words before the expression in its sentence does.
"""
from __future__ import annotations

import re
from typing import Callable

FUTURE_AUX = {"will", "'ll", "’ll", "shall", "wo"}
# Modals of expectation look ahead with a plain verb after them (with "have" they look back).
MODAL_AHEAD = {"should", "could", "may", "might", "would"}
FUTURE_GOVERNORS = {"plan", "expect", "schedule", "intend", "aim", "hope", "want", "prepare", "due", "set",
                    "promise", "vow", "pledge", "agree", "decide", "threaten", "seek", "propose", "try"}
_FUTURE_WORDS = re.compile(r"\b(?:will|shall|going\s+to|plans?\s+to|planned\s+to|scheduled|is\s+to|are\s+to|"
                           r"expected\s+to|due\s+to|set\s+to|upcoming)\b|['’]ll\b", re.I)
_PAST_WORDS = re.compile(r"\b(?:was|were|had|did|said|met|took|began|held|came|went|made|told|left|saw|fell|rose|"
                         r"won|lost|got|gave|struck|hit|killed|\w{3,}ed)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[.;:!?]|\b(?:but|and|while|after|before|since|when|although)\b", re.I)

Tense = Callable[[int, int], "str | None"]


def lexical_tense(text: str) -> Tense:
    """Tense from the words before the expression, within its clause (no parse needed)."""

    def tense(start: int, end: int) -> str | None:
        window = text[max(0, start - 80):start]
        pieces = _CLAUSE_BREAK.split(window)
        clause = pieces[-1] if pieces else window
        if _FUTURE_WORDS.search(clause):
            return "future"
        return "past" if _PAST_WORDS.search(clause) else None

    return tense


# Past-tense verbs that announce or schedule: "said the offer expires Nov. 20" does not put Nov. 20 in the past.
ANNOUNCING = {"say", "announce", "declare", "set", "schedule", "report", "tell", "agree", "approve", "call",
              "decide", "vote", "plan", "expect", "postpone", "delay", "move", "extend", "propose"}


# Nouns and adjectives that name a date ahead whatever the tense around them ("payable Dec. 7").
SCHEDULE_WORDS = {"payable", "effective", "due", "deadline", "record", "expiration", "maturity", "meeting",
                  "scheduled", "election", "vote", "summit", "trial", "hearing"}


# Words that put the date after them ahead of the text: "payable Dec. 7", "due March 1".
AHEAD_WORDS = {"payable", "due", "slated", "upcoming"}


def verb_tense(verb, depth: int = 0) -> str | None:
    """'future', 'past', 'present' or None for a verb token, from its auxiliaries and tag.

    spaCy makes a new Token object on each access: tokens compare by index.
    """
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX or verb.lower_ in FUTURE_AUX:
        return "future"
    if "going" in words and any(c.lower_ == "to" for c in verb.children):
        return "future"
    if words & MODAL_AHEAD and not words & {"have", "'ve", "’ve"}:
        return "future"  # "should be completed in October", "could come Friday"; not "should have ..."
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        head = verb.head
        if head.i == verb.i:  # a headline's "Boeing to cut jobs in March" looks ahead
            return "future"
        if head.i != verb.i and (head.lemma_ in FUTURE_GOVERNORS or
                                 (depth < 4 and verb_tense(head, depth + 1) == "future")):
            return "future"
        if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):  # "is to visit"
            return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return None if verb.lemma_ in ANNOUNCING else "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "had", "was", "were"}:
        return None if verb.lemma_ in ANNOUNCING else "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        # "Ford expects a loss in the first quarter", "analysts forecast growth in March": what is
        # expected now lies ahead
        return "future" if verb.lemma_ in EXPECTING else "present"
    return None


# Verbs whose present tense looks ahead at what they govern.
EXPECTING = {"expect", "forecast", "predict", "project", "anticipate", "foresee", "envisage", "envision"}


# Prepositions of an end point: "closed until Friday" with a present or a present perfect ("has kept
# markets closed until Friday", "has been extended until Monday") runs on to a day ahead. Not
# "through": "has fallen 2% this year through Oct. 19" measures up to a day past.
UNTIL = {"until", "till", "til"}


def _simple_past(verb) -> bool:
    """A verb in the simple or past perfect ("stayed", "had stayed"), not the present perfect."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("has", "have", "'s", "'ve", "’s", "’ve") for a in auxes):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def parse_tense(sdoc) -> Tense:
    """Tense of the verb governing each expression, from a spaCy ``Doc`` over the same text."""
    fallback = lexical_tense(sdoc.text)

    def tense(start: int, end: int) -> str | None:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return fallback(start, end)
        tok = span.root
        if tok.head.lower_ in UNTIL and tok.dep_ == "pobj":
            verb = tok.head
            for _ in range(6):  # up to the verb the end point belongs to
                if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                    break
                verb = verb.head
            while verb.dep_ in ("acomp", "xcomp", "oprd") and verb.tag_ in ("VBN", "JJ") \
                    and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
                verb = verb.head  # "stayed closed until Friday": the finite verb has the tense
            if verb.pos_ in ("VERB", "AUX"):
                t = verb_tense(verb)
                return t if t == "future" or _simple_past(verb) else "future"  # "extended until Nov. 9": as ever
        for _ in range(10):  # up to the governing verb; "payable Dec. 7", "effective Nov. 1" look ahead
            if tok.head.i == tok.i:
                break
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                return verb_tense(tok)
            if tok.lower_ in AHEAD_WORDS:
                return "future"
            if tok.pos_ == "ADJ" or tok.lemma_ in SCHEDULE_WORDS:
                return None
        return None

    return tense
