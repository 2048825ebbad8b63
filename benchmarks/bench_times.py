"""Time-expression cost: the times stage against the repair + nlp pipeline it follows.

On the MEANTIME articles (repeated to --copies), measures in one run:
  baseline  the repair + nlp components (the parse is the expensive part)
  times     the times component alone (grammar + tense from the parse), same documents
and reports the overhead ratio times / baseline.

    python benchmarks/bench_times.py [--copies 3]
"""
from __future__ import annotations

import argparse

from _common import best_of, data_dir, write_result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from eventwire.document import Document
    from eventwire.evaluation.meantime import iter_corpus
    from eventwire.pipeline import Pipeline

    texts = [d.text for d in iter_corpus(data_dir())] * args.copies
    pipe = Pipeline({"pipeline": {"components": ["repair", "nlp", "times"]}})
    times = pipe.steps[2][1]
    parsed: list[Document] = []

    def baseline():
        docs = [Document.from_raw(t) for t in texts]
        for d in docs:
            d.source.published = "2010-06-15"
        ok, _ = pipe(docs, stop=2)  # repair + nlp; keeps the spaCy parse for the times stage
        parsed[:] = ok

    def tag():
        times(parsed)

    baseline()
    tag()  # warm-up
    t_base = best_of(baseline, args.repeat)
    t_tag = best_of(tag, args.repeat)
    n = len(texts)
    found = sum(len(d.times) for d in parsed)
    rows = [
        {"run": "repair+nlp (baseline)", "articles": n, "articles/s": round(n / t_base, 1), "ratio": 1.0,
         "expressions": found},
        {"run": "times stage", "articles": n, "articles/s": round(n / t_tag, 1),
         "ratio": round(t_tag / t_base, 3), "expressions": found},
    ]
    write_result("bench_times", rows, "times stage cost against repair+nlp")


if __name__ == "__main__":
    main()
