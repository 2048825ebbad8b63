"""Which people an article itself marks as a man or a woman, for "he" and "she".

The knowledge base knows the gender of its office holders; the people a story
names for the first time (a witness, an agent, a victim) it does not, and a
pronoun would otherwise go to the nearest person of either sex ("Bettie Page
died ... Her agent, Mark Roesler, said she had pneumonia": not Roesler). The
article usually says: an honorific ("Ms Page", "Mr. Roesler"), a gendered
noun beside the name ("the actress Bettie Page", "Page's husband, Billy
Neal"), or a common given name. Each gives the words of that person's name a
gender; a name marked both ways is left unmarked.
"""
from __future__ import annotations

from importlib import resources

HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f", "dame": "f", "lord": "m"}

GENDERED_NOUNS = {
    "f": frozenset("""woman women girl actress mother wife daughter sister grandmother aunt niece widow bride
queen princess duchess countess spokeswoman chairwoman businesswoman congresswoman councilwoman
policewoman sportswoman stateswoman heiress hostess waitress girlfriend fiancee mom mum lady""".split()),
    "m": frozenset("""man men boy actor father husband son brother grandfather uncle nephew widower groom
king prince duke count spokesman chairman businessman congressman councilman policeman sportsman
statesman heir host waiter boyfriend fiance dad""".split()),
}


def _first_names() -> dict[str, str]:
    out: dict[str, str] = {}
    text = resources.files("eventwire.actors.data").joinpath("first_names.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, g = line.split("\t")[:2]
            out[name] = g
    return out


FIRST_NAMES = _first_names()


def name_genders(sdoc) -> dict[str, str]:
    """Name word -> "m" or "f" for the people the article marks (see the module docstring)."""
    votes: dict[str, set[str]] = {}

    def mark(words, g: str) -> None:
        for w in words:
            if w[:1].isupper():
                votes.setdefault(w, set()).add(g)

    for t in sdoc:
        g = HONORIFICS.get(t.lower_.rstrip("."))
        if g is None or t.i + 1 >= len(sdoc):
            continue
        name = []
        for u in sdoc[t.i + 1:t.i + 4]:
            if u.text == "." and not name:
                continue
            if u.pos_ != "PROPN" or not u.text[:1].isupper():
                break
            name.append(u.text)
        if name:
            mark(name[-1:], g)  # "Ms Page": the family name
    for ent in sdoc.ents:
        if ent.label_ != "PERSON":
            continue
        words = [t.text for t in ent if t.pos_ == "PROPN"]
        if not words:
            continue
        near = [c for c in ent.root.children if c.dep_ == "appos"]
        near += [ent.root.head] if ent.root.dep_ == "appos" else []
        near += [t for t in sdoc[max(ent.start - 2, 0):ent.start] if t.pos_ == "NOUN"]  # "actress Bettie Page"
        for g, nouns in GENDERED_NOUNS.items():
            if any(n.lower_ in nouns for n in near):
                mark(words, g)
        if len(words) > 1 and words[0] in FIRST_NAMES:
            mark(words, FIRST_NAMES[words[0]])
    return {w: next(iter(gs)) for w, gs in votes.items() if len(gs) == 1}
