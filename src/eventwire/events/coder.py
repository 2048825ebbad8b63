"""The event coder: triggers in the parse -> CAMEO/PLOVER events between actors.

For each parsed sentence:
1. every token is matched against the patterns of its kind (verb, noun, adjective);
   the most specific matching pattern wins (:func:`match_token`);
2. wrappers re-code the action they embed ("agreed to meet" -> intent to meet,
   "threatened to impose sanctions" -> threaten sanctions, "urged X to release" ->
   appeal for release, "refused to withdraw" -> refuse to de-escalate);
3. the source comes from the subject (passive agent, relative-clause head, the
   subject of a light verb for "held talks", a possessor for "China's support";
   for an agentless passive arrest or inquiry, the country it happened in);
   the target from the object, the pattern's prepositions or the passive subject,
   else from the phrases nested in those ("fired at targets in Jericho"), the
   subject of a complement clause ("demanded that the DPRK forsake"), of a
   threat's condition ("unless Baghdad accepts") or the arguments of a purpose
   clause ("blocked roads to press demands on the government");
   coordinated actors give one event per (source, target) pair;
4. negation and modality (:mod:`.modality`), who reports it (:mod:`eventwire.attribution`)
   and a confidence are attached.

Confidence is a sum of explainable parts: pattern specificity, how directly the
source and target were found (own grammatical role vs inherited), the parse path
between trigger and arguments, and penalties for modality other than asserted and
for everyday verbs; it is clamped to [0.05, 0.99].
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..actors import mention_index
from ..actors.kb import load_kb
from ..actors.relations import CLOSE_PEOPLE
from ..document import Actor, Argument, Document, Event, Trigger
from .codebook import Codebook
from .modality import status_of
from .patterns import PREPOSITIONS, Pattern, PatternSet
from ..attribution import sources_for
from .accidents import accidental, doer_is_no_one, is_product
from .syntax import (RELATIVE_PRONOUNS, agent_object, child, children, clause_subjects, complement,
                     condition_subjects, conjuncts, content_subjects, intruded_on, is_infinitive_adverbial,
                     is_list_continuation, is_passive, is_word, nested_nominals, passive_participle, path_length,
                     phrase_bounds, prep_objects, purpose_clauses, reduced_passive, stray_intrusion_phrases,
                     subject_candidates, words)

# Nouns for someone close to a person but not them: "X's adviser resigned" is not X resigning. (A
# spokesman, an envoy, a representative or a lawyer acts for the possessor and is left out.)
OTHER_PEOPLE = CLOSE_PEOPLE | frozenset("""assistant bodyguard deputy driver employee fiance fiancee granddaughter
grandson nephew niece opponent predecessor rival staffer successor""".split())
# Verbs of having, and the nouns of agreement one has as a standing thing rather than makes ("have talks"
# is still a meeting), or of a record one has ("has a prior speeding conviction" is no verdict).
POSSESSING_VERBS = frozenset({"have", "own", "possess"})
HELD_NOUNS = frozenset({"agreement", "deal", "treaty", "accord", "pact", "contract", "alliance", "partnership",
                        "commitment", "order", "conviction", "record"})
# Roots whose events are mutual when several actors share one role ("A and B met").
SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06", "19"})
SYMMETRIC_CODES = frozenset({"0871"})  # a ceasefire two sides agree is each one's to the other
# ... but praise, defence, rallying, recognition, apology and forgiveness are each side's own:
# "endorsed by both the New York Times and the Boston Globe" is no endorsement of each other
# ... and visits: "the minister and the president toured the affected areas" is no visit to each other
ONE_WAY_CODES = frozenset({"051", "052", "053", "054", "055", "056", "042", "043"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
NOT_EVENT_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
QUOTE_MARKS = frozenset({"'", "''", "``", '"', "“", "‘"})
# An order from these sectors to people of their own country is coercion (Coder._authority_order)
ORDER_WORDS = frozenset({"order", "command", "instruct", "direct", "decree"})
AUTHORITY_SECTORS = frozenset({"GOV", "JUD", "COP", "MIL", "LEG"})
STATE_SECTORS = frozenset({"GOV", "JUD", "COP", "MIL", "LEG", "SPY"})
# Verbs of giving honours, whose object is the honour and whose "to"/"on" names who gets it
BESTOWING_VERBS = frozenset({"award", "confer", "bestow"})
# Verbs of going somewhere for something: their subject does what the "for" names ("flew to Moscow
# for talks with Putin")
GATHERING_VERBS = frozenset({"arrive", "return", "go", "come", "travel", "fly", "head", "gather", "convene", "join",
                             "stay", "remain", "assemble"})
# Verbs of arriving: one's own country arrived in is home, not a place visited
HOMECOMING_VERBS = frozenset({"arrive", "return", "land", "come", "fly", "get"})
# Inquiries and charges, which are about the subject of the claim they look into
INQUIRY_ROOTS = frozenset({"09", "11"})
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
CONFLICT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
# Nouns that measure out what their "of" names ("months of fighting", "a wave of attacks"): what is done to
# them is done to it.
SPAN_NOUNS = frozenset({"hour", "day", "week", "month", "year", "decade", "period", "series", "wave", "spate",
                        "round", "cycle"})
# Verbs whose several subjects act on each other and whose object is what passes between them
# ("India and Pakistan exchanged prisoners", "the rivals traded accusations"), whatever the root.
RECIPROCAL_VERBS = frozenset({"exchange", "swap", "trade"})
# Talking and meeting (consult 04, intent to meet or negotiate 036), whose "on"/"about" phrase is what
# is discussed ("talks on Iran"), not with whom, and those prepositions.
TALK_ROOTS = frozenset({"04"})
TALK_CODES = frozenset({"036"})
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
# Verbs of addressing the press: speaking to reporters is telling the news, no consultation with them.
PRESS_VERBS = frozenset({"speak", "talk", "tell", "brief", "address"})
# Roots whose verb's object is what is given and whose "to" object is the recipient.
GIVING_ROOTS = frozenset({"06", "07"})
# Nouns of travel one is "on": the verb they hang on carries them ("is on a visit to Moscow")
JOURNEY_NOUNS = frozenset({"visit", "trip", "tour"})
AID_ROOT = "07"
STRIKE_CODE = "143"  # a strike or walkout: against the employer its strikers are named by
# Roots whose passive, agentless event is done by the authorities where it happens
# (investigate 09, coerce 17: arrest, detain, expel).
AUTHORITY_ROOTS = frozenset({"09", "17"})
# Verbs that put someone under a measure ("put under investigation", "placed under arrest").
CUSTODY_VERBS = frozenset({"put", "place", "keep", "hold", "bring"})
UNKNOWN_DOER_ROOTS = frozenset({"17", "18", "19", "20"})
SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "his", "her", "its", "their", "our"})
PARTICLES = frozenset({"up", "down", "out", "off", "in", "over", "back", "away", "aside", "on", "through", "together"})


# Yielding done by the yielder alone (resigning, retreating, surrendering, demobilising): its own country
# named as a place is where, not to whom (easing a curfew or a state of emergency is done to the place).
STANDING_DOWN = frozenset({"0831", "087", "0873", "0874"})


# Sectors that fight: their withdrawing from somewhere is a military retreat.
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "UAF"})


def _armed_withdrawal(code: str, m: "Match", sources: list) -> str:
    """"Kenyan troops withdrew from Garissa": an armed side withdrawing from somewhere retreats (087);
    "withdrew from the treaty" stays a cut in relations (160)."""
    if code == "160" and m.token.lemma_.lower() == "withdraw" and any(a.sector in ARMED_SECTORS for a, _, _ in sources):
        return "087"
    return code


def _topics(m: "Match") -> set:
    """The words of what talks are about ("held talks *on Iran*", "consultations *over the border*"):
    the phrases of ``TOPIC_PREPS`` on the trigger, the action it wraps and their objects (not on a
    verb that carries it: "called *on Japan* to hold talks" names whom)."""
    heads = [t for t in (m.token, m.wrapped) if t is not None]
    heads += [o for h in list(heads) for o in children(h, "dobj")]
    return {t for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS for t in c.subtree}


def _where(tok) -> bool:
    """Whether ``tok`` names a place as where something happens ("in Beijing", "at the UN")."""
    return (tok.ent_type_ in ("GPE", "LOC", "FAC") and tok.head.dep_ == "prep"
            and tok.head.lower_ in ("in", "at", "near", "inside", "outside"))


@dataclass
class Match:
    token: object
    pattern: Pattern
    code: str
    tokens: list = field(default_factory=list)  # trigger words (for the span)
    carrier: object = None  # verb carrying a nominal/adjectival trigger
    wrapped: object = None  # the action a wrapper re-coded
    action_code: str = ""  # that action's own code ("pledged to send police": the sending's)
    via: str = "pattern"


# prepositions whose gerund says how or when the act happened, not what it was done to
ASIDE_PREPS = frozenset({"without", "before", "after", "while", "since", "despite", "besides"})


def _required_found(tok, p: Pattern) -> list | None:
    """Tokens satisfying the pattern's required words in ``tok``'s complement, or None."""
    if not p.required and not p.marked_prep:
        return []
    # a gerund after one of the ASIDE_PREPS is no object: "left the courtroom without talking to
    # reporters" is no "leave talk"
    comp = [t for t in complement(tok)
            if not (t.tag_ == "VBG" and t.dep_ == "pcomp" and t.head.lower_ in ASIDE_PREPS)]
    if tok.dep_ == "acl":  # "sanctions imposed by ...": the modified noun is the object
        comp = [tok.head, *comp]
    direct = [c for c in tok.children if c.dep_ in ("prt", "prep", "advmod", "dative", "agent", "acomp")]
    found = []
    for w in p.required:
        pool = direct if (w in PREPOSITIONS or w in PARTICLES) else comp
        if w in PREPOSITIONS:  # "agreed ... on Friday" is no "agree on"
            pool = [t for t in pool if not (t.dep_ == "prep" and _says_when(t))]
        if w == "in":  # the particle of "give in", "cave in", "sit in": not "gave in interviews", "sat in the square"
            pool = [t for t in pool if not children(t, "pobj")]
        if w == "that":  # the verb's own clause ("denied that it had"), not one further down ("on grounds that")
            pool = [t for c in children(tok, "ccomp") for t in children(c, "mark")]
        hit = next((t for t in pool if w in words(t) and t not in found), None)
        if hit is None:
            return None
        found.append(hit)
    if p.marked_prep:
        prep = next((c for c in tok.children if c.dep_ in ("prep", "dative", "agent") and c.lower_ == p.marked_prep
                     and not _says_when(c)), None)
        if prep is None:
            prt = child(tok, "prt")
            prep = next((c for c in (prt.children if prt is not None else []) if c.lower_ == p.marked_prep), None)
        if prep is None:
            return None
        found.append(prep)
    return found


def _named_as(obj) -> bool:
    """Whether an object is followed, with no comma, by what it is called ("called *Obama a liar*"):
    the parser reads the second noun as an apposition; a real one is set off by a comma. Or by words
    in quotation marks ("called Mr. Trump's comments ''racially toxic''")."""
    doc = obj.doc
    if obj.i + 1 < len(doc) and doc[obj.i + 1].text in QUOTE_MARKS and obj.i + 2 < len(doc) \
            and not doc[obj.i + 2].is_punct:
        return True
    return any(a.i > obj.i and doc[a.left_edge.i - 1].text != "," and
               any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in a.children) for a in children(obj, "appos"))



def _same_name(mod, noun) -> bool:
    """Whether a proper-noun compound is a word of the same named entity as the proper noun it
    modifies ("Asean" in "the Asean Summit")."""
    if mod.dep_ != "compound" or mod.pos_ != "PROPN" or noun.pos_ != "PROPN" or not noun.ent_type_ \
            or mod.ent_type_ != noun.ent_type_ or mod.i > noun.i:
        return False
    return all(t.ent_iob_ == "I" for t in noun.doc[mod.i + 1:noun.i + 1])


def _owned_by_doer(obj) -> bool:
    """Whether an object carries a possessive pronoun ("withdrew *its* troops"): the doer's own."""
    return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in obj.children)


def _stance_prefix(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows "pro-" or "anti-": a stance, not the party itself."""
    return text[max(0, start - 5):start].lower().endswith(("pro-", "anti-"))


def _says_when(prep) -> bool:
    """Whether a preposition's object is a time ("called *on Wednesday*"), no one to call on."""
    obj = child(prep, "pobj")
    return obj is not None and obj.ent_type_ in ("DATE", "TIME")


def _modifiers_found(tok, p: Pattern) -> list | None:
    if not p.modifiers:
        return []
    left = [t for t in tok.subtree if t.i < tok.i and t.i >= tok.left_edge.i]
    found = []
    for w in p.modifiers:
        hit = next((t for t in left if w in words(t) and t not in found), None)
        if hit is None:
            return None
        found.append(hit)
    return found


def _reach(tok, found) -> int:
    """How far down ``tok``'s tree the words a pattern found lie: the sum of their depths below it."""
    total = 0
    for t in found:
        depth, cur = 0, t
        while cur.i != tok.i and cur.head.i != cur.i and depth < 8:
            cur, depth = cur.head, depth + 1
        total += depth
    return total


def match_token(tok, patterns: PatternSet) -> Match | None:
    """The most specific pattern matching ``tok``, if any."""
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
        kind = "verb"
    elif tok.pos_ in NOUN_POS:
        kind = "noun"
    elif tok.pos_ == "ADJ":
        kind = "adj"
    else:
        return None
    if tok.ent_type_ in NOT_EVENT_ENTITIES and tok.pos_ in ("PROPN", "NUM"):
        return None  # "March 27, 2009" is a date, no march (but "eased curfew hours", a "TIME", is an easing)
    forms = words(tok)
    candidates = patterns.candidates(kind, forms)
    # the whole of a hyphenated word before its last part: "test-fired" is a test, not "fired"
    whole = {w for f in forms if "-" in f for w in (f, f.replace("-", ""))}
    if any(p.head in whole for p in candidates):
        candidates = [p for p in candidates if p.head in whole]
    found = []
    for p in candidates:
        if found and p.specificity < found[0][0].specificity:
            continue
        mods = _modifiers_found(tok, p)
        if mods is None:
            continue
        req = _required_found(tok, p)
        if req is None:
            continue
        if found and p.specificity > found[0][0].specificity:
            found = []
        found.append((p, mods + req, req))
    if not found:
        return None
    # of patterns as specific, the first written; when each names a word of its own (not a preposition),
    # the one whose word sits closer to the trigger ("suspended aid to Kabul in protest" is aid suspended,
    # not a protest suspended)
    if len(found) > 1 and all(any(w not in PREPOSITIONS and w not in PARTICLES for w in p.required)
                              for p, _, _ in found):
        p, extra, _ = min(found, key=lambda f: (_reach(tok, f[2]), f[0].order))
    else:
        p, extra, _ = min(found, key=lambda f: f[0].order)
    if _other_sense(tok, p, patterns) or doer_is_no_one(tok, p, patterns) or kind == "noun" and is_product(tok):
        return None  # a product's name is no event noun either: "a Honda Accord"
    return Match(tok, p, p.code, tokens=[tok, *[t for t in extra if abs(t.i - tok.i) <= 3]])


def _into_a_country(tgt_tok, targets: list) -> bool:
    """Whether the target is a country the trigger goes into itself ("Muslims entering the United
    States", "crossed into Greece"), not one a place phrase names ("entered the parliament in Kiev")."""
    return bool(targets) and tgt_tok is not None and (
        tgt_tok.dep_ == "dobj" or tgt_tok.dep_ == "pobj" and tgt_tok.head.lower_ in ("into", "to")) \
        and all(a.code and a.code == a.country for a, _, _ in targets)


def _names_a_town(doc: Document, tok) -> bool:
    """Whether the places stage read ``tok`` as part of a town or a province (not a country, a
    demonym or a capital standing for its government)."""
    return any(p.start <= tok.idx < p.end and p.kind in ("city", "admin1", "admin2") and not p.metonym
               and not p.demonym for p in doc.places)


def _other_sense(tok, p: Pattern, patterns: PatternSet) -> bool:
    """The trigger is used in an everyday sense that is no event ("ordered 50 aircraft"):
    a word of its ``other_senses`` list in cues.toml occurs in its complement or, for a
    noun, among its modifiers or as the verb it is the object of ("#number": the noun
    is counted, or the verb's object is a figure; "#clause": the verb takes a clause, as a verb of
    saying does; "#infinitive": it takes "to" and a verb, as "try to" does; "#predicate": the verb
    puts its object in a state; "#no_object": the verb has none; "#person": its object is a person by
    name, as one fired from a post is; "#statement": its clause states a fact, in the indicative with no
    modal). A pattern that names more words than its head has
    already settled the sense ("order investigation"), but a preposition alone does not ("go +to")."""
    phrase = patterns.cue_set("other_senses", " ".join((p.head, *p.required))) if p.required else frozenset()
    senses = phrase or patterns.cue_set("other_senses", p.head)
    # a particle settles the sense too ("hit out at their record" is criticism), unless the table names
    # the whole phrase ("pick up" delegates)
    if not senses or p.modifiers or not phrase and any(w not in PREPOSITIONS or w in PARTICLES for w in p.required):
        return False
    near = list(complement(tok, depth=2))  # its object and what modifies it, not clauses further down
    if p.kind == "verb":  # a passive's subject and the noun a participle describes are its object too
        near += children(tok, "nsubjpass") + ([tok.head] if tok.dep_ == "acl" else [])
        if is_passive(tok) and not children(tok, "nsubjpass") and tok.dep_ == "xcomp":
            near += children(tok.head, "nsubj")  # "It is to be held at the theater"
        if _relative_object(tok):
            near.append(tok.head)  # "the treatment she received": what the clause's verb takes is the noun
        # what its object is a group or an amount of: "deployed a team of ten investigators"
        near += [g for o in children(tok, "dobj") for c in children(o, "prep") if c.lower_ == "of"
                 for g in children(c, "pobj")]
    if p.kind == "noun":
        near += [t for t in tok.subtree if t.i < tok.i]
        if tok.dep_ in ("dobj", "nsubjpass"):
            near.append(tok.head)
        if tok.dep_ == "appos" and tok.head.pos_ in NOUN_POS:
            near.append(tok.head)  # "missile (ABM) defences" parsed as "missile" with "defences" beside it
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in NOUN_POS:
            near.append(tok.head.head)  # "a history of domestic violence": the noun it is "of"
        if "#number" in senses and any(c.dep_ == "nummod" for c in tok.children):
            return True
    elif "#number" in senses and any(t.like_num or t.dep_ == "npadvmod" and t.lower_ in ("percent", "%")
                                     for t in children(tok, "dobj", "npadvmod", "advmod")):
        return True  # a verb with a figure: "dropped 30%", "held 19 percent"
    if p.kind == "verb" and "#no_object" in senses and not is_passive(tok) and not children(tok, "dobj", "dative") \
            and not any(c.pos_ in NOUN_POS and c.ent_type_ not in ("DATE", "TIME") for c in children(tok, "npadvmod")):
        return True  # going back, not giving back: "negotiators return to Geneva" (not "returned ... 21 frogs")
    if p.kind == "verb" and "#person" in senses \
            and any(o.ent_type_ == "PERSON" for o in children(tok, "dobj", "nsubjpass")) \
            and not any(c.lower_ in ("at", "on", "upon") for c in children(tok, "prep")):
        return True  # dismissed, no shot: "Musharraf fired Chaudhry" (not "Pearl was fired upon")
    if p.kind == "verb" and "#object" in senses and children(tok, "dobj"):
        return True  # shown or gathered, no protest: "demonstrated the features", "rallied supporters"
    if p.kind == "verb" and "#clause" in senses and children(tok, "ccomp"):
        return True  # a verb of saying here: "conceded that the plan failed", '"...," he conceded'
    if p.kind == "verb" and "#statement" in senses and any(
            c.tag_ in ("VBD", "VBZ", "VBP") and not any(a.tag_ == "MD" for a in c.children)
            for c in children(tok, "ccomp")):
        return True  # a claim, no demand: "insisted to detectives she awoke" (not "insisted he be freed")
    if p.kind == "verb" and "#infinitive" in senses and any(
            a.lower_ == "to" for x in children(tok, "xcomp") for a in children(x, "aux")):
        return True  # an attempt: "protesters tried to storm parliament" (the storming is coded)
    if p.kind == "verb" and "#predicate" in senses and (
            children(tok, "acomp") or any(o.pos_ != "PROPN" and not children(o, "appos") for o in children(tok, "oprd"))
            or any(children(o, "acl") or _named_as(o) for o in children(tok, "dobj", "oprd"))):
        return True  # its object put in a state or named: "left the party divided", "called Obama a liar"
    heads = {w[1:] for w in senses if w.startswith("=")}
    if heads and any(not heads.isdisjoint(words(o)) for o in children(tok, "dobj")):
        return True  # "struck oil": the object itself, not the kind of thing it is ("struck an oil refinery")
    return any(not senses.isdisjoint(words(t)) for t in near)


def _relative_object(tok) -> bool:
    """Whether ``tok`` heads a relative clause whose object is the noun it describes ("the
    treatment [that] she received"): it has a subject of its own and no object but a relative word."""
    if tok.dep_ != "relcl":
        return False
    subjects = children(tok, "nsubj")
    return bool(subjects) and all(s.lower_ not in RELATIVE_PRONOUNS for s in subjects) and all(
        o.lower_ in RELATIVE_PRONOUNS for o in children(tok, "dobj"))


class Coder:
    """Codes events in documents from their parse and actors."""

    def __init__(self, patterns: PatternSet, codebook: Codebook):
        self.patterns = patterns
        self.codebook = codebook
        c = patterns
        self.light = c.cue_set("light_verbs", "verbs")
        self.undergone = c.cue_set("undergone", "nouns")
        self.receiving = c.cue_set("undergone", "carriers")
        self.given = c.cue_set("undergone", "given")
        self.departure = c.cue_set("departure", "nouns")
        self.cancelling = c.cue_set("cancelling", "verbs")
        self.ending = c.cue_set("cancelling", "nouns")
        self.setting_nouns = c.cue_set("setting_nouns", "nouns")
        self.generic = c.cue_set("generic", "words")
        self.noun_source = tuple(c.cues.get("defaults", {}).get("noun_source", ("by", "from")))
        self.wrappers = {name: (c.cue_set("wrappers", name, "verbs") | c.cue_set("wrappers", name, "adjectives"))
                         for name in ("intent", "threat", "request", "reject", "deny", "plan")}
        self.demand_verbs = c.cue_set("wrappers", "request", "demand_verbs")
        self.hostile_roots = c.cue_set("wrappers", "request", "hostile_roots")
        self.hostile_call = c.cues.get("wrappers", {}).get("request", {}).get("hostile_code")
        self.speech_nouns = c.cue_set("speech", "nouns")
        self.motion = c.cue_set("motion", "verbs")
        self.motion_onset = c.cue_set("motion", "onset")
        self.motion_groups = c.cue_set("motion", "groups")
        self.speech = c.cue_set("speech", "verbs")
        self.decision = c.cue_set("speech", "decision_verbs")
        self.obligation = c.cue_set("modality", "obligation")
        self.conditional = c.cue_set("modality", "conditional")
        self.refusal_conditions = c.cue_set("modality", "refusal_conditions")
        self.verbal_force = {k: c.cue_set("verbal_force", k) for k in ("verbs", "nouns", "saying", "not_reasons")}
        self.imputed = {k: c.cue_set("imputation", k) for k in ("adjectives", "preps", "blame", "deeds")}
        self.group_nouns = frozenset(load_kb().roles)  # "opposition", "leadership": nouns that name actors
        self.crowd = c.cues.get("crowd_force", {})
        self.air = c.cues.get("air_power", {})

    # ---- matching ---------------------------------------------------------------
    def matches(self, sent) -> list[Match]:
        found = {t.i: m for t in sent if (m := match_token(t, self.patterns)) is not None}
        self._obligations(sent, found)
        self._imputations(sent, found)
        consumed: set[int] = set()
        out = []
        for i in sorted(found):
            m = found[i]
            self._wrap(m, found, consumed)
        for i in sorted(found):
            m = found[i]
            if i in consumed or self._undone(m.token):
                continue
            tok = m.token
            if m.pattern.kind == "noun":
                carrier = self._noun_carrier(tok)
                if carrier is not None and carrier.lemma_.lower() in POSSESSING_VERBS \
                        and tok.lemma_.lower() in HELD_NOUNS:
                    continue  # "Canada has only one trade agreement in Asia": a record held, no signing
                if carrier is None and (not self._noun_has_own_source(tok) or self._inside_argument(tok, found)):
                    continue
                moving = self._moves(tok)
                if moving is not None and moving.i in found and moving.i not in consumed:
                    consumed.add(moving.i)  # "peacekeepers arrived in Bosnia": no visit, the noun's event
                    if found[moving.i] in out:
                        out.remove(found[moving.i])
                if carrier is not None and carrier.i in found and found[carrier.i].pattern.specificity > 1 \
                        and carrier.i not in consumed and found[carrier.i].wrapped is None \
                        and not (carrier.lemma_.lower() in GATHERING_VERBS and tok.head.lower_ == "for"
                                 and set(words(tok)).isdisjoint(found[carrier.i].pattern.required)):
                    continue  # "imposed sanctions" is coded on the verb already ("flew to Moscow for talks" is
                    # a visit and talks)
                m.carrier = carrier if carrier is not None else tok
                if carrier is not None and carrier.i in found and carrier.i not in consumed \
                        and found[carrier.i].pattern.specificity == 1 and found[carrier.i].wrapped is None:
                    consumed.add(carrier.i)  # "offered support": the noun names the event
                    if found[carrier.i] in out:
                        out.remove(found[carrier.i])
            elif m.pattern.kind == "adj":
                m.carrier = tok.head if tok.dep_ in ("acomp", "oprd") else tok
            else:
                m.carrier = tok
            if m.pattern.kind == "verb" and self._is_light_with_trigger_object(tok, found):
                continue
            out.append(m)
        return out

    def _obligations(self, sent, found: dict) -> None:
        """"X said Y must ...": a demand by X on Y, coded on the verb of saying; "we must", "I should"
        is what the speaker's own side means to do, no demand on anyone."""
        for t in sent:
            if t.dep_ != "ccomp" or t.head.i in found or t.head.lemma_.lower() not in self.speech:
                continue
            if not any(c.dep_ == "aux" and c.lower_ in self.obligation for c in t.children):
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("we", "i") for c in t.children):
                continue
            action = found.get(t.i)
            code = self.patterns.map_code("request", action.code) if action is not None else None
            found[t.head.i] = self._on_speech(t, code or "100", "modality.obligation", "obligation")

    def _on_speech(self, clause, code: str, where: str, why: str) -> Match:
        """A match on the verb of saying that governs ``clause``, coding what the clause says of its
        subject (a demand on it, an accusation of it): the subject is the target."""
        verb = clause.head
        pat = Pattern(code, "verb", verb.lemma_.lower(), (), (), None,
                      tuple(self.patterns.cues.get("defaults", {}).get("verb_target", ())), f"cues.toml: {where}", -1)
        return Match(verb, pat, pat.code, tokens=[verb], wrapped=clause, via=f"request({why})")

    def _imputations(self, sent, found: dict) -> None:
        """"X said Y was responsible for the attack": an accusation by X of Y, coded on the verb
        of saying (cues.toml [imputation]); "Y was to blame" is no blaming by Y."""
        for t in sent:
            if t.lemma_.lower() != "be" or t.dep_ in ("aux", "auxpass"):
                continue
            blame = [c for c in children(t, "xcomp") if c.lemma_.lower() in self.imputed["blame"]
                     and any(a.lower_ == "to" for a in children(c, "aux"))]
            for b in blame:
                found.pop(b.i, None)  # "the Taliban were to blame": the Taliban blame no one
            held = [c for c in children(t, "acomp") if c.lemma_.lower() in self.imputed["adjectives"]]
            deeds = [o for h in held + blame for _, o in prep_objects(h, ("for",))]
            deeds += [o for p_, o in prep_objects(t, tuple(self.imputed["preps"]))]
            # "said Taliban militants were responsible.": the deed is the one the text is about
            bare = any(not children(h, "prep") for h in held) and not any(
                c.pos_ == "PRON" for c in children(t, "nsubj"))
            if not bare and not any(self._a_deed(o, found) for o in deeds):
                continue
            if t.dep_ != "ccomp" or t.head.i in found or t.head.lemma_.lower() not in self.speech:
                continue
            found[t.head.i] = self._on_speech(t, "112", "imputation", "imputation")

    def _held_responsible(self, deed) -> list:
        """Who a clause says did ``deed`` by holding them to it: "Hamas was responsible for the attack",
        "Russia is guilty of violating the ceasefire", "the cartel was behind the killings"."""
        prep = deed.head if deed.dep_ in ("pobj", "pcomp") else None
        if prep is None or prep.dep_ != "prep":
            return []
        held = prep.head
        if prep.lower_ in ("for", "of") and held.lemma_.lower() in self.imputed["adjectives"] and held.dep_ == "acomp":
            return children(held.head, "nsubj")
        if prep.lower_ in self.imputed["preps"] and held.lemma_.lower() == "be":
            return children(held, "nsubj")
        return []

    def _a_deed(self, tok, found: dict) -> bool:
        """Whether ``tok`` names an act of force (a conflict trigger) or a death."""
        hit = found.get(tok.i)
        return (hit is not None and hit.code[:2] in CONFLICT_ROOTS) or tok.lemma_.lower() in self.imputed["deeds"]

    def _is_light_with_trigger_object(self, verb, found) -> bool:
        """A bare light verb ("offer", "hold") whose object noun is itself a trigger."""
        m = found.get(verb.i)
        if m is None or m.pattern.specificity > 1 or m.wrapped is not None:
            return False
        if not is_word(verb, self.light):
            return False
        return any(c.i in found and found[c.i].pattern.kind == "noun" for c in children(verb, "dobj", "nsubjpass"))

    def _wrap(self, m: Match, found: dict, consumed: set) -> None:
        """Re-code a wrapper verb by the action it embeds."""
        tok = m.token
        lemma = tok.lemma_.lower()
        kinds = [k for k in ("intent", "threat", "request", "reject") if lemma in self.wrappers[k]]
        if not kinds or self._phone_call(tok):
            return
        action = None
        also = None
        for c in tok.children:
            light_obj = child(c, "dobj") if is_word(c, self.light) else None
            if light_obj is not None and (light_obj.i not in found or found[light_obj.i].pattern.kind != "noun"):
                light_obj = None
            dep = "xcomp" if is_infinitive_adverbial(c) else c.dep_  # "have sworn to fight" read as a purpose
            if dep in ("xcomp", "ccomp") and c.i in found and not (
                    light_obj is not None and found[c.i].pattern.specificity == 1):
                action = found[c.i]
                if light_obj is not None:
                    also = light_obj  # "agreed to cut tariffs": the object noun is part of the action
            elif dep in ("xcomp", "ccomp") and light_obj is not None:
                action = found[light_obj.i]  # "willing to continue support", "refused to deploy peacekeepers"
                also = c
            elif c.dep_ == "prep" and c.lower_ in ("for", "to") and lemma in self.wrappers["request"]:
                obj = child(c, "pobj", "pcomp")
                if obj is not None and obj.i in found:
                    action = found[obj.i]
            elif c.dep_ == "dobj" and c.i in found and kinds[0] in ("reject", "request") \
                    and found[c.i].pattern.kind == "noun" and m.pattern.specificity == 1 \
                    and lemma not in self.light:
                action = found[c.i]
        if action is None or action is m:
            return
        kind = kinds[0]
        code = action.code
        root = code[:2]
        conflict = int(root) >= 10 if root.isdigit() else False
        if kind == "intent":
            new = self.patterns.map_code("threat" if conflict else "intent", code)
        elif kind == "threat":
            new = self.patterns.map_code("threat", code)
        elif kind == "request":
            new = self.patterns.map_code("request", code)
            if new and lemma not in self.demand_verbs and new.startswith("10"):
                new = "02" + new[2:]
            if root in self.hostile_roots and self.hostile_call and action.pattern.kind == "noun" \
                    and not self._addressed(tok, action.token):
                new = self.hostile_call  # however explicit the appeal ("call for"): no one is asked
        else:
            new = self.patterns.map_code("reject", code)
        # a wrapper pattern that names what is asked or agreed ("call for cooperation") keeps its code; its
        # target preposition ("call +on") names no content
        own = m.pattern.specificity - (1 if m.pattern.marked_prep else 0)
        explicit = own > 1 and own >= action.pattern.specificity + 1 and new != self.hostile_call
        if new and not explicit:
            m.code = new
        m.wrapped = action.token
        m.via = f"{kind}({action.pattern.code})"
        m.action_code = action.pattern.code
        if kind != "request":
            consumed.add(action.token.i)
            if also is not None:
                consumed.add(also.i)

    @staticmethod
    def _addressed(verb, content) -> bool:
        """Whether a request names whom it asks: an object other than what is asked for ("urged the EU
        to impose sanctions"), or "call on X"."""
        return any(c.i != content.i for c in children(verb, "dobj", "dative")) \
            or any(p_ == "on" for p_, _ in prep_objects(verb, ("on", "upon")))

    def _receives(self, noun, carrier) -> bool:
        """Whether the subject of ``carrier`` undergoes what ``noun`` names ("was receiving a fair
        trial", "faces prosecution", "got a pardon", "won approval from ..."): cues.toml ``[undergone]``
        nouns and ``given`` nouns after a verb of receiving (``[undergone] carriers``)."""
        lemma = noun.lemma_.lower()
        return (lemma in self.undergone or lemma in self.given) and carrier is not noun \
            and carrier.lemma_.lower() in self.receiving

    def _undone(self, tok) -> bool:
        """Whether what ``tok`` names is undone by the verb it is the object of, or of whose object it
        is a clause ("withdrew his *request*", "cancelling a deal to *sell* Opel"): cues.toml
        ``[cancelling]``; that verb's own match, if any, codes the cancelling."""
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in NOUN_POS:
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in SPAN_NOUNS:
            tok = tok.head.head  # "to end months of fighting": the fighting is what ends
        elif tok.dep_ == "advcl" and children(tok.head, "dobj") and any(a.lower_ == "to" for a in children(tok, "aux")):
            return tok.head.lemma_.lower() in self.cancelling  # "cancelling a deal to sell", parsed as a purpose
        if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "to") and tok.head.head.lemma_.lower() in self.ending:
            return True  # "a cessation of hostilities", "an end to the blockade"
        return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in self.cancelling

    @staticmethod
    def _phone_call(tok) -> bool:
        """"Called Morrison to congratulate him": "call" with an object and no "on", "upon" or "for" is a
        phone call, and the infinitive says what for, not what the one called is asked to do
        ("called on Iran to release ...")."""
        return tok.lemma_.lower() == "call" and child(tok, "dobj") is not None and \
            not any(c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") and not _says_when(c) for c in tok.children)

    def _noun_carrier(self, noun, _depth: int = 0):
        """The light verb whose object (or passive subject) the trigger noun is, or the verb of
        arriving whose subject it is (:meth:`_moves`)."""
        head = noun.head
        moving = self._moves(noun)
        if moving is not None:
            return moving
        if noun.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and is_word(head, self.light):
            if head.lemma_.lower() == "call" and (_named_as(noun) or children(head, "oprd")):
                return None  # "called the vaccine a plot": named, nothing called for
            return head
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "in":
            gov = head.head
            if gov.lemma_.lower() in ("engage", "participate", "join") and gov.pos_ == "VERB":
                return gov  # "engaged in talks"
            if gov.lemma_.lower() == "part" and gov.head.lemma_.lower() == "take":
                return gov.head  # "took part in talks"
        if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.pos_ == "VERB" \
                and head.head.lemma_.lower() in GATHERING_VERBS:
            return head.head  # "negotiators return to Geneva for talks", "flew to Moscow for talks with Putin"
        if noun.dep_ == "pobj" and head.lower_ == "on" and noun.lemma_.lower() in JOURNEY_NOUNS:
            gov = head.head
            if gov.pos_ in NOUN_POS and gov.dep_ == "dobj":  # "led a delegation on a visit to Russia"
                gov = gov.head
            if gov.pos_ in ("VERB", "AUX"):
                return gov  # "is on a three-day visit to Russia"
        if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in CUSTODY_VERBS:
            return head.head  # "put under investigation", "placed under house arrest"
        if noun.dep_ == "conj":
            return self._noun_carrier(noun.head) if noun.head.pos_ in NOUN_POS else None
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "NUM") and _depth < 2:
            return self._noun_carrier(head.head, _depth + 1)  # "launched ten days of war games"
        return None

    def _moves(self, noun):
        """The verb of arriving the trigger noun is the subject of ("peacekeepers arrived in
        Bosnia", "began deploying in Karabakh"), or None."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "nsubj" \
                and (noun.head.head.pos_ == "NUM" or noun.head.head.lemma_.lower() in self.motion_groups):
            noun = noun.head.head  # "dozens of peacekeepers arrived", "a contingent of peacekeepers landed"
        if noun.dep_ != "nsubj":
            return None
        head = noun.head
        if head.lemma_.lower() in self.motion and head.pos_ in ("VERB", "AUX"):
            return head
        if head.lemma_.lower() in self.motion_onset:
            return next((c for c in children(head, "xcomp") if c.lemma_.lower() in self.motion), None)
        return None

    @staticmethod
    def _inside_argument(noun, found) -> bool:
        """A noun inside another trigger's prepositional argument ("support for Russia's concerns")."""
        t = noun
        for _ in range(3):
            if t.dep_ not in ("pobj", "prep", "dobj", "compound", "conj"):
                return False
            t = t.head
            if t.i in found:
                return True
        return False

    def _noun_has_own_source(self, noun) -> bool:
        if noun.dep_ == "compound" and noun.head.pos_ in NOUN_POS:
            return False  # a kind of its head ("JSA Research defence analyst"): the names before are the head's
        if child(noun, "poss") is not None:
            return True
        if any(c.dep_ in ("amod", "compound", "nmod") for c in noun.lefts):
            return True
        return bool(prep_objects(noun, self.noun_source + ("between",))) or bool(self._held_responsible(noun))

    # ---- arguments ------------------------------------------------------------------
    def actors_of(self, doc: Document, tok, _depth: int = 0) -> list[tuple[Actor, int, int]]:
        """Actors named by the phrase headed by ``tok`` and its coordinated phrases.

        A head with no actor of its own hands over to its "of" object ("a group of
        Moroccan diplomats", "positions of the Palestinian forces"); an unresolved
        personal pronoun in reported speech refers to the speaker ("Syria says it is
        willing ...").
        """
        idx = mention_index(doc)
        out = []
        for t in conjuncts(tok):
            hit = idx.at(t.idx, t.idx + len(t))
            start, end = phrase_bounds(t)
            if hit is not None:
                # "Hungarian and Romanian officials": coordinated modifiers name more actors;
                # "Ugandan opposition candidates": prefer the modifier that carries a country
                coordinated = any(c.dep_ in ("cc", "conj") for c in t.lefts) or any(
                    c.dep_ == "conj" for m in t.lefts for c in m.children)
                others = [h for h in idx.in_range(start, end) if h[0].id != hit[0].id]
                if coordinated:
                    out += [hit] + others
                elif not (hit[0].country or hit[0].code) and t.pos_ != "PROPN" and any(h[0].country for h in others):
                    # (not a named person: "Pennsylvania Gov. Ed Rendell agreed" is Rendell, not the US)
                    out += [h for h in others if h[0].country]
                else:
                    out.append(hit)
                continue
            named = child(t, "appos")
            if named is not None and t.pos_ == "NOUN" and _depth < 2:
                # "Niyazov's successor, President Gurbanguli Berdymukhamedov,": the one named beside the
                # noun, not its possessor
                beside = self.actors_of(doc, named, _depth + 1)
                if beside:
                    out += beside
                    continue
            # "a pro-Trump delegate candidate", "anti-Kremlin protesters": whom they are for or against
            inside = [h for h in idx.in_range(start, end) if not _stance_prefix(doc.text, h[1])]
            if t.pos_ == "NOUN":  # "an Edmonton man", "a Gainesville woman": where they are from, not who
                towns = [c for c in t.lefts if c.dep_ in ("compound", "nmod") and _names_a_town(doc, c)]
                inside = [h for h in inside if not any(c.idx <= h[1] < c.idx + len(c) for c in towns)]
            owner = child(t, "poss")
            if owner is not None and t.lemma_.lower() in OTHER_PEOPLE:
                # "Ms Raggi's top adviser resigned": the adviser, someone else than Raggi
                left, right = owner.left_edge.idx, owner.right_edge.idx + len(owner.right_edge)
                inside = [h for h in inside if not left <= h[1] < right]
            if any(h[0].code or h[0].country for h in inside):
                # "Osama bin Laden's al-Qaeda terror network": the coded body, not an uncoded name beside it
                inside = [h for h in inside if h[0].code or h[0].country]
            if not inside and _depth < 2:
                # ... and to the members a head lists ("several student groups including the AISA")
                of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "including")), None)
                obj = child(of, "pobj") if of is not None else None
                if obj is not None and t.pos_ in ("NOUN", "NUM", "PRON", "ADJ"):
                    inside = self.actors_of(doc, obj, _depth + 1)
                elif t.pos_ == "PRON" and t.lower_ in SPEAKER_PRONOUNS:
                    speaker = self._speaker_of(t)
                    if speaker is not None:
                        inside = self.actors_of(doc, speaker, _depth + 1)
            out += inside
        seen, uniq = set(), []
        for a, s, e in out:
            if a.id not in seen:
                seen.add(a.id)
                uniq.append((a, s, e))
        return uniq

    def _speaker_of(self, pron):
        """The subject of the verb of saying whose clause holds ``pron``."""
        t = pron.head if pron.dep_ != "poss" else pron.head.head
        for _ in range(6):
            if t.dep_ in ("ccomp", "xcomp", "conj", "advcl") and t.head is not t:
                h = t.head
                if h.lemma_.lower() in self.speech and t.dep_ == "ccomp":
                    subj = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj is not None and subj.pos_ != "PRON":
                        return subj
                    return None
                t = h
            else:
                return None
        return None

    def _first_actors(self, doc, candidates, nested: bool = False, skip=(), exclude=frozenset()) \
            -> tuple[list, object, str]:
        """The actors of the first candidate that names any (other than the ``exclude`` ids:
        the source, named again by "his" in "reneged on his commitment to the Zambian
        people"); with ``nested``, a candidate naming none hands over to the phrases
        nested in it ("at targets in Jericho")."""
        tried: set[int] = set()
        for tok, how in candidates:
            if tok is None or tok.i in tried:
                continue
            tried.add(tok.i)
            acts = [a for a in self.actors_of(doc, tok) if a[0].id not in exclude]
            if acts:
                return acts, tok, how
            if not nested or how in ("scan", "circumstance"):
                continue
            for inner in nested_nominals(tok):
                if inner.i in tried or inner in skip:
                    continue
                tried.add(inner.i)
                acts = [a for a in self.actors_of(doc, inner) if a[0].id not in exclude]
                if acts:
                    return acts, inner, "nested"
        return [], None, ""

    def source_candidates(self, m: Match) -> list:
        tok, carrier = m.token, m.carrier
        cands = []
        if m.pattern.kind == "noun":
            poss = child(tok, "poss")
            if tok.lemma_.lower() not in self.undergone:  # "Smith's arrest": Smith is arrested, arrests no one
                cands.append((poss, "direct"))
            leaving = tok.lemma_.lower() in self.departure  # "withdrawal from Iraq": Iraq is left, not the doer
            for p, obj in prep_objects(tok, tuple(p for p in self.noun_source if not (leaving and p == "from"))):
                cands.append((obj, "direct"))
            # the words of a name are not its doer: "hosting the Asean Summit" is the host's ("The Israeli
            # Attack on Gaza", a headline's capitals, stays Israel's)
            mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod") and not _same_name(c, tok)]
            cands += [(c, "direct") for c in mods]
            if carrier is not None and carrier is not tok:
                if tok.dep_ == "nsubjpass" or passive_participle(carrier):
                    cands.append((agent_object(carrier), "direct"))
                if not self._receives(tok, carrier):
                    cands += subject_candidates(carrier)
                else:  # "received military aid from Germany", "won the support of the United States"
                    cands += [(obj, "direct") for _, obj in prep_objects(carrier, ("from", "by"))]
                    if tok.lemma_.lower() in self.given:
                        cands += [(obj, "direct") for _, obj in prep_objects(tok, ("of",))]
            for p, obj in prep_objects(tok, ("between",)):
                cands.append((obj, "between"))
        else:
            cands += subject_candidates(carrier)
            if tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
                # a gerund used as a noun: "Fighting between Armenia and Azerbaijan killed 50"
                cands += [(obj, "between") for _, obj in prep_objects(tok, ("between",))]
        cands += [(s, "direct") for s in self._held_responsible(tok)]
        if m.code[:2] in AUTHORITY_ROOTS and carrier is not None and is_passive(carrier) \
                and agent_object(carrier) is None:
            # "a missionary was arrested in Lebanon", "was put under investigation in Italy":
            # with no agent named, the authorities of the country where it happened did it; a
            # phrase that names no place is no "where" ("closed in honour of Martin Luther King")
            for holder in dict.fromkeys([carrier, tok]):
                cands += [(obj, "place") for _, obj in prep_objects(holder, ("in", "inside"))
                          if obj.ent_type_ in ("GPE", "LOC") or obj.pos_ == "PROPN"]
        return cands

    def target_candidates(self, m: Match, source_tok, code: str | None = None) -> list:
        tok, carrier, p = m.token, m.carrier, m.pattern
        code = code or m.code
        preps = p.target_preps
        cands = []
        if p.marked_prep:
            holders = [tok] + [t for t in m.tokens if t.dep_ == "prt"]
            for h in holders:
                cands += [(obj, "direct") for _, obj in prep_objects(h, (p.marked_prep,))]
            return cands
        if p.kind == "noun":
            if tok.lemma_.lower() in self.undergone:  # "Smith's prosecution", "Navalny's release"
                cands.append((child(tok, "poss"), "direct"))
            if carrier is not None and self._receives(tok, carrier):  # "X faced trial": X is tried
                cands += [(c, "direct") for c in children(carrier, "nsubj")]
            # an action noun's "of" object is what it is done to ("the release of X", "invasion of Y")
            cands += [(obj, "direct") for _, obj in prep_objects(tok, preps + (() if "of" in preps else ("of",)))]
            if code[:2] in INQUIRY_ROOTS:  # "an investigation into claims that two soldiers abused ..."
                cands += [(s, "clause") for _, obj in prep_objects(tok, preps) for s in content_subjects(obj)]
            if tok.lemma_.lower() in self.wrappers["request"] | {"demand", "plea", "appeal", "request"}:
                for clause in children(tok, "acl", "ccomp", "relcl"):
                    cands += [(c, "inherited") for c in children(clause, "nsubj", "nsubjpass")]
            moving = self._moves(tok)
            if moving is not None:  # "aid reached Gaza", "peacekeepers arrived in Bosnia": where it went
                cands += [(c, "carrier") for c in children(moving, "dobj")]
                cands += [(obj, "carrier") for _, obj in prep_objects(moving, ("in", "into", "to", "at"))]
            if carrier is not None and carrier is not tok:
                cands += [(c, "direct") for c in children(carrier, "dative")]
                # "X was put under investigation", "X was given support": the passive subject
                cands += [(c, "direct") for c in children(carrier, "nsubjpass") if c is not tok]
                cands += [(obj, "carrier") for _, obj in prep_objects(carrier, preps)]
            cands += self._participle_targets(tok, preps)
            if carrier is not None and carrier is not tok:
                cands += self._clausal_targets(carrier, preps, code)
            cands += self._scan(tok, source_tok) + (
                self._scan(carrier, source_tok) if carrier is not None and carrier is not tok else [])
            return cands + (self._aid_destinations(tok, source_tok) if code[:2] == AID_ROOT else [])
        verb = carrier
        if m.wrapped is not None and m.wrapped is not tok and m.via.startswith("request"):
            subjects = children(m.wrapped, "nsubj", "nsubjpass")
            if m.wrapped.dep_ == "ccomp" and subjects:
                # "told reporters that Russia must withdraw", "'Russia must withdraw,' Macron
                # told reporters": the demand is on the clause's subject; whom it was said
                # to is the audience, not the target
                return [(c, "inherited") for c in subjects]
            cands += [(c, "direct") for c in children(verb, "dobj")]
            cands += [(c, "inherited") for c in children(m.wrapped, "nsubj", "nsubjpass")]
        if is_passive(verb) and verb.dep_ != "acl":
            for c in children(verb, "nsubjpass"):
                if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":  # "Abdi, who was detained": Abdi
                    cands.append((verb.head, "direct"))
                else:
                    cands.append((c, "direct"))
            if reduced_passive(verb):
                cands += [(c, "direct") for c in children(verb, "nsubj")]
        if passive_participle(verb) and verb.head.pos_ in NOUN_POS:
            # "Kasich, endorsed by the Times", "Two journalists arrested in Cairo": the head undergoes it
            # ("sanctions imposed by X" are the thing imposed and name no one, so no actor comes of them)
            cands.append((verb.head, "direct"))
        cands += [(c, "direct") for c in children(verb, "dative")]
        if code[:2] in GIVING_ROOTS or verb.lemma_.lower() in BESTOWING_VERBS:
            # "providing military intelligence to Macedonia", "awarded the Legion of Honour to ...": the
            # object is the gift
            cands += [(obj, "direct") for _, obj in prep_objects(verb, ("to", "for", "on", "upon"))]
        objs = children(verb, "dobj", "attr")
        if not objs and not is_passive(verb):
            # "called Turkish President Erdogan on Friday": a name the parser took for a predicate ("called
            # him a liar") when the verb has no object is its object
            objs = [o for o in children(verb, "oprd") if o.pos_ == "PROPN"]
        required = set(p.required)
        objs = [o for o in objs if not is_list_continuation(o)]
        # "withdrew its troops from Lebanon", "sent their ships to the Gulf": the doer's own people are
        # what it moves; where they go or leave is the target, so they come after every other role
        owned = [o for o in objs if _owned_by_doer(o)]
        for o in objs:
            if not (required & set(words(o))) and o not in owned:
                cands.append((o, "direct"))
        stray = stray_intrusion_phrases(verb)
        # "killed five militants in a raid in North Waziristan": when the verb has an object, an act it was
        # done in is how, and the place inside that act where; neither names whom
        done_to = bool(children(verb, "dobj"))
        cands += [(obj, "circumstance" if done_to and p_ in ("in", "during") and match_token(obj, self.patterns)
                   else "direct") for p_, obj in prep_objects(verb, preps) if obj.i not in stray]
        for o in children(verb, "dobj"):
            cands += [(obj, "carrier") for p_, obj in prep_objects(o, preps) if not intruded_on(o, p_)]
            cands += self._participle_targets(o, preps)
            if code[:2] in INQUIRY_ROOTS:  # "launched an investigation into whether X ...", "probing claims that X ..."
                cands += [(s, "clause") for obj in [o] + [b for _, b in prep_objects(o, preps)]
                          for s in content_subjects(obj)]
        if m.wrapped is not None:  # "agreed to meet X", "threatened to attack X"
            w = m.wrapped
            mine = [c for c in children(w, "dobj") if _owned_by_doer(c)]
            cands += [(c, "inherited") for c in children(w, "dobj", "dative") if c not in mine]
            cands += [(obj, "inherited") for _, obj in prep_objects(w, preps)]
            owned += mine
            for o in children(w, "dobj"):
                cands += [(obj, "inherited") for _, obj in prep_objects(o, preps)]
        # list items the parser hung off a participle's head ("imposed by the US, the EU ... against Moscow")
        if source_tok is not None:
            for t in conjuncts(source_tok)[1:]:
                cands += [(obj, "carrier") for _, obj in prep_objects(t, preps)]
        # the object named by the pattern itself ("summoned Niger's ambassador", "rejected an Indian proposal")
        cands += [(o, "object") for o in objs if required & set(words(o))]
        cands += self._clausal_targets(verb, preps, code)
        if m.wrapped is not None and m.wrapped is not tok:
            cands += self._clausal_targets(m.wrapped, preps, code)
        cands += [(o, "direct") for o in owned if not (required & set(words(o)))]
        cands += self._scan(verb, source_tok)
        if code[:3] == STRIKE_CODE and source_tok is not None:  # "workers at Boeing went on strike": Boeing
            cands += [(obj, "employer") for _, obj in prep_objects(source_tok, ("at", "of", "for"))]
        return cands + (self._aid_destinations(verb, source_tok) if code[:2] == AID_ROOT else [])

    def _clausal_targets(self, verb, preps, code: str) -> list:
        """Targets named in the clauses around a verb, when its own roles name none:
        the subject of its complement clause ("demanded that the DPRK forsake ..."),
        of a condition on a threat ("... unless Baghdad accepts"), the arguments of
        what the action is for ("blocked roads to press demands on the government"),
        and, for an action that is itself a purpose, where its head sent it ("sent
        personnel to Bosnia to investigate")."""
        cands = []
        # a statement's or a promise's content clause says what happens, not to whom
        # ("pledged that the government would rebuild"): only other verbs act on its subject
        committing = verb.lemma_.lower() in self.wrappers["intent"] | self.wrappers["plan"]
        if code[:2] not in ("01", "03") and not committing:
            cands += [(s, "clause") for s in clause_subjects(verb)]
        if code[:2] == "13":
            cands += [(s, "clause") for s in condition_subjects(verb, self.conditional)]
        elif code[:2] == "12":  # "will not lift the embargo until Cuba undertakes reforms": refused to Cuba
            cands += [(s, "clause") for s in condition_subjects(verb, self.refusal_conditions)]
        for pc in purpose_clauses(verb):
            cands += [(c, "purpose") for c in children(pc, "dobj", "dative")]
            cands += [(s, "purpose") for s in clause_subjects(pc)]
            cands += [(obj, "purpose") for _, obj in prep_objects(pc, preps)]
        if verb in purpose_clauses(verb.head) and verb.head is not verb:
            cands += [(obj, "purpose") for _, obj in prep_objects(verb.head, ("to", "in", "into", "inside"))]
        return cands

    @staticmethod
    def _scan(head, source_tok) -> list:
        """Last resort: any nominal in the trigger's complement ("kidnapped up to 16 Russian advisers"),
        but not the one an intrusion there is done to ("opposes interference in China's affairs")."""
        skip = set(source_tok.subtree) if source_tok is not None else set()
        comp = list(complement(head))
        shielded = {t.i for n in comp for c in n.children if c.dep_ == "prep" and intruded_on(n, c.lower_)
                    for t in c.subtree} | stray_intrusion_phrases(head)
        return [(t, "scan") for t in comp if t.pos_ in ("NOUN", "PROPN") and t not in skip and t.i not in shielded]

    @staticmethod
    def _aid_destinations(head, source_tok) -> list:
        """Last of all for aid: a named place deep in the phrase of whom it is for ("provided 28
        million to pay for aid for those affected in Yemen", "funding to fight the epidemic in West
        Africa"): aid goes to the people there, so their country receives it. Names only ("in the
        five months after" is no place), after the trigger, outside the giver's own phrase."""
        skip = set(source_tok.subtree) if source_tok is not None else set()
        return [(t, "scan") for t in head.subtree if t.i > head.i and t.dep_ == "pobj" and t.pos_ == "PROPN"
                and t.head.lower_ in ("in", "inside") and t not in skip]

    @staticmethod
    def _participle_targets(noun, preps) -> list:
        """Targets in a participle on the noun: "sanctions imposed by the US ... against Moscow"."""
        cands = []
        for acl in children(noun, "acl"):
            cands += [(obj, "carrier") for _, obj in prep_objects(acl, preps)]
            agent = agent_object(acl)
            for t in conjuncts(agent)[1:] if agent is not None else []:
                cands += [(obj, "carrier") for _, obj in prep_objects(t, preps)]
        return cands

    # ---- events ------------------------------------------------------------------------
    def code_sentence(self, doc: Document, sent, sent_index: int) -> list[Event]:
        events = []
        matches = self.matches(sent)
        anchors = {m.token.i for m in matches} | {m.carrier.i for m in matches if m.carrier is not None}
        for m in matches:
            events += self.events_for(doc, sent, sent_index, m, self._embedded(m, anchors))
        return events

    def _names_its_doer(self, m: Match, sources: list) -> bool:
        """Whether a noun trigger is a group noun that its source's mention holds, with no object of
        its own: "the Kenyan opposition insisted" names a party, no objection ("the opposition to the
        plan" stays one)."""
        tok = m.token
        return m.pattern.kind == "noun" and m.carrier in (None, tok) and tok.lower_ in self.group_nouns \
            and not children(tok, "prep") and any(start <= tok.idx < end for _, start, end in sources)

    @staticmethod
    def _embedded(m: Match, anchors: set[int]) -> bool:
        """Whether the trigger sits inside another trigger's content ("demanded an admission
        that forces murdered ...", "accused X of attacking"): a subordinate event."""
        own = {m.token.i} | ({m.carrier.i} if m.carrier is not None else set())
        return any(a.i in anchors and a.i not in own for a in (m.carrier or m.token).ancestors)

    def events_for(self, doc, sent, sent_index, m: Match, embedded: bool = False) -> list[Event]:
        cands = self.source_candidates(m)
        if m.pattern.kind == "noun":  # "the Benghazi attack": a town before an event noun says where, not who
            where_only = m.token.lemma_.lower() in self.setting_nouns  # "the Vietnam war": any name before it
            # ... and "the Syrian civil war", "the Israeli-Palestinian conflict": a people's adjective too
            cands = [(t, how) for t, how in cands if t is None or not (
                t.dep_ == "compound" and (where_only or _names_a_town(doc, t)) or t.dep_ == "amod" and where_only)]
        sources, src_tok, src_how = self._first_actors(doc, cands)
        if self._names_its_doer(m, sources):
            return []
        st = status_of(m.token, m.carrier or m.token, self.patterns)
        code = self._air_power(self._verbal_force(self._crowd_action(self._recode(m, st), m, sources), m), src_tok, m)
        code = _armed_withdrawal(code, m, sources)
        skip = set(src_tok.subtree) if src_tok is not None else set()
        topics = _topics(m) if code[:2] in TALK_ROOTS or code in TALK_CODES else set()
        src_ids = {a.id for a, _, _ in sources}
        cands = [(t, how) for t, how in self.target_candidates(m, src_tok, code) if t not in topics]
        if code[:2] == "15" or m.action_code[:2] in ("15", "07"):
            # "deployed additional troops to the border", "pledged to send police officers to Haiti",
            # "promised to send troops to Mali": its own forces (or forces of no country) are what it moves
            countries = {a.country for a, _, _ in sources if a.country}
            src_ids = src_ids | {a.id for a in doc.actors if (a.country in countries or not a.country)
                                 and a.sector in ("MIL", "COP")}
        targets, tgt_tok, tgt_how = self._first_actors(doc, cands, nested=True, skip=skip | topics, exclude=src_ids)
        if code in STANDING_DOWN and targets:
            home = {a.country for a, _, _ in sources}
            if all(a.sector is None and a.country in home for a, _, _ in targets):
                targets = []  # "rebels surrendered in Soroti", "resigned to allow Haiti's elections": where, not to whom
        if m.via == "request(obligation)" and not targets:
            return []  # "leaves should be raked to curbside, he said": what must be done, by no party
        if code != m.code and code == (self.crowd or {}).get("demonstration_code") \
                and _into_a_country(tgt_tok, targets):
            return []  # a crowd entering or crossing into a country travels or migrates: no demonstration
        code = self._authority_order(code, m, sources, targets)
        if code[:2] in TALK_ROOTS and targets and all(a.sector == "MED" for a, _, _ in targets) \
                and (m.carrier or m.token).lemma_.lower() in PRESS_VERBS:
            return []  # "speaking to reporters, Emery said": what he said is reported, no talks with the press
        if not sources:
            # "civilians were killed in a bombing": violence against a named victim, doer unknown
            carrier = m.carrier or m.token
            if not (targets and code[:2] in UNKNOWN_DOER_ROOTS and is_passive(carrier)
                    and agent_object(carrier) is None) or accidental(carrier, self.patterns) \
                    or any(a.lower_ == "to" for a in children(carrier, "aux")):
                return []  # an infinitive is wanted or ordered, not done: "want immigrants to be deported"
            src_how = "unknown"
        pairs: list[tuple] = []
        # "A and B failed to reach agreement": a refused joint act is refused by each to the other; an act
        # intended is as mutual as the act itself ("A and B will meet" is, "A and B will help with the
        # clean-up" is not)
        shared = m.code if code != m.code and code[:2] in ("03", "12") else code
        mutual = len(sources) > 1 and ((shared[:2] in SYMMETRIC_ROOTS or shared in SYMMETRIC_CODES)
                                       and shared[:3] not in ONE_WAY_CODES and not self._gives_to_other(m)
                                       or src_how == "between")
        if len(sources) > 1 and (self._reciprocal(m) or src_how == "between"):
            # "a deal between the EU and Libya, mediated by Qatar": the two sides are each other's party;
            # anyone else named is not
            pairs = [(s, t) for s in sources for t in sources if s[0].id != t[0].id]
        elif targets and not self._meeting_place(mutual, tgt_tok, tgt_how):
            pairs = [(s, t) for s in sources for t in targets]
        elif mutual:  # "Putin and Xi met in Beijing": each with the other; the place they met in
            # or came to ("return to Geneva for talks") is no target
            pairs = [(s, t) for s in sources for t in sources if s[0].id != t[0].id]
        else:
            if m.token.lemma_.lower() in self.generic and m.pattern.specificity == 1:
                return []
            if m.pattern.marked_prep and m.pattern.kind == "verb" and not m.pattern.required:
                return []  # "work +with" with no one to work with: "working, with only a pocketknife"
            pairs = [(s, None) for s in sources]
        if not sources:
            pairs = [(None, t) for t in targets]
        if code[:3] == "042" and (m.carrier or m.token).lemma_.lower() in HOMECOMING_VERBS:
            # "the Bulgarian nurses arrived in Sofia, Bulgaria": coming home is no visit
            pairs = [(s, t) for s, t in pairs if not (s and t and s[0].country and s[0].country == t[0].country
                                                        and not t[0].sector)]
        # "at the company's annual Worldwide Developers *Conference*": a trigger that is a word of the name
        # of one of its own parties, and that no verb carries, names that party, no event ("hosting the
        # Asean Summit" still is)
        if m.token.pos_ == "PROPN" and m.carrier in (None, m.token):
            at, word = m.token.idx, m.token.lower_
            pairs = [(s, t) for s, t in pairs if not any(
                h is not None and h[1] <= at < h[2] and word in h[0].name.lower().split() for h in (s, t))]
        if m.via.startswith("intent"):
            st.raise_to("planned")
        trig = self._trigger(doc, m)
        reporters = reporting_sources(doc, m.token)
        if reporters and st.modality == "asserted":
            st.raise_to("reported")
        cb = self.codebook[code]
        conf = self._confidence(m, src_tok, src_how, tgt_tok, tgt_how, st.modality)
        if embedded:
            conf = round(max(0.05, conf - 0.15), 3)
        out = []
        for s, t in pairs:
            src_args = [self._arg(s)] if s is not None else []
            tgt_args = [self._arg(t)] if t is not None else []
            sid = s[0].id if s is not None else ""
            eid = hashlib.sha256(f"{doc.id}|{sent_index}|{trig.start}|{sid}|{code}|{t[0].id if t else ''}"
                                 .encode()).hexdigest()[:16]
            out.append(Event(id=eid, sentence=sent_index, source=src_args, target=tgt_args, trigger=trig,
                             cameo=code, cameo_root=cb.root, plover=cb.plover, goldstein=cb.goldstein,
                             quad_class=cb.quad_class, negated=st.negated, modality=st.modality,
                             reported_by=list(reporters), confidence=conf))
        return out

    def _recode(self, m: Match, st) -> str:
        """CAMEO's conventions for what is not (yet) done.

        A refused or negated promise of cooperation is a rejection (12x); a stated
        plan to cooperate is an intent (03x); a stated plan of conflictual action, or
        one made conditional ("will withdraw unless ..."), is a threat (13x).
        """
        code = m.code
        root = code[:2]
        if m.via.split("(")[0] in ("threat", "request", "reject"):
            return code
        carrier = m.carrier or m.token
        conditional = any(c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in self.conditional
                                                     for k in c.children) for c in carrier.children)
        if root in COOPERATIVE_ROOTS and st.negated and (st.modality == "planned" or root == "03" or st.neg_verb):
            new = self.patterns.map_code("reject", code)
            if new:
                st.negated = False
                return new
        decided = any(v.lemma_.lower() in self.decision for v in (st.speech or []))
        if decided and not conditional:
            return code  # "announced it would prohibit aid": a decision, not a threat
        if root in CONFLICT_ROOTS and (st.future or conditional) and not st.negated:
            return self.patterns.map_code("threat", code) or code
        if root in ("04", "05", "06", "07", "08") and st.future and not m.via.startswith("intent"):
            return self.patterns.map_code("intent", code) or code
        return code

    @staticmethod
    def _meeting_place(mutual: bool, tgt_tok, tgt_how: str) -> bool:
        """Whether the target found is only where parties met or came to: "Putin and Xi met in Beijing",
        "negotiators return to Geneva for talks". (One party meeting somewhere, "held meetings in Baghdad",
        meets that place's people, as the zero-shot set codes it.)"""
        if not mutual or tgt_how not in ("scan", "carrier", "nested"):
            return False
        return _where(tgt_tok) or (tgt_how == "carrier" and tgt_tok.ent_type_ in ("GPE", "LOC", "FAC")
                                   and tgt_tok.head.lower_ == "to")

    @staticmethod
    def _reciprocal(m: Match) -> bool:
        """Whether the trigger's verb is one its subjects do to each other (:data:`RECIPROCAL_VERBS`);
        not when it names the other side ("traded barbs with Washington")."""
        verb = m.carrier or m.token
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in RECIPROCAL_VERBS:
            return False
        # "with" may hang on the verb or on what is traded
        return not any(prep_objects(t, ("with",)) for t in (verb, child(verb, "dobj")) if t is not None)

    @staticmethod
    def _gives_to_other(m: Match) -> bool:
        """Whether the trigger names who receives what it gives or offers ("GM and Chrysler
        offered buyouts to their workforces"): then its conjoined subjects act side by
        side, not on each other."""
        verb = m.carrier or m.token
        if verb.pos_ != "VERB":
            return False
        if child(verb, "dative") is not None:
            return True
        return child(verb, "dobj") is not None and any(o.pos_ in NOUN_POS for _, o in prep_objects(verb, ("to",)))

    def _crowd_action(self, code: str, m: Match, sources: list) -> str:
        """A crowd's or a trade's version of an armed action (``[crowd_force]`` in cues.toml):
        "protesters marched on parliament" is a demonstration (141), "students fought riot
        police" a violent protest (145), "teachers struck for a third day" a strike (143).
        Only when every source is of those sectors; a country, government or armed group
        keeps the armed sense, and its rioting words are damage to property ("the military
        torched homes")."""
        cf = self.crowd
        if not cf or not sources:
            return code
        sectors = {a.sector for a, _, _ in sources}
        lemma = m.token.lemma_.lower()
        if (lemma in cf.get("labour_verbs", ()) and m.pattern.kind == "verb" and code[:2] == "18"
                and sectors <= set(cf.get("labour_sectors", ())) and child(m.token, "dobj") is None):
            return cf["labour_code"]
        trade = any(c.dep_ in ("compound", "nmod", "amod") and c.lemma_.lower() in cf.get("labour_nouns", ())
                    for c in m.token.subtree if c.i < m.token.i)
        if (lemma in cf.get("labour_verbs", ()) and m.pattern.kind == "noun" and code == cf.get("labour_code")
                and not sectors & set(cf.get("sectors", ())) and sectors <= {None, "GOV", "MIL"} and not trade):
            return cf.get("military_strike_code", code)  # "a US strike killed two militants": no walkout
        if code == cf.get("code") and cf.get("armed_riot_code") and sectors <= set(cf.get("armed_sectors", ())):
            return cf["armed_riot_code"]  # "the military torched homes": property destroyed, no riot
        if code[:2] not in cf.get("roots", ()) or not sectors <= set(cf.get("sectors", ())):
            return code
        return cf["demonstration_code"] if lemma in cf.get("demonstration", ()) else cf["code"]

    @staticmethod
    def _authority_order(code: str, m: Match, sources: list, targets: list) -> str:
        """An order from a state's authorities to people under them ("the government ordered the
        opposition newspaper to suspend publication", "ordered 16,000 migrants to wait in Mexico") is
        coercion (170), not a demand: they can enforce it. Orders to another country, or to the state's
        own organs ("ordered the army to ..."), stay demands."""
        verb = m.carrier or m.token
        if code[:2] != "10" or verb.lemma_.lower() not in ORDER_WORDS or not sources or not targets:
            return code
        if not all(a.sector in AUTHORITY_SECTORS for a, _, _ in sources):
            return code
        home = {a.country for a, _, _ in sources}
        subjects = all(t.sector and t.sector not in STATE_SECTORS and (t.country is None or t.country in home)
                       for t, _, _ in targets)
        return "170" if subjects else code

    def _air_power(self, code: str, src_tok, m: Match) -> str:
        """An armed act whose doer is an aircraft ("Israeli warplanes struck Gaza"), or an attack noun
        an aircraft names ("US Predator attacks"), is an attack from the air (``[air_power]`` in
        cues.toml)."""
        if code[:2] not in self.air.get("roots", ()) or code == self.air.get("code"):
            return code
        doers = set(self.air.get("doers", ()))

        def aerial(tok) -> bool:
            # "a US drone strike": the head word, or its last compounds with it
            names = [c.lemma_.lower() for c in tok.lefts if c.dep_ == "compound"] + [tok.lemma_.lower()]
            return any(" ".join(names[i:]) in doers for i in range(len(names))) or tok.lower_ in doers

        named_by = [c for c in m.token.lefts if c.dep_ == "compound"] if m.pattern.kind == "noun" else []
        if src_tok is not None:  # "warplanes pounded", "Predator attacks killed": the doer or what names it
            named_by += [src_tok] + [c for c in src_tok.lefts if c.dep_ == "compound"]
        if any(aerial(c) for c in named_by):
            return self.air["code"]
        return code

    def _verbal_force(self, code: str, m: Match) -> str:
        """Words of force with a reason ("hammered the senator for his vote", "attacked Obama over
        his Iran policy") or carried on by a participle of naming ("launched an attack on the spy
        chiefs, calling them nutters") are criticism (cues.toml ``[verbal_force]``): a reason is
        what words are given for, an air strike is not. A span of time or a military aim is no
        reason ("attacked the base for hours", "for control of the road")."""
        verb = m.carrier or m.token
        if code[:2] not in ("18", "19"):
            return code
        verbs, nouns, saying = (self.verbal_force[k] for k in ("verbs", "nouns", "saying"))
        if not (m.pattern.kind == "verb" and m.token.lemma_.lower() in verbs
                or any(t.lemma_.lower() in nouns and t.pos_ == "NOUN" for t in m.tokens)):
            return code
        heads = {m.token.i: m.token, verb.i: verb, m.token.head.i: m.token.head}.values()  # noun, carrier, verb
        if any(c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and c.lemma_.lower() in saying
               for h in heads for c in h.children):
            return self.patterns.cues["verbal_force"].get("code", code)  # "..., calling them nutters"
        if m.pattern.kind != "verb" or m.token.lemma_.lower() not in verbs:
            return code
        not_reasons = self.verbal_force["not_reasons"]
        # the reason may hang off the verb or off its object ("attacked GOP voters, lawmakers, and
        # thinkers for opposing ...": a gerund there; "a camp for refugees" names the camp)
        found = prep_objects(verb, ("for", "over")) + [
            (p, obj) for d in children(verb, "dobj") for o in conjuncts(d)
            for p, obj in prep_objects(o, ("for", "over")) if obj.tag_ == "VBG"]
        for p, obj in found:
            if obj.pos_ in ("NOUN", "PROPN", "VERB") and obj.lemma_.lower() not in not_reasons and not obj.like_num \
                    and not any(c.like_num for c in obj.children):
                return self.patterns.cues["verbal_force"].get("code", code)
        return code

    @staticmethod
    def _arg(hit) -> Argument:
        a, s, e = hit
        return Argument(actor=a.id, name=a.name, code=a.code, country=a.country, start=s, end=e)

    @staticmethod
    def _trigger(doc: Document, m: Match) -> Trigger:
        toks = list(m.tokens)
        if m.carrier is not None and m.carrier is not m.token and m.pattern.kind == "noun":
            toks.append(m.carrier)
        start = min(t.idx for t in toks)
        end = max(t.idx + len(t) for t in toks)
        return Trigger(doc.text[start:end], start, end)

    def _confidence(self, m, src_tok, src_how, tgt_tok, tgt_how, modality) -> float:
        c = 0.35 + 0.08 * min(m.pattern.specificity - 1, 3)
        c += {"direct": 0.25, "relative": 0.2, "between": 0.2, "unknown": 0.0}.get(src_how, 0.12)
        if tgt_tok is not None:
            c += {"direct": 0.2, "object": 0.1, "scan": 0.04}.get(tgt_how, 0.12)
            c -= 0.03 * max(0, path_length(m.token, tgt_tok) - 2)
        if src_tok is not None:
            c -= 0.03 * max(0, path_length(m.token, src_tok) - 2)
        if modality not in ("asserted", "reported"):
            c -= 0.1
        if m.token.lemma_.lower() in self.generic and m.pattern.specificity == 1:
            c -= 0.1
        if m.via.startswith("request") and m.wrapped is None:
            pass
        return round(min(0.99, max(0.05, c)), 3)

    def code_document(self, doc: Document, sentences=None) -> list[Event]:
        """All events of ``doc`` (over its parsed sentences), deduplicated."""
        sdoc = doc.user_data.get("spacy")
        if sdoc is None:
            return []
        parsed = doc.user_data.get("parsed_sentences")  # None: every sentence parsed
        events = []
        for i, sent in enumerate(sdoc.sents):
            if sentences is not None and i not in sentences:
                continue
            if (parsed is not None and i not in parsed) or not any(t.dep_ for t in sent):
                continue
            events += self.code_sentence(doc, sent, i)
        return dedupe(events)


def reporting_sources(doc: Document, trigger) -> list[dict]:
    """Who the text cites for the event at ``trigger`` (:mod:`eventwire.attribution`), innermost first."""
    out, seen = [], set()
    for src in sources_for(doc, trigger.idx, trigger.idx + len(trigger)):
        key = src.get("actor") or src.get("name", "").lower()
        if key in seen:
            continue
        seen.add(key)
        out.append({"name": src.get("name") or src.get("text", ""), "actor": src.get("actor"),
                    "code": src.get("code"), "start": src.get("start"), "end": src.get("end"),
                    "role": src.get("role")})
    return out


def dedupe(events: list[Event]) -> list[Event]:
    """One event per (sentence, source, target, root, negated): the most confident one."""
    best: dict[tuple, Event] = {}
    for e in events:
        key = (e.sentence, e.source[0].actor if e.source else None, e.target[0].actor if e.target else None,
               e.cameo_root, e.negated, e.trigger.start if e.modality == "demanded" else None)
        if key not in best or e.confidence > best[key].confidence:
            best[key] = e
    kept = set(id(e) for e in best.values())
    return [e for e in events if id(e) in kept]
