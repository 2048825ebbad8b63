"""Stories: clusters of articles about one real happening, read side by side.

The story tables come from the stories stage (migration 002) and may be
absent from a store made before it; :func:`layout` finds them by their
columns (a ``stories`` table keyed by ``story_id`` or ``id``; article
membership either in a table with ``story_id`` and ``article_id`` columns or
as ``articles.story_id``), so the view lights up as soon as they exist and
says what is missing until then.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .views import NotFound, record


@dataclass(frozen=True)
class Layout:
    table: str              # the stories table
    key: str                # its id column
    members: str            # table linking stories to articles
    member_key: str         # that table's story id column


def layout(reader) -> Layout | None:
    tables = reader.tables()
    if "stories" not in tables:
        return None
    cols = reader.columns("stories")
    key = "story_id" if "story_id" in cols else "id" if "id" in cols else None
    if key is None:
        return None
    for t in sorted(tables):
        if t in ("stories", "articles"):
            continue
        tc = reader.columns(t)
        if "story_id" in tc and "article_id" in tc:
            return Layout("stories", key, t, "story_id")
    if "story_id" in reader.columns("articles"):
        return Layout("stories", key, "articles", "story_id")
    return None


def _member_article(lay: Layout) -> str:
    return "id" if lay.members == "articles" else "article_id"


def list_stories(reader, limit: int, offset: int, search: str | None = None) -> dict[str, Any]:
    lay = layout(reader)
    if lay is None:
        return {"available": False, "rows": [], "total": 0, "limit": limit, "offset": offset,
                "message": "this store has no story tables yet: build them with the stories stage "
                           "(migration 002) and reload"}
    art = _member_article(lay)
    cond, params = "", []
    if search:
        cond = (f" WHERE s.\"{lay.key}\" IN (SELECT m.\"{lay.member_key}\" FROM \"{lay.members}\" m "
                f"JOIN articles a ON a.id = m.\"{art}\" WHERE contains(lower(coalesce(a.title, a.text)), lower(?)))")
        params = [search]
    rows = reader.query(f"""
        SELECT s.*, (SELECT count(DISTINCT m."{art}") FROM "{lay.members}" m
                     WHERE m."{lay.member_key}" = s."{lay.key}") AS n_articles,
               (SELECT list(DISTINCT a.outlet ORDER BY a.outlet) FROM "{lay.members}" m
                JOIN articles a ON a.id = m."{art}" WHERE m."{lay.member_key}" = s."{lay.key}") AS outlets,
               (SELECT min(a.published) FROM "{lay.members}" m JOIN articles a ON a.id = m."{art}"
                WHERE m."{lay.member_key}" = s."{lay.key}") AS first_published,
               (SELECT any_value(coalesce(a.title, left(a.text, 120))) FROM "{lay.members}" m
                JOIN articles a ON a.id = m."{art}" WHERE m."{lay.member_key}" = s."{lay.key}") AS headline
        FROM stories s{cond}
        ORDER BY n_articles DESC, first_published DESC NULLS LAST, s."{lay.key}" LIMIT ? OFFSET ?""",
        params + [limit, offset])
    total = reader.query(f"SELECT count(*) AS n FROM stories s{cond}", params)[0]["n"]
    for r in rows:
        for k, v in list(r.items()):
            if isinstance(v, str) and v[:1] in "[{":
                try:
                    r[k] = json.loads(v)
                except ValueError:
                    pass
    return {"available": True, "rows": rows, "total": total, "limit": limit, "offset": offset, "key": lay.key}


def story(reader, story_id: str) -> dict[str, Any]:
    """One story: its row, and each member article's account (events, quotes) side by side."""
    lay = layout(reader)
    if lay is None:
        raise NotFound("this store has no story tables yet", input="stories")
    rows = reader.query(f'SELECT * FROM stories WHERE CAST("{lay.key}" AS VARCHAR) = ?', [story_id])
    if not rows:
        raise NotFound("no story with this id; list them at /api/stories", input=story_id)
    art = _member_article(lay)
    members = reader.query(f"""
        SELECT DISTINCT a.id, a.outlet, a.published, a.title FROM "{lay.members}" m
        JOIN articles a ON a.id = m."{art}" WHERE CAST(m."{lay.member_key}" AS VARCHAR) = ?
        ORDER BY a.published NULLS LAST, a.outlet, a.id""", [story_id])
    accounts = []
    for m in members[:50]:
        rec = record(reader, m["id"])
        accounts.append({
            "article": m,
            "events": [{k: e.get(k) for k in ("id", "cameo", "trigger", "source", "target", "negated",
                                                "modality", "goldstein", "quad_class", "reported_by", "date")}
                       for e in rec.get("events") or []],
            "quotes": [{k: q.get(k) for k in ("text", "direct", "speaker", "according_to")}
                       for q in rec.get("quotes") or []],
            "lead": (rec.get("text") or "")[:400],
        })
    return {"story": rows[0], "accounts": accounts, "articles": len(members)}
