"""The one document object every stage reads and writes.

A :class:`Document` owns the article's raw text, its repaired ``text`` and the
list of repairs between them; every annotation is a record whose ``start`` and
``end`` are character offsets into ``text`` (the spaCy ``Doc``/``Span`` idea).
Nothing is normalised in place: :meth:`Document.raw_offset` maps any offset in
``text`` back to the raw input through the recorded repairs.

The records mirror the public JSON contract in ``SCHEMA.md``;
:meth:`Document.to_dict` produces exactly that shape and the JSON Schema in
``eventwire/schema/document.schema.json`` checks it.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1"


@dataclass
class Source:
    """Where an article came from, as far as the reader could tell."""

    path: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date
    published_basis: str | None = None  # metadata | argument | inferred | None


@dataclass
class Repair:
    """One text repair: ``text[start:end] == after`` replaced ``before`` of the raw text."""

    start: int
    end: int
    before: str
    after: str
    rule: str


@dataclass
class Sentence:
    start: int
    end: int
    tone: float | None = None  # VADER compound score in [-1, 1], set by the tone stage


@dataclass
class Entity:
    text: str
    start: int
    end: int
    label: str
    actor: str | None = None


# Ids of actors that are one named party: a person or organisation of the knowledge base (``kb:``,
# ``org:``) or one the text names (``unk:``). Other ids are a country or a country's sector ("USA",
# "GRCCOP"): a category every report about that country shares, not anyone in particular.
NAMED_ACTOR_PREFIXES = ("kb:", "unk:", "org:")


def is_named_actor(actor_id: str | None) -> bool:
    """Whether ``actor_id`` stands for one named party (see ``NAMED_ACTOR_PREFIXES``)."""
    return bool(actor_id) and actor_id.startswith(NAMED_ACTOR_PREFIXES)


@dataclass
class Actor:
    id: str
    name: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    mentions: list[list[int]] = field(default_factory=list)


@dataclass
class Argument:
    """An event's source or target: an actor as mentioned at ``[start, end)``."""

    actor: str | None
    name: str
    code: str | None
    country: str | None
    start: int
    end: int


@dataclass
class Trigger:
    text: str
    start: int
    end: int


@dataclass
class Event:
    id: str
    sentence: int
    source: list[Argument]
    target: list[Argument]
    trigger: Trigger
    cameo: str
    cameo_root: str
    plover: dict[str, Any]
    goldstein: float
    quad_class: int
    negated: bool = False
    modality: str = "asserted"
    date: dict[str, Any] | None = None
    place: dict[str, Any] | None = None
    reported_by: list[dict[str, Any]] = field(default_factory=list)
    confidence: float = 0.0


@dataclass
class Quote:
    text: str
    start: int
    end: int
    direct: bool
    speaker: dict[str, Any] | None = None
    cue: dict[str, Any] | None = None
    according_to: list[dict[str, Any]] = field(default_factory=list)
    sentence: int | None = None  # index of the sentence the quote starts in
    kind: str | None = None  # cue meaning: speech | report | directive | cognition | evaluation | according_to | none
    continues: int | None = None  # index of the quote this one continues (split or multi-paragraph quote)
    within: int | None = None  # index of the indirect quote this partial direct quote lies in
    events: list[str] = field(default_factory=list)  # ids of events coded from the quote's sentence


@dataclass
class TimeExpr:
    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str | None = None  # TIMEX3 value: 2022-06-15, 2022-02, 2022-W24, P3D, PRESENT_REF...
    mod: str | None = None  # early | mid | late | approx | more_than | less_than | equal_or_more | equal_or_less


@dataclass
class Place:
    text: str
    start: int
    end: int
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    kind: str = "other"
    # a capital or country standing for its government ("Beijing has not joined"): an actor, never
    # an event's location
    metonym: bool = False
    # an adjectival toponym ("Russian troops", "Palestinians"): names its country, never an event's location
    demonym: bool = False


@dataclass
class Tone:
    score: float = 0.0
    positive: float = 0.0
    negative: float = 0.0


_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=256)
def content_id(text: str) -> str:
    """Stable article id: sha256 of the NFC-normalised, whitespace-collapsed text.

    Cached for the texts last asked about: ``Document.id`` is read several
    times per article by the runner and the store (skipping, batching,
    writing), each a regular-expression pass over the whole text."""
    norm = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


# Annotation lists serialised into the record, in contract order.
ANNOTATIONS = ("sentences", "entities", "actors", "events", "quotes", "times", "places")


@dataclass
class Document:
    """One article: raw input, repaired text, repairs and offset annotations."""

    raw: str
    text: str
    source: Source = field(default_factory=Source)
    repairs: list[Repair] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    tone: Tone | None = None
    pipeline: dict[str, str] = field(default_factory=dict)
    # Working state shared between stages, never serialised (e.g. the spaCy Doc
    # under "spacy"). Stages document the keys they put here.
    user_data: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_raw(cls, raw: str, source: Source | None = None) -> "Document":
        """A document whose text is still the raw text (before the repair stage)."""
        return cls(raw=raw, text=raw, source=source or Source())

    @property
    def id(self) -> str:
        return content_id(self.text)

    def raw_offset(self, offset: int) -> int:
        """Map an offset in ``text`` back to the raw input through the repairs."""
        shift = 0
        for r in self.repairs:
            if r.end <= offset:
                shift += len(r.before) - len(r.after)
            elif r.start < offset:  # inside a repaired stretch: clamp to its start
                return r.start + shift
            else:
                break
        return offset + shift

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (-1 if none)."""
        for i, s in enumerate(self.sentences):
            if s.start <= offset < s.end:
                return i
        return -1

    def to_dict(self) -> dict[str, Any]:
        """The public JSON record (``SCHEMA.md``)."""
        asdict = dataclasses.asdict
        out: dict[str, Any] = {
            "id": self.id,
            "schema_version": SCHEMA_VERSION,
            "pipeline": dict(self.pipeline),
            "source": asdict(self.source),
            "text": self.text,
            "repairs": [asdict(r) for r in self.repairs],
        }
        for name in ANNOTATIONS:
            out[name] = [asdict(x) for x in getattr(self, name)]
        out["tone"] = asdict(self.tone) if self.tone is not None else None
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        """Rebuild a document from its record (e.g. from the store)."""
        events = []
        for e in d.get("events", []):
            e = dict(e)
            e["source"] = [Argument(**a) for a in e.get("source", [])]
            e["target"] = [Argument(**a) for a in e.get("target", [])]
            e["trigger"] = Trigger(**e["trigger"])
            events.append(Event(**e))
        return cls(
            raw=d.get("raw", d["text"]),
            text=d["text"],
            source=Source(**d.get("source", {})),
            repairs=[Repair(**r) for r in d.get("repairs", [])],
            sentences=[Sentence(**s) for s in d.get("sentences", [])],
            entities=[Entity(**e) for e in d.get("entities", [])],
            actors=[Actor(**a) for a in d.get("actors", [])],
            events=events,
            quotes=[Quote(**q) for q in d.get("quotes", [])],
            times=[TimeExpr(**t) for t in d.get("times", [])],
            places=[Place(**p) for p in d.get("places", [])],
            tone=Tone(**d["tone"]) if d.get("tone") else None,
            pipeline=d.get("pipeline", {}),
        )
