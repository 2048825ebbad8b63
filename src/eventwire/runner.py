"""Process inputs into the store: read, pipeline, write, in batches.

A bad input or a document a stage fails on becomes a row in the ``errors``
table and a line in the summary; the batch goes on. Each batch is written in
one transaction, so a killed run loses at most the batch in flight, and a
re-run replaces rows instead of duplicating them.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .document import Document
from .pipeline import DocFailure, Pipeline, get_pipeline
from .readers import ReadFailure, read
from .store import Store


@dataclass
class RunSummary:
    run_id: str = ""
    articles: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    quotes: int = 0
    seconds: float = 0.0
    failures: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("run_id", "articles", "skipped", "failed", "events", "quotes",
                                               "seconds")} | {"failures": self.failures}


def run(paths: Iterable[str], store: Store, *, pipeline: Pipeline | None = None, published: str | None = None,
        outlet: str | None = None, batch_size: int = 32, skip_done: bool = True,
        progress: Callable[[int], None] | None = None, max_bytes: int | None = None) -> RunSummary:
    """Process ``paths`` into ``store``; returns counts and the failures."""
    pipe = pipeline or get_pipeline()
    paths = list(paths)
    t0 = time.perf_counter()
    summary = RunSummary(run_id=store.start_run(pipe.version, paths))
    done_ids = store.processed_ids(pipe.version) if skip_done else set()
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}

    def flush(batch: list[Document]) -> None:
        ok, failed = pipe(batch)
        fresh = [d for d in ok if d.id not in done_ids]
        summary.skipped += len(ok) - len(fresh)
        store.write(fresh)
        done_ids.update(d.id for d in fresh)
        summary.articles += len(fresh)
        summary.events += sum(len(d.events) for d in fresh)
        summary.quotes += sum(len(d.quotes) for d in fresh)
        _fail(summary, store, [_doc_failure(f) for f in failed])
        if progress:
            progress(len(batch))

    batch: list[Document] = []
    for item in read(paths, published=published, outlet=outlet, **kwargs):
        if isinstance(item, ReadFailure):
            _fail(summary, store, [{"input": item.input, "code": item.code, "message": item.message,
                                    "component": "read"}])
            if progress:
                progress(1)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            flush(batch)
            batch = []
    if batch:
        flush(batch)
    summary.seconds = round(time.perf_counter() - t0, 3)
    store.finish_run(summary.run_id, articles=summary.articles, skipped=summary.skipped,
                     failed=summary.failed, events=summary.events, quotes=summary.quotes)
    return summary


def _doc_failure(f: DocFailure) -> dict:
    return {"input": f.input, "code": f.code, "message": f.message, "component": f.component}


def _fail(summary: RunSummary, store: Store, errors: list[dict]) -> None:
    if not errors:
        return
    summary.failed += len(errors)
    summary.failures.extend(errors)
    store.record_errors(summary.run_id, errors)
