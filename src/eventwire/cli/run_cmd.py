"""``eventwire run PATH... --db FILE``: process inputs into the store."""
from __future__ import annotations

import sys

import click

from . import emit_json, handle_errors, main


@main.command("run")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="DuckDB store file (created if new).")
@click.option("--published", help="Publication date (YYYY-MM-DD) for every input.")
@click.option("--outlet", help="Outlet name for every input.")
@click.option("--config", type=click.Path(dir_okay=False), help="Pipeline config TOML (default: packaged).")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--max-bytes", default=20_000_000, show_default=True, type=click.IntRange(1),
              help="Largest input file accepted.")
@click.option("--reprocess", is_flag=True, help="Re-process articles already stored with this pipeline.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@handle_errors
def run_command(paths, db, published, outlet, config, batch_size, max_bytes, reprocess, as_json, quiet):
    """Process PATHS (files, folders, - for stdin) into the DuckDB store --db.

    Shows a progress bar and ends with a summary: articles stored, skipped
    (already processed), failed, events, quotes, time. Failed inputs are listed
    and kept in the store's errors table; exit code 1 if any failed.
    """
    from tqdm import tqdm

    from ..pipeline import get_pipeline
    from ..readers import iter_files
    from ..readers.dates import parse_published
    from ..runner import run
    from ..store import Store

    pipe = get_pipeline(config)
    files = list(iter_files(paths))
    with Store(db) as store:
        bar = tqdm(unit=" articles", disable=quiet or as_json, file=sys.stderr,
                   desc="eventwire")
        summary = run(files, store, pipeline=pipe, published=parse_published(published), outlet=outlet,
                      batch_size=batch_size, skip_done=not reprocess, max_bytes=max_bytes,
                      progress=bar.update)
        bar.close()
    if as_json:
        emit_json(summary.as_dict())
    else:
        for f in summary.failures:
            click.echo(f"failed: {f['input']}: {f['message']} [{f['code']}]", err=True)
        click.echo(f"{summary.articles} articles stored, {summary.skipped} skipped (already processed), "
                   f"{summary.failed} failed, {summary.events} events, {summary.quotes} quotes "
                   f"in {summary.seconds:.1f}s -> {db}")
    if summary.failed:
        sys.exit(1)
