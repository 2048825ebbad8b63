"""``eventwire eval entities``: entity-mention F1 on MEANTIME, eventwire vs spaCy alone.

Gold: every ENTITY_MENTION of the MEANTIME English articles that refers to a
person, organisation or location entity (names, nominals, pronouns,
appositions), in the article body (title and date line are left out, as
:func:`eventwire.evaluation.meantime.load_doc` does).

- ``spacy``: spaCy's PERSON/ORG/GPE/LOC/NORP/FAC/EVENT entities alone;
- ``eventwire``: the actors stage's mentions (names, role references,
  resolved pronouns) plus the spaCy entities no actor mention overlaps.

A predicted mention matches a gold one (one-to-one, in text order) exactly
when the spans are equal, leniently when they overlap. Precision, recall and
F1 are reported for both systems under both matchings.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..document import Document
from . import EvalResult, task
from .meantime import _NO_SPACE_AFTER, _NO_SPACE_BEFORE

GOLD_TYPES = {"PER", "ORG", "LOC"}
SPACY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}


def gold_mentions(path: Path) -> tuple[str, list[tuple[int, int]]]:
    """The article body as :mod:`.meantime` rebuilds it, and the gold mention spans in it."""
    root = ET.parse(path).getroot()
    toks = [(int(t.get("sentence")), t.get("t_id"), t.text or "") for t in root.iter("token")]
    sent_ids = sorted({s for s, _, _ in toks})
    body_sents = set(sent_ids[2:])
    spans: dict[str, tuple[int, int]] = {}
    text = ""
    by_sent: dict[int, list[tuple[str, str]]] = {}
    for s, tid, word in toks:
        by_sent.setdefault(s, []).append((tid, word))
    for s in sent_ids:
        if s not in body_sents:
            continue
        if text:
            text += " "
        words = by_sent[s]
        for i, (tid, word) in enumerate(words):
            if i and word not in _NO_SPACE_BEFORE and words[i - 1][1] not in _NO_SPACE_AFTER:
                text += " "
            spans[tid] = (len(text), len(text) + len(word))
            text += word
    markables = root.find("Markables")
    entity_type = {}
    mentions = {}
    if markables is not None:
        for el in markables:
            if el.tag == "ENTITY":
                entity_type[el.get("m_id")] = el.get("ent_type")
            elif el.tag == "ENTITY_MENTION":
                mentions[el.get("m_id")] = [a.get("t_id") for a in el.iter("token_anchor")]
    gold = set()
    relations = root.find("Relations")
    for rel in relations.iter("REFERS_TO") if relations is not None else []:
        target = rel.find("target")
        if target is None or entity_type.get(target.get("m_id")) not in GOLD_TYPES:
            continue
        for src in rel.iter("source"):
            tids = [t for t in mentions.get(src.get("m_id"), []) if t in spans]
            if tids:
                gold.add((min(spans[t][0] for t in tids), max(spans[t][1] for t in tids)))
    return text, sorted(gold)


def _match(pred: list[tuple[int, int]], gold: list[tuple[int, int]], lenient: bool) -> int:
    used = set()
    hits = 0
    for ps, pe in pred:
        for k, (gs, ge) in enumerate(gold):
            if k in used:
                continue
            if (ps, pe) == (gs, ge) or (lenient and ps < ge and gs < pe):
                used.add(k)
                hits += 1
                break
    return hits


def _prf(hits: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = hits / npred if npred else 0.0
    r = hits / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


@task("entities")
def evaluate(data: Path, limit: int | None = None, **_) -> EvalResult:
    from ..pipeline import Pipeline

    base = data / "corpus" / "meantime" / "intra_cross-doc_annotation"
    paths = sorted(base.glob("*/*.xml"))
    if limit:
        paths = paths[:int(limit)]
    golds, docs = [], []
    for p in paths:
        text, gold = gold_mentions(p)
        golds.append(gold)
        docs.append(Document.from_raw(text))
    pipe = Pipeline({"pipeline": {"components": ["repair", "nlp", "actors"]}})
    ok, failed = pipe(docs)
    counts = {(sys, mode): [0, 0, 0] for sys in ("spacy", "eventwire") for mode in ("exact", "lenient")}
    for doc, gold in zip(docs, golds):
        if doc not in ok:
            continue
        ents = sorted({(e.start, e.end) for e in doc.entities if e.label in SPACY_TYPES})
        mentions = sorted({(s, e) for a in doc.actors for s, e in a.mentions})
        extra = [(s, e) for s, e in ents if not any(ms < e and s < me for ms, me in mentions)]
        systems = {"spacy": ents, "eventwire": sorted(set(mentions) | set(extra))}
        for sys, pred in systems.items():
            for mode in ("exact", "lenient"):
                c = counts[(sys, mode)]
                c[0] += _match(pred, gold, mode == "lenient")
                c[1] += len(pred)
                c[2] += len(gold)
    metrics: dict[str, float] = {}
    lines = [f"entities: MEANTIME, {len(ok)} articles, {counts[('spacy', 'exact')][2]} gold mentions (PER/ORG/LOC)"]
    for (sys, mode), (hits, npred, ngold) in counts.items():
        p, r, f = _prf(hits, npred, ngold)
        metrics[f"{sys}_{mode}_f1"] = f
        metrics[f"{sys}_{mode}_precision"] = p
        metrics[f"{sys}_{mode}_recall"] = r
        lines.append(f"  {sys:9} {mode:7} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    metrics["f1_gain_lenient"] = round(metrics["eventwire_lenient_f1"] - metrics["spacy_lenient_f1"], 4)
    metrics["failed_docs"] = len(failed)
    return EvalResult("entities", metrics, "\n".join(lines))
