"""Who a source mention refers to: an actor, a named entity, or the antecedent of a pronoun.

Resolution order for a mention at ``[start, end)``:

1. the actors stage's coreference: ``mention_index(doc).at(start, end)``
   (names, metonyms, role references and pronouns it resolved);
2. a pronoun ("he", "she", "they", "it") without an actor: the nearest
   preceding named entity of a fitting kind, preferring one that was the
   subject of its clause (news repeats the subject as "he");
3. a short name ("Xi") with a longer earlier mention of the same person
   ("Xi Jinping"): the longer name;
4. a bare definite document ("the readout", "the statement") without an
   actor: whoever owns the nearest earlier document the text names an owner
   for ("the CCTV report", "a Kremlin account", "the Council issued a
   statement"). News names a readout's owner once and then says "the
   readout", and an account is only useful to a reader with its owner;
5. otherwise the text as written.
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from ..actors import mention_index
from ..actors.relations import CLOSE_PEOPLE
from ..document import Document
from .frames import lemma_of, source_spans
from .lexicon import DOCUMENT_NOUNS, PRONOUNS

# people who speak for themselves, not for the person who has them ("his mother", "Smith's lawyer"); a
# spokesman, an office or a campaign speaks for its owner and is not here
SOMEONE_ELSE = CLOSE_PEOPLE | frozenset("""agent aides attorney attorneys coach colleagues doctor family friends
grandfather grandmother lawyer lawyers neighbor neighbors neighbour neighbours relative relatives teammate
widow""".split())
# how far back (characters) a pronoun or a bare document may look for its antecedent
_LOOKBACK = 1500
# verbs whose subject owns the document they take ("the Council issued a statement")
_ISSUING = frozenset({"issue", "release", "publish", "put", "send", "post", "circulate", "give", "deliver", "read"})
_BARE_DOCUMENT = re.compile(r"^(?:the|that|this)\s+(\w+)$", re.I)


def resolve(doc: Document, start: int, end: int) -> dict[str, Any]:
    """``{"name", "text", "actor", "code", "start", "end"}`` for the mention ``[start, end)``."""
    text = doc.text[start:end]
    out: dict[str, Any] = {"name": text, "text": text, "actor": None, "code": None,
                           "start": start, "end": end}
    hit = mention_index(doc).at(start, end) if doc.actors else None
    head = text.split()[-1] if text.split() else ""
    if hit is not None and head.lower() in SOMEONE_ELSE and hit[2] <= start + len(text.rstrip()) - len(head):
        hit = None  # "his mother said", "Smith's lawyer said": not the possessor speaking
    if hit is not None:
        actor = hit[0]
        out.update(name=actor.name, actor=actor.id, code=actor.code)
        return out
    low = text.lower()
    if low in PRONOUNS:
        ante = _antecedent(doc, start, PRONOUNS[low])
        if ante is not None:
            out["name"] = ante
        return out
    bare = _BARE_DOCUMENT.match(text.strip())
    if bare and bare.group(1).lower() in DOCUMENT_NOUNS:
        owner = _document_owner(doc, start)
        if owner is not None:
            found = resolve(doc, *owner)
            out.update(name=found["name"], actor=found["actor"], code=found["code"])
        return out
    out["name"] = _full_name(doc, start, text)
    return out


def _document_owner(doc: Document, before: int) -> tuple[int, int] | None:
    """The span naming the owner of the nearest document before ``before`` that the text gives an
    owner ("the CCTV report" -> CCTV, "a Kremlin account of the call" -> Kremlin, "the Security
    Council issued a statement" -> the Security Council); ``None`` when none is in reach."""
    sdoc = doc.user_data.get("spacy")
    if sdoc is None:
        return None
    last = bisect.bisect_left(_starts(sdoc), before)  # the tokens before the mention
    for tok in reversed(sdoc[:last]):
        if tok.idx < before - _LOOKBACK:
            break
        if tok.pos_ not in ("NOUN", "PROPN") or lemma_of(tok) not in DOCUMENT_NOUNS:
            continue
        name, _ = source_spans(tok)
        if name[1] <= tok.idx:  # a name the noun phrase carries, not the noun phrase itself
            return name
        if tok.dep_ == "dobj" and lemma_of(tok.head) in _ISSUING:  # "the Council issued a statement"
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return source_spans(subj)[0]
    return None


_SUBJECTS = ("nsubj", "nsubjpass")


def _antecedent(doc: Document, before: int, labels: tuple[str, ...]) -> str | None:
    sdoc = doc.user_data.get("spacy")
    if sdoc is None:
        return None
    cands = [e for e in _ents(sdoc) if e.label_ in labels and before - _LOOKBACK <= e.start_char < before]
    if not cands:
        return None
    for ent in reversed(cands):
        root = ent.root  # the subject itself, or the name of one ("Barclays Capital economists")
        if root.dep_ in _SUBJECTS or root.dep_ in ("compound", "poss") and root.head.dep_ in _SUBJECTS:
            return _full_name(doc, ent.start_char, ent.text)
    return _full_name(doc, cands[-1].start_char, cands[-1].text)


def _starts(sdoc) -> list[int]:
    """The tokens' character offsets, listed once per document."""
    starts = sdoc.user_data.get("eventwire_starts")
    if starts is None:
        starts = sdoc.user_data["eventwire_starts"] = [t.idx for t in sdoc]
    return starts


def _ents(sdoc):
    """``sdoc.ents``, listed once (spaCy rebuilds the tuple on each access)."""
    ents = sdoc.user_data.get("eventwire_ents")
    if ents is None:
        ents = sdoc.user_data["eventwire_ents"] = list(sdoc.ents)
    return ents


def _full_name(doc: Document, start: int, text: str) -> str:
    """The longest earlier PERSON name ending with ``text`` ("Xi" -> "Xi Jinping")."""
    sdoc = doc.user_data.get("spacy")
    if sdoc is None or not text or " " in text.strip():
        return text
    best = text
    for ent in _ents(sdoc):
        if ent.start_char >= start:
            break
        if ent.label_ == "PERSON" and len(ent.text) > len(best):
            words = ent.text.split()
            if len(words) > 1 and text in (words[-1], words[0]):
                best = ent.text
    return best
