"""Which sentences can hold an event, decided before tagging and parsing.

Tagging, parsing, attribute rules and lemmas are about half of the ``nlp``
stage's cost, and most sentences of a news article code no event. The stage
therefore runs only the tokenizer, the sentence recogniser and NER over the
whole text, and asks this module which sentences deserve the rest. A sentence
does when it has a speech cue (a quote mark, a verb of saying or reporting from
the patterns' and the quotes lexicon's lists, "according to") or lies in a
quotation (quotes and attribution read the parse of every such sentence), or
when it names two possible actors and holds some trigger word, or one possible
actor and a trigger that can code an event with a single named party. Possible
actors: entities of actor types, the patterns' actor words, and the actors
knowledge base's role nouns and one-word names.

There are no tags or lemmas yet, so words are read by their surface forms: a
form counts as a trigger when one of its candidate lemmas (:class:`LemmaCandidates`,
spaCy's English lemmatizer rules tried for every part of speech) is a pattern
head of that part of speech. That is a superset of what the tagged text could
match, so the choice errs towards parsing. Everything is read from the pattern
files, so adding a pattern also makes its sentences parse-worthy.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..quotes.lexicon import CUE_NOUNS, CUE_VERBS
from ..quotes.marks import quoted_stretches
from .patterns import PatternSet

# Roots the coder codes with a victim and no named doer ("civilians were killed").
DOER_OPTIONAL = frozenset({"17", "18", "19", "20"})
KINDS = ("verb", "noun", "adj")
# Words after which a speech word is a noun, not a verb of saying ("the report", "his claims").
DETERMINERS = frozenset("a an the this that these those his her its their our my your whose".split())


class LemmaCandidates:
    """Every lemma spaCy's English rule lemmatizer could give a lower-case form, whatever its tag.

    Reads the model's own ``lemma_rules``, ``lemma_exc`` and ``lemma_index`` tables
    (the rule mode of ``spacy.pipeline.Lemmatizer``), so the forms it accepts are
    the ones the tagged pipeline would lemmatize to a pattern head.
    """

    def __init__(self, lookups):
        self.index = {p: set(v) for p, v in lookups.get_table("lemma_index").items()}
        self.exc = lookups.get_table("lemma_exc")
        self.rules = lookups.get_table("lemma_rules")

    def __call__(self, form: str) -> dict[str, frozenset[str]]:
        """``{"verb": {...}, "noun": {...}, "adj": {...}}`` for ``form`` (lower case); the form itself is in each."""
        return {pos: frozenset(self._lemmas(form, pos)) | {form} for pos in KINDS}

    def _lemmas(self, form: str, pos: str) -> list[str]:
        index = self.index.get(pos, set())
        forms, oov = list(self.exc.get(pos, {}).get(form, [])), []
        for old, new in self.rules.get(pos, []):
            if form.endswith(old):
                cand = form[: len(form) - len(old)] + new
                if not cand:
                    continue
                (forms if cand in index or not cand.isalpha() else oov).append(cand)
        return forms or oov


@dataclass(frozen=True)
class Form:
    """What one surface form can be: its candidate lemmas (all parts of speech), the
    needed-word sets of the patterns it can head (``any``; ``single``: those that can
    code an event with one named party), whether it is a speech cue or an actor word."""

    lemmas: frozenset[str]
    any: list[frozenset[str]]
    single: list[frozenset[str]]
    speech: bool
    actor: bool
    mark: bool = False  # a quote mark, "according" or a noun of saying or thinking ("the claim", "a plan")
    determiner: bool = False  # an article or possessive: the next word is a noun ("the report")


NO_FORM = Form(frozenset(), [], [], False, False)
NAME = Form(frozenset(), [], [], False, True)


class SentenceSelector:
    """Decides, from surface forms and entities only, whether a sentence needs tagging and parsing."""

    def __init__(self, patterns: PatternSet, lemmas: LemmaCandidates, actor_words: frozenset[str] = frozenset(),
                 names: frozenset[str] = frozenset()):
        """``actor_words`` (lower case) and ``names`` (as written) add to the pattern files' actor
        words: the actors knowledge base's role nouns ("banks", "company") and one-word names."""
        c = patterns
        generic = c.cue_set("generic", "words")
        # per kind and head word: the other words each pattern needs. ``single``: patterns
        # that can code an event with one named party; a bare everyday word ("give")
        # codes one only with a second actor (doer-less violence needs only a victim).
        self.any: dict[str, dict[str, list[frozenset[str]]]] = {}
        self.single: dict[str, dict[str, list[frozenset[str]]]] = {}
        for kind, table in c.by_head.items():
            for head, pats in table.items():
                for p in pats:
                    words = frozenset(p.modifiers + p.required + ((p.marked_prep,) if p.marked_prep else ()))
                    self.any.setdefault(kind, {}).setdefault(head, []).append(words)
                    if words or head not in generic or p.code[:2] in DOER_OPTIONAL:
                        self.single.setdefault(kind, {}).setdefault(head, []).append(words)
        self.lemmas = lemmas
        self.speech = c.cue_set("speech", "verbs") | CUE_VERBS
        self.labels = c.cue_set("selection", "entity_labels")
        self.actor_words = c.cue_set("selection", "actor_words") | actor_words
        self.names = names
        self.quote_marks = c.cue_set("selection", "quote_marks")
        self.forms: dict[str, Form] = {}

    def form(self, form: str) -> Form:
        """What the lower-case word ``form`` can be, computed once per process and form."""
        got = self.forms.get(form)
        if got is None:
            cands = self.lemmas(form)
            any_needs = [n for kind in KINDS for w in cands[kind] for n in self.any.get(kind, {}).get(w, ())]
            single = [n for kind in KINDS for w in cands[kind] for n in self.single.get(kind, {}).get(w, ())]
            mark = form in self.quote_marks or form == "according" or not CUE_NOUNS.isdisjoint(cands["noun"])
            speech = mark or not self.speech.isdisjoint(cands["verb"])
            got = self.forms[form] = Form(frozenset().union(*cands.values()), any_needs, single, speech,
                                          form in self.actor_words, mark, form in DETERMINERS)
        return got

    def choose(self, sdoc) -> list[bool]:
        """Per sentence of ``sdoc`` (a Doc with sentences and entities): whether it needs the parse."""
        from spacy.attrs import LOWER, ORTH

        strings = sdoc.vocab.strings
        words = [self.form(strings[h]) for h in sdoc.to_array(LOWER).tolist()]
        inside = bytearray(len(words))
        if self.names:  # a knowledge-base name outside any entity is an actor word ("Hamas")
            words = [NAME if strings[h] in self.names else w for w, h in zip(words, sdoc.to_array(ORTH).tolist())]
        actor_ents = []
        for e in sdoc.ents:
            inside[e.start:e.end] = b"\x01" * (e.end - e.start)
            if e.label_ in self.labels:
                actor_ents.append(e.start)
        quoted = [q.outer for q in quoted_stretches(sdoc.text)]
        ends = [e for _, e in quoted]
        out = []
        for s in sdoc.sents:
            k = bisect_left(ends, s.start_char + 1)  # the first quote ending inside or after the sentence
            if k < len(quoted) and quoted[k][0] < s.end_char:
                out.append(True)  # a quotation (or part of one): the quotes stage reads its parse
            else:
                out.append(self.wants(words[s.start:s.end], inside[s.start:s.end],
                                      bisect_left(actor_ents, s.end) - bisect_left(actor_ents, s.start)))
        return out

    def wants(self, words: list[Form], inside: bytes, n_entities: int) -> bool:
        """A sentence of ``words`` with ``n_entities`` actor-type entities (``inside``: 1 for tokens in
        any entity). A speech word counts outside entities ("United States") and not after a determiner."""
        if any(w.speech and not e and (w.mark or not p.determiner) for p, w, e in zip([NO_FORM] + words, words, inside)):
            return True  # quotes and attribution read the parse of every speech sentence
        n = n_entities + sum(1 for w, e in zip(words, inside) if w.actor and not e)
        if n == 0 or n == 1 and not any(w.single for w in words):
            return False
        needs = [x for w in words for x in (w.any if n >= 2 else w.single)]
        if not needs:
            return False
        if not all(needs):
            return True
        present = frozenset().union(*(w.lemmas for w in words))
        return any(x <= present for x in needs)
