"""Time-expression cost: the times stage against the repair + nlp pipeline it follows.

On the MEANTIME articles (repeated to --copies), measures in one run:
  baseline  the repair + nlp components (the parse is the expensive part)
  times     the times component alone (grammar + tense from the parse), same documents
and reports the overhead ratio times / baseline.

    python benchmarks/bench_times.py [--copies 3]
"""
from __future__ import annotations

from _common import meantime_args, meantime_texts, stage_cost, stage_rows, write_result


def main() -> None:
    args = meantime_args(__doc__)
    texts = meantime_texts(args.copies)
    t_base, t_tag, parsed = stage_cost("times", texts, args.repeat, published="2010-06-15",
                                       reset=lambda d: setattr(d, "times", []))
    n = len(texts)
    found = sum(len(d.times) for d in parsed)
    rows = stage_rows("times", n, t_base, t_tag, expressions=found)
    write_result("bench_times", rows, "times stage cost against repair+nlp")


if __name__ == "__main__":
    main()
