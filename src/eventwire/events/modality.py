"""Negation and modality of an event trigger, read off the parse.

- negated: a ``neg`` word ("not", "never", "no") on the trigger, on the light verb
  that carries a nominal trigger, or on a wrapper above it ("did not agree to meet");
  or a negating verb above it ("failed to join").
- modality, strongest first: ``denied`` (under "deny"), ``demanded`` (the action of
  "urged X to ..."), ``hypothetical`` ("if"/"unless" clauses, would/could/might),
  ``planned`` (will/shall, "plans to", "is set to"), ``reported`` (in the clause of
  a verb of saying), else ``asserted``.
"""
from __future__ import annotations

from dataclasses import dataclass

from .patterns import PatternSet

RANK = {"denied": 5, "demanded": 4, "hypothetical": 3, "planned": 2, "reported": 1, "asserted": 0}
# Dependency links along which a clause's status reaches the events inside it.
CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "conj", "pcomp", "pobj", "prep", "dobj", "advcl", "acomp", "relcl",
                          "acl", "attr", "oprd"})


@dataclass
class Status:
    negated: bool = False
    modality: str = "asserted"
    speech: list | None = None  # speech verbs the event is reported under
    future: bool = False  # will/shall/going to, or "would" in reported speech
    neg_verb: bool = False  # negated by a verb ("failed to reach agreement")

    def raise_to(self, modality: str) -> None:
        if RANK[modality] > RANK[self.modality]:
            self.modality = modality


def _has_neg(tok, neg_words) -> bool:
    """Whether a negation word hangs on ``tok``; "or not" ("whether or not Israel is willing",
    "willing or not") offers the alternative and negates nothing."""
    for c in tok.children:
        if c.dep_ == "neg" and c.i > 0 and c.doc[c.i - 1].lower_ == "or":
            continue
        if c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in neg_words and c.lower_ in ("no", "never")):
            return True
    return False


def _aux_words(tok) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def status_of(trigger, carrier, patterns: PatternSet) -> Status:
    """Negation and modality of the event whose trigger is ``trigger``.

    ``carrier`` is the verb that carries it (the trigger itself for verbs, the light
    verb for "held talks", the copula for "is critical of").
    """
    neg_words = patterns.cue_set("negation", "words")
    neg_verbs = patterns.cue_set("negation", "verbs")
    future = patterns.cue_set("modality", "future")
    hypo = patterns.cue_set("modality", "hypothetical")
    cond = patterns.cue_set("modality", "conditional")
    speech = patterns.cue_set("speech", "verbs")
    plan_v = patterns.cue_set("wrappers", "plan", "verbs") | patterns.cue_set("wrappers", "plan", "adjectives")
    deny_v = patterns.cue_set("wrappers", "deny", "verbs")
    request_v = patterns.cue_set("wrappers", "request", "verbs")
    st = Status(speech=[])
    if _has_neg(trigger, neg_words) or (carrier is not trigger and _has_neg(carrier, neg_words)):
        st.negated = True
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "without":
        st.negated = True
    aux = _aux_words(carrier)
    if aux & future or _going_to(carrier):
        st.raise_to("planned")
        st.future = True
    if aux & hypo:
        st.raise_to("hypothetical")
    if aux & patterns.cue_set("modality", "obligation"):
        st.raise_to("demanded")
    # walk up the clause chain
    tok, first = carrier, True
    while tok.dep_ in CLAUSE_LINKS and tok.head is not tok:
        link, head = tok.dep_, tok.head
        lemma = head.lemma_.lower()
        if link == "advcl" and any(c.dep_ == "mark" and c.lower_ in cond for c in tok.children):
            st.raise_to("hypothetical")
        if link in ("xcomp", "ccomp", "pcomp", "pobj", "acomp", "dobj"):
            if lemma in deny_v:
                st.raise_to("denied")
            elif lemma in neg_verbs and link in ("xcomp", "pcomp", "pobj"):
                st.negated = not st.negated
                st.neg_verb = st.negated
            elif lemma in request_v and link in ("xcomp", "ccomp", "pobj") and first:
                st.raise_to("demanded")
            elif lemma in plan_v and link in ("xcomp", "acomp", "pcomp") and first:
                st.raise_to("planned")
            if lemma in speech and link == "ccomp" and head.pos_ in ("VERB", "AUX"):
                st.speech.append(head)
                if "would" in aux and st.modality == "hypothetical":
                    st.modality = "planned"  # "said they would meet": future in the past
                    st.future = True
            if link == "xcomp" and first and (_has_neg(head, neg_words)):
                st.negated = True
        if link in ("relcl", "acl"):
            break
        first = first and link in ("xcomp", "conj", "acomp")
        tok = head
    return st


def _going_to(verb) -> bool:
    """"is going to meet": the verb is the xcomp of "go" in the progressive."""
    h = verb.head
    return (verb.dep_ == "xcomp" and h.lemma_ == "go" and h.tag_ == "VBG"
            and any(c.dep_ == "aux" and c.lemma_ == "be" for c in h.children))
