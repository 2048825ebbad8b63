"""Titles that introduce a named person and later stand for them.

News names someone once with a title ("Sen. Bernie Sanders", "Gov. John Kasich", "Sanders, a
Vermont senator,") and then writes "the senator", "the Vermont senator", "the governor". The
coreference stage remembers which title each named person was given (:func:`title_of`) and reads
"the [modifiers] senator" as the last person introduced so (``Ref("titled")``). Only office and
occupation titles a reader would use that way are listed: "the gunman", "the official" stay
anonymous.
"""
from __future__ import annotations

# written form (lower case) -> the title it stands for
TITLES = {
    "sen.": "senator", "senator": "senator",
    "gov.": "governor", "governor": "governor",
    "rep.": "representative", "representative": "representative", "congressman": "representative",
    "congresswoman": "representative", "lawmaker": "lawmaker",
    "mayor": "mayor", "ambassador": "ambassador", "envoy": "envoy", "minister": "minister",
    "gen.": "general", "general": "general", "commander": "commander", "judge": "judge",
    "prosecutor": "prosecutor", "speaker": "speaker", "commissioner": "commissioner",
    "sheikh": "sheikh", "prince": "prince", "billionaire": "billionaire", "tycoon": "tycoon",
    "mogul": "mogul", "businessman": "businessman", "businesswoman": "businesswoman",
    "activist": "activist", "dissident": "dissident", "cleric": "cleric", "diplomat": "diplomat",
    "negotiator": "negotiator", "mediator": "mediator", "spokesman": "spokesman",
    "spokeswoman": "spokeswoman", "spokesperson": "spokesperson", "journalist": "journalist",
}


def title_of(sdoc, start: int, end: int, head: int) -> str | None:
    """The title the text gives the person named at tokens ``[start, end)``: a title word just before
    the name or as its first word ("Sen. Bernie Sanders", "Governor Kasich"), or the head of an
    apposition to it ("Sanders, a Vermont senator,")."""
    for i in (start - 1, start):
        if 0 <= i < end and sdoc[i].lower_ in TITLES:
            return TITLES[sdoc[i].lower_]
    if 0 <= head < len(sdoc):
        for c in sdoc[head].children:
            if c.dep_ == "appos" and c.i >= end and c.lower_ in TITLES:
                return TITLES[c.lower_]
    return None


def the_title(sdoc, start: int, end: int) -> int | None:
    """Where "the" opens a phrase that ends in the title at ``[start, end)`` with only modifiers
    between ("the senator", "the Vermont senator", "the former Republican governor"); None otherwise."""
    j = start - 1
    while j >= 0 and start - j <= 4:
        t = sdoc[j]
        if t.lower_ == "the":
            return j
        if t.dep_ not in ("amod", "compound", "nmod", "nummod", "npadvmod", "punct") or t.head.i >= end \
                or t.head.i < j:
            return None
        j -= 1
    return None
