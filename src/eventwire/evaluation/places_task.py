"""``eventwire eval places``: toponym recognition and resolution on LGL, TR-News, GeoVirus.

Each article runs through the ``repair``, ``nlp`` and ``places`` components;
where the repair stage changed an article, predicted offsets are mapped back
to the raw text the gold offsets count in. Scores:
- recognition: precision, recall and F1 of predicted place spans against the
  gold toponyms, a prediction matching a gold span it overlaps (one to one);
- resolution, over the gold toponyms recognised: ``acc161``, the share put
  within 161 km (100 miles) of the gold point or on the gold GeoNames feature
  itself (a country's or division's representative point differs between
  sources by more than that: the feature is right, the convention differs);
  ``country_acc``, the share in the gold country; ``exact``, the share on the
  gold GeoNames id.
LGL and TR-News make the dev score (``f1``, ``acc161``, ``country_acc``,
micro-averaged); GeoVirus has coordinates only and is reported apart
(``geovirus.acc161``). ``limit=N`` scores the first N articles of each corpus
(the fast test); the full run is the reference for the floors.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..document import Document, Source
from ..places.resolve import haversine_km
from . import EvalResult, task
from .geo import GeoDoc, read_corpus

DEV = ("lgl", "trnews")
KM = 161.0


def _match(gold, pred) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of overlapping spans, in text order."""
    pairs, used = [], set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and p.start < g.end and g.start < p.end:
                pairs.append((gi, pi))
                used.add(pi)
                break
    return pairs


class Tally:
    def __init__(self):
        self.c = Counter()
        self.errors: list[str] = []
        self.misses: list[str] = []
        self.spurious: list[str] = []

    def add(self, gdoc: GeoDoc, doc: Document, country_iso3: dict[int, str]) -> None:
        c = self.c
        pred = doc.places
        c["gold"] += len(gdoc.toponyms)
        c["pred"] += len(pred)
        pairs = _match(gdoc.toponyms, pred)
        hit_gold = {gi for gi, _ in pairs}
        hit_pred = {pi for _, pi in pairs}
        self.misses += [f"{gdoc.corpus}:{g.phrase}" for gi, g in enumerate(gdoc.toponyms) if gi not in hit_gold]
        self.spurious += [f"{gdoc.corpus}:{p.text}" for pi, p in enumerate(pred) if pi not in hit_pred]
        for gi, pi in pairs:
            g, p = gdoc.toponyms[gi], pred[pi]
            c["tp"] += 1
            if g.lat is None or p.lat is None:
                continue
            c["resolvable"] += 1
            same = g.geonameid is not None and g.geonameid == p.geonameid
            dist = haversine_km(g.lat, g.lon, p.lat, p.lon)
            ok = same or dist <= KM
            c["within"] += ok
            c["exact"] += same
            if g.geonameid is not None:
                c["with_id"] += 1
            gc = country_iso3.get(g.country_geonameid) if g.country_geonameid else None
            if gc:
                c["with_country"] += 1
                c["country_ok"] += gc == p.country
            if not ok and len(self.errors) < 400:
                self.errors.append(f"{gdoc.corpus}:{gdoc.doc_id} {g.phrase!r} -> {p.name} ({p.kind}, {p.country}, "
                                   f"{p.admin1}) {dist:.0f} km off")

    def metrics(self, prefix: str, with_ids: bool = True) -> dict[str, float]:
        c = self.c
        prec = c["tp"] / c["pred"] if c["pred"] else 0.0
        rec = c["tp"] / c["gold"] if c["gold"] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out = {f"{prefix}precision": prec, f"{prefix}recall": rec, f"{prefix}f1": f1,
               f"{prefix}acc161": c["within"] / c["resolvable"] if c["resolvable"] else 0.0}
        if with_ids:
            out[f"{prefix}country_acc"] = c["country_ok"] / c["with_country"] if c["with_country"] else 0.0
            out[f"{prefix}exact"] = c["exact"] / c["with_id"] if c["with_id"] else 0.0
        out[f"{prefix}gold"] = c["gold"]
        out[f"{prefix}resolved"] = c["resolvable"]
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in out.items()}


def _run(docs: list[GeoDoc], pipeline) -> list[Document]:
    batch = [Document.from_raw(d.text, Source(url=d.url, path=f"{d.corpus}:{d.doc_id}")) for d in docs]
    done: list[Document] = []
    for ok, failed in pipeline.pipe(batch, batch_size=32):
        done += ok
        if failed:
            raise RuntimeError(f"places evaluation: {failed[0]}")
    return done


@task("places")
def evaluate(data: Path, limit: int | None = None, **_) -> EvalResult:
    from ..pipeline import Pipeline
    from ..places import load_gazetteer

    pipeline = Pipeline({"pipeline": {"components": ["repair", "nlp", "places"]}})
    gaz = load_gazetteer()
    country_iso3 = {e.geonameid: e.country for e in gaz.countries().values() if e.geonameid}
    metrics: dict[str, float] = {}
    dev = Tally()
    lines = []
    errors, misses, spurious = [], [], []
    for corpus in ("lgl", "trnews", "geovirus"):
        gdocs = read_corpus(data, corpus)
        if limit:
            gdocs = gdocs[:limit]
        tally = Tally()
        changed = 0
        for gdoc, doc in zip(gdocs, _run(gdocs, pipeline)):
            if doc.repairs:  # gold offsets are into the raw text: map the places back through the repairs
                changed += 1
                for p in doc.places:
                    p.start, p.end = doc.raw_offset(p.start), doc.raw_offset(p.end)
            tally.add(gdoc, doc, country_iso3)
            if corpus in DEV:
                dev.add(gdoc, doc, country_iso3)
        m = tally.metrics(f"{corpus}.", with_ids=corpus != "geovirus")
        metrics.update(m)
        errors += tally.errors
        misses += tally.misses
        spurious += tally.spurious
        skipped = sum(d.skipped for d in gdocs)
        lines.append(f"  {corpus:9} {len(gdocs):4} docs {m[corpus + '.gold']:5} toponyms"
                     f" ({skipped} with bad offsets skipped, {changed} docs repaired): F1 {m[corpus + '.f1']:.3f}"
                     f" (P {m[corpus + '.precision']:.3f} R {m[corpus + '.recall']:.3f}),"
                     f" within 161 km {m[corpus + '.acc161']:.3f}"
                     + (f", country {m[corpus + '.country_acc']:.3f}, exact {m[corpus + '.exact']:.3f}"
                        if corpus != "geovirus" else ""))
    overall = dev.metrics("")
    metrics.update({k: overall[k] for k in ("f1", "precision", "recall", "acc161", "country_acc", "exact", "gold",
                                                  "resolved")})
    report = (f"places (dev = LGL + TR-News{f', first {limit} articles each' if limit else ''}): "
              f"recognition F1 {overall['f1']:.3f}, within 161 km {overall['acc161']:.3f}, "
              f"country {overall['country_acc']:.3f}, exact {overall['exact']:.3f}\n" + "\n".join(lines))
    return EvalResult("places", metrics, report, details={"errors": errors, "misses": misses, "spurious": spurious})
