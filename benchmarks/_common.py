"""Helpers shared by the benchmark scripts: data location, timing, result tables.

Benchmarks report ratios against a baseline measured in the same run, never
absolute timings as pass/fail.
"""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def data_dir() -> Path:
    from eventwire.evaluation import data_dir as find

    return find()


def best_of(fn, repeat: int = 3) -> float:
    """Fastest wall time of ``repeat`` calls (the least disturbed run)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def table(rows: list[dict], title: str) -> str:
    cols = list(rows[0])
    widths = [max(len(c), *(len(str(r[c])) for r in rows)) for c in cols]
    lines = [f"## {title}", "", "| " + " | ".join(c.ljust(w) for c, w in zip(cols, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(str(r[c]).ljust(w) for c, w in zip(cols, widths)) + " |" for r in rows]
    return "\n".join(lines)


def write_result(name: str, rows: list[dict], title: str) -> None:
    """Print the table and keep a JSON copy in benchmarks/results/ (git-ignored)."""
    print(table(rows, title))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(rows, indent=2))


def stage_cost(stage: str, texts: list[str], repeat: int, *, reset=None, published: str | None = None):
    """Time one component against the repair + nlp pipeline it follows, same documents, same run.

    Returns (baseline seconds, stage seconds, the parsed documents after the
    stage). ``reset(doc)`` clears what the stage wrote before each timed pass.
    """
    from eventwire.document import Document
    from eventwire.pipeline import Pipeline

    pipe = Pipeline({"pipeline": {"components": ["repair", "nlp", stage]}})
    run_stage = pipe.steps[2][1]
    parsed: list = []

    def baseline():
        docs = [Document.from_raw(t) for t in texts]
        for d in docs:
            d.source.published = published
        ok, _ = pipe(docs, stop=2)  # repair + nlp; keeps the spaCy parse for the stage
        parsed[:] = ok

    def one_stage():
        for d in parsed:
            if reset:
                reset(d)
        run_stage(parsed)

    baseline()
    one_stage()  # warm-up: data files loaded
    return best_of(baseline, repeat), best_of(one_stage, repeat), parsed


def stage_rows(stage: str, n: int, t_base: float, t_stage: float, **extra) -> list[dict]:
    """The two result rows of a :func:`stage_cost` benchmark: baseline and stage, with the ratio."""
    return [
        {"run": "repair+nlp (baseline)", "articles": n, "articles/s": round(n / t_base, 1), "ratio": 1.0, **extra},
        {"run": f"{stage} stage", "articles": n, "articles/s": round(n / t_stage, 1),
         "ratio": round(t_stage / t_base, 4), **extra},
    ]


def meantime_args(doc: str, copies: int = 3):
    """Command-line options shared by the MEANTIME benchmarks: --copies and --repeat."""
    import argparse

    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--copies", type=int, default=copies, help="MEANTIME repeated this many times")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes; the best is kept")
    return ap.parse_args()


def meantime_texts(copies: int = 1) -> list[str]:
    """The MEANTIME articles' texts, repeated ``copies`` times."""
    from eventwire.evaluation.meantime import iter_corpus

    return [d.text for d in iter_corpus(data_dir())] * copies
