"""``eventwire eval actors``: actor country and sector on the PLOVER gold records.

Each record's sentence goes through repair -> nlp -> actors; every gold source
and target actor is located in the sentence by its ``actorText`` (the first
fragment when the gold marks a discontinuous span with "...") and compared
with the actor eventwire finds at that span (:func:`mention_index`).

- country: the gold code, with the set's non-ISO codes normalised (JAP ->
  JPN, ITL -> ITA, VTN -> VNM); ``IGO``/``IMG``/``NGO`` compare with the
  first three letters of eventwire's code. A gold actor eventwire does not
  find counts as wrong.
- sector: scored where the gold gives a CAMEO sector (its first three
  letters; ``***`` and empty are skipped).

The records' dates are a placeholder (2000-01-01), so offices are resolved
without a date (the KB's latest holders); named people are found by name.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..actors import mention_index
from ..actors.kb import SECTORS
from ..document import Document
from . import EvalResult, task

NON_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "ZAR": "COD", "BUR": "MMR", "GZS": "PSE",
           "WSB": "PSE", "SUN": "RUS", "USR": "RUS", "YUG": "SRB", "CZK": "CZE", "DRC": "COD"}
NON_STATE = ("IGO", "IMG", "NGO")


def gold_actors(records: list[dict]) -> list[tuple[str, dict]]:
    """(sentence, gold actor) pairs of the records that have a sentence."""
    out = []
    for r in records:
        text = r.get("text")
        if not text:
            continue
        for side in ("source", "target"):
            for a in r.get(side) or []:
                if isinstance(a, dict) and a.get("actorText") and a.get("code"):
                    out.append((text, a))
    return out


def predicted(doc: Document, actor_text: str) -> tuple[str | None, str | None]:
    frag = " ".join((actor_text.split("...")[0] or actor_text).split())
    start = doc.text.find(frag)
    if start < 0:
        start = doc.text.lower().find(frag.lower())
    if start < 0:  # coordinated in the text ("French and Egyptian warships"): its first word
        frag = frag.split()[0]
        m = re.search(r"\b" + re.escape(frag) + r"\b", doc.text)
        if m is None:
            return None, None
        start = m.start()
    hit = mention_index(doc).at(start, start + len(frag))
    if hit is None:
        return None, None
    a = hit[0]
    if a.country:
        return a.country, a.sector
    if a.code and a.code[:3] in NON_STATE:
        return a.code[:3], a.sector
    return None, a.sector


@task("actors")
def evaluate(data: Path, limit: int | None = None, **_) -> EvalResult:
    from ..pipeline import Pipeline

    records = json.loads((data / "events" / "plover_gsr_dev.json").read_text("utf-8"))
    pairs = gold_actors(records)
    texts = list(dict.fromkeys(t for t, _ in pairs))
    if limit:
        texts = texts[:int(limit)]
    pipe = Pipeline({"pipeline": {"components": ["repair", "nlp", "actors"]}})
    docs, failed = pipe([Document.from_raw(t) for t in texts])
    by_text = {d.raw: d for d in docs}
    c_ok = c_all = s_ok = s_all = found = 0
    misses = []
    for text, g in pairs:
        doc = by_text.get(text)
        if doc is None:
            continue
        gold_c = NON_ISO.get(g["code"], g["code"])
        gold_s = (g.get("sector") or "")[:3].upper()
        pc, ps = predicted(doc, g["actorText"])
        found += pc is not None or ps is not None
        c_all += 1
        c_ok += pc == gold_c
        if pc != gold_c:
            misses.append(f"country {g['actorText']!r}: gold {gold_c}, got {pc}")
        if gold_s in SECTORS:
            s_all += 1
            s_ok += ps == gold_s
            if ps != gold_s:
                misses.append(f"sector {g['actorText']!r}: gold {gold_s}, got {ps}")
    metrics = {"country_accuracy": round(c_ok / c_all, 4) if c_all else 0.0,
               "sector_accuracy": round(s_ok / s_all, 4) if s_all else 0.0,
               "found": round(found / c_all, 4) if c_all else 0.0,
               "actors": c_all, "with_sector": s_all, "failed_docs": len(failed)}
    report = (f"actors: country {c_ok}/{c_all} = {metrics['country_accuracy']}, sector {s_ok}/{s_all} = "
              f"{metrics['sector_accuracy']}, found {metrics['found']} (PLOVER dev, {len(texts)} sentences)")
    if misses:
        report += "\nmisses:\n  " + "\n  ".join(misses)
    return EvalResult("actors", metrics, report, {"misses": misses})
