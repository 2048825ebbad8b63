"""A Parquet dataset as a run's output: for large and distributed runs.

Layout of ``DIR`` (the store's tables, one folder per committed batch)::

    DIR/_eventwire.json                 format marker and the pipeline version
    DIR/batch-<run>-<seq>/articles.parquet, events.parquet, ... errors.parquet, inputs.parquet
    DIR/_runs/<run>.json                one record per run

Each batch is written into a hidden ``_tmp-...`` folder and renamed into
place in one step, so a reader (or a killed run) never sees part of a batch:
a batch folder is either complete or absent. Names starting with ``_`` are
ignored by Spark and Hive-style readers; the glob ``DIR/*/events.parquet``
reads one table with DuckDB (``read_parquet``), Dask or Spark. Column types
are the DuckDB store's (the rows go through an in-memory store with the same
migrations), so ``eventwire load DIR --db F`` copies a dataset into a store.

A dataset holds one pipeline version; write another version to a new folder.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Sequence

from ..errors import StoreError
from . import Store
from .rows import ANNOTATION_TABLES

TABLES = ("articles",) + ANNOTATION_TABLES + ("errors", "inputs")
MANIFEST = "_eventwire.json"
FORMAT = "eventwire-parquet-1"


def batch_glob(root: str | Path, table: str) -> str:
    """The glob that reads one table of a dataset (e.g. for DuckDB ``read_parquet``)."""
    return str(Path(root) / "batch-*" / f"{table}.parquet")


def is_dataset(root: str | Path) -> bool:
    return (Path(root) / MANIFEST).is_file()


class ParquetDataset:
    """A run's output as a folder of Parquet files (the :class:`~eventwire.runner.Sink` interface)."""

    def __init__(self, path: str | Path):
        self.root = Path(path)
        self.path = str(path)
        if self.root.exists() and not self.root.is_dir():
            raise StoreError("not a folder; --parquet needs a folder for the dataset", input=self.path)
        if self.root.is_dir() and not is_dataset(self.root) and any(
                p.name != "_eventwire.lock" for p in self.root.iterdir()):
            raise StoreError("folder is not empty and holds no eventwire dataset; use a new or empty folder",
                             input=self.path)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            self._lock = open(self.root / "_eventwire.lock", "w")
        except OSError as e:
            raise StoreError(f"cannot create the dataset folder: {e.strerror}", input=self.path) from None
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise StoreError("dataset is being written by another process; wait for it to finish or use "
                             "another --parquet folder", input=self.path, code="store_locked") from None
        for tmp in self.root.glob("_tmp-*"):  # left by a killed run: never visible, now removed
            shutil.rmtree(tmp, ignore_errors=True)
        self.manifest = self._read_manifest()
        if not is_dataset(self.root):
            self._write_json(self.root / MANIFEST, self.manifest)
        self.mem = Store(":memory:")  # typed tables, the same columns as the DuckDB store
        con = self.mem.con
        has_batches = any(self.root.glob("batch-*"))
        if has_batches:
            con.execute("CREATE TABLE _done AS SELECT id, pipeline_version FROM read_parquet(?)",
                        [batch_glob(self.root, "articles")])
            con.execute("CREATE TABLE _seen AS SELECT path, mtime, size, pipeline_version FROM read_parquet(?)",
                        [batch_glob(self.root, "inputs")])
        else:
            con.execute("CREATE TABLE _done (id VARCHAR, pipeline_version VARCHAR)")
            con.execute("CREATE TABLE _seen (path VARCHAR, mtime DOUBLE, size BIGINT, pipeline_version VARCHAR)")
        self._seq = 0

    def _read_manifest(self) -> dict[str, Any]:
        f = self.root / MANIFEST
        if not f.exists():
            return {"format": FORMAT, "pipeline_version": None}
        try:
            m = json.loads(f.read_text("utf-8"))
        except (OSError, ValueError) as e:
            raise StoreError(f"dataset marker {MANIFEST} is unreadable ({e}); the folder is not a usable "
                             "eventwire dataset", input=self.path) from None
        if m.get("format") != FORMAT:
            raise StoreError(f"unknown dataset format {m.get('format')!r}", input=self.path)
        return m

    def _write_json(self, target: Path, obj: dict[str, Any]) -> None:
        tmp = target.with_name(f"_tmp-{uuid.uuid4().hex}.json")
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(obj, fh, default=str)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except OSError as e:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"cannot write {target.name} ({e.strerror}); the dataset is unchanged: fix the "
                             "cause (free disk space?) and re-run", input=self.path, code="store_write") from None

    # -- the Sink interface --------------------------------------------------
    def start_run(self, pipeline_version: str, inputs: list[str]) -> str:
        have = self.manifest.get("pipeline_version")
        if have and have != pipeline_version:
            raise StoreError(f"dataset holds pipeline version {have}, this run is {pipeline_version}; write "
                             "it to a new --parquet folder", input=self.path, code="store_version")
        if not have:
            self.manifest["pipeline_version"] = pipeline_version
            self._write_json(self.root / MANIFEST, self.manifest)
        self.run_id = uuid.uuid4().hex[:16]
        self._run = {"run_id": self.run_id, "started_at": _now(), "finished_at": None,
                     "pipeline_version": pipeline_version, "inputs": inputs}
        (self.root / "_runs").mkdir(exist_ok=True)
        self._write_json(self.root / "_runs" / f"{self.run_id}.json", self._run)
        return self.run_id

    def finish_run(self, run_id: str, **counts: int) -> None:
        self._run.update(counts, finished_at=_now())
        self._write_json(self.root / "_runs" / f"{run_id}.json", self._run)

    def known_ids(self, ids: Sequence[str], pipeline_version: str) -> set[str]:
        if not ids:
            return set()
        rows = self.mem.con.execute("SELECT id FROM _done WHERE id IN (SELECT unnest(?::VARCHAR[])) "
                                    "AND pipeline_version = ?", [list(ids), pipeline_version]).fetchall()
        return {r[0] for r in rows}

    def input_unchanged(self, path: str, mtime: float, size: int, pipeline_version: str) -> bool:
        return bool(self.mem.con.execute(
            "SELECT count(*) FROM _seen WHERE path = ? AND mtime = ? AND size = ? AND pipeline_version = ?",
            [path, mtime, size, pipeline_version]).fetchall()[0][0])

    def write_rows(self, ids: Sequence[str], tables: dict[str, Any], *,
                   errors: Sequence[dict[str, Any]] = (), inputs: Sequence[dict[str, Any]] = (),
                   occurrences: Sequence[dict[str, Any]] = ()) -> set[str]:
        """Write one batch as a folder of Parquet files, made visible by one rename.

        ``occurrences`` are not kept: a dataset holds each article once, as read
        (its own outlet), like the story stage that runs when it is loaded."""
        if not ids and not errors and not inputs:
            return set()
        con = self.mem.con
        self.mem.write_rows(ids, tables, errors=errors, inputs=inputs)  # typed, in memory
        self._seq += 1
        name = f"batch-{self.run_id}-{self._seq:06d}"
        tmp = self.root / f"_tmp-{name}"
        try:
            tmp.mkdir()
            for table in TABLES:
                target = tmp / f"{table}.parquet"
                con.execute(f"COPY (SELECT * FROM {table}) TO '{_sql_path(target)}' (FORMAT parquet)")
                _fsync(target)
            _fsync(tmp)
            os.rename(tmp, self.root / name)
            _fsync(self.root)
        except Exception as e:
            shutil.rmtree(tmp, ignore_errors=True)
            import duckdb

            if isinstance(e, (duckdb.Error, OSError)):
                raise StoreError(f"writing a batch failed ({str(e).splitlines()[0]}); nothing of it is "
                                 "visible and earlier batches are kept: fix the cause (free disk space?) and "
                                 "re-run the same command to resume", input=self.path,
                                 code="store_write") from None
            raise
        finally:
            for table in TABLES:
                con.execute(f"DELETE FROM {table}")
        if ids:
            version = self.manifest["pipeline_version"]
            con.executemany("INSERT INTO _done VALUES (?, ?)", [[i, version] for i in ids])
        if inputs:
            con.executemany("INSERT INTO _seen VALUES (?, ?, ?, ?)",
                            [[i["path"], i["mtime"], i["size"], i["pipeline_version"]] for i in inputs])
        return set()

    def close(self) -> None:
        self.mem.close()
        self._lock.close()

    def __enter__(self) -> "ParquetDataset":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def load_dataset(root: str | Path, store: Store) -> dict[str, int]:
    """Copy a dataset into ``store`` in one transaction; re-loading replaces, never duplicates.

    Returns the number of rows now loaded per table.
    """
    import duckdb

    root = Path(root)
    if not is_dataset(root):
        raise StoreError(f"not an eventwire Parquet dataset (no {MANIFEST}); write one with "
                         "`eventwire run PATHS --parquet DIR`", input=str(root))
    if not any(root.glob("batch-*")):
        return {t: 0 for t in TABLES}
    runs = []
    for f in sorted((root / "_runs").glob("*.json")):
        try:
            runs.append(json.loads(f.read_text("utf-8")))
        except (OSError, ValueError):
            continue  # a run record being rewritten; the batches are what counts
    con = store.con
    g = {t: batch_glob(root, t) for t in TABLES}
    counts: dict[str, int] = {}
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE TEMP TABLE _load_ids AS SELECT DISTINCT id FROM read_parquet(?)", [g["articles"]])
        for table in ("articles",) + ANNOTATION_TABLES:
            key = "id" if table == "articles" else "article_id"
            con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT id FROM _load_ids)")
        con.execute("DELETE FROM inputs WHERE path IN (SELECT path FROM read_parquet(?))", [g["inputs"]])
        con.execute("DELETE FROM errors WHERE run_id IN (SELECT DISTINCT run_id FROM read_parquet(?))",
                    [g["errors"]])
        for table in TABLES:
            # an input file read by several runs: its latest record
            latest = " QUALIFY row_number() OVER (PARTITION BY path ORDER BY read_at DESC) = 1" \
                if table == "inputs" else ""
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?, union_by_name = true)"
                        + latest, [g[table]])
            counts[table] = con.execute(f"SELECT count(*) FROM read_parquet(?)", [g[table]]).fetchall()[0][0]
        for r in runs:
            con.execute("DELETE FROM runs WHERE run_id = ?", [r["run_id"]])
            con.execute("INSERT INTO runs (run_id, started_at, finished_at, pipeline_version, inputs, articles, "
                        "skipped, failed, events, quotes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [r["run_id"], r.get("started_at"), r.get("finished_at"), r.get("pipeline_version"),
                         json.dumps(r.get("inputs", [])), r.get("articles"), r.get("skipped"), r.get("failed"),
                         r.get("events"), r.get("quotes")])
        con.execute("DROP TABLE _load_ids")
        con.execute("COMMIT")
    except duckdb.Error as e:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass
        raise StoreError(f"loading the dataset failed ({str(e).splitlines()[0]}); the store is unchanged",
                         input=str(root)) from None
    return counts


def _sql_path(p: Path) -> str:
    return str(p).replace("'", "''")


def _fsync(p: Path) -> None:
    fd = os.open(p, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _now() -> str:
    return datetime.now(timezone.utc).replace(tzinfo=None).isoformat()
