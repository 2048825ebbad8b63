"""Exports of the store for existing analysis code: tables, GDELT, PLOVER, DataFrames.

* :func:`export_tables` — every table as Parquet or CSV (one file per table);
* :func:`~eventwire.export.gdelt.export_gdelt` — merged events as a GDELT 2.0
  event table (61 tab-separated columns) and a GDELT 2.0 mentions table;
* :func:`~eventwire.export.plover.export_plover` — merged events as PLOVER
  JSON records;
* :func:`~eventwire.export.frames.events_frame` and friends — pandas DataFrames.

``eventwire export --db F --format parquet|csv|gdelt|plover --out DIR`` is
the CLI over these.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import ParameterError
from .frames import events_frame, stories_frame, table_frame, table_names
from .gdelt import export_gdelt
from .plover import export_plover

FORMATS = ("parquet", "csv", "gdelt", "plover")


def export_tables(store, out: str | Path, fmt: str = "parquet") -> list[Path]:
    """Write every table of ``store`` to ``out/TABLE.parquet`` (or ``.csv``); returns the files."""
    if fmt not in ("parquet", "csv"):
        raise ParameterError(f"unknown table format '{fmt}'; use parquet or csv", input="format")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for name in table_names(store):
        path = out / f"{name}.{fmt}"
        options = "FORMAT PARQUET" if fmt == "parquet" else "FORMAT CSV, HEADER"
        target = str(path).replace("'", "''")
        store.con.execute(f"COPY (SELECT * FROM \"{name}\") TO '{target}' ({options})")
        files.append(path)
    return files


def export(store, out: str | Path, fmt: str) -> list[Path]:
    """Export ``store`` to folder ``out`` in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt in ("parquet", "csv"):
        return export_tables(store, out, fmt)
    if fmt == "gdelt":
        return export_gdelt(store, out)
    if fmt == "plover":
        return export_plover(store, out)
    raise ParameterError(f"unknown export format '{fmt}'; use one of {', '.join(FORMATS)}", input="format")


__all__ = ["FORMATS", "events_frame", "export", "export_gdelt", "export_plover", "export_tables",
           "stories_frame", "table_frame", "table_names"]
