"""The DuckDB store: articles and their annotations as queryable tables.

* Numbered migrations (``migrations/NNN_name.sql``) run once each, in order,
  recorded in ``schema_migrations`` (the sqlite-utils idea).
* Writes are in bulk, a batch of documents at a time, through DataFrames
  (DuckDB is slow row by row).
* Re-processing an article replaces all its rows in one transaction: a killed
  run leaves either the old rows or the new ones, never a mix.
* Read access goes through :meth:`Store.query` with bound parameters only.
"""
from __future__ import annotations

import json
import re
import uuid
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..document import Document
from ..errors import StoreError
from .rows import ANNOTATION_TABLES, Rows, arrow_table, document_rows

_MIGRATION = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
_CORRUPT = re.compile(r"not a valid DuckDB database|read enough bytes|corrupt|checksum|invalid|magic", re.I)


def list_migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) of every packaged migration, in order."""
    out = []
    for f in resources.files("eventwire.store.migrations").iterdir():
        m = _MIGRATION.match(f.name)
        if m:
            out.append((int(m.group(1)), m.group(2), f.read_text("utf-8")))
    return sorted(out)


class Store:
    """An eventwire DuckDB database (a file, or ``:memory:``)."""

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False):
        import duckdb

        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError("no such database; create it with `eventwire run PATH --db FILE`",
                             input=self.path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as e:
            msg = str(e)
            if "lock" in msg.lower():
                holder = re.search(r"\(PID (\d+)\)", msg)
                raise StoreError("database is locked by another process"
                                 f"{' (PID ' + holder.group(1) + ')' if holder else ''}; DuckDB allows one "
                                 "writer: wait for it to finish or use another --db file", input=self.path,
                                 code="store_locked") from None
            if _CORRUPT.search(msg):
                raise StoreError("the file is damaged or not a DuckDB database; it was left untouched: move "
                                 "it aside (or restore a backup) and re-run", input=self.path,
                                 code="store_corrupt") from None
            raise StoreError(f"cannot open database: {msg.splitlines()[0]}", input=self.path) from None
        except duckdb.Error as e:
            raise StoreError(f"not a usable DuckDB database ({str(e).splitlines()[0]}); "
                             "move it aside and re-run", input=self.path) from None
        if not read_only:
            self.migrate()
        elif not self._has_table("articles"):
            raise StoreError("this DuckDB file is not an eventwire store", input=self.path)

    # -- schema -----------------------------------------------------------
    def _has_table(self, name: str) -> bool:
        return bool(self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[0])

    def schema_version(self) -> int:
        if not self._has_table("schema_migrations"):
            return 0
        return self.con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]

    def migrate(self) -> list[int]:
        """Apply the migrations not yet applied; return their numbers."""
        import duckdb

        self.con.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                         "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
        # Every migration not yet recorded, not only those above the highest: numbers are
        # assigned per feature and may land out of order.
        done = {r[0] for r in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
        applied = []
        for num, name, sql in list_migrations():
            if num in done:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                                 [num, name, datetime.now(timezone.utc).replace(tzinfo=None)])
                self.con.execute("COMMIT")
            except duckdb.Error as e:
                self.con.execute("ROLLBACK")
                raise StoreError(f"migration {num:03d}_{name} failed: {str(e).splitlines()[0]}",
                                 input=self.path) from None
            applied.append(num)
        return applied

    # -- writing ----------------------------------------------------------
    def write(self, docs: Sequence[Document]) -> None:
        """Store ``docs``, replacing any earlier rows of the same articles, atomically."""
        if docs:
            self.write_rows([d.id for d in docs], document_rows(docs))

    def write_rows(self, ids: Sequence[str], tables: dict[str, Rows], *,
                   errors: Sequence[dict[str, Any]] = (), inputs: Sequence[dict[str, Any]] = (),
                   occurrences: Sequence[dict[str, Any]] = ()) -> set[str]:
        """Commit one batch in one transaction: the articles ``ids`` with their table rows
        (row dicts or Arrow tables, :mod:`.rows`; replacing earlier rows of the same articles),
        error rows, input-file rows and
        ``occurrences`` (where each article was read from; see migration 009).

        A killed process or a failed write (full disk) leaves the batch either
        wholly stored or not at all. Returns the ids of the articles that got a
        new occurrence (an occurrence already recorded, or of an article not
        stored, is dropped).
        """
        import duckdb

        if not ids and not errors and not inputs and not occurrences:
            return set()
        added: set[str] = set()
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if ids:
                con.register("_ids", arrow_table([{"id": i} for i in ids]))
                # only articles stored before need their rows deleted (a primary-key lookup);
                # a new article costs no scan of the annotation tables
                if con.execute("SELECT count(*) FROM articles WHERE id IN (SELECT id FROM _ids)").fetchall()[0][0]:
                    for table in ("articles",) + ANNOTATION_TABLES:
                        key = "id" if table == "articles" else "article_id"
                        con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT id FROM _ids)")
                con.unregister("_ids")
            if inputs:
                con.register("_paths", arrow_table([{"path": i["path"]} for i in inputs]))
                con.execute("DELETE FROM inputs WHERE path IN (SELECT path FROM _paths)")
                con.unregister("_paths")
            for table, rows in {**tables, "errors": list(errors), "inputs": list(inputs)}.items():
                if len(rows):
                    con.register("_batch", arrow_table(rows))
                    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch")
                    con.unregister("_batch")
            if occurrences:
                added = self._add_occurrences(occurrences)
            con.execute("COMMIT")
        except Exception as e:
            try:
                con.execute("ROLLBACK")
            except duckdb.Error:  # the database was invalidated by the failure (e.g. disk full)
                pass
            if isinstance(e, (duckdb.Error, OSError)):
                raise StoreError(f"writing a batch failed ({str(e).splitlines()[0]}); the batch was rolled "
                                 "back and earlier batches are kept: fix the cause (free disk space?) and "
                                 "re-run the same command to resume", input=self.path, code="store_write") from None
            raise
        return added

    _OCCURRENCE_COLUMNS = ("article_id", "path", "outlet", "url", "title", "published", "first_seen")

    def _add_occurrences(self, occurrences: Sequence[dict[str, Any]]) -> set[str]:
        """Insert the occurrences not recorded yet, of stored articles; their article ids."""
        firsts: dict[tuple, dict[str, Any]] = {}
        for o in occurrences:  # the first of the same arrival twice in one batch
            firsts.setdefault((o.get("article_id"), o.get("path"), o.get("outlet"), o.get("url")),
                              {k: o.get(k) for k in self._OCCURRENCE_COLUMNS})
        con = self.con
        con.register("_occ", arrow_table(list(firsts.values())))
        try:
            con.execute("""
                CREATE OR REPLACE TEMP TABLE _occ_new AS
                SELECT n.* REPLACE (TRY_CAST(n.published AS DATE) AS published) FROM _occ n
                WHERE n.article_id IN (SELECT id FROM articles)
                  AND NOT EXISTS (SELECT 1 FROM occurrences o WHERE o.article_id = n.article_id
                                  AND o.path IS NOT DISTINCT FROM n.path AND o.outlet IS NOT DISTINCT FROM n.outlet
                                  AND o.url IS NOT DISTINCT FROM n.url)""")
            con.execute("INSERT INTO occurrences BY NAME SELECT * FROM _occ_new")
            added = {r[0] for r in con.execute("SELECT DISTINCT article_id FROM _occ_new").fetchall()}
            con.execute("DROP TABLE _occ_new")
        finally:
            con.unregister("_occ")
        return added

    def known_ids(self, ids: Sequence[str], pipeline_version: str) -> set[str]:
        """Those of ``ids`` already stored with ``pipeline_version`` (incremental runs)."""
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[])) "
                                "AND pipeline_version = ?", [list(ids), pipeline_version]).fetchall()
        return {r[0] for r in rows}

    def input_unchanged(self, path: str, mtime: float, size: int, pipeline_version: str) -> bool:
        """Whether ``path`` was read completely before, unchanged, by this pipeline version."""
        return bool(self.con.execute(
            "SELECT count(*) FROM inputs WHERE path = ? AND mtime = ? AND size = ? AND pipeline_version = ?",
            [path, mtime, size, pipeline_version]).fetchall()[0][0])

    def record_errors(self, run_id: str, errors: Iterable[dict[str, Any]]) -> None:
        import pandas as pd

        rows = [{"run_id": run_id, "input": e.get("input"), "code": e.get("code"),
                 "message": e.get("message"), "component": e.get("component")} for e in errors]
        if rows:
            self.con.register("_err", pd.DataFrame(rows))
            self.con.execute("INSERT INTO errors BY NAME SELECT * FROM _err")
            self.con.unregister("_err")

    def start_run(self, pipeline_version: str, inputs: list[str]) -> str:
        """Record a run's start; ``inputs`` are the paths as given (folders not expanded)."""
        run_id = uuid.uuid4().hex[:16]
        self.con.execute("INSERT INTO runs (run_id, started_at, pipeline_version, inputs) VALUES (?, ?, ?, ?)",
                         [run_id, datetime.now(timezone.utc).replace(tzinfo=None), pipeline_version,
                          json.dumps(inputs)])
        return run_id

    def finish_run(self, run_id: str, **counts: int) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, articles = ?, skipped = ?, failed = ?, events = ?, quotes = ? "
            "WHERE run_id = ?",
            [datetime.now(timezone.utc).replace(tzinfo=None), counts.get("articles", 0),
             counts.get("skipped", 0), counts.get("failed", 0), counts.get("events", 0),
             counts.get("quotes", 0), run_id])

    # -- reading ----------------------------------------------------------
    def processed_ids(self, pipeline_version: str | None = None) -> set[str]:
        """Ids already stored (with ``pipeline_version`` if given): for incremental runs."""
        if pipeline_version is None:
            rows = self.con.execute("SELECT id FROM articles").fetchall()
        else:
            rows = self.con.execute("SELECT id FROM articles WHERE pipeline_version = ?",
                                    [pipeline_version]).fetchall()
        return {r[0] for r in rows}

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts; ``sql`` must use ``?`` placeholders for every value."""
        cur = self.con.execute(sql, list(params))
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    def frame(self, sql: str, params: Sequence[Any] = ()):
        """A pandas DataFrame of a query (bound parameters only)."""
        return self.con.execute(sql, list(params)).df()

    def document(self, article_id: str) -> Document | None:
        rows = self.con.execute("SELECT record FROM articles WHERE id = ?", [article_id]).fetchall()
        return Document.from_dict(json.loads(rows[0][0])) if rows else None

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles",) + ANNOTATION_TABLES + ("errors",)}

    def close(self, *, checkpoint: bool = True) -> None:
        """Close the store; a writable file store is checkpointed first so that a failure
        to write the database file (a full disk) is reported instead of passing silently."""
        import duckdb

        try:
            if checkpoint and not self.read_only and self.path != ":memory:":
                self.con.execute("CHECKPOINT")
        except duckdb.Error as e:
            raise StoreError(f"could not update the database file ({str(e).splitlines()[0]}); what was "
                             "committed is safe in the .wal file beside it and is applied when the store is "
                             "next opened: free disk space and open it again", input=self.path,
                             code="store_write") from None
        finally:
            self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(checkpoint=exc_type is None)
