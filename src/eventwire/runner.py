"""Process inputs into a store: read, skip what is done, process in batches, write.

The parent process streams the inputs (one file in memory at a time), runs
the cheap steps that settle each article's text and so its content id (the
repair), and drops articles already stored with the same pipeline version, or
already seen in this run. The rest go, a batch at a time, to an executor
(:mod:`eventwire.executors`: this process, local worker processes or a Dask
cluster) with a bounded number of batches in flight. Results are written by
this process alone (DuckDB allows one writer), in submission order, each
batch together with its errors and the input files it completes; when the
batches in flight fill the executor's slots, several finished ones share one
transaction (a commit costs the one writer as much as a batch's rows). One
full batch is held back until the next fills, so that when the input ends the
last ones can go out cut into smaller pieces and the workers finish together.

So a run killed at any point (even ``kill -9``) leaves whole batches only,
and the same command run again skips what is stored and finishes the job: no
article lost, none duplicated. A bad input or a document a stage fails on
becomes a row in the ``errors`` table and a line in the summary; the batch
goes on.
"""
from __future__ import annotations

import os
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Callable, Iterable, Iterator, Protocol, Sequence

from .document import Document
from .errors import RunFailed
from .executors import Executor, InProcess
from .pipeline import Pipeline, get_pipeline
from .readers import ReadFailure, iter_files, read
from .store.rows import concat_tables
from .workers import payload

MAX_FAILURES_KEPT = 1000  # in the summary; the errors table keeps them all


class Sink(Protocol):
    """Where a run writes: the DuckDB :class:`~eventwire.store.Store` or a Parquet dataset."""

    path: str

    def start_run(self, pipeline_version: str, inputs: list[str]) -> str: ...

    def finish_run(self, run_id: str, **counts: int) -> None: ...

    def known_ids(self, ids: Sequence[str], pipeline_version: str) -> set[str]: ...

    def input_unchanged(self, path: str, mtime: float, size: int, pipeline_version: str) -> bool: ...

    def write_rows(self, ids: Sequence[str], tables: dict[str, Any], *,
                   errors: Sequence[dict[str, Any]] = (), inputs: Sequence[dict[str, Any]] = (),
                   occurrences: Sequence[dict[str, Any]] = ()) -> set[str]: ...


@dataclass
class RunSummary:
    run_id: str = ""
    articles: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    quotes: int = 0
    words: int = 0
    inputs_skipped: int = 0
    seconds: float = 0.0
    write_seconds: float = 0.0
    story_seconds: float = 0.0
    parent_cpu_seconds: float = 0.0  # CPU this process spent (reading, writing, stories), all its threads
    failures: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        keys = ("run_id", "articles", "skipped", "failed", "events", "quotes", "words", "inputs_skipped",
                "seconds", "write_seconds", "story_seconds", "parent_cpu_seconds")
        return {k: getattr(self, k) for k in keys} | {"failures": self.failures}


@dataclass
class _Batch:
    """Collected in input order; committed as one transaction."""

    docs: list[Document] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    inputs: list[dict] = field(default_factory=list)
    items: int = 0
    chars: int = 0


@dataclass
class _InFlight:
    handle: Any
    ids: set[str]
    errors: list[dict]
    inputs: list[dict]
    items: int
    occurrences: list[dict] = field(default_factory=list)


def run(paths: Iterable[str], store: Sink, *, pipeline: Pipeline | None = None,
        executor: Executor | None = None, published: str | None = None, outlet: str | None = None,
        batch_size: int = 32, max_batch_chars: int = 100_000, skip_done: bool = True, new_only: bool = False, since: str | None = None,
        progress: Callable[[int], None] | None = None, max_bytes: int | None = None,
        stories: bool = True) -> RunSummary:
    """Process ``paths`` (files, folders, ``-``) into ``store``; returns counts and failures.

    ``skip_done`` skips articles stored with this pipeline version (by content
    id); ``new_only`` skips input files read before, unchanged; ``since``
    (``YYYY-MM-DD``) skips files last modified before that day and articles
    published before it. With ``stories`` (the default, DuckDB stores only) each
    written batch then goes through the story stage (:mod:`eventwire.stories`):
    near-duplicates linked, articles placed into stories incrementally; the
    merged events and stories the run touched are summarised once, at its end.
    A batch is also closed at ``max_batch_chars`` of text, so long articles
    make smaller batches and worker memory stays bounded.
    """
    pipe = pipeline or get_pipeline()
    executor = executor or InProcess(pipe)
    paths = [str(p) for p in paths]
    t0, cpu0 = time.perf_counter(), time.process_time()
    summary = RunSummary(run_id=store.start_run(pipe.version, paths))
    version = pipe.version
    stage: list = []  # the story stage, made when the first batch is written (workers are busy by then)
    # Batches written per transaction when the executor's slots are full: a commit costs the one
    # writer (this process) about as much as the rows of a 16-article batch, and on a machine with as
    # many cores as workers what this process spends, the workers cannot use.
    group = max(1, executor.slots // 2)
    inflight: deque[_InFlight] = deque()
    pending_ids: set[str] = set()  # submitted, not yet committed
    seen_this_run: set[str] | None = None if skip_done else set()

    def note_failures(errors: list[dict]) -> None:
        summary.failed += len(errors)
        room = MAX_FAILURES_KEPT - len(summary.failures)
        summary.failures.extend(errors[:max(room, 0)])

    def commit(entries: list[_InFlight]) -> None:
        """Write the results of ``entries`` (consecutive, in submission order) in one transaction;
        then place their articles into stories, batch by batch, as if written one by one."""
        results = [executor.result(e.handle) if e.handle is not None else None for e in entries]
        errors: list[dict] = []
        for entry, res in zip(entries, results):
            errors += entry.errors
            if res is not None:
                if res["version"] != version:
                    raise RunFailed(f"a worker runs pipeline version {res['version']}, this run {version}: "
                                    "install the same eventwire, model and config on every worker", input="--dask")
                errors += res["failures"]
        note_failures(errors)
        done = [r for r in results if r is not None]
        ids = [i for r in done for i in r["ids"]]
        story_stage = stage_for_commits()  # made before the write, so the first batch is placed from what came back
        t = time.perf_counter()
        recounted = store.write_rows(ids, concat_tables(r["tables"] for r in done),
                                     errors=[{**e, "run_id": summary.run_id} for e in errors],
                                     inputs=[{**i, "pipeline_version": version, "run_id": summary.run_id}
                                             for e in entries for i in e.inputs],
                                     occurrences=[o for e in entries for o in e.occurrences])
        summary.write_seconds += time.perf_counter() - t
        t = time.perf_counter()
        if story_stage is not None:
            with story_stage.batched():  # their placements in one transaction too
                for res in done:
                    if res["ids"]:
                        story_stage.update(res["ids"], res.get("stories") or {}, refresh=False)
            if recounted - set(ids):  # an article stored before, read again from another outlet
                story_stage.recount(recounted - set(ids))
        summary.story_seconds += time.perf_counter() - t
        for entry in entries:
            pending_ids.difference_update(entry.ids)
        for res in done:
            summary.articles += len(res["ids"])
            summary.events += res["events"]
            summary.quotes += res["quotes"]
            summary.words += res["words"]
        if progress:
            progress(sum(e.items for e in entries))

    def commit_ready(*, at_least: int) -> None:
        """Commit the leading in-flight batches that are done, waiting for the first ``at_least``."""
        n = at_least
        while n < len(inflight) and _done(inflight[n].handle):
            n += 1
        commit([inflight.popleft() for _ in range(n)])

    def stage_for_commits():
        if not stage:
            stage.append(_story_stage(store) if stories else None)
        return stage[0]

    def dispatch(batch: _Batch) -> None:
        ok, failed = pipe(batch.docs, stop=pipe.id_steps)
        batch.errors += [{"input": f.input, "code": f.code, "message": f.message, "component": f.component}
                         for f in failed]
        fresh = _fresh(ok)
        summary.skipped += len(ok) - len(fresh)
        ids = {d.id for d in fresh}
        pending_ids.update(ids)
        handle = executor.submit([payload(d) for d in fresh]) if fresh else None
        inflight.append(_InFlight(handle, ids, batch.errors, batch.inputs, batch.items, _occurrences(ok)))
        if len(inflight) > executor.slots:  # full: write several batches at once, workers keep the rest
            commit_ready(at_least=group)
        elif _done(inflight[0].handle) and (group == 1 or len(inflight) > 1 and _done(inflight[1].handle)):
            commit_ready(at_least=1)

    def _fresh(docs: list[Document]) -> list[Document]:
        stored = store.known_ids([d.id for d in docs], version) if skip_done else set()
        out, here = [], set()
        for d in docs:
            if d.id in stored or d.id in pending_ids or d.id in here:
                continue
            if seen_this_run is not None:
                if d.id in seen_this_run:
                    continue
                seen_this_run.add(d.id)
            here.add(d.id)
            out.append(d)
        return out

    with _queries_on_one_thread(store, executor):
        try:
            batch = _Batch()
            held: list[_Batch] = []  # the last full batch: sent when the next one fills, or split at the end
            for kind, item in _items(paths, store, version, published=published, outlet=outlet,
                                     max_bytes=max_bytes, new_only=new_only, since=since):
                if kind == "doc":
                    batch.docs.append(item)
                    batch.items += 1
                    batch.chars += len(item.raw)
                elif kind == "error":
                    batch.errors.append(item)
                    batch.items += 1
                elif kind == "input":
                    batch.inputs.append(item)
                elif kind == "skip":
                    summary.skipped += 1
                    batch.items += 1
                else:  # "skip_input"
                    summary.inputs_skipped += 1
                if len(batch.docs) >= batch_size or batch.chars >= max_batch_chars:
                    if held:
                        dispatch(held.pop())
                    held.append(batch)
                    batch = _Batch()
            for piece in _last_pieces(held + [batch], executor.slots):
                dispatch(piece)
            while inflight:  # the last batches: each written as soon as it is back
                commit_ready(at_least=1)
            executor.close()  # nothing left to send: the workers leave while the summaries are refreshed
            if stage and stage[0] is not None:  # the merged events and stories this run touched
                t = time.perf_counter()
                stage[0].refresh()
                summary.story_seconds += time.perf_counter() - t
        finally:
            executor.close()
    summary.seconds = round(time.perf_counter() - t0, 3)
    summary.parent_cpu_seconds = round(time.process_time() - cpu0, 3)
    summary.write_seconds = round(summary.write_seconds, 3)
    summary.story_seconds = round(summary.story_seconds, 3)
    store.finish_run(summary.run_id, articles=summary.articles, skipped=summary.skipped,
                     failed=summary.failed, events=summary.events, quotes=summary.quotes)
    return summary


def _last_pieces(batches: list[_Batch], pieces: int) -> list[_Batch]:
    """The input's last batches (the last full one and what came after it) as ``pieces`` smaller
    ones of about equal text, in input order, so that the workers finish the run at about the same
    time: a whole batch sent last would keep one worker busy while the others idle (on 2 workers,
    about half a batch's time, some 8% of a short run). Errors go with the first piece, the input
    files the batches complete with the last, which is written last. With one slot (in-process)
    the batches are sent as they are."""
    batches = [b for b in batches if b.docs or b.errors or b.inputs or b.items]
    if pieces < 2:  # one at a time anyway: the batches as they are (each within the size limits)
        return batches
    whole = _Batch(docs=[d for b in batches for d in b.docs], errors=[e for b in batches for e in b.errors],
                   inputs=[i for b in batches for i in b.inputs], items=sum(b.items for b in batches),
                   chars=sum(b.chars for b in batches))
    if len(whole.docs) < 2:
        return [whole] if batches else []
    out: list[_Batch] = [_Batch(errors=whole.errors)]
    size = whole.chars / min(pieces, len(whole.docs))
    before = 0  # the text of the pieces before the last
    for doc in whole.docs:  # a piece ends where its share of the text is reached
        if out[-1].docs and before + out[-1].chars + len(doc.raw) / 2 > size * len(out):
            before += out[-1].chars
            out.append(_Batch())
        out[-1].docs.append(doc)
        out[-1].chars += len(doc.raw)
        out[-1].items += 1
    out[-1].inputs = whole.inputs
    out[-1].items += whole.items - sum(b.items for b in out)
    return out


def _occurrences(docs: list[Document]) -> list[dict]:
    """Where each article of a batch was read from (the store keeps the new ones):
    a verbatim copy from another outlet has the same id, so this is how it counts."""
    now = datetime.now()  # plus a microsecond each, so the order of arrival is kept
    return [{"article_id": d.id, "path": d.source.path, "outlet": d.source.outlet, "url": d.source.url,
             "title": d.source.title, "published": d.source.published,
             "first_seen": now + timedelta(microseconds=i)} for i, d in enumerate(docs)]


@contextmanager
def _queries_on_one_thread(store: Sink, executor: Executor):
    """While worker processes use the cores, the store's queries (small, one batch each) run on one
    thread: DuckDB's own threads would only contend with the workers (~12% less parent CPU at 2 workers
    on 2 cores). The store's setting is put back afterwards."""
    con = getattr(store, "con", None)
    if con is None or isinstance(executor, InProcess):
        yield
        return
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    con.execute("SET threads = 1")
    try:
        yield
    finally:
        import duckdb

        try:
            con.execute(f"SET threads = {int(threads)}")
        except duckdb.Error:  # a failed write invalidated the connection: the run's error is what counts
            pass


def _done(handle: Any) -> bool:
    return handle is None or handle.done()


def _since_timestamp(since: str) -> float:
    return datetime.combine(date.fromisoformat(since), datetime.min.time()).timestamp()


def _story_stage(store: Sink):
    """The story stage for a DuckDB store (a Parquet dataset is placed later, when loaded)."""
    from .store import Store

    if not isinstance(store, Store):
        return None
    from .stories import StoryStage

    stage = StoryStage(store)
    stage.update(refresh=False)  # articles a killed run stored but never placed
    return stage


def _items(paths: list[str], store: Sink, version: str, *, published: str | None, outlet: str | None,
           max_bytes: int | None, new_only: bool, since: str | None) -> Iterator[tuple[str, Any]]:
    """The inputs as a stream of ("doc", Document), ("error", row), ("skip", None),
    ("input", row) after a file's last article, and ("skip_input", path)."""
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}
    since_ts = _since_timestamp(since) if since else None
    for path in iter_files(paths):
        stat = None
        if path != "-":
            try:
                stat = os.stat(path)
            except OSError:
                stat = None  # the reader reports it
        if stat is not None:
            if since_ts is not None and stat.st_mtime < since_ts:
                yield "skip_input", path
                continue
            if new_only and store.input_unchanged(path, stat.st_mtime, stat.st_size, version):
                yield "skip_input", path
                continue
        for item in read([path], published=published, outlet=outlet, **kwargs):
            if isinstance(item, ReadFailure):
                yield "error", {"input": item.input, "code": item.code, "message": item.message,
                                "component": "read"}
            elif since and item.source.published and item.source.published[:10] < since:
                yield "skip", None
            else:
                yield "doc", item
        if stat is not None:
            yield "input", {"path": path, "mtime": stat.st_mtime, "size": stat.st_size}
