"""What the story stage looks at in one article: words, who, where, when.

Two reports of the same kind of happening (two earthquakes, two shootings)
share most topic words; what tells them apart is *who* (the people and
organisations named), *where* (the places) and *when* (publication date, the
dates and years the text mentions). So an article's features are one sparse
bag with a prefix per kind, each kind weighted on its own:

* ``w:`` content words (lower-cased, stop words dropped),
* ``n:`` names of people, organisations, groups, facilities, works, and
  actors when the actors stage ran (a person's surname is added on its own,
  so "Tara Reid" and a later "Reid" meet),
* ``p:`` places (the places stage's names when present, else GPE/LOC/FAC
  entities),
* ``y:`` years the text mentions (from times when present, else DATE entities),
* ``f:`` figures the text reports (magnitudes, tolls, sums, counts, ranks), which
  weigh nothing in the similarity and serve the who-and-what check only: the
  figures an article's lead reports (``ArticleFeatures.figures``) are the ones
  the other reports of the same happening repeat.

Beside the bag, an article's *passages* (:func:`passages`): fingerprints of its
six-word runs. Reports of one happening share passages even when their
bags differ (an outlet's rewrite of wire copy, the same police statement or
quote), which two happenings of one kind almost never do.

Features are computed from a :class:`~eventwire.document.Document` or from
its stored JSON record, whichever annotations exist; nothing here needs a
stage that may be missing.
"""
from __future__ import annotations

import base64
import bisect
import datetime as dt
import math
import re
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..actors.coref import LEGAL_FORMS
from ..document import is_named_actor
from ..headline import pieces, says_something, time_spans
from ..time.lexicon import ZONES

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^(\d{4}-[01]\d)(?:-[0-3]\d)?$")
_LEADING = re.compile(r"^(the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")

# The lead (title and first sentences) states who did what, where and when: its features count extra.
LEAD_SENTENCES = 2
LEAD_BOOST = 2
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "FAC"})
FIGURE_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
# Time zones the recogniser takes for organisations ("10:21 GMT"): nobody's name. The nlp component drops
# them now (clean_entities); records stored by an earlier version still hold them.
TIME_ZONES = frozenset(z.lower() for z in ZONES)
# Words that carry no topic even though they are not stop words in news text.
_NEWS_FILLER = frozenset({"said", "says", "told", "according", "reported", "report", "reports", "reuters",
                          "news", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                          "sunday", "year", "years", "week", "month", "today", "yesterday", "percent",
                          "mr", "mrs", "ms", "also", "just", "like", "new", "time"})


# How a company's name ends when it says what kind of company it is rather than which: its legal form (the
# actors stage's LEGAL_FORMS, and the abbreviations of a few more) and the trade words that outlets vary
# ("Tallgrass Distributors Ltd", "Tallgrass Distribution").
_COMPANY_FORMS = frozenset(f.lower() for f in LEGAL_FORMS) | frozenset({
    "incorporated", "company", "llp", "lp", "sa", "nv", "bv", "spa", "pty", "pte", "oy", "ab", "as", "holding",
    "distribution", "distributors", "distributing", "services", "industries", "enterprises", "products",
    "systems", "technologies", "solutions", "partners", "associates", "trading", "manufacturing",
    "international", "intl", "worldwide", "&"})


def company_name(key: str) -> str:
    """A company's name key (:func:`normalise_name`) less the words that end it by saying what kind of
    company it is: "tallgrass distributors ltd" and "tall grass distribution limited" name "tallgrass" and
    "tall grass". Reports of one happening write a company's name in full, shortened or with another
    trade word; the words before are the ones that tell which company. A name that is only such words
    ("International Group") is returned as it is."""
    words = key.replace(",", " ").split()
    end = len(words)
    while end > 1 and words[end - 1].strip(".") in _COMPANY_FORMS:
        end -= 1
    if end == len(words) or words[0].strip(".") in _COMPANY_FORMS:
        return key
    return " ".join(words[:end])


def normalise_name(text: str) -> str:
    """A name as a matching key: :func:`display_name` lower-cased."""
    return display_name(text).lower()


@dataclass
class ArticleFeatures:
    """One article's story features (see the module docstring for the kinds)."""

    article_id: str
    outlet: str | None = None
    published: dt.date | None = None
    counts: dict[str, int] = field(default_factory=dict)  # prefixed feature -> occurrences
    days: list[dt.date] = field(default_factory=list)  # full dates the text resolves to
    title: str | None = None
    # who the lead is about: the participants its names point at (see lead_participants)
    lead: list[list[str]] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)  # the figures the lead reports (``f:`` keys)
    passages: array = field(default_factory=lambda: array("I"))  # fingerprints of its six-word runs (passages())
    # how the text writes its strongest names and places (``n:``/``p:`` key -> "Yoko Kamikawa"), for
    # story summaries: the keys are lower-cased for matching
    display: dict[str, str] = field(default_factory=dict)
    # who the lead says acted: the keys of each named actor that is the source of a lead event (lead_agents)
    agents: list[list[str]] = field(default_factory=list)
    # the months ("2005-06") the text names a date in: a report long after a happening that names its
    # month ("convicted in an April 2007 shooting") is a follow-up of it (cluster.Story.recalled_by)
    recalls: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"counts": self.counts, "days": [d.isoformat() for d in self.days], "title": self.title,
                "lead": self.lead, "figures": self.figures,
                "passages": base64.b64encode(array("I", self.passages).tobytes()).decode("ascii"),
                "display": self.display, "agents": self.agents, "recalls": self.recalls}

    @classmethod
    def from_json(cls, article_id: str, outlet: str | None, published: dt.date | None,
                  data: dict[str, Any]) -> "ArticleFeatures":
        packed = array("I")
        packed.frombytes(base64.b64decode(data.get("passages") or ""))
        return cls(article_id, outlet, published, data.get("counts", {}),
                   [dt.date.fromisoformat(d) for d in data.get("days", [])], data.get("title"),
                   list(data.get("lead", [])), list(data.get("figures", [])), packed, dict(data.get("display", {})),
                   [list(k) for k in data.get("agents", [])], list(data.get("recalls", [])))


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _DAY.match(value[:10]):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def words(text: str) -> list[str]:
    """Content words of ``text``: lower-cased, no stop words, no news filler, 3+ letters."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group(0).lower().strip("'-")
        if len(w) >= 3 and w not in STOP_WORDS and w not in _NEWS_FILLER:
            out.append(w)
    return out


def from_record(rec: dict[str, Any]) -> ArticleFeatures:
    """Features of one stored article record (``Document.to_dict()`` shape)."""
    counts: Counter[str] = Counter()
    text = rec.get("text") or ""
    src = rec.get("source") or {}
    title = src.get("title")
    sents = rec.get("sentences") or []
    times = time_spans(rec)
    lead_end = lead_span(text, sents, times)
    for w in words(text):
        counts["w:" + w] += 1
    for w in words(text[:lead_end]) + words(title or ""):  # the lead says what happened: it counts more
        counts["w:" + w] += LEAD_BOOST
    # a named actor's name is a name; a country or sector actor ("Greek police") is no one in particular
    actor_names = {a.get("id"): a.get("name") for a in rec.get("actors") or [] if is_named_actor(a.get("id"))}
    shown: dict[str, str] = {}
    for e in rec.get("entities") or []:
        label = e.get("label")
        written = display_name(e.get("text", ""))
        key = written.lower()  # normalise_name
        if not key or len(key) < 2 or key in TIME_ZONES:
            continue
        n = 1 + (LEAD_BOOST if e.get("start", lead_end) < lead_end else 0)
        if label in NAME_LABELS:
            counts["n:" + key] += n
            _show(shown, "n:" + key, written)
            if label == "PERSON" and " " in key:
                counts["n:" + key.rsplit(" ", 1)[1]] += n
                _show(shown, "n:" + key.rsplit(" ", 1)[1], written.rsplit(" ", 1)[-1])
            if label == "ORG" and (short := company_name(key)) != key:
                counts["n:" + short] += n
        if label in PLACE_LABELS:
            counts["p:" + key] += n
            _show(shown, "p:" + key, written)
        if label in ("DATE",):
            for y in _YEAR.findall(e.get("text", "")):
                counts["y:" + y] += 1
        actor = actor_names.get(e.get("actor"))
        if actor and normalise_name(actor) != key:
            counts["n:" + normalise_name(actor)] += 1
            _show(shown, "n:" + normalise_name(actor), actor)
    for p in rec.get("places") or []:
        if p.get("kind") == "region" and not p.get("country"):
            continue  # a sea, a continent, the Middle East: where two happenings of a kind both are
        for key, written in dict(((normalise_name(p.get("name") or ""), p.get("name") or ""),
                                  (normalise_name(p.get("text") or ""), p.get("name") or p.get("text") or ""))).items():
            if key:
                counts["p:" + key] += 1
                _show(shown, "p:" + key, display_name(written))
        if p.get("country"):
            counts["p:" + p["country"].lower()] += 1
    days, recalls = [], set()
    for t in rec.get("times") or []:
        value = t.get("value") or ""
        m = _YEAR.match(value)
        if m and (t.get("type") in (None, "DATE")):
            counts["y:" + m.group(1)] += 1
            month = _MONTH.match(value)
            if month:
                recalls.add(month.group(1))
        d = _date(value)
        if d:
            days.append(d)
    for e in rec.get("events") or []:
        d = _date((e.get("date") or {}).get("value"))
        if d:
            days.append(d)
    published = _date(src.get("published"))
    asides = [(s["start"], s["end"]) for s in pieces(text, sents) if not says_something(text, s, times)]
    lead_figures = []
    for value, in_lead in reported_figures(rec, asides + times, lead_end):
        counts["f:" + value] += 1
        if in_lead:
            lead_figures.append("f:" + value)
    strongest = sorted((f for f in shown if f in counts), key=lambda f: -counts[f])[:DISPLAY_PER_ARTICLE]
    return ArticleFeatures(rec["id"], src.get("outlet"), published, dict(counts), sorted(set(days)), title,
                           [keys for keys in lead_participants(rec, lead_end, times, asides)
                            if max(counts.get("n:" + k, 0) for k in keys) >= 1 + LEAD_BOOST + 1],
                           list(dict.fromkeys(lead_figures)), passages(text), {f: shown[f] for f in strongest},
                           lead_agents(rec, lead_end, asides), sorted(recalls))


DISPLAY_PER_ARTICLE = 20  # names and places per article whose written form is kept (a story's summary shows 8 + 5)


def display_name(text: str) -> str:
    """A name as a summary shows it: as written, less a leading article, a possessive and line breaks."""
    s = " ".join(text.split()).strip(" .,;:\"'`“”‘’()[]-")
    return _POSSESSIVE.sub("", _LEADING.sub("", s))


def _show(shown: dict[str, str], key: str, written: str) -> None:
    """Keep the first way the text writes ``key``, unless it was in capitals ("BEIRUT") and this is not."""
    old = shown.get(key)
    if written and (old is None or old.isupper() and not written.isupper()):
        shown[key] = written


_PASSAGE_WORD = re.compile(r"[a-z0-9]+")
PASSAGE_WORDS = 6  # words per passage: long enough that two reports share one by copying, not by chance
PASSAGE_CONTENT = 3  # content words a passage needs ("he said that it was the" is anyone's)
PASSAGE_WINDOW = 4  # winnowing: one fingerprint from every this many consecutive passages
MAX_PASSAGES = 200  # an article's first fingerprints (the lead and first paragraphs: what rewrites keep)


def passages(text: str) -> array:
    """Fingerprints of the text's passages: of its runs of ``PASSAGE_WORDS`` words (lower-cased,
    punctuation dropped) that hold ``PASSAGE_CONTENT`` content words, the CRC-32 hashes that
    winnowing keeps (the smallest of every ``PASSAGE_WINDOW`` consecutive ones, as MOSS does for
    copied code), the first ``MAX_PASSAGES`` of them.

    Two reports of one happening share such runs when one outlet rewrites another's copy or both
    carry the same statement; two happenings of one kind, described in their own words, do not.
    Winnowing keeps any shared stretch of ``PASSAGE_WORDS + PASSAGE_WINDOW - 1`` words visible
    while one shared phrase yields one or two fingerprints, not one per word of overlap, so a
    count of shared fingerprints counts shared stretches of text. CRC-32 is stable across
    processes (workers compute these) and compact (an ``array`` of 32-bit values)."""
    toks = _PASSAGE_WORD.findall(text.lower())
    content = [not t.isdigit() and t not in STOP_WORDS for t in toks]
    n, w = PASSAGE_WORDS, PASSAGE_WINDOW
    hashes = [zlib.crc32(" ".join(toks[i:i + n]).encode()) if sum(content[i:i + n]) >= PASSAGE_CONTENT else None
              for i in range(len(toks) - n + 1)]
    out: dict[int, None] = {}
    last = -1
    for i in range(max(0, len(hashes) - w + 1)):
        window = [(h, -j) for j, h in enumerate(hashes[i:i + w], i) if h is not None]
        if not window:
            continue
        h, j = min(window)  # the smallest hash, the rightmost on a tie
        if -j != last:
            last = -j
            out[h] = None
            if len(out) >= MAX_PASSAGES:
                break
    return array("I", out)


_NUMBER_WORDS = {w: str(i) for i, ws in enumerate([
    (), (), ("two", "second"), ("three", "third"), ("four", "fourth"), ("five", "fifth"), ("six", "sixth"),
    ("seven", "seventh"), ("eight", "eighth"), ("nine", "ninth"), ("ten", "tenth"), ("eleven", "eleventh"),
    ("twelve", "twelfth")]) for w in ws}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def figures(text: str) -> list[str]:
    """The numbers a figure states, normalised ('5. 9' and '5.9', '120, 000' and '120000', 'seventh'
    and '7'); 0 and 1 ('one of', 'first time') tell no happening from another."""
    t = re.sub(r"(\d)\s*\.\s*(\d)", r"\1.\2", text)
    t = re.sub(r"(\d)\s*,\s*(\d{3})\b", r"\1\2", t)
    out = [m.group(0) for m in _NUMBER.finditer(t)]
    out += [_NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", t.lower()) if w in _NUMBER_WORDS]
    out = [x.rstrip("0").rstrip(".") if "." in x else x.lstrip("0") for x in out]
    return [x for x in dict.fromkeys(out) if x not in ("", "1")]


def reported_figures(rec: dict[str, Any], skip: list[tuple[int, int]], lead_end: int) -> list[tuple[str, bool]]:
    """(value, in the lead) for each figure the text reports (numbers, sums, percentages, ranks),
    leaving out those in ``skip`` spans (datelines, bylines, time expressions: '7:15 a.m.')."""
    out = []
    for e in rec.get("entities") or []:
        start, end = e.get("start", -1), e.get("end", -1)
        if e.get("label") in FIGURE_LABELS and not any(a < end and start < b for a, b in skip):
            out += [(value, start < lead_end) for value in figures(e.get("text", ""))]
    return out


def lead_span(text: str, sents: list[dict[str, Any]], times: list[tuple[int, int]]) -> int:
    """Where the lead ends: after the first ``LEAD_SENTENCES`` sentences that say something
    (:func:`eventwire.headline.says_something`); datelines and bylines on the way are inside the span
    but do not count."""
    if not sents:
        return min(len(text), 300)
    full = 0
    for s in pieces(text, sents):
        if says_something(text, s, times):
            full += 1
            if full == LEAD_SENTENCES:
                return s["end"]
    return sents[-1]["end"]


def lead_participants(rec: dict[str, Any], lead_end: int, times: list[tuple[int, int]],
                      asides: list[tuple[int, int]]) -> list[list[str]]:
    """Who the lead says took part: one entry per person, organisation or facility it names, each
    its kind (``PERSON``, ``ORG``, ``FAC``) then the keys that name it (the name, a person's surname,
    the actor it resolves to). Two reports of one happening name the same participants; two
    happenings of one kind (two fights, two hirings) differ in at least one (the opponent, the club).

    Names that only tell where the report comes from are no participants: a quote's speaker or an
    "according to" source ("Dan Patrick reported that ..."), and names in datelines and bylines
    (the ``asides`` spans)."""
    spans = [sp for sp in asides if sp[0] < lead_end]
    # a name seen in a dateline or byline anywhere ('22:07 GMT', 'Post') is furniture, not a participant
    furniture = {normalise_name(e.get("text", "")) for e in rec.get("entities") or []
                 if any(a <= e.get("start", -1) < b for a, b in asides)}
    for q in rec.get("quotes") or []:
        spans += [(x["start"], x["end"]) for x in [q.get("speaker")] + (q.get("according_to") or [])
                  if x and x.get("start") is not None]
    spans += [(a, b) for a, b in times if a < lead_end]
    actor_names = {a.get("id"): a.get("name") for a in rec.get("actors") or []}
    out: dict[str, list[str]] = {}
    for e in rec.get("entities") or []:
        start, end, label = e.get("start", lead_end), e.get("end", lead_end), e.get("label")
        if start >= lead_end or label not in PARTICIPANT_LABELS or any(a < end and start < b for a, b in spans):
            continue
        key = normalise_name(e.get("text", ""))
        if len(key) < 2 or not _WORD.search(key) or key in furniture or key in TIME_ZONES:
            continue
        keys = [key]
        if label == "PERSON" and " " in key:
            keys.append(key.rsplit(" ", 1)[1])
        if label == "ORG":
            keys.append(company_name(key))
        actor = actor_names.get(e.get("actor"))
        if actor:
            keys.append(normalise_name(actor))
        out.setdefault(label + ":" + keys[-1 if label == "PERSON" and " " in key else 0], [label] + keys)
    return [list(dict.fromkeys(v)) for v in out.values()]


# Event roots whose source is who speaks or asks (make a statement, appeal), not who acts.
_SPEECH_ROOTS = frozenset({"01", "02"})


def lead_agents(rec: dict[str, Any], lead_end: int, asides: list[tuple[int, int]]) -> list[list[str]]:
    """Who the lead says acted: for each named actor that is the source of an event the lead
    reports (not a statement or an appeal, whose source is a speaker), the keys that name it (the
    name, its last word, the actor). Two happenings of one kind differ in who acted even where
    both reports name both parties ("the Red Sox made an offer", "the Angels made an offer", and
    each report names the other club as a rival). The known actor a lead sentence opens with is
    one too, coded or not (:func:`lead_subjects`). The first key, the name's last word, stands
    for the party."""
    out: dict[str, list[str]] = {}
    for e in rec.get("events") or []:
        trigger = e.get("trigger") or {}
        start = trigger.get("start", lead_end)
        if start >= lead_end or any(a <= start < b for a, b in asides):
            continue
        if str(e.get("cameo_root") or e.get("cameo") or "")[:2] in _SPEECH_ROOTS:
            continue
        for src in e.get("source") or []:
            actor = src.get("actor") or ""
            if not is_named_actor(actor):  # a named actor, not a country or a sector
                continue
            keys = _agent_keys(actor, src.get("name") or "")
            if keys:
                out.setdefault(actor, keys)
    for actor, name in lead_subjects(rec, lead_end, asides):
        keys = _agent_keys(actor, name)
        if keys:
            out.setdefault(actor, keys)
    return list(out.values())


def _agent_keys(actor: str, name: str) -> list[str]:
    """The keys that name a party (empty for no usable name): the name's last word first, so that
    "Angels" and "Los Angeles Angels" meet, then the name, then the actor id."""
    key = normalise_name(name)
    if len(key) < 2 or not _WORD.search(key) or key in TIME_ZONES:
        return []
    return list(dict.fromkeys([key.rsplit(" ", 1)[-1], key, actor]))


# What may stand before a lead sentence's subject: "The", a dateline ("WASHINGTON (AP) -- ").
_BEFORE_SUBJECT = re.compile(r"(?:[A-Z][A-Za-z0-9 .,()]*?(?:\s[-\u2013\u2014]+|--)\s*)?(?:[Tt]he\s+)?")


def lead_subjects(rec: dict[str, Any], lead_end: int, asides: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """(actor id, name) of the known actor (one the knowledge base holds: ``kb:``, ``org:``) that opens a lead
    sentence, its subject in the order news writes ("The Bush administration issued ...", "Obama
    overturns ..."): the doer, even of an act no event code covers (issuing a rule, reversing one).
    A name not in the knowledge base is left out: its written forms vary from report to report
    ("Obama Administration", "the administration"), and two forms would read as two parties."""
    text = rec.get("text") or ""
    names = {a.get("id"): a.get("name") or "" for a in rec.get("actors") or []}
    mentions = sorted((s, a.get("id")) for a in rec.get("actors") or [] for s, _ in a.get("mentions") or [])
    starts = [s for s, _ in mentions]
    out = []
    for piece in pieces(text, rec.get("sentences") or []):
        if piece["start"] >= lead_end:
            break
        if any(a <= piece["start"] < b for a, b in asides):
            continue
        i = bisect.bisect_left(starts, piece["start"])
        if i == len(mentions) or mentions[i][0] >= piece["end"]:
            continue
        start, actor = mentions[i]
        if str(actor).startswith(("kb:", "org:")) and _BEFORE_SUBJECT.fullmatch(text, piece["start"], start):
            out.append((actor, names[actor]))
    return out


@dataclass
class Weights:
    """How much each feature kind counts, relative to content words."""

    words: float = 1.0
    names: float = 3.0
    places: float = 1.0
    years: float = 1.0
    figures: float = 0.0  # figures count in the who-and-what check only (cluster.Settings.what_figures)
    max_features: int = 80  # an article's vector keeps its strongest features only

    def of(self, feature: str) -> float:
        kind = feature[:2]
        return {"w:": self.words, "n:": self.names, "p:": self.places, "y:": self.years,
                "f:": self.figures}.get(kind, 1.0)


def vector(counts: dict[str, int], idf, weights: Weights) -> dict[str, float]:
    """A unit-length TF-IDF vector (log tf × idf × kind weight), strongest features only."""
    raw = {f: (1.0 + math.log(c)) * idf(f) * w for f, c in counts.items() if c > 0 and (w := weights.of(f)) > 0}
    if len(raw) > weights.max_features:
        raw = dict(sorted(raw.items(), key=lambda kv: -kv[1])[:weights.max_features])
    norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
    return {f: v / norm for f, v in raw.items()}
