"""Evaluation framework: ``eventwire eval TASK`` against the gold sets.

Each task is registered with :func:`task` and returns an :class:`EvalResult`
of named metrics plus a readable report. ``floors/TASK.json`` holds, per task, the
dev score each metric must not fall below; CI runs ``eventwire eval --check``
and fails when a score drops under its floor (ftfy's and trafilatura's
evaluation gates). Raising a floor is a normal commit; lowering one needs a
stated reason in the commit message.

Gold data lives outside the project, in ``../shared/data`` (or wherever
``EVENTWIRE_DATA`` points); :func:`data_dir` finds it.
"""
from __future__ import annotations

import importlib
import json
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Callable

from ..errors import DataMissing, ParameterError

# Load the floors data package now: importing it later would rebind this
# package's attribute ``floors`` from the function below to the subpackage.
importlib.import_module(f"{__name__}.floors")



@dataclass
class EvalResult:
    task: str
    metrics: dict[str, float]
    report: str = ""
    details: dict[str, Any] = field(default_factory=dict)


TASKS: dict[str, Callable[..., EvalResult]] = {}


def task(name: str):
    def deco(fn):
        TASKS[name] = fn
        return fn

    return deco


def load_tasks() -> dict[str, Callable[..., EvalResult]]:
    """Import every ``*_task`` module in this package so its tasks register."""
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        if info.name.endswith("_task"):
            importlib.import_module(f"{__name__}.{info.name}")
    return TASKS


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The gold data folder: ``explicit``, ``$EVENTWIRE_DATA``, or ``shared/data`` beside a parent."""
    if explicit:
        p = Path(explicit)
        if not p.is_dir():
            raise DataMissing("evaluation data folder does not exist", input=str(p))
        return p
    env = os.environ.get("EVENTWIRE_DATA")
    if env:
        return data_dir(env)
    starts = [Path.cwd(), Path(__file__).resolve()]
    for start in starts:
        for parent in [start, *start.parents]:
            cand = parent / "shared" / "data"
            if cand.is_dir():
                return cand
    raise DataMissing("gold data not found; put it at ../shared/data or set EVENTWIRE_DATA",
                      input="data")


def floors() -> dict[str, dict[str, float]]:
    """Per task, the floor of each metric: one ``floors/TASK.json`` file per task."""
    out = {}
    for f in resources.files("eventwire.evaluation.floors").iterdir():
        if f.name.endswith(".json"):
            out[f.name[:-5]] = json.loads(f.read_text("utf-8"))
    return out


def below_floor(result: EvalResult) -> list[str]:
    """Metrics of ``result`` under their recorded floor, as messages."""
    out = []
    for metric, floor in floors().get(result.task, {}).items():
        value = result.metrics.get(metric)
        if value is None or value + 1e-9 < floor:
            out.append(f"{result.task}.{metric} = {value} is below its floor {floor}")
    return out


def run_task(name: str, data: str | os.PathLike | None = None, **opts: Any) -> EvalResult:
    tasks = load_tasks()
    if name not in tasks:
        raise ParameterError(f"unknown evaluation task '{name}'; known: {', '.join(sorted(tasks))}",
                             input="task")
    return tasks[name](data_dir(data), **opts)
