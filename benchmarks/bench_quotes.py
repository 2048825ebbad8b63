"""Quotes cost: the quotes stage against the repair + nlp pipeline it follows.

On PolNeAR dev articles (political news, dense in quotes), measures in one run:
  baseline  the repair + nlp components (the parse is the expensive part)
  quotes    the quotes component alone, over the same parsed documents
and reports the overhead ratio quotes / baseline (target <= 10%).

    python benchmarks/bench_quotes.py [--articles 40]
"""
from __future__ import annotations

import argparse

from _common import data_dir, stage_cost, stage_rows, write_result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from eventwire.evaluation.polnear import iter_split

    texts = [a.text for a in iter_split(data_dir() / "quotes" / "polnear", "dev", args.articles)]
    t_base, t_quotes, parsed = stage_cost("quotes", texts, args.repeat,
                                          reset=lambda d: d.user_data.pop("attribution_frames", None))
    n = len(texts)
    found = sum(len(d.quotes) for d in parsed)
    rows = stage_rows("quotes", n, t_base, t_quotes)
    write_result("quotes", rows, f"Quotes on {n} PolNeAR dev articles: {found} quotes; "
                 f"adds {100 * t_quotes / t_base:.1f}% to the repair+nlp time (target <= 10%)")


if __name__ == "__main__":
    main()
