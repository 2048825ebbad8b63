"""Actor linking cost: the actors stage against the repair + nlp pipeline it follows.

On the MEANTIME articles (repeated to --copies), measures in one run:
  baseline  the repair + nlp components (the parse is the expensive part)
  actors    the actors component alone, over the same parsed documents
and reports the overhead ratio actors / baseline (target <= 10%).

    python benchmarks/bench_actors.py [--copies 3]
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
    t_base, t_link, parsed = stage_cost("actors", texts, args.repeat, reset=lambda d: setattr(d, "actors", []))
    n = len(texts)
    mentions = sum(len(a.mentions) for d in parsed for a in d.actors)
    rows = stage_rows("actors", n, t_base, t_link)
    write_result("actors", rows, f"Actor linking on MEANTIME x{args.copies}: {mentions} mentions; "
                 f"adds {100 * t_link / t_base:.1f}% to the repair+nlp time (target <= 10%)")


if __name__ == "__main__":
    main()
