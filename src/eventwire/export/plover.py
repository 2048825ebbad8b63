"""Merged events as PLOVER JSON records (the layout of the PLOVER gold-standard records).

``events.plover.json`` is a JSON list, one record per merged event:
``id``, ``date``, ``source`` and ``target`` as ``[{"actorText", "code",
"sector", "country"}]``, ``event`` / ``mode`` / ``context`` (PLOVER),
``eventText`` (the trigger), ``text`` (the sentence of the first report),
``eventLoc`` (place name, country, coordinates), ``publication`` (outlet of
the first report), ``language`` ``"en"``; and eventwire's additions under
their own names: ``cameo``, ``goldstein``, ``quad_class``, ``negated``,
``modality``, the counts (``mentions``, ``articles``, ``sources`` and the
duplicate-discounted ``original_*``) and ``reports``, every mention with its
article, outlet, date and sentence.
"""
from __future__ import annotations

import json
from pathlib import Path

from .gdelt import _check

_SQL = """
SELECT m.*, em.article_id, em.outlet, em.published, em.is_duplicate, e.record,
       substr(a.text, s."start" + 1, s."end" - s."start") AS sentence_text
FROM merged_events m
JOIN event_mentions em ON em.event_id = m.event_id
JOIN events e ON e.article_id = em.article_id AND e.id = em.mention_id
JOIN articles a ON a.id = em.article_id
LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
LEFT JOIN story_articles sa ON sa.article_id = em.article_id
ORDER BY m.date NULLS LAST, m.event_id, sa.seq NULLS LAST, e.sentence
"""


def _actors(args: list[dict]) -> list[dict]:
    return [{"actorText": a.get("name"), "code": a.get("code"),
             "sector": (a.get("code") or "")[3:6] or None, "country": a.get("country")} for a in args]


def plover_records(store) -> list[dict]:
    records: dict[str, dict] = {}
    for r in store.query(_SQL):
        mention = json.loads(r["record"])
        rec = records.get(r["event_id"])
        if rec is None:
            plover = mention.get("plover") or {}
            place = mention.get("place")
            rec = records[r["event_id"]] = {
                "id": r["event_id"], "date": r["date"].isoformat() if r["date"] else None,
                "source": _actors(mention.get("source", [])), "target": _actors(mention.get("target", [])),
                "event": plover.get("event"), "mode": plover.get("mode"), "context": plover.get("context"),
                "eventText": (mention.get("trigger") or {}).get("text"), "text": r["sentence_text"],
                "eventLoc": place, "publication": r["outlet"], "language": "en",
                "cameo": r["cameo"], "goldstein": r["goldstein"], "quad_class": r["quad_class"],
                "negated": r["negated"], "modality": r["modality"],
                "mentions": r["n_mentions"], "articles": r["n_articles"], "sources": r["n_sources"],
                "original_mentions": r["n_original_mentions"], "original_articles": r["n_original_articles"],
                "original_sources": r["n_original_sources"], "story": r["story_id"], "reports": []}
        rec["reports"].append({"article_id": r["article_id"], "outlet": r["outlet"],
                               "published": r["published"].isoformat() if r["published"] else None,
                               "duplicate": bool(r["is_duplicate"]), "sentence": r["sentence_text"],
                               "trigger": mention.get("trigger"), "reported_by": mention.get("reported_by", [])})
    return list(records.values())


def export_plover(store, out: str | Path) -> list[Path]:
    """Write ``events.plover.json`` to ``out``."""
    _check(store)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "events.plover.json"
    path.write_text(json.dumps(plover_records(store), ensure_ascii=False, indent=1), encoding="utf-8")
    return [path]
