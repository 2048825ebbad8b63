"""``eventwire export --db F --format parquet|csv|gdelt|plover --out DIR``."""
from __future__ import annotations

import click

from . import handle_errors, main


@main.command("export")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="DuckDB store file.")
@click.option("--format", "fmt", required=True, type=click.Choice(["parquet", "csv", "gdelt", "plover"]),
              help="parquet/csv: every table, one file each; gdelt: GDELT 2.0 event and mention TSVs of the "
                   "merged events; plover: PLOVER JSON of the merged events.")
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder to write (created).")
@handle_errors
def export_command(db, fmt, out):
    """Export the store for other tools; prints the files written."""
    from ..export import export
    from ..store import Store

    with Store(db, read_only=True) as store:
        files = export(store, out, fmt)
    for f in files:
        click.echo(str(f))
