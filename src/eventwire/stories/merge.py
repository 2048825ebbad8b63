"""Cross-article event merging: one record per real event, every mention kept.

Coded events from different articles (and repeated mentions in one article)
describe the same real event when they agree on

* what: the same CAMEO root (so the same QuadClass), the same negation and
  the same kind of modality (what happened vs. what was planned or demanded);
* who: the same source and target actors up to coreference, compared by actor
  code (``CHNGOV`` whether the text says "Xi", "the Chinese president" or
  "Beijing"), else by the actor's canonical name; for mutual actions (consult,
  cooperate) the dyad may come in either order;
* when: event dates (or, without one, the article's publication date) at most
  ``date_window`` days apart;
* where: no clash of place countries, and coordinates within ``max_km``.

Each merged event counts its mentions, articles and distinct outlets, as
GDELT's NumMentions / NumArticles / NumSources do, and also the counts with
near-duplicate articles (wire copies, re-publications) discounted: one
original article per copy family. Those discounted counts are the honest ones.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass
from typing import Any

# CAMEO roots whose actions are mutual: "A consulted B" and "B consulted A" are one event.
SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})
_FACTUAL = frozenset({"asserted", "reported"})


@dataclass
class MergeSettings:
    date_window: int = 1
    undated_window: int = 2  # when an event has no date, its article's publication date, looser
    max_km: float = 150.0


def actor_key(code: str | None, name: str | None) -> str | None:
    if code:
        return code.upper()
    if name:
        return " ".join(name.lower().split())
    return None


@dataclass
class Mention:
    """One coded event in one article, with what merging compares."""

    article_id: str
    mention_id: str
    root: str | None
    negated: bool
    factual: bool
    source: str | None
    target: str | None
    day: dt.date | None
    dated: bool  # day is the event's own date (not the publication date)
    country: str | None
    lat: float | None
    lon: float | None
    # The original article this one copies (itself if none). A copy reports the
    # same events as its original even when it was republished later and its
    # relative dates ("on Monday") resolve to another day.
    family: str | None = None

    def __post_init__(self) -> None:
        if self.family is None:
            self.family = self.article_id

    @classmethod
    def from_row(cls, r: dict[str, Any], family: str | None = None) -> "Mention":
        day, dated = r.get("date"), True
        if day is None:
            day, dated = r.get("published"), False
        return cls(r["article_id"], r["id"], r.get("cameo_root"), bool(r.get("negated")),
                   (r.get("modality") or "asserted") in _FACTUAL,
                   actor_key(r.get("source_code"), r.get("source_actor_name") or r.get("source_name")),
                   actor_key(r.get("target_code"), r.get("target_actor_name") or r.get("target_name")),
                   day, dated, r.get("place_country"), r.get("place_lat"), r.get("place_lon"),
                   family)

    def block(self) -> tuple:
        dyad = (self.source, self.target)
        if self.root in SYMMETRIC_ROOTS:
            dyad = tuple(sorted(dyad, key=lambda x: x or ""))
        return (self.root, self.negated, self.factual) + dyad


def _km(a: Mention, b: Mention) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def same_event(a: Mention, b: Mention, s: MergeSettings) -> bool:
    """Whether two mentions in the same block (what + who) are one real event (when + where)."""
    if a.family == b.family and a.article_id != b.article_id:
        return True  # an article and its copy: same words, same events
    if a.family != a.article_id or b.family != b.article_id:
        return False  # a copy's own dates may be shifted; only its original speaks for when and where
    if a.day and b.day:
        window = s.date_window if (a.dated and b.dated) else s.undated_window
        if abs((a.day - b.day).days) > window:
            return False
    if a.country and b.country and a.country != b.country:
        return False
    if None not in (a.lat, a.lon, b.lat, b.lon) and _km(a, b) > s.max_km:
        return False
    return True


def merged_id(first_mention: Mention) -> str:
    h = hashlib.sha256(f"{first_mention.article_id}:{first_mention.mention_id}".encode()).hexdigest()
    return "ev_" + h[:16]


class EventMerger:
    """Merged events so far, by block; :meth:`assign` puts a new mention into one."""

    def __init__(self, settings: MergeSettings | None = None):
        self.settings = settings or MergeSettings()
        self.blocks: dict[tuple, list[tuple[str, list[Mention]]]] = {}

    def restore(self, event_id: str, m: Mention) -> None:
        for eid, members in self.blocks.setdefault(m.block(), []):
            if eid == event_id:
                members.append(m)
                return
        self.blocks[m.block()].append((event_id, [m]))

    def assign(self, m: Mention) -> str:
        """The merged event id for mention ``m`` (an existing one if it matches, else new)."""
        group = self.blocks.setdefault(m.block(), [])
        for eid, members in group:
            if any(same_event(m, o, self.settings) for o in members):
                members.append(m)
                return eid
        eid = merged_id(m)
        group.append((eid, [m]))
        return eid
