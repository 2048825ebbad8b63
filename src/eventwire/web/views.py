"""What each view shows, as plain data: the API returns it as JSON and the
pages render it, so one URL can serve both (the datasette idea).

Functions take the :class:`~eventwire.web.db.Reader` and already-checked
parameters and return dicts; SQL lives in :mod:`eventwire.store.queries`
(listings, aggregates) and :mod:`eventwire.web.stories` (story tables).
"""
from __future__ import annotations

import json
from typing import Any

from ..errors import ParameterError
from ..store import queries
from .provenance import evidence, segments


class NotFound(ParameterError):
    code = "not_found"


def overview(reader) -> dict[str, Any]:
    """Counts of what the store holds, its outlets and date range."""
    from . import stories

    tables = reader.tables()
    counts = {t: reader.query(f'SELECT count(*) AS n FROM "{t}"')[0]["n"]
              for t in ("articles", "events", "actors", "quotes", "times", "places", "entities") if t in tables}
    span = reader.query("SELECT min(published) AS first, max(published) AS last FROM articles")[0]
    outlets = reader.query("SELECT outlet, count(*) AS articles FROM articles WHERE outlet IS NOT NULL "
                           "GROUP BY outlet ORDER BY articles DESC, outlet LIMIT 100")
    has_stories = stories.available(reader)
    if has_stories:
        counts["stories"] = reader.query("SELECT count(*) AS n FROM stories")[0]["n"]
    return {"counts": counts, "published": span, "outlets": outlets, "stories": has_stories}


def listing(reader, kind: str, filters: dict[str, Any], limit: int, offset: int) -> dict[str, Any]:
    rows = queries.list_rows(reader, kind, filters, limit=limit, offset=offset)
    total = queries.count_rows(reader, kind, filters)
    return {"rows": rows, "total": total, "limit": limit, "offset": offset, "filters": filters}


def actors(reader, filters: dict[str, Any], limit: int, offset: int) -> dict[str, Any]:
    rows = queries.actor_summary(reader, filters, limit=limit, offset=offset)
    total = queries.count_actor_summary(reader, filters)
    return {"rows": rows, "total": total, "limit": limit, "offset": offset, "filters": filters}


def record(reader, article_id: str) -> dict[str, Any]:
    if len(article_id) > 128:
        raise NotFound("no article with this id", input="article_id")
    rows = reader.query("SELECT record FROM articles WHERE id = ?", [article_id])
    if not rows:
        raise NotFound("no article with this id; list them at /api/articles", input=article_id)
    rec = json.loads(rows[0]["record"])
    rec.pop("raw", None)
    return rec


def article(reader, article_id: str) -> dict[str, Any]:
    """The article's record, its text cut into highlighted runs, and each event's evidence."""
    rec = record(reader, article_id)
    return {"record": rec, "segments": segments(rec),
            "evidence": {e["id"]: evidence(rec, e) for e in rec.get("events") or []}}


def event(reader, article_id: str, event_id: str) -> dict[str, Any]:
    rec = record(reader, article_id)
    for e in rec.get("events") or []:
        if e["id"] == event_id:
            return {"article_id": article_id, **evidence(rec, e)}
    raise NotFound("no event with this id in this article", input=event_id)


def dyad(reader, a: str, b: str, filters: dict[str, Any], *, directed: bool) -> dict[str, Any]:
    rows = queries.dyad(reader, a, b, filters, both_directions=not directed)
    return {"a": a, "b": b, "directed": directed, "events": rows, "filters": filters}


def network(reader, filters: dict[str, Any], *, node: str, limit: int) -> dict[str, Any]:
    return {**queries.network(reader, filters, node_key=node, limit=limit), "node": node, "filters": filters}


def map_data(reader, filters: dict[str, Any]) -> dict[str, Any]:
    place_filters = {k: v for k, v in filters.items() if k in ("country", "outlet", "article")}
    return {"events": queries.map_points(reader, filters),
            "places": queries.place_points(reader, place_filters), "filters": filters}


def search(reader, q: str, limit: int = 10) -> dict[str, Any]:
    """Articles, actors, events and quotes matching ``q`` (a few of each)."""
    if not q.strip():
        raise ParameterError("give something to search for", input="q")
    return {
        "q": q,
        "articles": listing(reader, "articles", {"search": q}, limit, 0),
        "actors": actors(reader, {"name": q}, limit, 0),
        "events": listing(reader, "events", {"search": q}, limit, 0),
        "quotes": listing(reader, "quotes", {"search": q}, limit, 0),
    }


def suggestions(reader, limit: int = 500) -> dict[str, list[str]]:
    """Known actor names and codes, outlets and countries, for the filter boxes."""
    names = reader.query("SELECT name AS v, count(*) AS n FROM actors GROUP BY 1 ORDER BY n DESC, v LIMIT ?",
                         [limit])
    codes = reader.query("SELECT code AS v, count(*) AS n FROM actors WHERE code IS NOT NULL GROUP BY 1 "
                         "ORDER BY n DESC, v LIMIT ?", [limit])
    outlets = reader.query("SELECT outlet AS v FROM articles WHERE outlet IS NOT NULL GROUP BY 1 ORDER BY 1 "
                           "LIMIT ?", [limit])
    return {"actors": [r["v"] for r in names], "codes": [r["v"] for r in codes],
            "outlets": [r["v"] for r in outlets]}
