"""Named, versioned components assembled into a pipeline from a config.

A component is registered with :func:`component` under a name, with the
fields it reads and writes and a version. Its factory takes the settings from
the config and returns a callable that annotates a *batch* of documents in
place (batches let the spaCy stage use ``nlp.pipe``). A pipeline is a list of
component names plus settings, read from TOML, so a worker on another machine
rebuilds exactly the same pipeline from the same file (spaCy's
``@Language.component`` and ``config.cfg`` idea).

A failure inside a component on a batch is isolated by re-running that batch
one document at a time: the bad document becomes a :class:`DocFailure`, the
others go on.
"""
from __future__ import annotations

import copy
import hashlib
import importlib
import json
import signal
import threading
import tomllib
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from ._version import __version__
from .document import Document
from .errors import ConfigError, EventwireError

BatchFn = Callable[[list[Document]], None]


@dataclass
class ComponentSpec:
    name: str
    factory: Callable[[dict[str, Any]], BatchFn]
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    version: str
    defaults: dict[str, Any] = field(default_factory=dict)


REGISTRY: dict[str, ComponentSpec] = {}



def component(name: str, *, reads: Sequence[str], writes: Sequence[str], version: str,
              defaults: dict[str, Any] | None = None):
    """Register a component factory under ``name`` (decorator)."""

    def deco(factory):
        REGISTRY[name] = ComponentSpec(name, factory, tuple(reads), tuple(writes), version,
                                       dict(defaults or {}))
        return factory

    return deco


def load_components() -> None:
    """Import every module in ``eventwire.components`` so its components register.

    Modules are importable by name, so Dask and multiprocessing workers
    rebuild the same registry from the same installed package.
    """
    import pkgutil

    from . import components

    for info in pkgutil.iter_modules(components.__path__):
        importlib.import_module(f"{components.__name__}.{info.name}")


@dataclass
class DocFailure:
    """A document a component could not process."""

    doc: Document
    component: str
    code: str
    message: str

    @property
    def input(self) -> str:
        return self.doc.source.path or self.doc.id[:12]

    def __str__(self) -> str:
        return f"{self.input}: {self.component} failed: {self.message} [{self.code}]"


DEFAULT_CONFIG = "default.toml"


def read_config(path: str | Path | None = None) -> dict[str, Any]:
    """The pipeline config: a TOML file, or the packaged default."""
    if path is None:
        text = resources.files("eventwire.config").joinpath(DEFAULT_CONFIG).read_text("utf-8")
        where = f"eventwire/config/{DEFAULT_CONFIG}"
    else:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as e:
            raise ConfigError(f"cannot read pipeline config: {e.strerror}", input=str(path)) from None
        where = str(path)
    try:
        cfg = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"invalid TOML: {e}", input=where) from None
    comps = cfg.get("pipeline", {}).get("components")
    if not isinstance(comps, list) or not all(isinstance(c, str) for c in comps):
        raise ConfigError("config needs [pipeline] components = [\"name\", ...]", input=where)
    return cfg


class TimeLimitExceeded(EventwireError):
    code = "timeout"


@contextmanager
def time_limit(seconds: float | None):
    """Raise :class:`TimeLimitExceeded` if the block runs longer than ``seconds``.

    Uses SIGALRM, so it applies in the main thread of a process (the CLI,
    multiprocessing workers); elsewhere (threads) it is a no-op.
    """
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def on_alarm(signum, frame):
        raise TimeLimitExceeded(f"took longer than the {seconds:g}s time limit per document; "
                                "raise [pipeline] time_limit or split the input")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


DEFAULT_TIME_LIMIT = 120.0  # seconds per document per component


class Pipeline:
    """Components in order; call it on a batch of documents."""

    def __init__(self, config: dict[str, Any] | None = None):
        load_components()
        self.config = copy.deepcopy(config) if config is not None else read_config()
        self.time_limit = float(self.config["pipeline"].get("time_limit", DEFAULT_TIME_LIMIT))
        names = self.config["pipeline"]["components"]
        settings = self.config.get("components", {})
        self.steps: list[tuple[ComponentSpec, BatchFn]] = []
        seen: set[str] = {"raw", "source"}
        for name in names:
            spec = REGISTRY.get(name)
            if spec is None:
                raise ConfigError(f"unknown component '{name}'; known: {', '.join(sorted(REGISTRY))}",
                                  input="pipeline.components")
            missing = [r for r in spec.reads if r not in seen]
            if missing:
                raise ConfigError(f"component '{name}' reads {', '.join(missing)}, which no earlier "
                                  "component writes; reorder the pipeline", input="pipeline.components")
            given = settings.get(name, {})
            unknown = sorted(set(given) - set(spec.defaults))
            if unknown:  # a misspelt setting would otherwise be ignored without a word
                known = ", ".join(sorted(spec.defaults)) or "none"
                raise ConfigError(f"component '{name}' has no setting {', '.join(map(repr, unknown))}; "
                                  f"its settings: {known}", input=f"components.{name}")
            opts = {**spec.defaults, **given}
            self.steps.append((spec, spec.factory(opts)))
            seen.update(spec.writes)
        self.info = self._info()

    @classmethod
    def from_file(cls, path: str | Path | None) -> "Pipeline":
        return cls(read_config(path))

    @property
    def names(self) -> list[str]:
        return [s.name for s, _ in self.steps]

    def _info(self) -> dict[str, str]:
        """Versions recorded in every output: code, model, knowledge base, config hash."""
        info: dict[str, str] = {}
        for spec, fn in self.steps:
            info.update(getattr(fn, "meta", {}) or {})
        parts = {"eventwire": __version__, "components": {s.name: s.version for s, _ in self.steps},
                 "config": self.config, **info}
        digest = hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:12]
        return {"version": f"{__version__}+{digest}", "model": info.get("model", ""),
                "kb": info.get("kb", ""), **{k: v for k, v in info.items() if k not in ("model", "kb")}}

    @property
    def version(self) -> str:
        return self.info["version"]

    @property
    def id_steps(self) -> int:
        """How many leading steps settle ``doc.text``, and so ``doc.id``.

        Runners run these first (they are cheap: the text repair) to skip
        articles already stored before paying for the rest.
        """
        return max((i + 1 for i, (spec, _) in enumerate(self.steps) if "text" in spec.writes), default=0)

    def __call__(self, docs: list[Document], *, start: int = 0, stop: int | None = None
                 ) -> tuple[list[Document], list[DocFailure]]:
        """Run the components (``steps[start:stop]``, all by default) over ``docs``.

        Returns the processed and the failed. Only a run that reaches the last
        step stamps the pipeline versions on the documents.
        """
        failures: list[DocFailure] = []
        live = list(docs)
        for spec, fn in self.steps[start:stop]:
            if not live:
                break
            try:
                with time_limit(self.time_limit * len(live)):
                    fn(live)
            except Exception:  # isolate the bad document; re-raised per document below
                live = self._one_by_one(spec, fn, live, failures)
        if stop is None or stop >= len(self.steps):
            for d in live:
                d.pipeline = dict(self.info)
                d.user_data.clear()
        return live, failures

    def _one_by_one(self, spec, fn, docs, failures) -> list[Document]:
        ok = []
        for d in docs:
            try:
                with time_limit(self.time_limit):
                    fn([d])
                ok.append(d)
            except EventwireError as e:
                failures.append(DocFailure(d, spec.name, e.code, e.message))
            except (MemoryError, RecursionError) as e:
                failures.append(DocFailure(d, spec.name, "resources", f"{type(e).__name__} on this document"))
            except Exception as e:  # a bug in a stage: report it on this document, keep the batch going
                failures.append(DocFailure(d, spec.name, "internal", f"{type(e).__name__}: {e}"))
        return ok

    def pipe(self, docs: Iterable[Document], batch_size: int = 32
             ) -> Iterator[tuple[list[Document], list[DocFailure]]]:
        """Process a stream in batches, yielding each batch's results."""
        batch: list[Document] = []
        for d in docs:
            batch.append(d)
            if len(batch) >= batch_size:
                yield self(batch)
                batch = []
        if batch:
            yield self(batch)


_CACHE: dict[str, Pipeline] = {}


def freeze_loaded() -> None:
    """Put what this process has loaded so far (models, lexicons, gazetteers) out of the garbage
    collector's sight, for a process that keeps it to the end (a run, a worker): full collections
    otherwise walk all of it again and again while batches come and go (~4% of a worker's CPU, ~13%
    of a run's parent's on MEANTIME). Objects made later are collected as usual."""
    import gc

    gc.collect()
    gc.freeze()


def get_pipeline(config_path: str | Path | None = None) -> Pipeline:
    """A pipeline built once per process per config (workers reuse it)."""
    key = str(Path(config_path).resolve()) if config_path else "<default>"
    if key not in _CACHE:
        _CACHE[key] = Pipeline.from_file(config_path)
    return _CACHE[key]
