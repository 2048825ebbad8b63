"""Trace every fact of a record back to its words.

Two jobs, both pure functions of a document record (the JSON contract):

* :func:`segments` cuts the article text at every span boundary so that the
  page can show actors, event triggers, quotes, times, places and entities
  highlighted at once, overlaps included, without nesting markup.
* :func:`evidence` lists, for one event, each field with the exact words it
  came from: spans that carry offsets are sliced from the text (and checked
  against the text they claim); fields recorded without offsets (a date, a
  place, a source cited) are looked up among the article's time, place and
  actor spans inside the event's sentence, and say so in ``basis``.
"""
from __future__ import annotations

from typing import Any, Iterator

LAYERS = ("entity", "actor", "trigger", "quote", "time", "place")


def spans(record: dict[str, Any]) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, layer, key) of every highlightable span in ``record``."""
    for i, e in enumerate(record.get("entities") or []):
        yield e["start"], e["end"], "entity", e.get("label") or str(i)
    for a in record.get("actors") or []:
        for m in a.get("mentions") or []:
            yield m[0], m[1], "actor", a["id"]
    for e in record.get("events") or []:
        t = e.get("trigger") or {}
        if "start" in t:
            yield t["start"], t["end"], "trigger", e["id"]
    for i, q in enumerate(record.get("quotes") or []):
        yield q["start"], q["end"], "quote", str(i)
    for i, t in enumerate(record.get("times") or []):
        yield t["start"], t["end"], "time", str(i)
    for i, p in enumerate(record.get("places") or []):
        yield p["start"], p["end"], "place", str(i)


def segments(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The text cut into runs that share the same set of covering spans.

    Each run is ``{"start", "end", "text", "layers": {layer: [keys]}}``; runs
    no span covers have empty ``layers``. Spans outside the text are ignored.
    """
    text = record.get("text") or ""
    n = len(text)
    items = [(s, e, layer, key) for s, e, layer, key in spans(record)
             if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n]
    cuts = sorted({0, n, *(s for s, *_ in items), *(e for _, e, *_ in items)})
    starts: dict[int, list[tuple[int, str, str]]] = {}
    for s, e, layer, key in items:
        starts.setdefault(s, []).append((e, layer, key))
    active: list[tuple[int, str, str]] = []
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active = [x for x in active if x[0] > a] + starts.get(a, [])
        layers: dict[str, list[str]] = {}
        for _, layer, key in active:
            keys = layers.setdefault(layer, [])
            if key not in keys:
                keys.append(key)
        out.append({"start": a, "end": b, "text": text[a:b], "layers": layers})
    return out


def _span_item(text: str, field: str, obj: dict[str, Any], value: str | None, basis: str) -> dict[str, Any]:
    """One field with its words; ``matches`` is false when the offsets leave the text or
    slice something other than the span's own ``text`` (a ``name`` is canonical and may differ)."""
    s, e = obj["start"], obj["end"]
    words = text[s:e] if 0 <= s <= e <= len(text) else None
    claimed = obj.get("text") if isinstance(obj.get("text"), str) else None
    return {"field": field, "value": value, "words": words, "start": s, "end": e, "basis": basis,
            "matches": words is not None and (claimed is None or claimed == words)}


def _walk(obj: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every dict inside ``obj`` that carries integer start/end offsets, with its path."""
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
            yield path, obj
        for k, v in obj.items():
            yield from _walk(v, f"{path}.{k}" if path else k)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _walk(v, f"{path}[{i}]")


def _within(sentence: dict[str, Any] | None, start: int, end: int) -> bool:
    return sentence is None or (sentence["start"] <= start and end <= sentence["end"])


def evidence(record: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    """The event's fields next to the words behind them, and its sentence."""
    text = record.get("text") or ""
    sents = record.get("sentences") or []
    si = event.get("sentence")
    sentence = sents[si] if isinstance(si, int) and 0 <= si < len(sents) else None
    items = []
    for path, obj in _walk(event, ""):
        value = obj.get("text", obj.get("name"))
        items.append(_span_item(text, path, obj, value if isinstance(value, str) else None,
                                "offsets in the record"))
    have = {i["field"] for i in items}

    date = event.get("date")
    if isinstance(date, dict) and "date" not in have and date.get("text"):
        for t in record.get("times") or []:
            if t.get("text") == date["text"] and _within(sentence, t["start"], t["end"]):
                items.append(_span_item(text, "date", t, date["text"],
                                        "time expression with this text in the event's sentence"))
                break
        else:
            items.append({"field": "date", "value": date.get("value"), "words": None, "start": None,
                          "end": None, "basis": date.get("basis") or "no words in the text", "matches": False})
    place = event.get("place")
    if isinstance(place, dict) and "place" not in have and place.get("name"):
        for p in record.get("places") or []:
            if place["name"] in (p.get("name"), p.get("text")) and _within(sentence, p["start"], p["end"]):
                items.append(_span_item(text, "place", p, p.get("text"),
                                        "place with this name in the event's sentence"))
                break
    actors = {a["id"]: a for a in record.get("actors") or []}
    for i, r in enumerate(event.get("reported_by") or []):
        if not isinstance(r, dict) or f"reported_by[{i}]" in have:
            continue
        actor = actors.get(r.get("actor"))
        for m in (actor or {}).get("mentions") or []:
            if _within(sentence, m[0], m[1]):
                items.append(_span_item(text, f"reported_by[{i}]", {"start": m[0], "end": m[1]}, None,
                                        "a mention of this source in the event's sentence"))
                break
    items.sort(key=lambda x: (x["start"] is None, x["start"] or 0, x["field"]))
    return {
        "event": event,
        "sentence": ({"index": si, "start": sentence["start"], "end": sentence["end"],
                      "text": text[sentence["start"]:sentence["end"]]} if sentence else None),
        "evidence": items,
    }
