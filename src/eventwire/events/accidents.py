"""Deaths and damage that no one did: illnesses, disasters, accidents, vehicles, named products.

CAMEO's violence codes (18-20) need a doer who means it. "The flu has killed 150", "the quake
injured dozens", "a pickup struck Corbin", "was killed in the crash" report deaths and damage
with no attacker, and a coder that took their doer (or an unknown one) for an assailant would fill
the record with assaults that never happened. The words come from cues.toml ``natural_causes``.
"""
from __future__ import annotations

from .patterns import Pattern, PatternSet
from ..tags import RELATIVE_PRONOUNS
from .syntax import agent_object, children, prep_objects, words


def doer_is_no_one(tok, p: Pattern, patterns: PatternSet) -> bool:
    """Whether a violent verb's or noun's doer is a disease, a disaster, an accident, an animal or a
    vehicle ("the infection killed her", "the flu that has killed 150", "a 'killer bee' attack", "a
    pickup that struck Corbin"): a death or an injury, no assault by anyone (cues.toml
    ``natural_causes``); a noun in the doer's name counts ("Avian Flu"), a vehicle only as the doer
    itself ("a car bomb" is a bomb). A market or a price as the doer of any event's words ("shares
    rallied", "markets fought back", "the stock rose before declining") is no one either."""
    violent = p.code[:2] in ("18", "19", "20")
    # a market is the doer's head word itself ("Ford's stock", not "the Tokyo Stock Exchange")
    markets = patterns.cue_set("natural_causes", "markets")
    causes = patterns.cue_set("natural_causes", "words") | patterns.cue_set("natural_causes", "animals") \
        if violent else frozenset()

    def no_one(doers) -> bool:
        return any(not causes.isdisjoint(words(t)) for d in doers for t in _name_words(d)) or any(
            not markets.isdisjoint(words(d)) for d in doers)
    if p.kind == "noun":  # "a 'killer bee' attack", "an attack by a shark", "a stock rally" (not "an oil embargo")
        if not violent and p.code[:2] != "14":
            return False
        doers = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
        doers += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for g in children(c, "pobj")]
        return no_one(doers)
    if p.kind != "verb":
        return False
    verb = tok
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not children(verb, "nsubj"):
        verb = verb.head  # "which left the road and struck several trees": the first verb's doer
    if verb.dep_ in ("advcl", "xcomp", "pcomp") and not children(verb, "nsubj", "nsubjpass"):
        # "the stock rose ... before declining": the subject of the clause it hangs from
        verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
    doers = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS]
    if not doers and agent_object(verb) is not None:  # "she was hit by a 2013 Toyota Camry"
        doers = [agent_object(verb)]
    elif not doers and verb.dep_ == "relcl":  # "the flu that has killed 150"
        doers = [verb.head]
    if no_one(doers):
        return True
    vehicles = patterns.cue_set("natural_causes", "vehicles")
    return violent and any(is_product(d) or not vehicles.isdisjoint(words(d)) for d in doers)


def is_product(tok) -> bool:
    """A named product, not a party: a product entity, or a proper noun a company's name modifies
    ("a Honda Accord", "the Boeing 787")."""
    kids = list(tok.children)
    return tok.ent_type_ == "PRODUCT" or tok.pos_ == "PROPN" and not tok.ent_type_ and any(
        c.dep_ == "compound" and c.ent_type_ == "ORG" for c in kids) and any(
        c.dep_ in ("det", "nummod") for c in kids)  # not "Israel Defense Forces", nor a headline's "U.S. Lifts Travel Ban"


def _and_conjoined_verbs(verb) -> list:
    """``verb`` and the verbs coordinated with it ("went off the ramp and crashed")."""
    return [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]


def _name_words(noun) -> list:
    """The noun, the nouns that name it ("H5N1 infection") and what it is "of" ("the type of Avian Flu"),
    not its clauses or appositions ("the army, backed by flood-relief units")."""
    out = [noun]
    for c in noun.children:
        if c.dep_ in ("compound", "nmod"):
            out += _name_words(c)
        elif c.dep_ == "prep" and c.lower_ == "of":
            for g in children(c, "pobj"):
                out += _name_words(g)
    return out


def accidental(verb, patterns: PatternSet) -> bool:
    """Whether a passive death or injury with no doer came of an accident or a disaster ("was
    killed in the crash", "were injured when the bus overturned", "died when the quake struck", "when
    a neighbor accidentally backed up"): cues.toml ``natural_causes``, its words in an
    "in"/"during"/"after" phrase, its verbs, adverbs or words in a clause on the verb."""
    causes = patterns.cue_set("natural_causes", "words")
    verbs = patterns.cue_set("natural_causes", "verbs")
    adverbs = patterns.cue_set("natural_causes", "adverbs")
    clauses = [c for a in children(verb, "advcl") for c in _and_conjoined_verbs(a)]
    if any(t.lower_ in adverbs for v in [verb, *clauses] for t in v.children):
        return True  # "was killed when a neighbor accidentally backed up"
    for p, obj in prep_objects(verb, ("in", "during", "after", "from")):
        if any(not causes.isdisjoint(words(t)) for t in _name_words(obj)):
            return True
    for clause in clauses:
        if clause.lemma_.lower() in verbs or any(
                not causes.isdisjoint(words(t)) for s in children(clause, "nsubj") for t in _name_words(s)):
            return True
    return False
