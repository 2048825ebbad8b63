"""Time-expression cost: the times stage against the repair + nlp pipeline it follows.

On the MEANTIME articles (repeated to --copies), measures in one run:
  baseline  the repair + nlp components (the parse is the expensive part)
  times     the times component alone (grammar + tense from the parse), same documents
and reports the overhead ratio times / baseline.

    python benchmarks/bench_times.py [--copies 3]
"""
from __future__ import annotations

import argparse

from _common import data_dir, stage_cost, stage_rows, write_result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from eventwire.evaluation.meantime import iter_corpus

    texts = [d.text for d in iter_corpus(data_dir())] * args.copies
    t_base, t_tag, parsed = stage_cost("times", texts, args.repeat, published="2010-06-15",
                                       reset=lambda d: setattr(d, "times", []))
    n = len(texts)
    found = sum(len(d.times) for d in parsed)
    rows = stage_rows("times", n, t_base, t_tag, expressions=found)
    write_result("bench_times", rows, "times stage cost against repair+nlp")


if __name__ == "__main__":
    main()
