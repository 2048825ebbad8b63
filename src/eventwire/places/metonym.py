"""Capitals and countries standing for their governments ("Beijing has not joined").

A place name used as an actor is still a place (it stays in ``doc.places``)
but it is marked ``metonym`` and is never an event's location. The test is
the name's syntactic role in spaCy's parse:
- subject of an active verb of saying, deciding, joining, supporting,
  opposing and the like ("Moscow said", "Beijing has not joined", "Seoul
  rejected"), or of any active verb when the place is a country or capital
  and the verb is not one places are subjects of as places ("Texas has 254
  counties", "Ukraine lies", "Syria borders");
- object of such a verb ("urged Beijing", "accused Moscow", "sanctioned
  Russia"), or of "against", "with" or "toward" after one of the relation
  nouns ("sanctions against Moscow", "talks with Beijing");
- possessor of a governing role or act ("Moscow's invasion", "Russia's
  ambassador", "China's position");
- an actor the actors stage resolved to a government (sector ``GOV``) in an
  argument role (subject, object, possessor), not a scene ("Kyiv was shelled").
"""
from __future__ import annotations

from ..document import Document

AGENT_VERBS = {
    "say", "tell", "announce", "state", "claim", "deny", "confirm", "insist", "reiterate", "report",
    "accuse", "blame", "warn", "threaten", "urge", "press", "pressure", "demand", "ask", "call", "appeal",
    "reject", "refuse", "decline", "veto", "oppose", "condemn", "criticize", "criticise", "denounce",
    "protest", "object", "complain", "slam", "join", "decide", "agree", "sign", "ratify", "approve",
    "endorse", "back", "support", "recognize", "recognise", "welcome", "praise", "thank", "sanction",
    "impose", "expel", "ban", "boycott", "retaliate", "respond", "reply", "vow", "pledge", "promise",
    "offer", "propose", "plan", "intend", "seek", "want", "hope", "negotiate", "mediate",
    "invite", "send", "dispatch", "deploy", "recall", "summon", "accept", "acknowledge", "admit",
    "suspend", "halt", "resume", "cut", "sever", "restore", "normalize", "normalise", "order",
    "launch", "invade", "annex", "attack", "strike", "bomb", "fire", "withdraw", "abstain", "vote",
    "announce", "declare", "allege", "argue", "maintain", "assert", "stress", "emphasize", "note",
    "express", "voice", "signal", "indicate", "suggest", "fear", "believe", "consider", "regard",
    "lobby", "persuade", "convince", "encourage", "help", "aid", "arm", "fund",
    "supply", "provide", "buy", "sell", "export", "import", "trade", "cooperate", "ally", "side",
    "stay", "avoid", "ignore", "dismiss", "brush", "downplay", "defend", "justify", "insist",
}
# Subjects of these are places as places, whatever kind of place they are.
PLACE_VERBS = {"be", "have", "lie", "sit", "border", "cover", "stretch", "contain", "include", "remain",
               "become", "get", "experience", "suffer", "record", "face", "receive", "lose", "gain",
               "rank", "boast", "stand", "span", "range", "reach", "grow", "shrink", "bake", "swelter"}
RELATION_NOUNS = {"sanction", "sanctions", "talk", "talks", "relation", "relations", "tie", "ties", "war",
                  "deal", "agreement", "treaty", "pact", "pressure", "dispute", "tension", "tensions",
                  "negotiation", "negotiations", "dialogue", "measure", "measures", "action", "stance",
                  "policy", "position", "rift", "conflict", "standoff", "alliance", "partnership",
                  "cooperation", "trade", "summit", "call", "meeting", "retaliation", "embargo"}
GOVERNING_NOUNS = {"government", "president", "leader", "leadership", "minister", "ministry", "ambassador",
                   "envoy", "embassy", "foreign", "military", "army", "forces", "troops", "navy", "regime",
                   "invasion", "decision", "position", "stance", "policy", "support", "response", "offer",
                   "demand", "refusal", "rejection", "approval", "announcement", "statement", "spokesman",
                   "spokeswoman", "spokesperson", "officials", "authorities", "administration", "parliament",
                   "congress", "cabinet", "premier", "chancellor", "king", "delegation", "diplomats",
                   "sanctions", "actions", "aggression", "annexation", "attack", "offensive", "war", "backing",
                   "intelligence", "allies", "ally", "bid", "plan", "proposal", "veto", "vote"}
RELATION_PREPS = {"against", "with", "toward", "towards", "on"}
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "within",
                  "into", "from", "to", "through", "over", "outside", "beyond"}
ACTOR_KINDS = {"country", "admin1"}


def _verb_lemma(tok) -> str:
    return tok.lemma_.lower()


def syntactic_metonym(span, kind: str, capital: bool) -> bool:
    """Whether the place named by ``span`` is used as an actor, from its role in the parse."""
    root = span.root
    head = root.head
    dep = root.dep_
    stands_for_state = kind in ACTOR_KINDS or capital
    if dep == "nsubj" and head.pos_ in ("VERB", "AUX"):
        lemma = _verb_lemma(head)
        if lemma in AGENT_VERBS:
            return stands_for_state or kind == "city"
        return stands_for_state and lemma not in PLACE_VERBS and head.pos_ == "VERB"
    if dep in ("dobj", "dative") and head.pos_ == "VERB" and _verb_lemma(head) in AGENT_VERBS - {
            "attack", "strike", "bomb", "fire", "invade", "annex", "host", "send", "deploy", "launch",
            "buy", "sell", "export", "import", "supply", "provide"}:
        return stands_for_state
    if dep == "pobj" and head.dep_ == "prep":
        prep = head.lower_
        governor = head.head
        if prep in RELATION_PREPS and governor.lemma_.lower() in RELATION_NOUNS | {
                r.rstrip("s") for r in RELATION_NOUNS}:
            return stands_for_state
        if prep in ("against",):
            return stands_for_state
        if prep == "on" and governor.pos_ == "VERB" and _verb_lemma(governor) in {"call", "press", "pressure",
                                                                                   "impose", "rely", "depend"}:
            return stands_for_state
        if prep == "by" and governor.pos_ == "VERB" and governor.tag_ == "VBN":  # passive agent
            return stands_for_state
        return False
    if dep == "poss":
        return stands_for_state and head.lemma_.lower() in GOVERNING_NOUNS
    return False


def locative(span) -> bool:
    """Whether the span is the object of a locative preposition ("in Beijing")."""
    root = span.root
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ in LOCATIVE_PREPS


ARGUMENT_DEPS = {"nsubj", "dobj", "dative", "poss", "agent", "appos", "conj"}


def actor_metonym(doc: Document, span) -> bool:
    """Whether the actors stage resolved this span to a government actor and the parse agrees
    that it is an argument ("Moscow said"), not a scene ("Kyiv was shelled", "Moscow is cold")."""
    if not doc.actors:
        return False
    root = span.root
    if root.dep_ not in ARGUMENT_DEPS or root.dep_ == "nsubj" and root.head.lemma_.lower() in PLACE_VERBS:
        return False
    start, end = span.start_char, span.end_char
    from ..actors import mention_index

    hit = mention_index(doc).at(start, end)
    if hit is None:
        return False
    actor, s, e = hit
    code = actor.code or ""
    return (actor.sector == "GOV" or code.endswith("GOV")) and s <= start and e >= end
