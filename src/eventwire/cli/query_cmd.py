"""``eventwire articles|events|quotes|actors``: list what the store holds."""
from __future__ import annotations

import csv
import sys

import click

from . import emit_json, handle_errors, main
from ..store.queries import LISTINGS, list_rows


def _print_table(rows: list[dict], columns: list[str]) -> None:
    if not rows:
        click.echo("(no rows)")
        return
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [min(40, max(len(c), *(len(row[i]) for row in cells))) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths)))
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        click.echo("  ".join(v[:w].ljust(w) for v, w in zip(row, widths)))


def _cell(v) -> str:
    if v is None:
        return ""
    s = str(v).replace("\n", " ")
    return s


def _listing(kind: str):
    spec = LISTINGS[kind]

    @click.option("--db", required=True, type=click.Path(dir_okay=False), help="DuckDB store file.")
    @click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 1_000_000))
    @click.option("--offset", default=0, type=click.IntRange(0))
    @click.option("--csv", "as_csv", is_flag=True, help="CSV on stdout.")
    @click.option("--json", "as_json", is_flag=True, help="JSON Lines on stdout.")
    @handle_errors
    def command(db, limit, offset, as_csv, as_json, **filters):
        from ..store import Store

        with Store(db, read_only=True) as store:
            rows = list_rows(store, kind, filters, limit=limit, offset=offset)
        if as_json:
            for r in rows:
                emit_json(r)
        elif as_csv:
            w = csv.DictWriter(sys.stdout, fieldnames=spec.columns, extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)
        else:
            _print_table(rows, spec.columns)

    command.__doc__ = spec.help
    for name, help_text in reversed(spec.filters.items()):
        command = click.option(f"--{name.replace('_', '-')}", name, help=help_text)(command)
    return main.command(kind)(command)


for _kind in LISTINGS:
    _listing(_kind)
