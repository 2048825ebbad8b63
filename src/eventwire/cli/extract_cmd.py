"""``eventwire extract FILE...``: the JSON record of each article on stdout."""
from __future__ import annotations

import json
import sys

import click

from . import emit_json, handle_errors, main


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for every input; overrides metadata.")
@click.option("--outlet", help="Outlet name for every input; overrides the file's own.")
@click.option("--config", type=click.Path(dir_okay=False), help="Pipeline config TOML (default: packaged).")
@click.option("--pretty", is_flag=True, help="Indent the JSON (one record per article still).")
@handle_errors
def extract(paths, published, outlet, config, pretty):
    """Process PATHS (files, folders, - for stdin) and print JSON records.

    One JSON object per article (JSON Lines when several). Inputs that fail
    are reported on stderr, one line each; exit code 1 if any failed.
    """
    from ..pipeline import get_pipeline
    from ..readers import ReadFailure, read
    from ..readers.dates import parse_published

    pipe = get_pipeline(config)
    failed = 0
    batch = []

    def flush():
        nonlocal failed
        ok, bad = pipe(batch)
        for doc in ok:
            rec = doc.to_dict()
            click.echo(json.dumps(rec, ensure_ascii=False, indent=2 if pretty else None))
        for f in bad:
            failed += 1
            click.echo(f"eventwire: {f}", err=True)
        batch.clear()

    for item in read(paths, published=parse_published(published), outlet=outlet):
        if isinstance(item, ReadFailure):
            failed += 1
            click.echo(f"eventwire: {item}", err=True)
            continue
        batch.append(item)
        if len(batch) >= 16:
            flush()
    if batch:
        flush()
    if failed:
        sys.exit(1)
