"""Dependency-parse helpers the coder uses to find an event's arguments.

Written against spaCy's English (ClearNLP-style) labels: ``nsubj``,
``nsubjpass``, ``dobj``, ``dative``, ``agent``, ``prep``/``pobj``, ``xcomp``,
``ccomp``, ``conj``, ``relcl``, ``acl``, ``poss``, ``compound``, ``amod``.
"""
from __future__ import annotations

from typing import Iterator

from ..tags import RELATIVE_PRONOUNS

SUBJECTS = ("nsubj", "csubj", "expl")
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
# Children that start another clause or argument: not part of a verb's complement.
NOT_COMPLEMENT = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "advcl", "punct", "cc", "conj", "relcl",
                            "mark", "aux", "auxpass", "parataxis", "appos", "npadvmod", "dep", "expl", "intj",
                            "meta"})
# Left modifiers that belong to a noun phrase's own words.
PHRASE_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "det", "nummod", "case", "quantmod", "cc",
                              "conj", "punct", "predet", "npadvmod", "advmod", "appos"})


# Irregular past tenses the English model's lemmatizer leaves unlemmatized ("forgave" stays "forgave").
IRREGULAR_PAST = {"forgave": "forgive", "retook": "retake", "mistook": "mistake", "forsook": "forsake",
                  "strove": "strive", "swam": "swim", "clung": "cling", "stank": "stink", "resold": "resell"}


def words(tok) -> tuple[str, ...]:
    """The forms a pattern word may match: lemma and lower-cased text, for a verb
    whose lemma the lemmatizer got wrong ("staged" -> "stag") the regular stem, and for
    the last part of a hyphenated word the whole word, with and without its hyphen (the
    tokenizer splits "cease-fire" into "cease", "-", "fire")."""
    lemma, low = tok.lemma_.lower(), tok.lower_
    forms = (lemma, low)
    if low in IRREGULAR_PAST:  # "forgave": the lemmatizer leaves it as it is
        forms += (IRREGULAR_PAST[low],)
    if tok.tag_ in ("VBD", "VBN") and low.endswith("ed") and len(low) > 4:
        forms += (low[:-1], low[:-2])  # "staged" -> "stage", "opened" -> "open"
    i = tok.i
    if i >= 2 and tok.doc[i - 1].text == "-" and not tok.doc[i - 1].whitespace_ \
            and not tok.doc[i - 2].whitespace_ and tok.doc[i - 2].is_alpha:
        first = tok.doc[i - 2].lower_  # "test-fired": "test-fire" too
        forms += (first + lemma, first + "-" + lemma)
    return forms


def is_word(tok, vocabulary) -> bool:
    """Whether any form of ``tok`` (:func:`words`) is in ``vocabulary``."""
    return any(w in vocabulary for w in words(tok))


# Prepositions that name who tells of an event ("according to the Red Cross"), never who it is done to.
ATTRIBUTION_PREPS = frozenset({"according"})


def complement(tok, depth: int = 4) -> Iterator:
    """Tokens of ``tok``'s complement (objects, particles, preps, infinitives), breadth-first.

    An attribution phrase ("according to X") is not part of it: X is the event's
    reporter (``reported_by``), not its target. A noun the parser made the subject of a bare
    gerund clause ("will not accept [any refugees] fleeing the violence") is the object it is."""
    frontier = [c for c in tok.children if c.dep_ not in NOT_COMPLEMENT and c.lower_ not in ATTRIBUTION_PREPS]
    frontier = [s for c in frontier for s in _gerund_object(c)] + frontier
    for _ in range(depth):
        nxt = []
        for t in frontier:
            yield t
            nxt += [c for c in t.children if c.dep_ not in ("nsubj", "nsubjpass", "relcl", "advcl", "punct")
                    and c.lower_ not in ATTRIBUTION_PREPS]
        frontier = nxt


def _gerund_object(clause) -> list:
    """The noun before a bare gerund clause that the parser took for the clause's subject:
    "accept refugees fleeing Myanmar" read as "accept [that] refugees [are] fleeing", "an attack
    on the government calling it ..." as "on [the government calling it]". A clause
    with a marker or an auxiliary of its own ("said troops were fleeing") keeps its subject."""
    if clause.dep_ not in ("ccomp", "pcomp") or clause.tag_ != "VBG" or children(clause, "mark", "aux", "auxpass"):
        return []
    return [c for c in children(clause, "nsubj") if c.pos_ in ("NOUN", "PROPN") and c.i == clause.i - 1]


def child(tok, *deps: str):
    return next((c for c in tok.children if c.dep_ in deps), None)


def children(tok, *deps: str) -> list:
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok, preps) -> list[tuple[str, object]]:
    """(preposition, object) pairs under ``tok`` for the given prepositions, in ``preps`` order."""
    found = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            obj = child(c, "pobj", "pcomp")
            if obj is None:  # "between X and Y" may hang its objects off a nested prep
                continue
            obj = next(iter(_gerund_object(obj)), obj)
            found.append((c.lower_, obj))
    rank = {p: i for i, p in enumerate(preps)}
    found.sort(key=lambda x: rank.get(x[0], 99))
    return found


def is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or passive_participle(verb) \
        or reduced_passive(verb)


def passive_participle(verb) -> bool:
    """A past participle describing the noun it undergoes ("sanctions imposed by the US", "Two
    journalists arrested in Cairo"); the past form of a verb that always takes an object, read as a
    past tense but with no object, is one too (not "Khodorkovsky, a tycoon, called for sanctions")."""
    return verb.dep_ == "acl" and (verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.lemma_.lower() in
                                   OBJECT_ONLY_VERBS and not any(c.dep_ in ("dobj", "nsubj") for c in verb.children))


# Verbs that take an object in every active use: with a subject, no object and no auxiliary they are a
# headline's passive ("Mason charged with sex assault", "Two journalists arrested in Cairo").
OBJECT_ONLY_VERBS = frozenset("""arrest detain jail imprison sentence convict indict charge kill wound injure kidnap
abduct free release expel deport extradite sue fine execute behead oust sack dismiss acquit pardon""".split())


def reduced_passive(verb) -> bool:
    """A headline's passive without "is" or "was": a verb that always takes an object, in its past
    form, heading its sentence (one with no full stop: a headline's) with a subject and no object or
    auxiliary. Its subject undergoes it."""
    return verb.dep_ == "ROOT" and verb.tag_ in ("VBN", "VBD") and verb.lemma_.lower() in OBJECT_ONLY_VERBS \
        and any(c.dep_ == "nsubj" for c in verb.children) \
        and not any(c.dep_ in ("dobj", "aux", "auxpass", "dative", "ccomp", "xcomp") for c in verb.children) \
        and not _ends_with_a_stop(verb.sent)


def _ends_with_a_stop(sent) -> bool:
    """Whether a sentence ends with a full stop (or a quote mark after one), as a headline does not:
    "Manchester United executed perfectly." is a side playing well, not a headline's passive."""
    last = sent[-1]
    if last.is_quote and len(sent) > 1:
        last = sent[-2]
    return last.text in (".", "!", "?")


def agent_object(verb):
    ag = child(verb, "agent")
    return child(ag, "pobj") if ag is not None else None


def conjuncts(tok) -> list:
    """``tok`` and the nominals coordinated with it ("the US, the EU and Japan").

    Also takes list items the parser hung off the verb beside ``tok`` (a second
    object after a comma), a common attachment error in long lists.
    """
    out = conjuncts_plain(tok)
    if tok.dep_ in ("nsubj", "nsubjpass") and len(out) > 1:
        # "The US, the EU and Japan imposed ...": the parser made the list's first item a second subject
        for sib in tok.head.children:
            if sib.dep_ == tok.dep_ and sib.i < tok.i and sib.pos_ in NOMINAL \
                    and tok.doc[sib.i + 1:tok.left_edge.i].text.strip() == ",":
                out = conjuncts_plain(sib) + out
    last = max(out, key=lambda t: t.i)
    anc = tok.head
    for _ in range(4):  # list items the parser hung higher up, right after this list
        for sib in anc.children:
            if sib.i > last.i and is_list_continuation(sib) and sib not in out:
                between = tok.doc[last.i + 1:sib.left_edge.i].text.strip()
                if between in (",", "and", ", and"):
                    out += conjuncts_plain(sib)
                    last = max(out, key=lambda t: t.i)
        if anc.head is anc:
            break
        anc = anc.head
    return out


def is_list_continuation(tok) -> bool:
    """A second object after a comma: in news text, nearly always the rest of a list."""
    if tok.dep_ not in ("dobj", "appos") or tok.pos_ not in NOMINAL:
        return False
    left = tok.left_edge
    if left.i == 0 or tok.doc[left.i - 1].text != ",":
        return False
    return any(c.dep_ == "dobj" and c.i < tok.i for c in tok.head.children if c is not tok)


def conjuncts_plain(tok) -> list:
    """``tok`` and its nominal conjuncts, as the parser attached them, up to the one after "and" or
    "or": a name after a comma past that is no member ("the rift between Russia and the US, Boeing's
    Scott Carson replied ...": Carson is the subject the parser lost, not a third party)."""
    out, stack = [tok], [tok]
    while stack:
        t = stack.pop()
        closed_at = None  # position of the conjunct a coordinating word introduced
        cc_at = None
        for c in t.children:
            if c.dep_ == "cc":
                cc_at = c.i
            elif c.dep_ == "conj" and c.pos_ in NOMINAL and c not in out:
                if closed_at is not None and c.i > closed_at:
                    break
                if cc_at is not None and cc_at < c.i:
                    closed_at = c.i
                out.append(c)
                stack.append(c)
    return out


def phrase_bounds(tok) -> tuple[int, int]:
    """Character span of ``tok`` with its own left modifiers (not its preps or clauses)."""
    start = tok
    for c in tok.lefts:
        if c.dep_ in PHRASE_MODIFIERS and c.dep_ not in ("cc", "conj", "punct"):
            start = min(start, c.left_edge, key=lambda t: t.i)
            break
    return start.idx, tok.idx + len(tok)


# Passive forms that describe the subject's own state ("is committed to", "is prepared to").
STATE_PASSIVES = frozenset("""commit prepare determine oblige resolve set poise expect schedule due dedicate
devote inclined""".split())


OBJECT_CONTROL_PREPS = frozenset({"of", "for", "from", "against", "into"})


def _antecedents(noun) -> list[tuple[object, str]]:
    """Who a relative clause on ``noun`` is about: the noun, or first the name it stands beside
    ("Senator Bob Corker, a Tennessee Republican who has met Mr. Trump": Corker, not Tennessee)."""
    if noun.dep_ == "appos":
        return [(noun.head, "relative"), (noun, "relative")]
    return [(noun, "relative")]


def _nearest_subject(verb):
    """The verb's subject; of two (a dateline read as one: "NEWARK, N.J. (AP) - United Airlines has
    apologized"), the one nearest before the verb."""
    subjects = children(verb, *SUBJECTS)
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else (subjects[0] if subjects else None)


DASHES = frozenset({"-", "--", "—", "–"})


def _past_dateline(subject, verb):
    """The subject after a dateline the parser made the subject's head ("THE HAGUE, Netherlands --
    A United Nations prosecutor has charged ...": the prosecutor, an apposition of an apposition of
    "HAGUE"): the top nominal between the dateline's dash and the verb; else ``subject``."""
    sent_start = subject.sent.start
    if subject.i - sent_start > 8:
        return subject
    dash = next((t for t in subject.subtree if t.text in DASHES and t.i < verb.i and t.whitespace_
                 and t.i > 0 and t.nbor(-1).whitespace_), None)  # a dash set off by spaces, no hyphen
    if dash is None or dash.i - sent_start > 10 or subject.left_edge.i > sent_start:
        return subject  # no dash, or the subject does not open the sentence: no dateline before it
    after = [t for t in subject.subtree if dash.i < t.i < verb.i and t.pos_ in NOMINAL
             and not (dash.i < t.head.i < verb.i)]
    return after[0] if after else subject


def subject_candidates(verb, depth: int = 0) -> list[tuple[object, str]]:
    """Tokens that may name the doer of ``verb``, best first, with how each was found."""
    if depth > 4:
        return []
    if reduced_passive(verb):  # "Mason charged with sex assault": by whom, if the headline says
        a = agent_object(verb)
        return [(a, "direct")] if a is not None else []
    s = _nearest_subject(verb)
    if s is not None:
        s = _past_dateline(s, verb)
        if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return _antecedents(verb.head)
        inner = child(s, "nsubj") if s.pos_ == "VERB" else None
        if inner is not None:  # "The Red Cross operating in Iraq said": a participle read as the subject
            return [(s, "direct"), (inner, "direct")]
        return [(s, "direct")]
    if is_passive(verb):
        a = agent_object(verb)
        if a is not None:
            return [(a, "direct")]
        sp = child(verb, "nsubjpass")
        if sp is not None and verb.lemma_.lower() in STATE_PASSIVES:
            return [(sp, "direct")]
        if verb.dep_ not in ("xcomp", "conj"):
            return []
    if verb.dep_ == "relcl":
        return _antecedents(verb.head)
    if verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBZ", "VBP"):
        # a name the parser took for an adverb ("USAID provided shelter": USAID as "advmod")
        named = [c for c in verb.lefts if c.dep_ in ("advmod", "npadvmod", "dep")
                 and (c.is_upper and len(c) > 1 or c.ent_type_ in ("ORG", "GPE", "PERSON", "NORP"))]
        if named:
            return [(named[-1], "direct")]
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and child(verb, "aux") is None:
        # a reduced passive: "Asked if the army will move in, Assad said ...": Assad was asked
        a = agent_object(verb)
        return [(a, "direct")] if a is not None else []
    if verb.dep_ == "acl":  # "troops attacking the city"; "a declaration demanding ..."
        out = [(verb.head, "relative")]
        noun = verb.head
        if noun.dep_ in ("dobj", "nsubjpass", "attr") and noun.head.pos_ in ("VERB", "AUX"):
            out += [(t, "inherited") for t, _ in subject_candidates(noun.head, depth + 1)]
        return out
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "ccomp") and verb.head is not verb:
        head = verb.head
        if head.dep_ == "prep":
            head = head.head
        if verb.dep_ == "ccomp":
            return []
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in OBJECT_CONTROL_PREPS:
            # "accused Iran of funding", "thanked X for sending", "stopped X from leaving"; "by offering X
            # ..., Trump would show" is the subject's means, and the subject does it
            obj = child(head, "dobj")
            if obj is not None:
                return [(obj, "inherited")]
        if verb.dep_ == "xcomp":  # object control: "urged X to ..." -> X does it
            obj = child(head, "dobj")
            if obj is not None and head.lemma_.lower() in OBJECT_CONTROL:
                return [(obj, "inherited")]
            # "called on India to halt attacks", "appealed to Israel to stop": whom the appeal is to
            prep = PREP_CONTROL.get(head.lemma_.lower())
            addressed = [o for p, o in prep_objects(head, (prep,))] if prep and obj is None else []
            if addressed and addressed[0].i < verb.i:
                return [(addressed[0], "inherited")]
        return [(t, "inherited") for t, _ in subject_candidates(head, depth + 1)]
    return []


def subject(verb):
    """The best subject token of ``verb`` and how it was found (or ``(None, None)``)."""
    c = subject_candidates(verb)
    return c[0] if c else (None, None)


# Verbs whose object is the doer of their infinitive complement: asking, making, moving or letting
# someone do it ("prompting Apple Corps to file suit"), or picking someone to ("the Air Force tapped a
# European company to provide a tanker"). Sending or hiring someone to act stays the sender's act ("Iran
# sent militants to attack the embassy").
OBJECT_CONTROL = frozenset("""urge ask call appeal press request push pressure pressurize encourage invite implore beg
petition exhort require order tell challenge force compel persuade convince allow permit help instruct direct
warn advise lobby tap choose select pick appoint nominate designate elect commission contract prompt spur cause lead
inspire motivate provoke induce enable empower authorize authorise entitle oblige""".split())


# Verbs whose prepositional object does their infinitive complement: "called on X to ...", "appealed
# to X to ...", "pleaded with X to ...".
PREP_CONTROL = {"call": "on", "appeal": "to", "plead": "with", "prevail": "upon"}


def path_length(a, b) -> int:
    """Edges between two tokens in the dependency tree."""
    anc_a = [a, *a.ancestors]
    anc_b = [b, *b.ancestors]
    ids_b = {t.i: n for n, t in enumerate(anc_b)}
    for n, t in enumerate(anc_a):
        if t.i in ids_b:
            return n + ids_b[t.i]
    return len(anc_a) + len(anc_b)


# Prepositions that tie a noun to what it is about, for, in or against: the way
# into a phrase that names no actor itself ("targets in Jericho", "a camp for
# Congolese refugees", "his commitment to the Zambian people").
NESTED_PREPS = frozenset("""of for in into with against to on at over from near inside within across toward
towards upon between""".split())
# Acts done to someone by others ("interference in China's affairs", "meddling in its elections",
# "encroachment on our sovereignty"): whom such a phrase names is the one it is done to, so
# opposing it is not acting against them.
INTRUSION_NOUNS = frozenset({"interference", "intervention", "meddling", "intrusion", "encroachment",
                             "infringement", "incursion", "involvement"})
INTRUSION_PREPS = frozenset({"in", "into", "on", "upon"})  # "interference in", "encroachment on"


def intruded_on(noun, prep: str) -> bool:
    """Whether the phrase of preposition ``prep`` under ``noun`` names the one an intrusion is done
    to (:data:`INTRUSION_NOUNS`): "in China's affairs" in "interference in China's affairs"."""
    return noun.lemma_.lower() in INTRUSION_NOUNS and prep in INTRUSION_PREPS


def stray_intrusion_phrases(verb) -> set[int]:
    """Token indices of the phrases the parser hung off ``verb`` that belong to an intrusion noun
    its object ends with: in "rejected foreign intervention in Syria" the parse may make "in Syria"
    say where the rejecting happened; it names whom the intervention is done to (see
    :func:`intruded_on`), so it is no target of the verb."""
    ends = {o.right_edge.i + 1 for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in INTRUSION_NOUNS}
    return {t.i for c in verb.children if c.dep_ == "prep" and c.i in ends and c.lower_ in INTRUSION_PREPS
            for t in c.subtree}


def nested_nominals(tok, depth: int = 3) -> list:
    """Nominals reached from ``tok`` through its prepositional phrases and the agents
    of its participles ("crimes committed by Croat forces"), nearest first.

    A phrase that names no actor hands over to what it is about: the target of
    "fired at targets in Jericho" is Jericho. Clauses (relative, adverbial,
    complement) are not entered: they describe other events.
    """
    out, frontier = [], [tok]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ == "acl" and c.tag_ == "VBN":  # "property seized by the army"
                    a = agent_object(c)
                    if a is not None:
                        nxt.append(a)
                elif c.dep_ in ("prep", "agent") and c.lower_ in NESTED_PREPS | {"by"}:
                    if intruded_on(t, c.lower_):
                        continue
                    o = child(c, "pobj")
                    if o is not None:
                        nxt.append(o)
                elif c.dep_ in ("conj", "appos") and c.pos_ in NOMINAL:
                    nxt.append(c)
        out += [t for t in nxt if t.pos_ in NOMINAL]
        frontier = nxt
    return out


def clause_subjects(verb) -> list:
    """Subjects of clauses the verb takes as complement ("demanded that the DPRK
    forsake ...", "allowed Ouattara to run"): who the verb acts upon."""
    out = []
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp"):
            out += [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.pos_ in NOMINAL]
    return out


def content_subjects(obj) -> list:
    """Subjects of the clause a prepositional object states: "into whether X was spied on",
    "into claims that X abused children". An inquiry or a charge into such a clause is
    about that subject."""
    clauses = [obj] if obj.pos_ in ("VERB", "AUX") else [
        c for c in children(obj, "acl", "ccomp") if any(m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)]
    return [s for c in clauses for s in children(c, "nsubj", "nsubjpass") if s.pos_ in NOMINAL]


def condition_subjects(verb, marks) -> list:
    """Subjects of conditional clauses on the verb ("... unless Baghdad accepts",
    "if the United States goes ahead"), a passive one's agent first: whom a threat or a
    refusal is aimed at."""
    out = []
    for c in verb.children:
        if c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in marks for k in c.children):
            by = agent_object(c)  # "until their demands are met by the authorities": who must act
            out += ([by] if by is not None and by.pos_ in NOMINAL else []) + \
                [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.pos_ in NOMINAL]
    return out


def purpose_clauses(verb) -> list:
    """Clauses that say what an action is for ("blocked roads to press their demands",
    "demonstrated, calling for independence"): infinitival or participial adverbials."""
    out = []
    for c in verb.children:
        if c.dep_ not in ("advcl", "xcomp") or c.pos_ not in ("VERB", "AUX"):
            continue
        if any(k.dep_ == "mark" for k in c.children):
            continue  # "unless ...", "because ..." are conditions and reasons, not aims
        if c.dep_ == "advcl" and c.tag_ != "VBG" and not any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children):
            continue
        out.append(c)
    return out


def is_infinitive_adverbial(tok) -> bool:
    """An infinitive the parser hung as an adverbial ("have sworn to fight"): after a
    wrapper verb it is the verb's complement, as in "vowed to fight"."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
        and not any(c.dep_ == "mark" for c in tok.children)
