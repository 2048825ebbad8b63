"""Toponym recognition: which spans of an article name places.

Four sources, merged with entities first:
- spaCy's GPE, LOC and FAC entities whose text (less a leading article,
  a compass word such as "northern", a possessive) is a gazetteer name; an
  entity such as "Springfield, Illinois" is split at its commas;
- datelines in capitals ("BEIRUT: ...", "CARTHAGE, N.C. (AP) -"), which a recogniser
  trained on mixed case misses;
- the gazetteer's own matcher over capitalised proper-noun runs that no
  place entity covers, including inside organisation and event names and
  one-word person names (the small English model labels "Xinjiang" or the
  "St. Petersburg International Economic Forum" unevenly). The matcher accepts only countries, first-level
  divisions, continents and cities of 50,000+ people, and reads two- and
  three-letter names ("US", "UK") only when written in capitals;
- one sense per article: a name found as a place entity once is that place
  where it stands again alone ("Torrington, Connecticut" ... "Torrington
  businesses"), unless the recogniser reads it more often as a person.

Demonyms ("Chinese", "Russian troops", "Palestinians") are collected apart:
they are evidence of the article's country focus, and become places of their
country marked ``demonym`` (adjectival toponyms, as the geoparsing corpora
annotate them), never an event's location.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span

from ..tags import untagged
from .gazetteer import Entry, Gazetteer
from .names import name_key
from .outlets import media_countries

PLACE_LABELS = {"GPE", "LOC", "FAC"}
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
           "northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest",
           "southeast", "southwest", "greater", "downtown", "upstate", "rural", "metropolitan", "mainland"}
CONNECTORS = {"of", "de", "del", "la", "le", "los", "las", "and", "du", "des", "al", "el", "da", "do", "dos"}
MATCHER_MIN_POPULATION = 50_000
WHERE_MIN_POPULATION = 10_000  # after "in", "near", ... ("in Bicester"): see _after_where
# Words that name a place only with another word ("East Bank", "the Gulf Coast"): never alone.
GENERIC = COMPASS | {"bank", "region", "metro", "city", "county", "state", "states", "province", "district",
                     "gulf", "coast", "valley", "river", "lake", "island", "islands", "bay", "park", "airport",
                     "union", "republic", "kingdom", "center", "centre", "capital", "border", "area", "midtown",
                     "uptown", "main", "hill", "heights", "beach", "springs", "creek",
                     "station", "square", "street", "road", "avenue", "harbor", "harbour", "port", "mount",
                     "federal", "national", "interior",
                     # the sky is no town ("landed on the Moon": not Moon, Pennsylvania); "Earth" is left to
                     # the recogniser, as the gold corpora count it a toponym
                     "moon", "heaven", "space", "world"}
# A division word after a name makes the division ("Madison County", "Rapides Parish").
DIVISION_WORDS = {"County", "Parish", "Province", "District", "Oblast", "Governorate", "Prefecture", "Region",
                  "Township", "Borough", "State"}
# Words after a division's name that a recogniser takes into the entity ("Sichuan province").
DIVISION_SUFFIXES = {"state", "province", "region", "governorate", "prefecture", "oblast", "territory"}
# Two-letter postal codes are ambiguous; AP-style state and province abbreviations after a comma are
# not ("Springfield, Ill.", "Vancouver, B.C."). Written by the project.
STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
    "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota",
    "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska",
    "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico",
    "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina",
    "S.D.": "South Dakota", "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia",
    "Wash.": "Washington", "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wisc.": "Wisconsin",
    "Wyo.": "Wyoming", "B.C.": "British Columbia", "Ont.": "Ontario", "Que.": "Quebec", "Alta.": "Alberta",
    "Man.": "Manitoba", "Sask.": "Saskatchewan", "N.S.": "Nova Scotia", "N.B.": "New Brunswick",
    "Nfld.": "Newfoundland and Labrador", "P.E.I.": "Prince Edward Island",
}
# USPS codes, read only after a party letter ("Sen. Ted Cruz (R-TX)"): alone, two capitals are too ambiguous.
POSTAL_CODES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
    "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming",
}
# A lawmaker's party letter before a dash and the state: "James Clyburn, D-S.C.", "Cruz (R-TX)".
PARTY_LETTERS = frozenset({"D", "R", "I"})
MAX_TOKENS = 6


@dataclass
class Mention:
    """A span that names a place, and the gazetteer places it may be."""

    start: int
    end: int
    text: str
    key: str
    source: str  # "entity" | "matcher"
    label: str | None
    candidates: list[tuple[Entry, bool]] = field(default_factory=list)


def _short_ok(text: str, key: str) -> bool:
    """Two- and three-letter keys ("us", "uk") only when the text is in capitals."""
    letters = key.replace(" ", "")
    return len(letters) > 3 or text.replace(".", "").replace(" ", "").isupper()


def _trim(span, compass: bool = True):
    """Drop a leading article (and compass word) and a trailing possessive from a spaCy span."""
    toks = list(span)
    while toks and (toks[0].lower_ in ("the", "a") or compass and toks[0].lower_ in COMPASS) and len(toks) > 1:
        toks = toks[1:]
    while toks and toks[-1].text in ("'s", "’s", "'", "’", ".", ","):
        toks = toks[:-1]
    return toks


def _mention_from_tokens(toks, gaz: Gazetteer, source: str, label: str | None) -> Mention | None:
    if not toks:
        return None
    doc = toks[0].doc
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    text = doc.text[start:end]
    if text.endswith(".") and "." not in text[:-1] and len(toks[-1].text) > 2:  # "Bissau." at a sentence end
        text, end = text[:-1], end - 1
    key = name_key(text)
    if not key or key in GENERIC or not _short_ok(text, key) or not text[:1].isupper():
        return None
    cands = gaz.lookup_key(key)
    if not cands:
        return None
    return Mention(start, end, text, key, source, label, cands)


def _extend_division(m: Mention | None, last, gaz: Gazetteer) -> Mention | None:
    """Where the entity stopped short of the name: "Madison" + "County" -> the county,
    "Guinea" + "-Bissau" -> Guinea-Bissau."""
    doc = last.doc
    i = last.i + 1
    if i < len(doc) and doc[i].text in DIVISION_WORDS:
        stop = i
    elif i + 1 < len(doc) and doc[i].text == "-" and doc[i + 1].text[:1].isupper() and \
            doc[i].idx == last.idx + len(last.text):
        stop = i + 1
    else:
        return m
    start = m.start if m is not None else last.idx
    first = doc.char_span(start, start + 1, alignment_mode="expand").start
    ext = _mention_from_tokens(doc[first:stop + 1], gaz, m.source if m else "entity", m.label if m else None)
    return ext or m


def _solid(m: Mention | None) -> Mention | None:
    """A name left after dropping a compass word must stand on its own: no small town by alias."""
    if m is None:
        return None
    for e, alias in m.candidates:
        if not alias and (e.kind in ("country", "region") or e.population >= 100_000):
            return m
    return None


# Words before a surname ("coach Ripley", "Sen. Graham"): a one-word place entity after one is a person.
PERSON_TITLES = frozenset("""mr mrs ms miss dr sen rep gov lt sgt capt col gen det cpl pvt adm officer coach
judge justice president senator governor mayor sheriff chief pastor rev reverend father professor prof
spokesman spokeswoman trooper deputy minister secretary commissioner councilman councilwoman""".split())


def _after_title(ent) -> bool:
    prev = ent.doc[ent.start - 1] if ent.start else None
    return len(ent) == 1 and prev is not None and prev.lower_.rstrip(".") in PERSON_TITLES


def _a_country_taken_for_a_person(ent, gaz: Gazetteer) -> bool:
    """A name of two words or more that the recogniser took for a person but that is a country's
    ("Sri Lanka's former president", "Costa Rica"): no one bears it. One word ("Jordan", "Chad",
    "Georgia") can be a person's."""
    if ent.label_ != "PERSON":
        return False
    toks = [t for t in ent if t.tag_ != "POS"]
    if len(toks) < 2:
        return False
    text = ent.doc[toks[0].i:toks[-1].i + 1].text
    return any(e.kind == "country" for e, _ in gaz.lookup(text))


def _entity_mentions(ent, gaz: Gazetteer) -> list[Mention]:
    if _after_title(ent):
        return []
    full = _trim(ent, compass=False)
    m = _mention_from_tokens(full, gaz, "entity", ent.label_)  # "North Dakota"
    if full:
        m = _extend_division(m, full[-1], gaz)
    if m is not None:
        return [m]
    if len(full) > 1 and full[-1].text.lower() in DIVISION_SUFFIXES:
        # "Sichuan province", "West Virginia State (Police)": the division the name holds
        m = _mention_from_tokens(full[:-1], gaz, "entity", ent.label_)
        if m is not None and any(e.kind in ("admin1", "country") for e, _ in m.candidates):
            return [m]
    toks = _trim(ent)
    m = _solid(_mention_from_tokens(toks, gaz, "entity", ent.label_))  # "northern Syria"
    if m is not None:
        return [m]
    # "Springfield, Illinois" as one entity: its comma-separated parts
    out, part = [], []
    for t in toks + [None]:
        if t is None or t.text == ",":
            mm = _mention_from_tokens(_trim(part) if part else [], gaz, "entity", ent.label_)
            if mm is not None:
                out.append(mm)
            part = []
        else:
            part.append(t)
    return out


def _after_where(sdoc, i: int, named_as: str) -> bool:
    """Whether the name at token ``i`` follows a preposition of where that takes no person after it
    ("in Bicester", "near Grovetown": :data:`WHERE_PREPS`) and the recogniser took it for no company."""
    return i > 0 and sdoc[i - 1].lower_ in WHERE_PREPS and named_as != "company" \
        and sdoc[i].ent_type_ not in ("ORG", "DATE", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT")


def _matcher_ok(m: Mention, named_as: str, where: bool = False) -> bool:
    """Whether the matcher reads ``m`` as a place. ``named_as`` is what the recogniser took its first
    word for, when a one-word entity: "person" or "company" (else ""). After a preposition of where
    (``where``) a smaller town will do."""
    if where and any(e.kind == "city" and not alias and e.population >= WHERE_MIN_POPULATION
                     for e, alias in m.candidates):
        return True
    for e, alias in m.candidates:
        if named_as:  # a country, or a division or a city of a million ("Jordan", "Georgia"); not
            # "Nelson said" (a region of New Zealand), "Flores" (of Uruguay), "the GAO" (of Mali)
            if e.kind == "country" or not alias and e.population >= 1_000_000:  # "DRC", "UAE" too
                return True
            continue
        if e.kind in ("country", "admin1", "region"):
            return True
        if e.kind == "admin2" and not alias and " " in m.key:  # "Douglas County"
            return True
        if e.kind == "city" and not alias and e.population >= MATCHER_MIN_POPULATION:
            return True
    return False


# Prepositions before a place where something is or goes: after one, a one-word name is the place.
LOCATIVE_PREPS = frozenset({"in", "at", "from", "to", "near", "into", "outside", "inside", "across", "throughout",
                            "around", "toward", "towards", "via", "through", "within"})


# ... and those that, unlike "from" or "to" ("a letter from Taylor"), take no person after them.
WHERE_PREPS = frozenset({"in", "near", "outside", "inside", "throughout", "across", "around", "within", "into"})


# A place this large keeps its name though a person was named with it (a recogniser's "Hosni Mubarak Egypt").
SURNAME_MAX_POPULATION = 100_000


def _surname_alone(ent, surnames: dict[str, int], gaz: Gazetteer) -> bool:
    """Whether a one-word entity is the family name of a person the article named in full before
    ("Sarah Palin" ... "Palin called", "the Palin endorsement"; Palín is a town in Guatemala), not
    a place after a preposition of where ("rallies in Houston") nor a country, a province or a
    city of ``SURNAME_MAX_POPULATION`` people, which a recogniser's run-on name may end with."""
    if len(ent) != 1 or surnames.get(ent.text, len(ent.doc)) > ent.start:
        return False
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        return False
    return not any(e.kind in ("country", "admin1", "region") or e.population >= SURNAME_MAX_POPULATION
                   for e, _ in gaz.lookup_key(name_key(ent.text)))


# Nouns after a town's name that make it the town's ("Gainesville residents", "Huntsville officials").
TOWN_NOUNS = frozenset({"resident", "residents", "official", "officials", "mayor", "council", "commission",
                        "commissioner", "commissioners", "city", "area", "native", "natives", "police", "voters"})


def _towns_taken_for_people(sdoc, named_as: list[str], surnames: dict[str, int]) -> set[str]:
    """One-word names the recogniser took for a person that the article uses as a town: somewhere
    after a preposition of where ("in Gainesville") or before a town's people or offices
    ("Gainesville residents"), and borne by no person it names in full ("Jack Greer"). One sense
    per article: the matcher reads them as the town everywhere ("Gainesville says no")."""
    first_names = {e[0].text for e in sdoc.ents if e.label_ == "PERSON" and len(e) > 1}
    out = set()
    for t in sdoc:
        if named_as[t.i] != "person" or t.text in surnames or t.text in first_names or not t.text[:1].isupper():
            continue
        prev = sdoc[t.i - 1] if t.i else None
        nxt = sdoc[t.i + 1] if t.i + 1 < len(sdoc) else None
        if (prev is not None and prev.lower_ in WHERE_PREPS) or (nxt is not None and nxt.lower_ in TOWN_NOUNS):
            out.add(t.text)
    return out


def _is_name_token(t) -> bool:
    return (t.pos_ == "PROPN" or t.tag_ in ("NNP", "NNPS") or untagged(t)) and t.text[:1].isupper()


def _matcher_mentions(sdoc, gaz: Gazetteer, blocked: list[bool], named_as: list[str]) -> list[Mention]:
    """Longest gazetteer names over runs of capitalised proper nouns."""
    out = []
    n = len(sdoc)
    i = 0
    while i < n:
        t = sdoc[i]
        if blocked[i] or not _is_name_token(t):
            i += 1
            continue
        best = None
        j = i
        while j < n and j - i < MAX_TOKENS and not blocked[j]:
            tj = sdoc[j]
            if j > i and tj.lower_ in CONNECTORS:
                j += 1
                continue
            if not (tj.text[:1].isupper() or tj.text in (".", "-")) or tj.is_sent_start and j > i:
                break
            m = _mention_from_tokens(sdoc[i:j + 1], gaz, "matcher", None) if tj.text not in (".", "-") else None
            if m is not None and _matcher_ok(m, named_as[i], _after_where(sdoc, i, named_as[i])):
                best = (m, j)
            j += 1
        # inside a longer run of names only after a connector: "Bank of America", not "European Union"
        # or after a compass word: "Northeast Georgia Medical Center"
        inner = i > 0 and _is_name_token(sdoc[i - 1]) and not blocked[i - 1] and sdoc[i - 1].lower_ not in COMPASS
        # a name right after a title is a person's ("Spokeswoman Sandy Angers", "coach Ripley")
        inner = inner or i > 0 and sdoc[i - 1].lower_.rstrip(".") in PERSON_TITLES
        if best is not None and not inner:
            out.append(best[0])
            i = best[1] + 1
        else:
            i += 1
    return out


def _cover(sdoc, mentions: list[Mention], covered: list[bool]) -> None:
    """Mark the tokens of ``mentions`` in ``covered``: a later source looks only at the rest."""
    for m in mentions:
        for tok in sdoc.char_span(m.start, m.end, alignment_mode="expand") or []:
            covered[tok.i] = True


def _repeated_mentions(sdoc, gaz: Gazetteer, found: list[Mention], blocked: list[bool]) -> list[Mention]:
    """A name the article uses for a place once names that place wherever else it stands in the
    article ("Greer, South Carolina" ... "Greer's city limits"), though the recogniser took it
    there for a person or an organisation: one sense per article. Only names found as place
    entities count, and only where they stand outside a longer name of a person."""
    names = {m.text: m for m in found if m.source == "entity" and m.text[:1].isupper()}
    # a name the recogniser reads as a place less often than as a person or a people ("Obama" once
    # taken for a place) is not carried to its other uses; an organisation reading is no vote, as a
    # town's name before a noun is often read as one ("Torrington businesses")
    votes = Counter()
    for ent in sdoc.ents:
        # a people's name read as NORP is a vote against ("Georgian"); a town's ("Sochi") is a misreading
        if ent.text in names and (ent.label_ in PLACE_LABELS | {"PERSON"}
                                  or ent.label_ == "NORP" and _demonym(gaz, ent.text)):
            votes[ent.text] += 1 if ent.label_ in PLACE_LABELS else -1
    names = {n: m for n, m in names.items() if votes[n] > 0}
    covered = list(blocked)
    _cover(sdoc, found, covered)
    out = []
    longest = max((len(n.split()) for n in names), default=0)
    i = 0
    while i < len(sdoc):
        hit = None
        for n in range(min(longest, len(sdoc) - i), 0, -1):
            span = sdoc[i:i + n]
            if any(covered[k] for k in range(i, i + n)) or span.text not in names:
                continue
            prev, nxt = sdoc[i - 1] if i else None, sdoc[i + n] if i + n < len(sdoc) else None
            if (prev is not None and _is_name_token(prev)) or (nxt is not None and _is_name_token(nxt)
                                                                 and nxt.text not in DIVISION_WORDS):
                continue  # part of a longer name ("Lincoln Park", "Jack Greer")
            hit = (span, names[span.text])
            break
        if hit is None:
            i += 1
            continue
        span, like = hit
        out.append(Mention(span.start_char, span.end_char, span.text, like.key, "repeat", None, like.candidates))
        i = span.end
    return out


_COMPANY_ENDS = frozenset("inc inc. corp corp. corporation co co. ltd ltd. llc plc group holdings motors motor "
                          "systems airlines airways bank".split())


# nouns for a firm: a name in apposition with one is a company's ("Toyota, the Japanese automaker")
FIRM_NOUNS = frozenset("""company firm automaker carmaker maker manufacturer airline carrier bank lender insurer
retailer chain brand conglomerate corporation group giant startup producer supplier developer publisher
broadcaster network operator provider""".split())


def _company_words(sdoc) -> list[int]:
    """Tokens that name a company, not the town of the same name: a company's name with its ending
    ("Toyota Motor Corp", "Cisco Systems Inc.") or before its product ("a Toyota Camry"), the word
    that opens it wherever else it stands ("Toyota said"), and an organisation's abbreviation in capitals ("the Government Accountability
    Office (GAO)"). The matcher reads them as a company's (see :func:`_matcher_ok`)."""
    companies = [e for e in sdoc.ents if e.label_ == "ORG" and len(e) > 1 and e[-1].lower_ in _COMPANY_ENDS]
    # a maker named before its product ("a silver Toyota Camry", "a Ford Fusion"): the recogniser's
    # organisation right before its product
    companies += [sdoc[p.start - 1:p.start] for p in sdoc.ents if p.label_ == "PRODUCT" and p.start > 0
                  and sdoc[p.start - 1].ent_type_ == "ORG" and sdoc[p.start - 1].ent_iob_ == "B"]
    # a name in apposition with a kind of firm ("Toyota, the Japanese automaker")
    companies += [sdoc[e.start:e.end] for e in sdoc.ents if e.label_ in ("ORG", "GPE", "PERSON") and any(
        c.dep_ == "appos" and c.lemma_.lower() in FIRM_NOUNS for c in e.root.children)]
    firsts = {e[0].text for e in companies}
    out = [t.i for e in companies for t in e]  # the company's own name: "Toyota Motor Corp"
    for t in sdoc:
        if t.text in firsts:
            out.append(t.i)
        elif t.is_upper and len(t.text) >= 3 and t.i > 1 and sdoc[t.i - 1].text == "(" and \
                sdoc[t.i - 2].ent_type_ == "ORG" and t.i + 1 < len(sdoc) and sdoc[t.i + 1].text == ")":
            out.append(t.i)  # not "the Democratic Republic of the Congo (DRC)": a place's abbreviation
    return out


def _demonym(gaz: Gazetteer, text: str) -> list[str]:
    """Country codes of a demonym, singular or plural ("Palestinians")."""
    text = text.removeprefix("the ").strip()
    return gaz.demonym(text) or (gaz.demonym(text[:-1]) if text.endswith("s") else [])


# A dateline: a place in capitals opening a paragraph or a sentence, then a dash, a colon, "(AP)" or a
# comma and the state or country ("FREMONT — ...", "BEIRUT: ...", "CARTHAGE, N.C. (AP) - ...").
_DATELINE = re.compile(r"(?:^|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=[.!?]\s\s\s))[ \t]*"
                       r"([A-Z][A-Z'’.\-]*[A-Z](?:[ \t]+[A-Z][A-Z'’.\-]*[A-Z]){0,3})"
                       r"(?=[ \t]*(?:—|–|--|-[ \t]|:[ \t]|\(|”|,[ \t]+[A-Z]))")


def _dateline_mentions(sdoc, gaz: Gazetteer, covered: list[bool]) -> list[Mention]:
    """Places named in capitals by a dateline, which the recogniser, trained on mixed case, misses."""
    out = []
    for m in _DATELINE.finditer(sdoc.text):
        start, end = m.span(1)
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or any(covered[t.i] for t in span) or len(m.group(1).replace(".", "")) < 3:
            continue
        key = name_key(m.group(1))
        cands = [(e, alias) for e, alias in gaz.lookup_key(key)
                 if e.kind in ("country", "admin1", "region") or not alias and e.kind in ("city", "admin2")]
        if cands and key not in GENERIC:
            out.append(Mention(start, end, m.group(1), key, "dateline", None, cands))
    return out


def _abbreviation_mentions(sdoc, gaz: Gazetteer, covered: list[bool]) -> list[Mention]:
    """AP-style state abbreviations after a comma ("Springfield, Ill."), and a lawmaker's state
    after a party letter and a dash ("Clyburn, D-S.C.", "Rahall, D-W. Va.", "Cruz (R-TX)", "R-Texas").
    One with a period inside ("S.C.", "N.J.", "W.Va.") is no word of English and stands alone too
    ("set to open in S.C. today", "the S.C. Highway Patrol"); "Ill." or "Mass." alone may be one."""
    out = []
    for t in sdoc[1:]:
        prev = sdoc[t.i - 1]
        party = prev.text == "-" and t.i >= 2 and sdoc[t.i - 2].text in PARTY_LETTERS
        dotted = t.text in STATE_ABBREVIATIONS and "." in t.text[:-1]
        if prev.text != "," and not party and not dotted or covered[t.i]:
            continue
        nxt = sdoc[t.i + 1] if t.i + 1 < len(sdoc) else None
        end = t.idx + len(t.text)
        if t.text.endswith("."):
            text = t.text
            if nxt is not None and nxt.text.endswith(".") and (t.text + nxt.text) in STATE_ABBREVIATIONS:
                text, end = t.text + nxt.text, nxt.idx + len(nxt.text)  # "W. Va." split in two
        elif nxt is not None and nxt.text == "." and nxt.idx == end:
            text, end = t.text + ".", end + 1
        else:
            text = t.text
        state = STATE_ABBREVIATIONS.get(text) or (POSTAL_CODES.get(text) or text if party else None)
        if state is None:
            continue
        cands = [(e, alias) for e, alias in gaz.lookup(state) if e.kind == "admin1" and e.country == "USA"
                 or e.kind == "admin1" and text in STATE_ABBREVIATIONS]
        if cands:
            out.append(Mention(t.idx, end, sdoc.text[t.idx:end], name_key(state), "abbreviation", None, cands))
    return out


def _joined_entities(sdoc, gaz: Gazetteer) -> list:
    """The doc's entities, with place entities that the recogniser cut at a connector joined again
    when together they are one gazetteer name: "Democratic Republic" + "of the" + "Congo"."""
    ents = list(sdoc.ents)
    out = []
    k = 0
    while k < len(ents):
        ent = ents[k]
        if ent.label_ in PLACE_LABELS and k + 1 < len(ents) and ents[k + 1].label_ in PLACE_LABELS:
            nxt = ents[k + 1]
            between = sdoc[ent.end:nxt.start]
            if all(t.lower_ in CONNECTORS or t.lower_ == "the" for t in between) and (
                    len(between) or ent[-1].lower_ in CONNECTORS | {"the"}):
                toks = _trim(sdoc[ent.start:nxt.end], compass=False)
                text = sdoc.text[toks[0].idx:toks[-1].idx + len(toks[-1].text)] if toks else ""
                if text and gaz.lookup_key(name_key(text)):
                    out.append(Span(sdoc, ent.start, nxt.end, label=ent.label_))
                    k += 2
                    continue
        out.append(ent)
        k += 1
    return out


def find_toponyms(sdoc, gaz: Gazetteer) -> tuple[list[Mention], list[tuple[int, int, list[str]]]]:
    """Place mentions of a spaCy doc, in text order, and its demonyms as (start, end, ISO3 codes)."""
    mentions: list[Mention] = []
    demonyms: list[tuple[int, int, list[str]]] = []
    blocked = [False] * len(sdoc)
    named_as = [""] * len(sdoc)  # what the recogniser took a one-word name for (see _matcher_ok)
    for t in _company_words(sdoc):
        named_as[t] = "company"
    surnames: dict[str, int] = {}  # last word of a full person name -> where the name ends
    for ent in _joined_entities(sdoc, gaz):
        if ent.label_ == "PERSON" and len(ent) > 1:
            surnames.setdefault(ent[-1].text, ent.end)
        if _surname_alone(ent, surnames, gaz):
            for k in range(ent.start, ent.end):
                blocked[k] = True
                named_as[k] = "person"
            continue
        if ent.label_ in PLACE_LABELS and ent.text.casefold() in media_countries():
            for k in range(ent.start, ent.end):  # "Xinhua reported": the agency, not Xinhua county
                blocked[k] = True
                named_as[k] = "company"
            continue
        if ent.label_ in PLACE_LABELS or _a_country_taken_for_a_person(ent, gaz):
            found = _entity_mentions(ent, gaz)
            mentions += found
            if found or ent.label_ != "FAC":
                for k in range(ent.start, ent.end):
                    blocked[k] = True
        elif ent.label_ == "PERSON" and _demonym(gaz, ent.text):  # "Sri Lankan" read as a name
            demonyms.append((ent.start_char, ent.end_char, _demonym(gaz, ent.text)))
            for k in range(ent.start, ent.end):
                blocked[k] = True
        elif ent.label_ == "PERSON" and any(t.text in DIVISION_WORDS for t in ent[1:]):
            pass  # no one is named "Anderson County Sheriff": a division's office, its place to the matcher
        elif ent.label_ == "PERSON":
            for k in range(ent.start, ent.end):
                if len(ent) > 1:  # "Xi Jinping", "Michael Jordan"
                    blocked[k] = True
                named_as[k] = "person"
        elif ent.label_ in ("ORG", "PRODUCT") and len(ent) == 1 and ent.text.isupper() and len(ent.text) > 2:
            named_as[ent.start] = "company"  # an organisation's abbreviation ("the GAO"), not a town in capitals
        elif ent.label_ == "NORP":
            toks = _trim(ent, compass=False)
            codes = _demonym(gaz, sdoc.text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]) if toks else []
            if codes:
                demonyms.append((toks[0].idx, toks[-1].idx + len(toks[-1].text), codes))
    for t in sdoc:  # a surname alone that no entity covers ('"...," Rubio tweeted'): the matcher reads it as a person's
        if surnames.get(t.text, len(sdoc)) <= t.i and not named_as[t.i]:
            named_as[t.i] = "person"
    towns = _towns_taken_for_people(sdoc, named_as, surnames)
    for t in sdoc:
        if t.text in towns and named_as[t.i] == "person":
            named_as[t.i] = ""
    covered = [False] * len(sdoc)
    _cover(sdoc, mentions, covered)
    mentions += _dateline_mentions(sdoc, gaz, covered)
    _cover(sdoc, mentions, covered)
    mentions += _abbreviation_mentions(sdoc, gaz, covered)
    _cover(sdoc, mentions, covered)
    mentions += _matcher_mentions(sdoc, gaz, [b or c for b, c in zip(blocked, covered)], named_as)
    mentions += _repeated_mentions(sdoc, gaz, mentions, [b or c for b, c in zip(blocked, covered)])
    # demonyms the NER did not label NORP ("Chinese President")
    _cover(sdoc, mentions, covered)
    demonyms = [d for d in demonyms if not any(m.start < d[1] and d[0] < m.end for m in mentions)]
    for t in sdoc:
        if not blocked[t.i] and not covered[t.i] and (t.pos_ in ("ADJ", "PROPN", "NOUN") or untagged(t)) and t.text[:1].isupper():
            codes = _demonym(gaz, t.text)
            if codes and not any(s <= t.idx < e for s, e, _ in demonyms):
                demonyms.append((t.idx, t.idx + len(t.text), codes))
    # a name that names a disease once names it wherever it is no "where" ("Marburg virus ... Because
    # Marburg kills more slowly"; not "the outbreak began in Reston, Virginia")
    disease = [_names_a_disease(sdoc, m) for m in mentions]
    diseases = {m.key for m, d in zip(mentions, disease) if d}
    mentions = [m for m, d in zip(mentions, disease) if not d and (m.key not in diseases or _said_where(sdoc, m))]
    for m in mentions:
        _state_named(sdoc, m)
    mentions.sort(key=lambda m: m.start)
    return mentions, demonyms


def _state_named(sdoc, m: Mention) -> None:
    """"Washington state", "New York state", "Punjab province": a division word in lower case after
    the name says it is the division, not the town of that name."""
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.end >= len(sdoc):
        return
    word = sdoc[span.end].text
    if word not in DIVISION_SUFFIXES - {"region"} or not word.islower():
        return  # "the Charlotte region" is the city's area
    divisions = [(e, alias) for e, alias in m.candidates if e.kind in ("admin1", "admin2")]
    if divisions:
        m.candidates = divisions


# Words after a place's name that make it the name of a disease or its agent ("Reston ebolavirus",
# "Marburg hemorrhagic fever", "West Nile virus", "Lassa fever"): no place in the story.
DISEASE_WORDS = frozenset({"virus", "ebolavirus", "fever", "hemorrhagic", "haemorrhagic", "encephalitis",
                           "disease"})


def _said_where(sdoc, m: Mention) -> bool:
    """Whether the mention is said as a place: after a preposition of where ("in Reston") or with its
    division or country after a comma ("Reston, Virginia")."""
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    before = sdoc[span.start - 1].lower_ if span.start > 0 else ""
    after = sdoc[span.end:span.end + 2]
    return before in LOCATIVE_PREPS or len(after) == 2 and after[0].text == "," and after[1].ent_type_ == "GPE"


def _names_a_disease(sdoc, m: Mention) -> bool:
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.end < len(sdoc) and sdoc[span.end].lower_ in DISEASE_WORDS
