"""Scale: throughput per worker, 2-worker speed-up, Dask overhead, memory, write rate, growth.

Inputs: the MEANTIME articles (as .txt files in the seed layout, each copy
made distinct so it gets its own content id) repeated to --articles, and
generated large inputs (--large articles of about --large-words words each,
built from shuffled MEANTIME sentences, in .jsonl files). Every run is the
real ``eventwire.runner.run`` into a fresh store; in one process, measured in
one go:

  in-process          the default run (baseline for overhead)
  local xN            --workers N for N in --workers (default 1 2): speed-up vs 1
  dask local x2       --dask local with 2 worker processes: overhead vs local x2
  parquet x2          --parquet output with 2 workers: vs the DuckDB store
  growth              local x2 at a quarter, half and all of the articles
  large               local x2 on the generated large articles

Worker start-up (spawning, loading the model) is timed apart from the run.
The write and stories shares are the parts of the run the parent spends
writing batches and in the story stage (serial: the parent is the one writer);
the parent CPU share is the CPU time the parent process used (all its threads)
over the run's time: on 2 cores, what the parent uses the 2 workers cannot.
Peak RSS is polled for the parent and each worker process. Other jobs sharing
the CPUs slow the parallel runs: the load average is printed with the table,
and beside the measured speed-up a ceiling computed from the CPU time the runs
used (workers and parent), which other jobs hardly change.

    python benchmarks/bench_scale.py                 # about 4 minutes (1,000 articles)
    python benchmarks/bench_scale.py --articles 160 --large 8 --no-dask   # a quick look (~1 minute)
    python benchmarks/bench_scale.py --articles 3000 --large 1000   # the full-size run
"""
from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import threading
import time
from pathlib import Path

from _common import data_dir, write_result


class PeakRSS:
    """Polls this process and its children; keeps the peak RSS of the parent and of any one worker,
    and the CPU time the workers used since :meth:`mark` (as last seen: they exit when the run ends).

    The list of children is looked up once a second, not at every poll: psutil finds children by
    reading every process's /proc entry, ~1 ms of this process's CPU each time, which the workers
    of a parallel run would otherwise lose to the measurement."""

    def __init__(self, interval: float = 0.1, refresh: float = 1.0):
        import psutil

        self.proc = psutil.Process()
        self.interval = interval
        self.refresh = refresh
        self.parent = self.worker = 0
        self.cpu: dict[int, float] = {}  # worker pid -> CPU seconds, last seen
        self.cpu_at_mark: dict[int, float] = {}
        self._kids: list = []
        self._kids_at = float("-inf")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def mark(self) -> None:
        """Worker CPU is counted from here (after start-up: loading the model is not the run's work)."""
        self._sample(force=True)
        self.cpu_at_mark = dict(self.cpu)

    @property
    def worker_cpu(self) -> float:
        return sum(v - self.cpu_at_mark.get(pid, 0.0) for pid, v in self.cpu.items())

    def _sample(self, force: bool = False) -> None:
        import psutil

        now = time.monotonic()
        if force or now - self._kids_at >= self.refresh:
            self._kids = self.proc.children(recursive=True)
            self._kids_at = now
        for c in self._kids:
            try:
                with c.oneshot():
                    t = c.cpu_times()
                    self.cpu[c.pid] = t.user + t.system
                    self.worker = max(self.worker, c.memory_info().rss)
            except psutil.Error:
                self._kids_at = float("-inf")  # gone (a restarted pool): look again next time
                continue

    def _poll(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                self.parent = max(self.parent, self.proc.memory_info().rss)
                self._sample()
            except psutil.Error:
                pass
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def write_meantime(folder: Path, n: int) -> int:
    """MEANTIME repeated to ``n`` distinct .txt files; returns the words written."""
    from eventwire.evaluation.meantime import iter_corpus

    docs = iter_corpus(data_dir())
    folder.mkdir(parents=True)
    words = 0
    for i in range(n):
        d = docs[i % len(docs)]
        body = f"{d.title} (copy {i // len(docs)})\n\n{d.text}"
        (folder / f"{i:06d}.txt").write_text(f"Wikinews\n{body}\n", encoding="utf-8")
        words += len(body.split())
    return words


def write_large(folder: Path, n: int, words_each: int, per_file: int = 50) -> int:
    """``n`` generated long articles of shuffled MEANTIME sentences, in .jsonl files."""
    import re

    from eventwire.evaluation.meantime import iter_corpus

    sents = [s for d in iter_corpus(data_dir()) for s in re.split(r"(?<=[.!?])\s+", d.text) if len(s) > 20]
    rng = random.Random(7)
    folder.mkdir(parents=True)
    words = 0
    for k in range(0, n, per_file):
        with open(folder / f"large{k:06d}.jsonl", "w", encoding="utf-8") as fh:
            for _ in range(min(per_file, n - k)):
                text, count = [], 0
                while count < words_each:
                    s = rng.choice(sents)
                    text.append(s)
                    count += len(s.split())
                words += count
                fh.write(json.dumps({"text": " ".join(text), "outlet": "Generated"}) + "\n")
    return words


def measure(label: str, inputs: Path, out: Path, *, workers: int | None, dask: bool = False,
            parquet: bool = False, words: int, batch_size: int, config: str | None) -> dict:
    from eventwire.executors import DaskCluster, InProcess, LocalProcesses
    from eventwire.pipeline import freeze_loaded, get_pipeline
    from eventwire.runner import run
    from eventwire.store import Store
    from eventwire.store.parquet import ParquetDataset
    from eventwire.workers import pipeline_for

    pipe = get_pipeline(config)
    freeze_loaded()  # as `eventwire run` does
    with PeakRSS() as rss:
        t = time.perf_counter()
        if dask:
            ex = DaskCluster("local", pipe.config, n_workers=workers)
            ex.client.run(pipeline_for, pipe.config)  # load the model on every worker
        elif workers:
            ex = LocalProcesses(workers, config)
            for f in [ex.pool.submit(pow, 2, 2) for _ in range(4 * workers)]:  # spawn and initialise all
                f.result()
        else:
            ex = InProcess(pipe)
        startup = time.perf_counter() - t
        rss.mark()
        sink = ParquetDataset(out) if parquet else Store(out)
        with sink:
            s = run([inputs], sink, pipeline=pipe, executor=ex, batch_size=batch_size)
    n = s.articles
    return {
        "run": label, "workers": workers or 0, "articles": n, "startup s": round(startup, 1),
        "seconds": round(s.seconds, 1), "articles/s": round(n / s.seconds, 1),
        "words/s": round(words / s.seconds), "articles/s/worker": round(n / s.seconds / (workers or 1), 1),
        "peak RSS parent MB": round(rss.parent / 2**20), "peak RSS worker MB": round((rss.worker if workers else rss.parent) / 2**20),
        "write articles/s": round(n / s.write_seconds) if s.write_seconds else "-",
        "write share": f"{100 * s.write_seconds / s.seconds:.0f}%",
        "stories share": f"{100 * s.story_seconds / s.seconds:.0f}%",
        "parent CPU share": f"{100 * s.parent_cpu_seconds / s.seconds:.0f}%",
        "CPU ms/article": round(1000 * (s.parent_cpu_seconds + rss.worker_cpu) / max(n, 1)),
        "_cpu": (rss.worker_cpu if workers else s.parent_cpu_seconds, s.parent_cpu_seconds if workers else 0.0),
        "_failed": s.failed,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000,
                    help="MEANTIME repeated to this many articles (a run's start and end, when one worker may idle, "
                         "weigh on a short run: a few hundred articles understate the speed-up)")
    ap.add_argument("--large", type=int, default=24, help="generated large articles")
    ap.add_argument("--large-words", type=int, default=3000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=32, help="articles per batch (default: eventwire run's)")
    ap.add_argument("--config", help="pipeline config (default: packaged)")
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args()

    load0 = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        words = write_meantime(tmp / "meantime", args.articles)
        kw = {"batch_size": args.batch_size, "config": args.config}
        rows = [measure("in-process", tmp / "meantime", tmp / "inproc.duckdb", workers=None, words=words, **kw)]
        for n in args.workers:
            rows.append(measure(f"local x{n}", tmp / "meantime", tmp / f"local{n}.duckdb", workers=n,
                                words=words, **kw))
        w2 = max(args.workers)
        if not args.no_dask:
            rows.append(measure(f"dask local x{w2}", tmp / "meantime", tmp / "dask.duckdb", workers=w2, dask=True,
                                words=words, **kw))
        rows.append(measure(f"parquet x{w2}", tmp / "meantime", tmp / "ds", workers=w2, parquet=True,
                            words=words, **kw))
        large_words = write_large(tmp / "large", args.large, args.large_words)
        rows.append(measure(f"large x{w2}", tmp / "large", tmp / "large.duckdb", workers=w2, words=large_words,
                            **kw))
        growth = []
        for frac in (4, 2):
            n = args.articles // frac
            sub = tmp / f"meantime_{n}"
            sub_words = write_meantime(sub, n)
            growth.append(measure(f"local x{w2}, {n} articles", sub, tmp / f"g{n}.duckdb", workers=w2,
                                  words=sub_words, **kw))
        growth.append({**next(r for r in rows if r["run"] == f"local x{w2}"),
                       "run": f"local x{w2}, {args.articles} articles"})
    load1 = os.getloadavg()[0]

    by = {r["run"]: r for r in rows}
    speedup = by[f"local x{w2}"]["articles/s"] / by["local x1"]["articles/s"] if "local x1" in by else None
    for r in rows:
        r["vs local x1"] = round(r["articles/s"] / by["local x1"]["articles/s"], 2) if "local x1" in by else "-"
    failed = sum(r.pop("_failed") for r in rows + growth)
    cpu = {r["run"]: r.pop("_cpu") for r in rows + growth}
    base = growth[0]["seconds"] / growth[0]["articles"]
    growth_rows = [{"run": g["run"], "articles": g["articles"], "seconds": g["seconds"],
                    "ms/article": round(1000 * g["seconds"] / g["articles"], 1),
                    "vs smallest": round(g["seconds"] / g["articles"] / base, 2)} for g in growth]
    notes = [f"CPUs: {os.cpu_count()}, load average {load0:.1f} at start, {load1:.1f} at end "
             "(other jobs on the machine slow the parallel runs)", f"failed articles: {failed}"]
    if speedup:
        notes.append(f"speed-up x{w2} vs x1: {speedup:.2f} (target >= 1.7 on 2 idle cores)")
        (w1, p1), (wn, pn) = cpu["local x1"], cpu[f"local x{w2}"]
        notes.append(f"CPU time (workers + parent) x1 {w1:.1f}+{p1:.1f} s, x{w2} {wn:.1f}+{pn:.1f} s: on {w2} idle "
                     f"cores at most {min(w2, w2 * w1 / (wn + pn)):.2f}x (x1 is bound by its worker's CPU, "
                     f"x{w2} by all CPU spread over {w2} cores; an estimate that other jobs do not skew)")
    if not args.no_dask:
        dask_over = by[f"local x{w2}"]["articles/s"] / by[f"dask local x{w2}"]["articles/s"] - 1
        notes.append(f"Dask overhead vs local x{w2}: {100 * dask_over:+.0f}% time")
    notes.append(f"Parquet vs DuckDB store (x{w2}): "
                 f"{by[f'parquet x{w2}']['articles/s'] / by[f'local x{w2}']['articles/s']:.2f}x the rate")
    write_result("scale", rows, f"Scale on MEANTIME x{args.articles} and {args.large} generated articles of "
                 f"~{args.large_words} words")
    print()
    write_result("scale_growth", growth_rows, f"Time vs corpus size (local x{w2})")
    print()
    print("\n".join(f"- {n}" for n in notes))


if __name__ == "__main__":
    main()
