"""Event extraction throughput: parse only sentences that can hold an event.

On the MEANTIME articles, runs the pipeline repair -> nlp -> actors -> events
three times in one process, interleaved, best of --repeat each:
  baseline  spaCy's full pipeline as shipped (``parse = "all"``, ``kernels = "spacy"``:
            thinc's blis, spaCy's attribute ruler): every sentence tagged and parsed
  all       eventwire's default: every sentence, ``kernels = "eventwire"`` (numpy's BLAS,
            the attribute ruler as array operations: the same annotations)
  selected  ``parse = "selected"`` (and eventwire's kernels): tokenizer, NER and senter over
            every sentence; tok2vec, tagger, parser, attribute rules and lemmas only
            over sentences with two possible actors and a trigger, one and a trigger
            that can code alone, a speech cue or a quotation
and reports articles/s and words/s per CPU second of this process (steady on a
shared machine; wall-clock ratio shown beside it), the speed ratio against the
baseline (target >= 1.3) and, apart, what the choice of sentences alone gains
(selected vs all), the share of sentences and of tokens tagged and parsed, and
the events each run found (target: no loss), with the events found by one run
and not the baseline.

    python benchmarks/bench_events.py [--copies 1] [--repeat 3]
"""
from __future__ import annotations

import time

from _common import meantime_args, meantime_texts, write_result


def main() -> None:
    args = meantime_args(__doc__, copies=1)

    import eventwire
    from eventwire.pipeline import Pipeline

    texts = meantime_texts(args.copies)
    stages = ["repair", "nlp", "actors", "events"]
    settings = {"baseline": {"parse": "all", "kernels": "spacy"}, "all": {"parse": "all"},
                "selected": {"parse": "selected"}}
    pipes = {mode: Pipeline({"pipeline": {"components": stages}, "components": {"nlp": nlp}})
             for mode, nlp in settings.items()}
    found: dict[str, set] = {}
    parsed_share: dict[str, float] = {}
    token_share: dict[str, float] = {}

    def run(mode: str) -> tuple[float, float]:
        docs = [eventwire.Document.from_raw(t) for t in texts]
        t0, c0 = time.perf_counter(), time.process_time()
        for _, fn in pipes[mode].steps:
            fn(docs)
        dt = (time.perf_counter() - t0, time.process_time() - c0)
        found[mode] = {(i, e.trigger.start, e.cameo, tuple(a.actor for a in e.source),
                        tuple(a.actor for a in e.target), e.negated) for i, d in enumerate(docs) for e in d.events}
        n_sent = sum(len(d.sentences) for d in docs)
        n_parsed = sum(len(d.sentences) if d.user_data.get("parsed_sentences") is None
                       else len(d.user_data["parsed_sentences"]) for d in docs)
        parsed_share[mode] = n_parsed / max(1, n_sent)
        n_tok = sum(len(d.user_data["spacy"]) for d in docs)
        tok_parsed = sum(len(s) for d in docs for i, s in enumerate(d.user_data["spacy"].sents)
                         if d.user_data.get("parsed_sentences") is None or i in d.user_data["parsed_sentences"])
        token_share[mode] = tok_parsed / max(1, n_tok)
        return dt

    for mode in pipes:
        run(mode)  # warm-up: models, KB and pattern tables loaded
    times: dict[str, list] = {mode: [] for mode in pipes}
    for _ in range(args.repeat):
        for mode in pipes:
            times[mode].append(run(mode))
    # CPU time of this process: on a shared machine it is far steadier than wall time
    cpu = {m: min(t[1] for t in times[m]) for m in pipes}
    wall = {m: min(t[0] for t in times[m]) for m in pipes}
    n = len(texts)
    words = sum(len(t.split()) for t in texts)
    names = {"baseline": "spaCy full pipeline as shipped (baseline)", "all": "all sentences, eventwire kernels (default)",
             "selected": "selected sentences parsed, eventwire kernels"}
    rows = [{"run": names[m], "articles/s": round(n / cpu[m], 2), "words/s": round(words / cpu[m]),
             "ratio": round(cpu["baseline"] / cpu[m], 3), "wall ratio": round(wall["baseline"] / wall[m], 3),
             "vs all": round(cpu["all"] / cpu[m], 3),
             "sentences parsed": f"{parsed_share[m]:.0%}", "tokens parsed": f"{token_share[m]:.0%}",
             "events": len(found[m]), "events not in baseline": len(found[m] - found["baseline"]),
             "baseline events missing": len(found["baseline"] - found[m])} for m in pipes]
    write_result("events", rows, f"Events pipeline (repair, nlp, actors, events) on MEANTIME x{args.copies}, "
                 f"{n} articles, {words} words; ratio (CPU) target >= 1.3 against the baseline, no loss in events")


if __name__ == "__main__":
    main()
