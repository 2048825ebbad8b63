"""Documents flattened into table rows (plain dicts) for bulk loading.

One function per table keeps the mapping from the JSON record to the columns
in ``migrations/`` in one readable place. :func:`arrow_tables` turns the rows
into Arrow tables, the form the store loads (DuckDB reads Arrow without a copy
through Python; a pandas DataFrame made from row dicts cost the writer about
twice as much). Run workers make them, so the single writer does not.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Mapping, Sequence

from ..document import Document
from ..headline import headline

ANNOTATION_TABLES = ("sentences", "entities", "actors", "events", "quotes", "times", "places")


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def article_row(doc: Document, record: dict[str, Any]) -> dict[str, Any]:
    s = doc.source
    tone = doc.tone
    return {
        "id": record["id"], "path": s.path, "outlet": s.outlet, "url": s.url, "title": s.title,
        "headline": headline(record), "published": s.published, "published_basis": s.published_basis,
        "text": doc.text, "n_chars": len(doc.text), "pipeline_version": doc.pipeline.get("version"),
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


Rows = "list[dict[str, Any]] | pyarrow.Table"


def arrow_table(rows: "Rows"):
    """Row dicts as an Arrow table (a table is returned as it is). Columns are the union of the
    rows' keys, in order of first appearance; a column whose values Arrow cannot put in one type
    (text and numbers mixed) is stored as text, as the database would read it."""
    import pyarrow as pa

    if isinstance(rows, pa.Table):
        return rows
    names = list(dict.fromkeys(k for r in rows for k in r))
    columns = {}
    for name in names:
        values = [r.get(name) for r in rows]
        try:
            columns[name] = pa.array(values)
        except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
            columns[name] = pa.array([None if v is None else str(v) for v in values], type=pa.string())
    return pa.table(columns) if names else pa.table({})


def arrow_tables(tables: Mapping[str, "Rows"]) -> dict[str, Any]:
    """Each table's rows as an Arrow table; empty tables are left out."""
    return {t: arrow_table(rows) for t, rows in tables.items() if len(rows)}


def concat_tables(batches: Iterable[Mapping[str, "Rows"]]) -> dict[str, Any]:
    """Several batches' tables as one batch (a write of several batches in one transaction).
    Columns missing from a batch are null there; a column typed differently in two batches
    (integers in one, decimals in another) gets the common type."""
    import pyarrow as pa

    parts: dict[str, list] = {}
    for tables in batches:
        for t, table in arrow_tables(tables).items():
            parts.setdefault(t, []).append(table)
    return {t: p[0] if len(p) == 1 else _concat(p) for t, p in parts.items()}


def _concat(tables: list):
    import pyarrow as pa

    try:
        return pa.concat_tables(tables, promote_options="permissive")
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # text in one batch, numbers in another: as text
        return arrow_table([r for t in tables for r in t.to_pylist()])
