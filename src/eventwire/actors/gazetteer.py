"""Find knowledge-base names in a tokenised text.

Every name, alias, demonym, capital, seat of power and role term of the KB is
tokenised once with the pipeline's own tokenizer and stored in a dict keyed by
its token tuple. Scanning a document is then one dict look-up per token and
candidate length (names are at most a few tokens long), which keeps linking a
small fraction of the parse cost. Proper names match case-sensitively (also in
an accent-free spelling); role terms ("police", "prime minister") match in
lower case.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .kb import KnowledgeBase, load_kb, strip_accents


@dataclass(frozen=True)
class Entry:
    """What a matched phrase may refer to.

    kind: country | demonym | capital | seat | org | person | alias | role | people.
    ref: ISO3 code, person id, Org code or role term; extra: seat sector, etc.
    """

    kind: str
    ref: str
    extra: Any = None


@dataclass
class Atom:
    """One gazetteer match over tokens ``[start, end)``."""

    start: int
    end: int
    entries: tuple[Entry, ...]

    def first(self, *kinds: str) -> Entry | None:
        for e in self.entries:
            if e.kind in kinds:
                return e
        return None

    def has(self, *kinds: str) -> bool:
        return self.first(*kinds) is not None


# A name that is also an everyday word is only read when it is capitalised as a
# proper name would be (the case-sensitive table takes care of that), and these
# few are never read alone, whatever their case.
AMBIGUOUS_ALONE = {"US", "IS", "PA", "AP", "EC", "FT", "AU", "CIS", "FIS", "BIS", "IOM", "SPA", "DW", "RIA", "CNA",
                   "Fed", "Wagner", "Amnesty", "Globo", "Folha", "Bild", "Granma", "Fars", "Sputnik", "General Assembly",
                   "Commonwealth", "Congress", "Communist Party", "Brussels", "Chancellery",
                   "State House", "National Palace", "Westminster", "Whitehall", "Number 10", "No 10", "Planalto",
                   "Guardian", "Economist", "Times of London", "Nation Media Group",
                   # companies named like everyday words, places or people (companies.tsv)
                   "Apple", "Amazon", "Meta", "Alphabet", "Shell", "Oracle", "Intel", "Tesla", "Nike",
                   "Dell", "HP", "LG", "BP", "Eni", "Tata", "Volvo", "Honda", "Roche", "Bayer", "Fiat", "Uber",
                   "Elbit", "Dangote", "MTN", "RTX", "GSK", "EDF", "Dassault", "Etihad", "Disney", "Pepsi",
                   "BA"}


class Gazetteer:
    def __init__(self, kb: KnowledgeBase, tokenize):
        self.kb = kb
        self._tok = tokenize
        self.names: dict[tuple[str, ...], list[Entry]] = {}
        self.terms: dict[tuple[str, ...], list[Entry]] = {}
        self.max_len = 1
        for c in kb.countries.values():
            for n in c.names:
                self._add(n, Entry("country", c.iso3))
                if n.startswith("the "):
                    self._add(n[4:], Entry("country", c.iso3))
            for d in c.demonyms:
                self._add(d, Entry("demonym", c.iso3))
            for cap in c.capital_metonyms:
                self._add(cap, Entry("capital", c.iso3))
            for seat, sector in c.seats.items():
                self._add(seat, Entry("seat", c.iso3, sector))
        for o in kb.orgs:
            for n in [o.name, *o.aliases]:
                self._add(n, Entry("org", o.code, o))
        for p in kb.people.values():
            self._add(p.name, Entry("person", p.id))
            for a in p.aliases:
                kind = "alias" if len(self._tokens(a)) == 1 else "person"
                self._add(a, Entry(kind, p.id))
        for g in kb.peoples:
            for form in g.forms:
                self._add(form, Entry("people", g.name, g))
        for term, role in kb.roles.items():
            key = tuple(t.lower() for t in self._tokens(term))
            self.terms.setdefault(key, []).append(Entry("role", term, role))
            self.max_len = max(self.max_len, len(key))

    def _tokens(self, text: str) -> list[str]:
        return [t.text for t in self._tok(text)]

    def _add(self, text: str, entry: Entry) -> None:
        for form in dict.fromkeys([text, strip_accents(text)]):
            key = tuple(self._tokens(form))
            if not key:
                continue
            bucket = self.names.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
            self.max_len = max(self.max_len, len(key))

    def scan(self, words: list[str]) -> list[Atom]:
        """Longest matches, left to right, not overlapping (names win ties over roles)."""
        lower = [w.lower() for w in words]
        n = len(words)
        out: list[Atom] = []
        i = 0
        while i < n:
            found = None
            for length in range(min(self.max_len, n - i), 0, -1):
                key = tuple(words[i:i + length])
                hit = self.names.get(key)
                if hit:
                    found = Atom(i, i + length, tuple(hit))
                    break
                hit = self.terms.get(tuple(lower[i:i + length]))
                if hit:
                    found = Atom(i, i + length, tuple(hit))
                    break
            if found is None:
                i += 1
                continue
            out.append(found)
            i = found.end
        return out


@lru_cache(maxsize=4)
def _cached(tokenizer_id: int, tokenizer) -> Gazetteer:
    return Gazetteer(load_kb(), tokenizer)


def gazetteer_for(nlp_or_tokenizer) -> Gazetteer:
    """The gazetteer built with this pipeline's tokenizer (once per process)."""
    tok = getattr(nlp_or_tokenizer, "tokenizer", nlp_or_tokenizer)
    return _cached(id(tok), tok)
