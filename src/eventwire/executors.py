"""Where batches are processed: in this process, in local worker processes, or on Dask.

Each executor takes a batch of payloads (:mod:`eventwire.workers`) and returns
a :class:`concurrent.futures.Future`-like object whose ``result()`` is the
batch's rows. The runner keeps a bounded number of batches in flight
(:attr:`Executor.slots`) and writes results in submission order, so memory
stays bounded and the store's contents do not depend on which worker was
fastest.

Workers rebuild the pipeline from the config (a file path for local
processes, the config's contents for Dask workers, which may be on other
machines) and load the model once each.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import Future
from typing import Any, Protocol

from .errors import ParameterError, RunFailed
from .pipeline import Pipeline
from .workers import Payload, process_payloads


RESUME_HINT = "what was stored so far is kept; re-run the same command to resume"


class Executor(Protocol):
    slots: int

    def submit(self, payloads: list[Payload]) -> Any: ...

    def result(self, handle: Any) -> dict[str, Any]: ...

    def close(self) -> None: ...


class InProcess:
    """Process batches in this process, one at a time (the default)."""

    slots = 1

    def __init__(self, pipe: Pipeline):
        self.pipe = pipe

    def submit(self, payloads: list[Payload]) -> Future:
        fut: Future = Future()
        fut.set_result(process_payloads(self.pipe, payloads))
        return fut

    def result(self, handle: Future) -> dict[str, Any]:
        return handle.result()

    def close(self) -> None:
        pass


class _Task:
    """A batch given to a local worker: kept until its result is taken, to be re-sent if the worker dies."""

    def __init__(self, payloads: list[Payload], future: Future):
        self.payloads = payloads
        self.future = future

    def done(self) -> bool:
        return self.future.done()


class LocalProcesses:
    """``n`` worker processes on this machine (spawned: no inherited database handles or threads).

    If a worker dies (killed, out of memory) the pool is restarted and the
    batches in flight are sent again, up to ``restarts`` times in a run; a
    batch is written once, when its result is taken, so nothing is duplicated.
    """

    def __init__(self, n: int, config_path: str | None, *, restarts: int = 2):
        if n < 1:
            raise ParameterError("--workers must be at least 1", input="--workers")
        self.n = n
        self.config_path = config_path
        self.slots = 2 * n
        self.restarts_left = restarts
        self.tasks: list[_Task] = []
        self.pool = self._start()

    def _start(self):
        from concurrent.futures import ProcessPoolExecutor

        from .workers import init_local_worker

        return ProcessPoolExecutor(max_workers=self.n, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=init_local_worker, initargs=(self.config_path, os.getpid()))

    def submit(self, payloads: list[Payload]) -> _Task:
        from .workers import process_local

        task = _Task(payloads, self.pool.submit(process_local, payloads))
        self.tasks.append(task)
        return task

    def result(self, task: _Task) -> dict[str, Any]:
        from concurrent.futures.process import BrokenProcessPool

        from .workers import process_local

        while True:
            try:
                out = task.future.result()
                self.tasks.remove(task)
                return out
            except BrokenProcessPool:
                if self.restarts_left <= 0:
                    raise RunFailed("worker processes keep dying (killed, or out of memory); " + RESUME_HINT,
                                    input="--workers") from None
                self.restarts_left -= 1
                self.pool.shutdown(wait=False, cancel_futures=True)
                self.pool = self._start()
                for t in self.tasks:  # every batch without a result yet, this one included
                    if not (t.future.done() and not t.future.cancelled() and t.future.exception() is None):
                        t.future = self.pool.submit(process_local, t.payloads)

    def close(self) -> None:
        """Stop the workers without waiting for them to exit (the pool's own thread reaps them):
        the runner closes the pool as soon as the last result is in and writes meanwhile."""
        self.pool.shutdown(wait=False, cancel_futures=True)


class DaskCluster:
    """Batches as tasks on a Dask cluster: a scheduler address, or ``local`` for a LocalCluster.

    A task whose worker dies is re-run by the scheduler on another worker; the
    parent writes each batch once, when its result arrives, so a re-run task
    cannot duplicate anything.
    """

    def __init__(self, address: str, config: dict[str, Any], *, n_workers: int | None = None,
                 processes: bool = True):
        from distributed import Client, LocalCluster

        self.config = config
        self.cluster = None
        try:
            if address == "local":
                import dask

                # Dask's statistical profiler samples each task thread's stack every 10 ms: ~4% of a
                # worker's CPU on spaCy's deep stacks, for a profile no one reads in a batch run
                with dask.config.set({"distributed.worker.profile.enabled": False}):
                    self.cluster = LocalCluster(n_workers=n_workers or 2, threads_per_worker=1,
                                                processes=processes, dashboard_address=None,
                                                silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
            else:
                self.client = Client(address, timeout="20s")
        except (OSError, TimeoutError, ValueError) as e:  # ValueError: a malformed address
            raise RunFailed(f"cannot reach the Dask scheduler: {e}; check the address (tcp://HOST:PORT) "
                            "or use --dask local", input=address) from None
        n = len(self.client.scheduler_info().get("workers", {})) or 1
        self.slots = 2 * n

    def submit(self, payloads: list[Payload]):
        from .workers import process_dask

        return self.client.submit(process_dask, self.config, payloads, pure=False)

    def result(self, handle) -> dict[str, Any]:
        from distributed import KilledWorker

        try:
            return handle.result()
        except KilledWorker as e:
            raise RunFailed(f"Dask workers kept dying on one batch ({e}); " + RESUME_HINT,
                            input="--dask") from None

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
