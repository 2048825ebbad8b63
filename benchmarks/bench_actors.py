"""Actor linking cost: the actors stage against the repair + nlp pipeline it follows.

On the MEANTIME articles (repeated to --copies), measures in one run:
  baseline  the repair + nlp components (the parse is the expensive part)
  actors    the actors component alone, over the same parsed documents
and reports the overhead ratio actors / baseline (target <= 10%).

    python benchmarks/bench_actors.py [--copies 3]
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
    pipe = Pipeline({"pipeline": {"components": ["repair", "nlp", "actors"]}})
    actors = pipe.steps[2][1]
    parsed: list[Document] = []

    def baseline():
        docs = [Document.from_raw(t) for t in texts]
        ok, _ = pipe(docs, stop=2)  # repair + nlp; keeps the spaCy parse for the actors stage
        parsed[:] = ok

    def link():
        for d in parsed:
            d.actors = []
        actors(parsed)

    baseline()
    link()  # warm-up: KB, gazetteer and city table loaded
    t_base = best_of(baseline, args.repeat)
    t_link = best_of(link, args.repeat)
    n = len(texts)
    mentions = sum(len(a.mentions) for d in parsed for a in d.actors)
    rows = [
        {"run": "repair+nlp (baseline)", "articles": n, "articles/s": round(n / t_base, 1), "ratio": 1.0},
        {"run": "actors stage", "articles": n, "articles/s": round(n / t_link, 1),
         "ratio": round(t_link / t_base, 4)},
    ]
    write_result("actors", rows, f"Actor linking on MEANTIME x{args.copies}: {mentions} mentions; "
                 f"adds {100 * t_link / t_base:.1f}% to the repair+nlp time (target <= 10%)")


if __name__ == "__main__":
    main()
