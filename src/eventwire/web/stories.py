"""Stories in the web app: clusters of articles about one real happening, the
events merged across them, and the sources' accounts side by side.

The queries are the story stage's own (:mod:`eventwire.stories.readouts`), run
on the web app's read-only reader. A store made before migration 002 has no
story tables: the views then say what is missing instead of failing.
"""
from __future__ import annotations

import json
from typing import Any

from .views import NotFound

MISSING = ("this store has no story tables yet: re-run `eventwire run` (it places articles into stories) "
           "or `eventwire stories --update --db FILE`, then reload")


def available(reader) -> bool:
    return {"stories", "story_articles", "merged_events", "event_mentions"} <= reader.tables()


def _decode(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for r in rows:
        for k in ("top_names", "top_places"):
            if isinstance(r.get(k), str):
                try:
                    r[k] = json.loads(r[k])
                except ValueError:
                    pass
    return rows


def list_stories(reader, limit: int, offset: int, search: str | None = None) -> dict[str, Any]:
    from ..stories import list_stories as rows_of

    if not available(reader):
        return {"available": False, "rows": [], "total": 0, "limit": limit, "offset": offset, "message": MISSING}
    rows = _decode(rows_of(reader, limit=limit, offset=offset, search=search or None))
    # the same condition as the stage's list_stories, so the total matches its rows
    cond, params = ("WHERE title ILIKE '%' || ? || '%'", [search]) if search else ("", [])
    total = reader.query(f"SELECT count(*) AS n FROM stories {cond}", params)[0]["n"]
    return {"available": True, "rows": rows, "total": total, "limit": limit, "offset": offset,
            "filters": {"search": search} if search else {}}


def _merge_claims(readouts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One claim per sentence: events coded from the same sentence are listed under it once."""
    for acc in readouts:
        merged: list[dict[str, Any]] = []
        seen: dict[tuple, dict[str, Any]] = {}
        for c in acc["claims"]:
            code = {k: c.get(k) for k in ("cameo", "modality", "negated")}
            if c.get("kind") != "event":
                merged.append(c)
                continue
            key = (c["article_id"], c["text"])
            if key in seen:
                seen[key]["codes"].append(code)
            else:
                seen[key] = {**c, "codes": [code]}
                merged.append(seen[key])
        acc["claims"] = merged
    return readouts


def story(reader, story_id: str) -> dict[str, Any]:
    """Its row, articles (near-duplicates linked), merged events with counts, and readouts by source."""
    from ..errors import ParameterError
    from ..stories import story as story_of

    if not available(reader):
        raise NotFound(MISSING, input="stories")
    try:
        data = story_of(reader, story_id)  # an id merged into another story gives that story
    except ParameterError:
        raise NotFound("no story with this id; list them at /api/stories", input=story_id) from None
    _decode([data["story"]])
    _merge_claims(data["readouts"])
    return data


def event_readouts(reader, event_id: str) -> dict[str, Any]:
    """One merged event, its mentions' articles, and each credited source's account."""
    from ..stories import event_readouts as readouts_of

    if not available(reader):
        raise NotFound(MISSING, input="stories")
    rows = reader.query("SELECT * FROM merged_events WHERE event_id = ?", [event_id])
    if not rows:
        raise NotFound("no merged event with this id; see a story's events at /api/stories/{id}", input=event_id)
    mentions = reader.query(
        "SELECT em.article_id, em.mention_id, em.outlet, em.published, em.is_duplicate, a.headline "
        "FROM event_mentions em JOIN articles a ON a.id = em.article_id WHERE em.event_id = ? "
        "ORDER BY em.published NULLS LAST, em.article_id", [event_id])
    return {"event": rows[0], "mentions": mentions, "readouts": _merge_claims(readouts_of(reader, event_id))}
