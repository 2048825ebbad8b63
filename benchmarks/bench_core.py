"""Core throughput: eventwire read + repair + spaCy vs plain ``nlp.pipe``.

On the MEANTIME articles (written to .txt files in the seed layout, repeated
to --copies), measures in one run:
  baseline  spaCy ``nlp.pipe`` over the already-decoded texts
  eventwire ``read`` of the files + the repair and nlp components
and reports articles/s for each and the overhead ratio (target <= 10%).

    python benchmarks/bench_core.py [--copies 4]
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _common import best_of, data_dir, write_result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    import eventwire
    from eventwire.components.nlp import load_model
    from eventwire.evaluation.meantime import iter_corpus
    from eventwire.pipeline import Pipeline

    docs = iter_corpus(data_dir()) * args.copies
    with tempfile.TemporaryDirectory() as tmp:
        for i, d in enumerate(docs):
            Path(tmp, f"{i:05d}.txt").write_text(f"Wikinews\n{d.text}\n", encoding="utf-8")
        texts = [d.text for d in docs]
        nlp = load_model()
        pipe = Pipeline({"pipeline": {"components": ["repair", "nlp"]}})

        def baseline():
            for _ in nlp.pipe(texts, batch_size=32):
                pass

        def ours():
            items = (x for x in eventwire.read(tmp) if isinstance(x, eventwire.Document))
            for _ in pipe.pipe(items, batch_size=32):
                pass

        ours()  # warm-up: model and ftfy tables loaded
        t_base = best_of(baseline, args.repeat)
        t_ours = best_of(ours, args.repeat)
    n = len(docs)
    words = sum(len(t.split()) for t in texts)
    rows = [
        {"run": "spaCy nlp.pipe (baseline)", "articles": n, "articles/s": round(n / t_base, 1),
         "words/s": round(words / t_base), "ratio": 1.0},
        {"run": "eventwire read+repair+nlp", "articles": n, "articles/s": round(n / t_ours, 1),
         "words/s": round(words / t_ours), "ratio": round(t_base / t_ours, 3)},
    ]
    write_result("core", rows, f"Core throughput on MEANTIME x{args.copies} "
                 f"(overhead {100 * (t_ours / t_base - 1):.1f}%, target <= 10%)")


if __name__ == "__main__":
    main()
