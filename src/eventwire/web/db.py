"""The web app's read access to the store: one read-only connection, a cursor
per query, and a time limit on every query.

DuckDB has no statement timeout, so each query runs on its own cursor and a
timer interrupts that cursor when the limit passes; the caller gets
:class:`QueryTimeout` instead of a request that never ends.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Sequence

from ..errors import EventwireError, StoreError


class QueryTimeout(EventwireError):
    """A store query ran past the server's query time limit."""

    code = "query_timeout"


class Reader:
    """Read-only queries against a store file, safe to share between request threads.

    ``query`` has the same signature as :meth:`eventwire.store.Store.query`, so
    the listings in :mod:`eventwire.store.queries` run on it unchanged.
    """

    def __init__(self, path: str | Path, *, query_timeout: float = 10.0, read_only: bool = True):
        from ..store import Store, list_migrations

        self.store = Store(path, read_only=read_only)
        self.path = str(path)
        have, want = self.store.schema_version(), max(n for n, _, _ in list_migrations())
        if have < want:
            self.store.close()
            raise StoreError(f"this store has schema version {have}, older than this eventwire's {want}; "
                             "apply the migrations once with `eventwire serve --migrate` (it then serves "
                             "read-only as usual)", input=self.path)
        self.query_timeout = query_timeout
        self._tables: set[str] | None = None

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        import duckdb

        cur = self.store.con.cursor()
        timer = threading.Timer(self.query_timeout, cur.interrupt)
        timer.start()
        try:
            res = cur.execute(sql, list(params))
            cols = [c[0] for c in res.description]
            return [dict(zip(cols, r)) for r in res.fetchall()]
        except duckdb.InterruptException:
            raise QueryTimeout(f"the query took longer than {self.query_timeout:g} s; narrow the filters "
                               "or lower the page size") from None
        except duckdb.Error as e:
            raise StoreError(f"the store could not answer ({type(e).__name__})", input="store") from None
        finally:
            timer.cancel()
            cur.close()

    def tables(self) -> set[str]:
        """Names of the tables in the store (cached: the connection is read-only)."""
        if self._tables is None:
            rows = self.query("SELECT table_name FROM information_schema.tables")
            self._tables = {r["table_name"] for r in rows}
        return self._tables

    def columns(self, table: str) -> list[str]:
        rows = self.query("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                          "ORDER BY ordinal_position", [table])
        return [r["column_name"] for r in rows]

    def close(self) -> None:
        self.store.close()
