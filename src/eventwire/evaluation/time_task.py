"""``eventwire eval time``: time expressions against TimeML gold and relative-date cases.

TimeBank + AQUAINT (``temporal/tbaq``): each article's document creation time
is the anchor, as the publication date is in the pipeline. Scored the
TempEval-3 way: detection precision/recall/F1, strict (same span) and relaxed
(overlapping spans); value accuracy over relaxed matches, and value F1
(a system expression counts when it overlaps a gold one with the same value).
HeidelTime, the best system at TempEval-3, reached about 0.78 value F1.

MEANTIME (``corpus/meantime``, Wikinews): the same scores on news text, and
how often the publication date is read right from the article's date line.

Recognizers-Text specs (``temporal/recognizers-text-specs``): single-date
cases that need a reference date to resolve and whose past reading is given
(weekday names, "last week", "two days ago", dates without a year); accuracy
of our value against that past reading.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..time import infer_published, tag
from . import EvalResult, task

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimeMLDoc:
    name: str
    dct: str
    text: str
    timexes: list[GoldTimex]
    # MEANTIME annotates the first sentences only: system spans outside are not scored
    scope: tuple[int, int] | None = None
    # nor in the date line (the creation time, which is the anchor, not a mention)
    creation: tuple[int, int] | None = None


def load_timeml(path: Path) -> TimeMLDoc:
    """Plain text of the TEXT element with the character spans of its TIMEX3s, and the DCT."""
    raw = path.read_text("utf-8")
    dct_m = re.search(r'<DCT>.*?value="([^"]+)"', raw, re.S)
    dct = dct_m.group(1)[:10] if dct_m else ""
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    out, timexes, open_tx = [], [], None
    pos = 0
    length = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_tx = (length, dict(_ATTR.findall(attrs)))
        elif open_tx is not None:
            start, a = open_tx
            timexes.append(GoldTimex(start, length, "", a.get("type", ""), a.get("value", "")))
            open_tx = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for t in timexes:
        t.text = text[t.start:t.end]
    return TimeMLDoc(path.stem, dct, text, timexes)


def normalise_value(v: str | None) -> str:
    """Equivalent spellings made equal: 2022-W7 = 2022-W07, 199X = 199, P1DE = P10Y, T24 = T24:00, T12:00Z = T12:00."""
    if not v:
        return ""
    v = v.strip().upper()
    v = re.sub(r"-W(\d)(?!\d)", r"-W0\1", v)
    v = re.sub(r"^(\d{3})X$", r"\1", v)
    v = re.sub(r"^(\d{2})XX$", r"\1", v)
    m = re.fullmatch(r"P(\d+)(DE|L|E)", v)
    if m:
        v = f"P{int(m.group(1)) * 10}Y"
    m = re.fullmatch(r"P(\d+)(CE|C)", v)
    if m:
        v = f"P{int(m.group(1)) * 100}Y"
    v = re.sub(r"T(\d\d)$", r"T\1:00", v)
    v = re.sub(r"(T\d\d:\d\d(?::\d\d)?)Z$", r"\1", v)  # UTC marked or not
    return v


MEANTIME_SENTENCES = 5  # last sentence number with TIMEX3 annotation


def load_meantime_timeml(path: Path) -> TimeMLDoc:
    """A MEANTIME article as text with its TIMEX3 spans; the creation time is the anchor.

    Tokens are joined as :mod:`.meantime` joins them, one sentence a line (title,
    date line, body); what the system finds in the creation-time expression (the
    date line) is not scored, and the text after the sentences that carry time
    annotation is cut off. The title is scored: MEANTIME annotates its times.
    """
    import xml.etree.ElementTree as ET

    from .meantime import _NO_SPACE_AFTER, _NO_SPACE_BEFORE

    root = ET.parse(path).getroot()
    spans: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    length, prev, sentence = 0, None, None
    for tok in root.iter("token"):
        word, sent = tok.text or "", tok.get("sentence")
        if sentence is not None and sent != sentence:
            parts.append("\n")
            length += 1
            prev = None
        elif prev is not None and word not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER:
            parts.append(" ")
            length += 1
        spans[tok.get("t_id")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        prev, sentence = word, sent
    text = "".join(parts)
    dct, timexes = "", []
    # time expressions are annotated in the title, date line and first four body sentences only
    in_scope = [spans[t.get("t_id")][1] for t in root.iter("token") if int(t.get("sentence", 0)) <= MEANTIME_SENTENCES]
    scope_end = max(in_scope, default=len(text))
    creation = None
    for t in root.iter("TIMEX3"):
        ids = [a.get("t_id") for a in t.findall("token_anchor") if a.get("t_id") in spans]
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = (t.get("value") or "")[:10]
            day_first = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", dct)  # one file writes "03-02-2009" for February 3
            if day_first:
                dct = f"{day_first[3]}-{day_first[2]}-{day_first[1]}"
            if ids:
                creation = (min(spans[i][0] for i in ids), max(spans[i][1] for i in ids))
            continue
        if not ids:
            continue
        start, end = min(spans[i][0] for i in ids), max(spans[i][1] for i in ids)
        timexes.append(GoldTimex(start, end, text[start:end], t.get("type", ""), t.get("value", "")))
    # the unannotated rest is cut off (it would only cost parsing time)
    return TimeMLDoc(path.stem, dct, text[:scope_end], timexes, (0, scope_end), creation)


def meantime_files(data: Path) -> list[Path]:
    return sorted((data / "corpus" / "meantime" / "intra_cross-doc_annotation").glob("*/*.xml"))


def _match(gold: list[GoldTimex], system: list, strict: bool) -> list[tuple[GoldTimex, object]]:
    """One-to-one pairs of gold and system spans (same span, or overlapping when not strict)."""
    pairs, used = [], set()
    for g in gold:
        best = None
        for i, s in enumerate(system):
            if i in used:
                continue
            same = s.start == g.start and s.end == g.end
            if same or (not strict and s.start < g.end and g.start < s.end):
                overlap = min(s.end, g.end) - max(s.start, g.start)
                if best is None or overlap > best[0]:
                    best = (overlap, i)
        if best is not None:
            used.add(best[1])
            pairs.append((g, system[best[1]]))
    return pairs


def _prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def tbaq_files(data: Path) -> list[Path]:
    base = data / "temporal" / "tbaq"
    return sorted(base.glob("TimeBank/*.tml")) + sorted(base.glob("AQUAINT/*.tml"))


def score_timeml(files: list, parse: bool = True) -> tuple[dict[str, float], list[str]]:
    """Score TimeML documents (paths of .tml files, or loaded :class:`TimeMLDoc`)."""
    nlp = None
    if parse:
        from ..components.nlp import load_model

        nlp = load_model()
    n_gold = n_sys = strict_tp = relaxed_tp = value_ok = type_ok = 0
    errors: list[str] = []
    for f in files:
        doc = f if isinstance(f, TimeMLDoc) else load_timeml(f)
        sdoc = nlp(doc.text) if nlp is not None else None
        system = tag(doc.text, doc.dct or None, sdoc=sdoc)
        if doc.scope is not None:
            system = [m for m in system if doc.scope[0] <= m.start < doc.scope[1]]
        if doc.creation is not None:
            system = [m for m in system if not doc.creation[0] <= m.start < doc.creation[1]]
        n_gold += len(doc.timexes)
        n_sys += len(system)
        strict_tp += len(_match(doc.timexes, system, strict=True))
        pairs = _match(doc.timexes, system, strict=False)
        relaxed_tp += len(pairs)
        for g, s in pairs:
            type_ok += g.type == s.type
            if normalise_value(g.value) == normalise_value(s.value):
                value_ok += 1
            else:
                errors.append(f"{doc.name} [{doc.dct}] value: {g.text!r} gold {g.value} / ours {s.text!r} {s.value}")
        matched = {id(s) for _, s in pairs}
        errors += [f"{doc.name} false positive: {s.text!r} {s.value}" for s in system if id(s) not in matched]
        found = {id(g) for g, _ in pairs}
        errors += [f"{doc.name} missed: {g.text!r} {g.type} {g.value}" for g in doc.timexes if id(g) not in found]
    sp, sr, sf = _prf(strict_tp, n_sys, n_gold)
    rp, rr, rf = _prf(relaxed_tp, n_sys, n_gold)
    vp, vr, vf = _prf(value_ok, n_sys, n_gold)
    metrics = {
        "documents": len(files), "gold": n_gold, "system": n_sys,
        "strict_precision": sp, "strict_recall": sr, "strict_f1": sf,
        "relaxed_precision": rp, "relaxed_recall": rr, "relaxed_f1": rf,
        "value_accuracy": value_ok / relaxed_tp if relaxed_tp else 0.0,
        "type_accuracy": type_ok / relaxed_tp if relaxed_tp else 0.0,
        "value_precision": vp, "value_recall": vr, "value_f1": vf,
    }
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in metrics.items()}, errors


_PAST_CUES = re.compile(r"\b(?:last|ago|yesterday|previous|past|earlier|went|was|were|had|did|came|met|left)\b",
                        re.I)
_FUTURE_CUES = re.compile(r"\b(?:will|shall|next|tomorrow|from\s+now|later|coming|upcoming)\b|['’]ll\b", re.I)


def past_anchored_cases(data: Path) -> list[tuple[str, str, str, str]]:
    """(input, reference date, expression text, expected value) for past-anchored single dates.

    Kept: one result of type date, resolved against the reference date, and
    past by its words ("last", "ago", "yesterday", a past-tense verb) and not
    future ("will", "next"). A value of coarser grain that holds the expected
    day counts ("two years ago" = 2014 for 2014-11-07, as TIMEX3 writes it).
    """
    base = data / "temporal" / "recognizers-text-specs" / "DateTime" / "English"
    out = []
    for name in ("DateParser.json", "DatePeriodParser.json"):
        f = base / name
        if not f.exists():
            continue
        for case in json.loads(f.read_text("utf-8-sig")):
            ref = (case.get("Context") or {}).get("ReferenceDateTime", "")[:10]
            results = case.get("Results") or []
            if not ref or len(results) != 1:
                continue
            r = results[0]
            value = r.get("Value") or {}
            timex = value.get("Timex") or ""
            past = value.get("PastResolution") or {}
            future = value.get("FutureResolution") or {}
            if not timex or timex.startswith("(") or "T" in timex:
                continue
            if "X" in timex:
                if "date" in past:
                    expected = past["date"]
                elif "startDate" in past and re.fullmatch(r"XXXX-\d\d", timex):
                    expected = past["startDate"][:7]
                else:
                    continue
            else:
                expected = timex
            if not _PAST_CUES.search(case["Input"]) or _FUTURE_CUES.search(case["Input"]):
                continue  # the past reading is the right one only where the sentence looks back
            if not re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d(?:-WE)?)?", expected):
                continue
            out.append((case["Input"], ref, r["Text"], expected))
    return out


def _holds(value: str | None, expected: str) -> bool:
    """``value`` names ``expected`` or a period (year, month, ISO week) that holds it."""
    v, e = normalise_value(value), normalise_value(expected)
    if not v or v == e:
        return bool(v)
    if re.fullmatch(r"\d{4}-\d\d-\d\d", e):
        try:
            day = dt.date.fromisoformat(e)
        except ValueError:  # the specs hold a few impossible dates ("31st of this month" in November)
            return False
        if re.fullmatch(r"\d{4}-W\d\d", v):
            y, w, _ = day.isocalendar()
            return v == f"{y:04d}-W{w:02d}"
        return re.fullmatch(r"\d{4}(?:-\d\d)?", v) is not None and e.startswith(v)
    return False


def score_specs(data: Path) -> tuple[dict[str, float], list[str]]:
    cases = past_anchored_cases(data)
    found = correct = 0
    errors = []
    for text, ref, expr, expected in cases:
        got = tag(text, ref)
        lo = text.lower().find(expr.lower())
        hit = [m for m in got if lo >= 0 and m.start < lo + len(expr) and lo < m.end]
        if hit:
            found += 1
        if any(_holds(m.value, expected) for m in hit):
            correct += 1
        else:
            errors.append(f"spec [{ref}] {text!r}: want {expr!r} = {expected}; got "
                          f"{[(m.text, m.value) for m in got]}")
    n = len(cases)
    return {"spec_cases": n, "spec_found": round(found / n, 4) if n else 0.0,
            "spec_accuracy": round(correct / n, 4) if n else 0.0}, errors


@task("time")
def evaluate(data: Path, limit: int | None = None, parse: bool = True, show_errors: int = 0, **_) -> EvalResult:
    """TimeML detection and values on tbaq, and the past-anchored reference-date cases."""
    files = tbaq_files(data)
    if limit:
        files = files[::max(1, len(files) // int(limit))][:int(limit)]
    metrics, errors = score_timeml(files, parse=parse)
    spec_metrics, spec_errors = score_specs(data)
    metrics.update(spec_metrics)
    mfiles = meantime_files(data)
    if limit:
        mfiles = mfiles[::max(1, len(mfiles) // int(limit))][:int(limit)]
    if mfiles:
        mdocs = [load_meantime_timeml(f) for f in mfiles]
        m_metrics, m_errors = score_timeml(mdocs, parse=parse)
        metrics.update({f"meantime_{k}": v for k, v in m_metrics.items()
                        if k in ("gold", "relaxed_f1", "strict_f1", "value_accuracy", "value_f1")})
        metrics["dateline_accuracy"] = round(
            sum(infer_published(d.text) == d.dct for d in mdocs) / len(mdocs), 4)
        errors += m_errors
    report = (
        f"time: {metrics['documents']} TimeML documents, {metrics['gold']} gold TIMEX3, {metrics['system']} found\n"
        f"  detection strict  P {metrics['strict_precision']:.3f} R {metrics['strict_recall']:.3f} "
        f"F1 {metrics['strict_f1']:.3f}\n"
        f"  detection relaxed P {metrics['relaxed_precision']:.3f} R {metrics['relaxed_recall']:.3f} "
        f"F1 {metrics['relaxed_f1']:.3f}\n"
        f"  value accuracy {metrics['value_accuracy']:.3f} (type {metrics['type_accuracy']:.3f}); "
        f"value P {metrics['value_precision']:.3f} R {metrics['value_recall']:.3f} F1 {metrics['value_f1']:.3f}"
        f" (HeidelTime at TempEval-3: ~0.78)\n"
        f"  reference-date cases (past-anchored): {metrics['spec_cases']}, found {metrics['spec_found']:.3f}, "
        f"right value {metrics['spec_accuracy']:.3f}")
    if "meantime_gold" in metrics:
        report += (f"\n  MEANTIME news ({len(mfiles)} articles, {metrics['meantime_gold']} TIMEX3): relaxed F1 "
                   f"{metrics['meantime_relaxed_f1']:.3f}, strict F1 {metrics['meantime_strict_f1']:.3f}, value F1 "
                   f"{metrics['meantime_value_f1']:.3f}; publication date read from the dateline in "
                   f"{metrics['dateline_accuracy']:.3f} of articles")
    if show_errors:
        report += "\n" + "\n".join((errors + spec_errors)[:show_errors])
    return EvalResult("time", metrics, report, details={"errors": errors, "spec_errors": spec_errors})
