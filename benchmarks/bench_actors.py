"""Actor linking cost: the actors stage against the repair + nlp pipeline it follows.

On the MEANTIME articles (repeated to --copies), measures in one run:
  baseline  the repair + nlp components (the parse is the expensive part)
  actors    the actors component alone, over the same parsed documents
and reports the overhead ratio actors / baseline (target <= 10%).

    python benchmarks/bench_actors.py [--copies 3]
"""
from __future__ import annotations

from _common import meantime_args, meantime_texts, stage_cost, stage_rows, write_result


def main() -> None:
    args = meantime_args(__doc__)
    texts = meantime_texts(args.copies)
    t_base, t_link, parsed = stage_cost("actors", texts, args.repeat, reset=lambda d: setattr(d, "actors", []))
    n = len(texts)
    mentions = sum(len(a.mentions) for d in parsed for a in d.actors)
    rows = stage_rows("actors", n, t_base, t_link)
    write_result("actors", rows, f"Actor linking on MEANTIME x{args.copies}: {mentions} mentions; "
                 f"adds {100 * t_link / t_base:.1f}% to the repair+nlp time (target <= 10%)")


if __name__ == "__main__":
    main()
