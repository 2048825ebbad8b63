"""Which sentences can hold an event, decided before parsing.

The dependency parser is the costliest part of the ``nlp`` stage, and most
sentences of a news article code no event. A sentence is worth parsing when it
names two possible actors (named entities of actor types, or actor words such as
"police", "rebels", "he"), or one possible actor and an event trigger (a pattern
head word with the right part of speech), or carries a speech cue (a quote mark,
a verb of saying, "according to") so the quotes and attribution stages keep
their parses. Everything is read from the pattern files, so adding a pattern
also makes its sentences parse-worthy.
"""
from __future__ import annotations

from functools import lru_cache

from .patterns import PatternSet, load_patterns


# Roots the coder codes with a victim and no named doer ("civilians were killed").
DOER_OPTIONAL = frozenset({"17", "18", "19", "20"})
KIND = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun", "ADJ": "adj"}


class SentenceSelector:
    """Decides, from tags, lemmas and entities only, whether a sentence needs the parser."""

    def __init__(self, patterns: PatternSet):
        c = patterns
        generic = c.cue_set("generic", "words")
        # per kind and head word: the other words each pattern needs; a bare everyday
        # word ("give") codes an event only with a second actor, so it is left out here
        self.needs: dict[str, dict[str, list[frozenset[str]]]] = {}
        for kind, table in c.by_head.items():
            out = self.needs.setdefault(kind, {})
            for head, pats in table.items():
                for p in pats:
                    words = frozenset(p.modifiers + p.required + ((p.marked_prep,) if p.marked_prep else ()))
                    if not words and head in generic and p.code[:2] not in DOER_OPTIONAL:
                        continue  # needs a second actor; doer-less violence needs only a victim
                    out.setdefault(head, []).append(words)
        self.speech = c.cue_set("speech", "verbs") | {"according"}
        self.labels = c.cue_set("selection", "entity_labels")
        self.actor_words = c.cue_set("selection", "actor_words")
        self.quote_marks = c.cue_set("selection", "quote_marks")

    def actorish(self, sent) -> int:
        """Possible actor mentions in ``sent``: entities of actor types plus actor words."""
        n = sum(1 for e in sent.ents if e.label_ in self.labels)
        inside = {t.i for e in sent.ents for t in e}
        n += sum(1 for t in sent if t.i not in inside and t.lower_ in self.actor_words)
        return n

    def has_trigger(self, sent) -> bool:
        """Whether some pattern could match here: its head word with the right part of
        speech, and all its other words somewhere in the sentence."""
        present = None
        for t in sent:
            kind = KIND.get(t.pos_)
            if kind is None:
                continue
            table = self.needs.get(kind, {})
            for w in {t.lemma_.lower(), t.lower_}:
                for needed in table.get(w, ()):
                    if not needed:
                        return True
                    if present is None:
                        present = {x.lemma_.lower() for x in sent} | {x.lower_ for x in sent}
                    if needed <= present:
                        return True
        return False

    def has_speech(self, sent) -> bool:
        return any(t.text in self.quote_marks or t.lower_ == "according"
                   or (t.lemma_.lower() in self.speech and t.pos_ == "VERB") for t in sent)

    def wants(self, sent) -> bool:
        if self.has_speech(sent):
            return True  # quotes and attribution read the parse of every speech sentence
        n = self.actorish(sent)
        return n >= 2 or (n == 1 and self.has_trigger(sent))


@lru_cache(maxsize=1)
def default_selector() -> SentenceSelector:
    return SentenceSelector(load_patterns())
