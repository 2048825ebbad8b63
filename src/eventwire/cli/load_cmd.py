"""``eventwire load DIR --db FILE``: copy a Parquet dataset (from ``run --parquet``) into a store."""
from __future__ import annotations

import click

from . import emit_json, handle_errors, main


@main.command("load")
@click.argument("dataset", type=click.Path(file_okay=False))
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="DuckDB store file (created if new).")
@click.option("--json", "as_json", is_flag=True, help="Print the row counts as JSON.")
@handle_errors
def load_command(dataset, db, as_json):
    """Copy the Parquet DATASET written by `eventwire run --parquet` into the store --db.

    One transaction; articles already in the store are replaced, so loading
    the same dataset again changes nothing. The loaded articles then go
    through the story stage (near-duplicates, stories, merged events), as a
    run into the store does. To query a dataset in place instead, read it with
    DuckDB: SELECT * FROM read_parquet('DATASET/*/events.parquet').
    """
    from ..stories import StoryStage
    from ..store import Store
    from ..store.parquet import load_dataset

    with Store(db) as store:
        counts = load_dataset(dataset, store)
        StoryStage(store).update()  # places every article not yet in a story
        counts["stories"] = store.query("SELECT count(*) AS n FROM stories")[0]["n"]
    if as_json:
        emit_json(counts)
    else:
        click.echo(", ".join(f"{n} {t}" for t, n in counts.items()) + f" loaded -> {db}")
