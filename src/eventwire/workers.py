"""What runs inside a worker: rebuild the pipeline once, process batches, return rows.

Workers (local processes or Dask workers) import this module by name, so the
pipeline and its spaCy model are built once per worker process and reused for
every batch (a loader defined in ``__main__`` would be rebuilt per task).

The parent sends each article's raw text, repaired text, repairs and source
as a plain JSON-able dict (:func:`payload`); the worker sends back the table
rows of the processed articles as Arrow tables (made here, in parallel, not by
the one writer), their story inputs and the failures (:func:`process_payloads`).
Nothing is pickled to disk; the parent process is the only writer of the store.
"""
from __future__ import annotations

import atexit
import dataclasses
import hashlib
import json
import os
import sys
import threading
import time
from typing import Any

from .document import Document, Repair, Source
from .pipeline import Pipeline, freeze_loaded, get_pipeline
from .store.rows import arrow_tables, document_rows

Payload = dict[str, Any]

_LOCAL_CONFIG: dict[str, str | None] = {"path": None}
_BY_CONFIG: dict[str, Pipeline] = {}


def payload(doc: Document) -> Payload:
    """A document read and repaired (not yet processed further) as a JSON-able dict."""
    return {"raw": doc.raw, "text": doc.text, "source": dataclasses.asdict(doc.source),
            "repairs": [dataclasses.asdict(r) for r in doc.repairs]}


def from_payload(p: Payload) -> Document:
    return Document(raw=p["raw"], text=p["text"], source=Source(**p["source"]),
                    repairs=[Repair(**r) for r in p["repairs"]])


def process_payloads(pipe: Pipeline, payloads: list[Payload]) -> dict[str, Any]:
    """Run the rest of ``pipe`` (after the steps that settle the text) over a batch.

    Returns ``{"version", "ids", "tables", "stories", "failures", "events", "quotes", "words"}``:
    the tables (Arrow) are ready for :meth:`eventwire.store.Store.write_rows`, ``stories`` are the
    articles' story inputs (:func:`eventwire.stories.prepare`), so the parent's story
    stage need not read them back.
    """
    from .stories import prepare

    docs = [from_payload(p) for p in payloads]
    ok, failed = pipe(docs, start=pipe.id_steps)
    records = [d.to_dict() for d in ok]
    return {
        "version": pipe.version,
        "ids": [d.id for d in ok],
        "tables": arrow_tables(document_rows(ok, records)),
        "stories": prepare(records),
        "failures": [{"input": f.input, "code": f.code, "message": f.message, "component": f.component}
                     for f in failed],
        "events": sum(len(d.events) for d in ok),
        "quotes": sum(len(d.quotes) for d in ok),
        "words": sum(len(d.text.split()) for d in ok),
    }


# A short report (written for this) that takes every stage through its first document.
_WARM_UP_TEXT = ("Officials in Paris said on Monday that the foreign minister, Anna Berg, would meet Chinese "
                 "leaders in Beijing next week. \"We expect an agreement on trade,\" Berg told reporters. "
                 "Protesters attacked a police station in Lagos on 3 March 2024, according to the police.")


def warm_up(pipe: Pipeline) -> Pipeline:
    """Process a short built-in report as a batch is, so what the stages load on first use
    (lexicons, gazetteers, caches) is loaded when the worker starts, not in its first batch:
    about a second of CPU per worker, which the first batch of every worker would pay otherwise."""
    doc = Document(raw=_WARM_UP_TEXT, text=_WARM_UP_TEXT,
                   source=Source(path="<warm-up>", outlet="eventwire", published="2024-03-04"))
    ok, _ = pipe([doc], stop=pipe.id_steps)
    process_payloads(pipe, [payload(d) for d in ok])
    return pipe


# -- local processes (concurrent.futures, spawn) -----------------------------
def init_local_worker(config_path: str | None, parent_pid: int) -> None:
    """Process-pool initializer: build the pipeline once, when the worker starts, and warm it up.

    Also exits the worker when the parent dies: a pool's workers otherwise
    wait forever for work from a parent killed with ``kill -9``.
    """
    _exit_with_parent(parent_pid)
    _LOCAL_CONFIG["path"] = config_path
    warm_up(get_pipeline(config_path))
    freeze_loaded()
    atexit.register(_exit_now)


def _exit_now() -> None:
    """A worker that has been told to stop holds nothing to save (results go back as they are made):
    it leaves without tearing down the model and everything else it loaded, which took it ~0.2 s at
    the end of every run, while the run waited. Registered last, so it runs first at exit."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _exit_with_parent(parent_pid: int, every: float = 0.5) -> None:
    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(every)
        os._exit(3)

    threading.Thread(target=watch, name="eventwire-parent-watch", daemon=True).start()


def process_local(payloads: list[Payload]) -> dict[str, Any]:
    return process_payloads(get_pipeline(_LOCAL_CONFIG["path"]), payloads)


# -- Dask workers --------------------------------------------------------------
def pipeline_for(config: dict[str, Any]) -> Pipeline:
    """The pipeline for a config's contents, built once per worker process.

    Dask workers may not share the parent's file system, so the parent sends
    the config itself (a small dict), not its path.
    """
    key = hashlib.sha256(json.dumps(config, sort_keys=True, default=str).encode()).hexdigest()
    if key not in _BY_CONFIG:
        _BY_CONFIG[key] = warm_up(Pipeline(config))
        freeze_loaded()  # as a local worker does: the model stays to the end
    return _BY_CONFIG[key]


def process_dask(config: dict[str, Any], payloads: list[Payload]) -> dict[str, Any]:
    return process_payloads(pipeline_for(config), payloads)
