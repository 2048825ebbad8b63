"""``eventwire run PATH... --db FILE``: process inputs into the store (or a Parquet dataset)."""
from __future__ import annotations

import sys

import click

from . import emit_json, handle_errors, main


@main.command("run")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB store file (created if new).")
@click.option("--parquet", "parquet_dir", type=click.Path(file_okay=False),
              help="Write a Parquet dataset to this folder instead of --db (large or distributed runs; "
                   "read it with DuckDB/Spark/Dask or `eventwire load`).")
@click.option("--published", help="Publication date (YYYY-MM-DD) for every input.")
@click.option("--outlet", help="Outlet name for every input.")
@click.option("--config", type=click.Path(dir_okay=False), help="Pipeline config TOML (default: packaged).")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--max-bytes", default=20_000_000, show_default=True, type=click.IntRange(1),
              help="Largest input file accepted.")
@click.option("--workers", type=click.IntRange(1, 512),
              help="Process batches in N local worker processes (the model is loaded once per worker).")
@click.option("--dask", "dask_address",
              help="Process batches on a Dask cluster: a scheduler address (tcp://HOST:8786) or 'local' "
                   "(a LocalCluster of --workers processes, default 2).")
@click.option("--reprocess", is_flag=True, help="Re-process articles already stored with this pipeline.")
@click.option("--new-only", is_flag=True,
              help="Skip input files already read, unchanged (same mtime and size), by this pipeline.")
@click.option("--since", help="Skip files modified before this day (YYYY-MM-DD) and articles published before it.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@handle_errors
def run_command(paths, db, parquet_dir, published, outlet, config, batch_size, max_bytes, workers, dask_address,
                reprocess, new_only, since, as_json, quiet):
    """Process PATHS (files, folders, - for stdin) into the DuckDB store --db
    or the Parquet dataset --parquet.

    Articles already stored with the same pipeline version are skipped (by
    content id), so a run that was stopped or killed resumes where it was when
    run again. Shows a progress bar and ends with a summary: articles stored,
    skipped, failed, events, quotes, time. Failed inputs are listed and kept in
    the errors table; exit code 1 if any failed.
    """
    from tqdm import tqdm

    from ..errors import ParameterError
    from ..executors import DaskCluster, InProcess, LocalProcesses
    from ..pipeline import freeze_loaded, get_pipeline
    from ..readers.dates import parse_published
    from ..runner import run

    if bool(db) == bool(parquet_dir):
        raise ParameterError("give one output: --db FILE or --parquet DIR", input="--db")
    if since:
        since = _iso_day(since)
    pipe = get_pipeline(config)
    freeze_loaded()
    sink = _open_sink(db, parquet_dir)
    with sink:
        if dask_address:
            executor = DaskCluster(dask_address, pipe.config, n_workers=workers)
        elif workers:
            executor = LocalProcesses(workers, config)
        else:
            executor = InProcess(pipe)
        bar = tqdm(unit=" articles", disable=quiet or as_json, file=sys.stderr, desc="eventwire")
        summary = run(paths, sink, pipeline=pipe, executor=executor, published=parse_published(published),
                      outlet=outlet, batch_size=batch_size, skip_done=not reprocess, new_only=new_only,
                      since=since, max_bytes=max_bytes, progress=bar.update)
        bar.close()
    if as_json:
        emit_json(summary.as_dict())
    else:
        for f in summary.failures:
            click.echo(f"failed: {f['input']}: {f['message']} [{f['code']}]", err=True)
        skipped_inputs = f", {summary.inputs_skipped} input files skipped" if summary.inputs_skipped else ""
        click.echo(f"{summary.articles} articles stored, {summary.skipped} skipped (already processed), "
                   f"{summary.failed} failed, {summary.events} events, {summary.quotes} quotes{skipped_inputs} "
                   f"in {summary.seconds:.1f}s -> {db or parquet_dir}")
    if summary.failed:
        sys.exit(1)


def _iso_day(value: str) -> str:
    from datetime import date

    from ..errors import ParameterError

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ParameterError(f"'{value}' is not a day; use YYYY-MM-DD", input="--since") from None


def _open_sink(db, parquet_dir):
    if parquet_dir:
        from ..store.parquet import ParquetDataset

        return ParquetDataset(parquet_dir)
    from ..store import Store

    return Store(db)
