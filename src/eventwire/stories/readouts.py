"""Readouts: the different sources' accounts of one event or story, side by side.

An *account* is whoever the text credits for a claim: an event's
``reported_by`` ("state broadcaster CCTV reported"), a quote's
``according_to`` ("according to the Kremlin readout"), or failing both the
outlet that published the article. For a merged event, each account lists the
sentences its mentions come from and the quotes credited to it in those
articles; for a story, every credited claim in its articles, grouped the same
way. In the seed article that puts what CCTV's report of the Xi-Putin call
claims beside what the Kremlin's account claims.
"""
from __future__ import annotations

import json
from typing import Any

from ..errors import ParameterError


def _names(value: Any) -> list[str]:
    items = json.loads(value) if isinstance(value, str) else (value or [])
    return [i["name"] for i in items if isinstance(i, dict) and i.get("name")]


def _group(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    accounts: dict[str, dict[str, Any]] = {}
    for c in claims:
        for name in c.pop("accounts"):
            acc = accounts.setdefault(name, {"account": name, "outlets": [], "articles": [], "claims": []})
            if c["outlet"] and c["outlet"] not in acc["outlets"]:
                acc["outlets"].append(c["outlet"])
            if c["article_id"] not in acc["articles"]:
                acc["articles"].append(c["article_id"])
            if c not in acc["claims"]:
                acc["claims"].append(dict(c))
    return sorted(accounts.values(), key=lambda a: (-len(a["claims"]), a["account"]))


_EVENT_CLAIMS = """
SELECT em.article_id, a.outlet, e.id AS mention_id, e.cameo, e.trigger_text, e.reported_by, e.modality,
       e.negated, substr(a.text, s."start" + 1, s."end" - s."start") AS sentence
FROM event_mentions em
JOIN events e ON e.article_id = em.article_id AND e.id = em.mention_id
JOIN articles a ON a.id = em.article_id
LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
WHERE {where}
ORDER BY em.article_id, e.sentence
"""

_QUOTE_CLAIMS = """
SELECT q.article_id, a.outlet, q.text, q.direct, q.speaker_name, q.according_to
FROM quotes q JOIN articles a ON a.id = q.article_id
WHERE q.article_id IN ({ids})
ORDER BY q.article_id, q.idx
"""


def _claims(store, event_where: str, params: list[Any], article_ids: list[str],
            speakers: set[str] | None = None) -> list[dict[str, Any]]:
    claims = []
    for r in store.query(_EVENT_CLAIMS.format(where=event_where), params):
        accounts = _names(r["reported_by"]) or [r["outlet"] or "(unknown outlet)"]
        claims.append({"kind": "event", "article_id": r["article_id"], "outlet": r["outlet"],
                       "text": r["sentence"] or r["trigger_text"], "cameo": r["cameo"],
                       "modality": r["modality"], "negated": r["negated"], "accounts": accounts})
    if article_ids:
        marks = ", ".join("?" * len(article_ids))
        for r in store.query(_QUOTE_CLAIMS.format(ids=marks), article_ids):
            credited = _names(r["according_to"])
            speaker = r["speaker_name"]
            if speakers is not None and not credited and (speaker or "").lower() not in speakers:
                continue
            accounts = credited or [r["outlet"] or "(unknown outlet)"]
            claims.append({"kind": "quote", "article_id": r["article_id"], "outlet": r["outlet"],
                           "text": r["text"], "speaker": speaker, "direct": r["direct"], "accounts": accounts})
    return claims


def event_readouts(store, event_id: str) -> list[dict[str, Any]]:
    """The accounts of merged event ``event_id``, one per source credited."""
    ev = store.query("SELECT * FROM merged_events WHERE event_id = ?", [event_id])
    if not ev:
        raise ParameterError(f"no merged event '{event_id}'; list them with `eventwire story STORY_ID`",
                             input=event_id)
    articles = [r["article_id"] for r in store.query(
        "SELECT DISTINCT article_id FROM event_mentions WHERE event_id = ? ORDER BY 1", [event_id])]
    speakers = {(ev[0].get(k) or "").lower() for k in ("source_name", "target_name")} - {""}
    return _group(_claims(store, "em.event_id = ?", [event_id], articles, speakers))


def story_readouts(store, story_id: str) -> list[dict[str, Any]]:
    """Every credited claim in story ``story_id``'s articles, grouped by account."""
    articles = [r["article_id"] for r in store.query(
        "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY seq", [story_id])]
    return _group(_claims(store, "em.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ?)",
                          [story_id], articles))


def list_stories(store, *, limit: int = 50, offset: int = 0, search: str | None = None) -> list[dict[str, Any]]:
    """Stories, largest and newest first."""
    where, params = "", []
    if search:
        where = "WHERE title ILIKE '%' || ? || '%'"
        params.append(search)
    return store.query(
        f"SELECT story_id, title, first_published, last_published, n_articles, n_originals, n_outlets, n_events, "
        f"top_names, top_places FROM stories {where} "
        "ORDER BY n_originals DESC, n_articles DESC, last_published DESC NULLS LAST, story_id LIMIT ? OFFSET ?",
        params + [int(limit), int(offset)])


def current_story_id(store, story_id: str) -> str | None:
    """The story ``story_id`` names now: itself, or the story it was merged into (a story id once
    handed out keeps leading to its articles; see migration 011), or None if there is none."""
    if store.query("SELECT 1 FROM stories WHERE story_id = ?", [story_id]):
        return story_id
    if not store.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'story_aliases'"):
        return None  # a store made before aliases were kept
    rows = store.query("SELECT story_id FROM story_aliases WHERE alias = ?", [story_id])
    return rows[0]["story_id"] if rows else None


def story(store, story_id: str) -> dict[str, Any]:
    """One story: its row, articles (duplicates linked), merged events and readouts. The id of a
    story merged into another gives that story, with ``merged_from`` saying so."""
    asked, story_id = story_id, current_story_id(store, story_id)
    rows = store.query("SELECT * FROM stories WHERE story_id = ?", [story_id]) if story_id else []
    if not rows:
        raise ParameterError(f"no story '{asked}'; list them with `eventwire stories --db FILE`", input=asked)
    articles = store.query(
        "SELECT s.article_id, a.outlet, a.published, a.title, a.headline, s.duplicate_of, s.duplicate_similarity, "
        "s.story_score, "
        "(SELECT list(o.outlet ORDER BY o.first_seen) FROM occurrences o WHERE o.article_id = s.article_id) "
        "AS arrived_from "
        "FROM story_articles s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? ORDER BY s.seq",
        [story_id])
    events = store.query(
        "SELECT event_id, cameo, source_name, source_code, target_name, target_code, date, place_name, negated, "
        "modality, n_mentions, n_articles, n_sources, n_original_articles, n_original_mentions "
        "FROM merged_events WHERE event_id IN (SELECT em.event_id FROM event_mentions em "
        "JOIN story_articles s ON s.article_id = em.article_id WHERE s.story_id = ?) "
        "ORDER BY n_original_articles DESC, n_mentions DESC, event_id", [story_id])
    out = {"story": rows[0], "articles": articles, "events": events, "readouts": story_readouts(store, story_id)}
    if asked != story_id:
        out["merged_from"] = asked
    return out
