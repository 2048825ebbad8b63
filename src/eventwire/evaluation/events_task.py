"""``eventwire eval events``: the event coder against the PLOVER gold sets.

Two sets, both in ``../shared/data/events``:

- ``plover_gsr_dev.json`` (PLOVER GSR, PLOVER 0.x names): per record the event
  type, the source and target actors with country codes. Scored: event type,
  source, target, and all three right, overall and per category, with a
  confusion table. Event names differ across PLOVER versions, so types are
  compared through CAMEO roots (``GSR_ROOTS``); non-ISO country codes (JAP,
  ITL, VTN) are normalised first.
- ``zero_shot_plover_train.tsv`` (news sentences with a marked source and target,
  2021 names, YIELD for 08): scored on the event type coded between the two
  marked actors.

Actors: with ``actors="gold"`` the gold actor spans are given to the coder as
actors (this measures the coder alone); with ``actors="pipeline"`` (default when
the ``actors`` stage is installed) the project's own actor stage finds them, so
the scores are end to end. The primary event of a record is the most confident
one, preferring events between actors over actor-less ones and real events
over bare statements (root 01).
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..document import Actor, Document, Event
from . import EvalResult, task

# PLOVER 0.x (GSR) names -> CAMEO roots.
GSR_ROOTS = {
    "AGREE": {"03"}, "CONSULT": {"04"}, "SUPPORT": {"05"}, "COOPERATE": {"06"}, "AID": {"07"},
    "CONCEDE": {"08"}, "RETREAT": {"08"}, "INVESTIGATE": {"09"}, "DEMAND": {"02", "10"},
    "DISAPPROVE": {"11"}, "REJECT": {"12"}, "THREATEN": {"13"}, "PROTEST": {"14"}, "MOBILIZE": {"15"},
    "SANCTION": {"16"}, "COERCE": {"17"}, "ASSAULT": {"18", "20"}, "FIGHT": {"19", "20"},
}
ROOT_NAME = {"01": "STATEMENT", "02": "DEMAND", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT",
             "06": "COOPERATE", "07": "AID", "08": "YIELD", "09": "INVESTIGATE", "10": "DEMAND",
             "11": "DISAPPROVE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
             "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "FIGHT", "20": "ASSAULT"}
# Country codes of older coding practice (CAMEO, PLOVER GSR) that are not ISO 3166-1 alpha-3.
NON_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "GMY": "DEU", "UK": "GBR", "UKG": "GBR", "ROM": "ROU",
           "ZAR": "COD", "TMP": "TLS", "BUR": "MMR", "SAF": "ZAF", "SPN": "ESP", "POR": "PRT", "SWD": "SWE",
           "DEN": "DNK", "NTH": "NLD", "SWZ": "CHE", "GRG": "GEO", "KZK": "KAZ", "SRB": "SRB"}
# 2021 names as the zero-shot set writes them: 08 is YIELD.
ZS_NAMES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def norm_code(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    return NON_ISO.get(code, code)


def actor_code(country: str | None, code: str | None) -> str | None:
    """The comparable code of a predicted argument: country, else IGO/NGO family, else the code."""
    if country:
        return norm_code(country)
    if code:
        for fam in ("IGO", "NGO", "IMG"):
            if code.startswith(fam):
                return fam
        return code[:3]
    return None


def primary(events: list[Event]) -> Event | None:
    if not events:
        return None
    return max(events, key=lambda e: (e.cameo_root != "01", not e.negated, bool(e.target),
                                      e.modality in ("asserted", "reported", "planned"), e.confidence))


def _process(texts: list[str], gold_actors: list[list[tuple[list[list[int]], str, str]]] | None):
    """Documents parsed (and actors found or given) and coded. A given actor is (its mentions as
    [start, end] spans, code, country): a gold set may mark one actor more than once."""
    from ..components.nlp import load_model
    from ..events.codebook import load_codebook
    from ..events.coder import Coder
    from ..events.patterns import load_patterns
    from ..pipeline import REGISTRY, Pipeline, load_components

    coder = Coder(load_patterns(), load_codebook())
    docs = [Document.from_raw(t) for t in texts]
    if gold_actors is None:
        load_components()
        cfg = {"pipeline": {"components": ["repair", "nlp", "actors"]}, "components": {"nlp": {"parse": "all"}}}
        pipe = Pipeline(cfg)
        for _, fn in pipe.steps:
            fn(docs)
    else:
        from ..document import Sentence

        nlp = load_model()
        for d, sdoc, acts in zip(docs, nlp.pipe(texts, batch_size=64), gold_actors):
            d.user_data["spacy"] = sdoc
            d.sentences = [Sentence(s.start_char, s.end_char) for s in sdoc.sents]
            d.actors = [Actor(f"g{i}", d.text[spans[0][0]:spans[0][1]], code, country, mentions=spans)
                        for i, (spans, code, country) in enumerate(acts)]
    return docs, [coder.code_document(d) for d in docs]


def actors_available() -> bool:
    from ..pipeline import REGISTRY, load_components

    load_components()
    return "actors" in REGISTRY


def _find(text: str, phrase: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Offsets of a gold actor phrase in the text ("U.S. ... negotiators" -> its last part)."""
    parts = [p.strip() for p in phrase.split("...") if p.strip()]
    for p in sorted(parts, key=len, reverse=True):
        for m in re.finditer(re.escape(p), text):
            span = (m.start(), m.end())
            if not any(s < span[1] and span[0] < e for s, e in taken):
                return span
    return None


def _gold_args(rec: dict, key: str) -> list[dict]:
    v = rec.get(key)
    return [a for a in v if isinstance(a, dict)] if isinstance(v, list) else []


def load_gsr(path: Path) -> list[dict]:
    return [r for r in json.loads(path.read_text("utf-8")) if r.get("event") in GSR_ROOTS and r.get("text")]


def evaluate_gsr(records: list[dict], actors: str) -> tuple[dict[str, float], str, list[dict]]:
    texts = [r["text"] for r in records]
    gold_actors = None
    if actors == "gold":
        gold_actors = []
        for r in records:
            taken: list[tuple[int, int]] = []
            acts = []
            for a in _gold_args(r, "source") + _gold_args(r, "target"):
                span = _find(r["text"], a.get("actorText", ""), taken)
                if span:
                    taken.append(span)
                    c = norm_code(a.get("code"))
                    acts.append(([list(span)], (c or "") + (a.get("sector") or ""), c))
            gold_actors.append(acts)
    _, coded = _process(texts, gold_actors)
    per = defaultdict(Counter)
    confusion: Counter = Counter()
    rows = []
    for r, events in zip(records, coded):
        gold = r["event"]
        src = {norm_code(a.get("code")) for a in _gold_args(r, "source")}
        tgt = {norm_code(a.get("code")) for a in _gold_args(r, "target")}
        info = r.get("textInfo")
        mutual = "SRC/TAR" in (info.get("markup", "") if isinstance(info, dict) else str(info or ""))
        p = primary(events)
        same = [e for e in events if p is not None and e.trigger.start == p.trigger.start and e.cameo == p.cameo]
        psrc = {actor_code(a.country, a.code) for e in same for a in e.source}
        ptgt = {actor_code(a.country, a.code) for e in same for a in e.target}
        type_ok = p is not None and p.cameo_root in GSR_ROOTS[gold]
        src_ok = p is not None and psrc == src
        tgt_ok = p is not None and (ptgt == tgt or (mutual and not tgt and (ptgt == src or not ptgt)))
        c = per[gold]
        c["n"] += 1
        c["type"] += type_ok
        c["source"] += src_ok
        c["target"] += tgt_ok
        c["all"] += type_ok and src_ok and tgt_ok
        confusion[(gold, ROOT_NAME.get(p.cameo_root, "?") if p else "NONE")] += 1
        rows.append({"id": r.get("id"), "gold": gold, "pred": p.cameo if p else None, "type": type_ok,
                     "source": src_ok, "target": tgt_ok, "text": r["text"][:100],
                     "trigger": p.trigger.text if p else None, "psrc": sorted(map(str, psrc)),
                     "ptgt": sorted(map(str, ptgt)), "gsrc": sorted(map(str, src)), "gtgt": sorted(map(str, tgt))})
    tot = Counter()
    for c in per.values():
        tot.update(c)
    n = tot["n"] or 1
    metrics = {"type_accuracy": round(tot["type"] / n, 4), "source_accuracy": round(tot["source"] / n, 4),
               "target_accuracy": round(tot["target"] / n, 4), "all_correct": round(tot["all"] / n, 4),
               "records": tot["n"]}
    lines = [f"{'category':<12} {'n':>4} {'type':>6} {'source':>7} {'target':>7} {'all':>6}"]
    for cat in sorted(per):
        c = per[cat]
        lines.append(f"{cat:<12} {c['n']:>4} {c['type'] / c['n']:>6.2f} {c['source'] / c['n']:>7.2f} "
                     f"{c['target'] / c['n']:>7.2f} {c['all'] / c['n']:>6.2f}")
    lines.append(f"{'overall':<12} {tot['n']:>4} {metrics['type_accuracy']:>6.2f} {metrics['source_accuracy']:>7.2f} "
                 f"{metrics['target_accuracy']:>7.2f} {metrics['all_correct']:>6.2f}")
    preds = sorted({p for _, p in confusion})
    lines.append("\nconfusion (rows gold, columns predicted):")
    lines.append(f"{'':<12}" + "".join(f"{p[:6]:>7}" for p in preds))
    for g in sorted(per):
        lines.append(f"{g:<12}" + "".join(f"{confusion.get((g, p), 0) or '.':>7}" for p in preds))
    return metrics, "\n".join(lines), rows


def _strip_marks(marked: str) -> tuple[str, list[list[int]], list[list[int]]]:
    """Sentence text and the [start, end] offsets of its <s>…</s> and <t>…</t> spans: every one, as
    the gold marks each mention of an actor named twice ("Pakistan refused ..., Pakistan's foreign
    minister said")."""
    out, spans, i = "", {"s": [], "t": []}, 0
    for m in re.finditer(r"</?[st]>", marked):
        out += marked[i:m.start()]
        tag = m.group()
        if tag.startswith("</"):
            if spans[tag[2]] and len(spans[tag[2]][-1]) == 1:
                spans[tag[2]][-1].append(len(out))
        else:
            spans[tag[1]].append([len(out)])
        i = m.end()
    out += marked[i:]
    return out, [sp for sp in spans["s"] if len(sp) == 2], [sp for sp in spans["t"] if len(sp) == 2]


def evaluate_zero_shot(path: Path, limit: int | None = None) -> tuple[dict[str, float], str, list[dict]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    if limit:
        rows = rows[:limit]
    texts, gold_actors, golds = [], [], []
    for r in rows:
        text, s, t = _strip_marks(r["marked_sentence"])
        if not s or not t:
            continue
        texts.append(text)
        gold_actors.append([(s, "SRC", "SRC"), (t, "TGT", "TGT")])
        golds.append(r["gold_root"])
    _, coded = _process(texts, gold_actors)
    per = defaultdict(Counter)
    confusion: Counter = Counter()
    details = []
    for text, gold, events in zip(texts, golds, coded):
        pair = [e for e in events if e.source and e.target and {e.source[0].code, e.target[0].code} == {"SRC", "TGT"}]
        p = primary(pair)
        name = ZS_NAMES.get(p.plover["event"], p.plover["event"]) if p else "NONE"
        per[gold]["n"] += 1
        per[gold]["ok"] += name == gold
        per[gold]["found"] += p is not None
        confusion[(gold, name)] += 1
        details.append({"gold": gold, "pred": name, "text": text[:120], "trigger": p.trigger.text if p else None})
    n = sum(c["n"] for c in per.values()) or 1
    ok = sum(c["ok"] for c in per.values())
    found = sum(c["found"] for c in per.values())
    metrics = {"zero_shot_type_accuracy": round(ok / n, 4), "zero_shot_coverage": round(found / n, 4),
               "zero_shot_precision": round(ok / found, 4) if found else 0.0, "zero_shot_pairs": n}
    lines = [f"{'category':<12} {'n':>4} {'found':>6} {'type':>6}"]
    for cat in sorted(per):
        c = per[cat]
        lines.append(f"{cat:<12} {c['n']:>4} {c['found'] / c['n']:>6.2f} {c['ok'] / c['n']:>6.2f}")
    lines.append(f"{'overall':<12} {n:>4} {found / n:>6.2f} {ok / n:>6.2f}")
    return metrics, "\n".join(lines), details


@task("events")
def evaluate(data: Path, actors: str | None = None, zero_shot: bool = True, limit: int | None = None,
             **_: Any) -> EvalResult:
    folder = data / "events"
    mode = actors or ("pipeline" if actors_available() else "gold")
    records = load_gsr(folder / "plover_gsr_dev.json")
    if limit:
        records = records[:limit]
    metrics, report, rows = evaluate_gsr(records, mode)
    head = (f"events (PLOVER GSR dev, {metrics['records']} records, actors: {mode}): type {metrics['type_accuracy']:.3f}, "
            f"source {metrics['source_accuracy']:.3f}, target {metrics['target_accuracy']:.3f}, "
            f"all correct {metrics['all_correct']:.3f}")
    details: dict[str, Any] = {"gsr": rows}
    if mode == "pipeline":
        gm, _, grows = evaluate_gsr(records, "gold")
        metrics.update({f"gold_actors_{k}": v for k, v in gm.items() if k != "records"})
        head += (f"\n  with gold actor spans (coder alone): type {gm['type_accuracy']:.3f}, "
                 f"all correct {gm['all_correct']:.3f}")
        details["gsr_gold_actors"] = grows
    report = head + "\n" + report
    if zero_shot and (folder / "zero_shot_plover_train.tsv").is_file():
        zm, zrep, zrows = evaluate_zero_shot(folder / "zero_shot_plover_train.tsv", limit)
        metrics.update(zm)
        details["zero_shot"] = zrows
        report += (f"\n\nZero-Shot-PLOVER sentences (marked source/target given as actors, "
                   f"{zm['zero_shot_pairs']} pairs): type {zm['zero_shot_type_accuracy']:.3f}, "
                   f"coverage {zm['zero_shot_coverage']:.3f}, precision {zm['zero_shot_precision']:.3f}\n" + zrep)
    return EvalResult("events", metrics, report, details)
