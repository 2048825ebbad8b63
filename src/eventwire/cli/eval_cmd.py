"""``eventwire eval TASK``: score a component on the gold sets in ../shared/data."""
from __future__ import annotations

import sys

import click

from . import emit_json, handle_errors, main


@main.command("eval")
@click.argument("tasks", nargs=-1)
@click.option("--data", type=click.Path(file_okay=False), help="Gold data folder (default: ../shared/data).")
@click.option("--check", is_flag=True, help="Exit 1 if a score is below its floor (for CI).")
@click.option("--json", "as_json", is_flag=True, help="Print metrics as JSON.")
@handle_errors
def eval_command(tasks, data, check, as_json):
    """Evaluate TASKS (default: all). Known tasks: see `eventwire eval --help` or the README."""
    from ..evaluation import below_floor, load_tasks, run_task

    names = list(tasks) or sorted(load_tasks())
    low = []
    for name in names:
        res = run_task(name, data)
        if as_json:
            emit_json({"task": name, "metrics": res.metrics})
        else:
            click.echo(res.report)
        low += below_floor(res)
    for msg in low:
        click.echo(f"below floor: {msg}", err=True)
    if check and low:
        sys.exit(1)
