"""Documents flattened into table rows (plain dicts) for bulk loading.

One function per table keeps the mapping from the JSON record to the columns
in ``migrations/`` in one readable place.
"""
from __future__ import annotations

import json
from typing import Any, Sequence

from ..document import Document

ANNOTATION_TABLES = ("sentences", "entities", "actors", "events", "quotes", "times", "places")


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def article_row(doc: Document, record: dict[str, Any]) -> dict[str, Any]:
    s = doc.source
    tone = doc.tone
    return {
        "id": record["id"], "path": s.path, "outlet": s.outlet, "url": s.url, "title": s.title,
        "published": s.published, "published_basis": s.published_basis, "text": doc.text,
        "n_chars": len(doc.text), "pipeline_version": doc.pipeline.get("version"),
        "model": doc.pipeline.get("model"), "kb": doc.pipeline.get("kb"),
        "tone_score": tone.score if tone else None, "tone_positive": tone.positive if tone else None,
        "tone_negative": tone.negative if tone else None, "record": _j({**record, "raw": doc.raw}),
    }


def _first(args: list[dict[str, Any]], prefix: str) -> dict[str, Any]:
    a = args[0] if args else {}
    return {f"{prefix}_actor": a.get("actor"), f"{prefix}_name": a.get("name"),
            f"{prefix}_code": a.get("code"), f"{prefix}_country": a.get("country")}


def event_row(aid: str, e: dict[str, Any]) -> dict[str, Any]:
    date = e.get("date") or {}
    place = e.get("place") or {}
    plover = e.get("plover") or {}
    value = date.get("value")
    return {
        "article_id": aid, "id": e["id"], "sentence": e["sentence"],
        **_first(e["source"], "source"), **_first(e["target"], "target"),
        "trigger_text": e["trigger"]["text"], "trigger_start": e["trigger"]["start"],
        "trigger_end": e["trigger"]["end"], "cameo": e["cameo"], "cameo_root": e["cameo_root"],
        "plover_event": plover.get("event"), "plover_mode": plover.get("mode"),
        "plover_context": plover.get("context"), "goldstein": e["goldstein"], "quad_class": e["quad_class"],
        "negated": e["negated"], "modality": e["modality"],
        # the DATE column takes full days only; partial values ("2022-02") stay in the record
        "date": value if isinstance(value, str) and len(value) == 10 else None,
        "date_text": date.get("text"), "date_basis": date.get("basis"),
        "place_name": place.get("name"), "place_country": place.get("country"),
        "place_lat": place.get("lat"), "place_lon": place.get("lon"),
        "reported_by": _j(e.get("reported_by", [])), "confidence": e.get("confidence"), "record": _j(e),
    }


def quote_row(aid: str, i: int, q: dict[str, Any]) -> dict[str, Any]:
    sp = q.get("speaker") or {}
    cue = q.get("cue") or {}
    return {"article_id": aid, "idx": i, "text": q["text"], "start": q["start"], "end": q["end"],
            "direct": q["direct"], "speaker_name": sp.get("name"), "speaker_actor": sp.get("actor"),
            "cue_text": cue.get("text"), "according_to": _j(q.get("according_to", [])), "record": _j(q),
            "sentence": q.get("sentence"), "kind": q.get("kind"), "speaker_code": sp.get("code"),
            "events": _j(q.get("events", []))}


def time_row(aid: str, i: int, t: dict[str, Any]) -> dict[str, Any]:
    return {"article_id": aid, "idx": i, **{k: t[k] for k in ("text", "start", "end", "type", "value")},
            "mod": t.get("mod")}


def document_rows(docs: Sequence[Document], records: Sequence[dict[str, Any]] | None = None
                  ) -> dict[str, list[dict[str, Any]]]:
    """All table rows for ``docs``: {table: [row, ...]}; ``records`` are their ``to_dict()``s if made already."""
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in ("articles",) + ANNOTATION_TABLES}
    for doc, rec in zip(docs, records if records is not None else (d.to_dict() for d in docs)):
        aid = rec["id"]
        out["articles"].append(article_row(doc, rec))
        out["sentences"] += [{"article_id": aid, "idx": i, **s} for i, s in enumerate(rec["sentences"])]
        out["entities"] += [{"article_id": aid, "idx": i, **e} for i, e in enumerate(rec["entities"])]
        out["actors"] += [{"article_id": aid, **{k: a[k] for k in ("id", "name", "code", "country", "sector",
                                                                    "role")},
                           "n_mentions": len(a["mentions"]), "mentions": _j(a["mentions"])}
                          for a in rec["actors"]]
        out["events"] += [event_row(aid, e) for e in rec["events"]]
        out["quotes"] += [quote_row(aid, i, q) for i, q in enumerate(rec["quotes"])]
        out["times"] += [time_row(aid, i, t) for i, t in enumerate(rec["times"])]
        out["places"] += [{"article_id": aid, "idx": i, **p} for i, p in enumerate(rec["places"])]
    return out
